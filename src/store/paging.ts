import { AppError } from '../domain/errors.js';
import type { Page } from './store.js';

/** Opaque cursors: the id of the last row a page returned. */
export const encodeCursor = (id: string): string => Buffer.from(id, 'utf8').toString('base64url');

export function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[a-z]{3}_[A-Za-z0-9_-]+$/.test(id)) throw new AppError('invalid_request', 'cursor is not valid');
  return id;
}

/** The page of `rows` that follows the row the cursor names. */
export function pageAfter<T>(rows: T[], limit: number, cursor: string | undefined, idOf: (row: T) => string): Page<T> {
  let start = 0;
  if (cursor !== undefined) {
    const after = decodeCursor(cursor);
    const index = rows.findIndex((r) => idOf(r) === after);
    if (index < 0) throw new AppError('invalid_request', 'cursor does not point into this list');
    start = index + 1;
  }
  const data = rows.slice(start, start + limit);
  const more = start + limit < rows.length;
  return { data, nextCursor: more && data.length > 0 ? encodeCursor(idOf(data.at(-1)!)) : null };
}
