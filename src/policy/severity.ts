import type { Severity } from '../config/schema.js';
import { AppError } from '../domain/errors.js';

/** Finds a rung of the ladder by level (`3`, `"3"`) or name (`"red-alert"`). */
export function resolveSeverity(ladder: readonly Severity[], wanted: number | string): Severity {
  const asLevel = typeof wanted === 'number' ? wanted : /^\d+$/.test(wanted) ? Number(wanted) : null;
  const found = ladder.find((s) => (asLevel !== null ? s.level === asLevel : s.name === wanted));
  if (!found) {
    const known = ladder.map((s) => `${s.level} (${s.name})`).join(', ');
    throw new AppError('unprocessable', `unknown severity ${JSON.stringify(wanted)}; known: ${known}`);
  }
  return found;
}
