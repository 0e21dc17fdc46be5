import { AppError } from '../domain/errors.js';

/**
 * Opaque keyset cursors: the sort key of the last row a page returned (an audit entry's or an
 * item's `seq`, a pause's `createdAt|id`), so any backend can answer "the rows after this one"
 * with an index. An item cursor also names its pause: it means nothing in another one.
 */
export const encodeCursor = (key: string): string => Buffer.from(key, 'utf8').toString('base64url');

const PATTERNS = {
  seq: /^seq:(\d{1,15})$/,
  item: /^seq:(\d{1,15})@([a-z]{3}_[A-Za-z0-9_-]+)$/,
  pause: /^\d{4}-\d\d-\d\dT[\d:.]+Z\|[a-z]{3}_[A-Za-z0-9_-]+$/,
};

export function decodeCursor(cursor: string, kind: keyof typeof PATTERNS): RegExpExecArray {
  const match = PATTERNS[kind].exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new AppError('invalid_request', 'cursor is not valid');
  return match;
}

export const seqCursor = (seq: number): string => encodeCursor(`seq:${seq}`);
export const seqOfCursor = (cursor: string | undefined): number => (cursor === undefined ? 0 : Number(decodeCursor(cursor, 'seq')[1]));

export const itemCursor = (seq: number, pauseId: string): string => encodeCursor(`seq:${seq}@${pauseId}`);
export function seqOfItemCursor(cursor: string | undefined, pauseId: string): number {
  if (cursor === undefined) return 0;
  const [, seq, of] = decodeCursor(cursor, 'item');
  if (of !== pauseId) throw new AppError('invalid_request', 'cursor is not valid for this pause');
  return Number(seq);
}
