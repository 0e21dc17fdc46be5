import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so equal content always serializes the same way. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * The fingerprint of an item's content. Adapters and their simulators call this with the same
 * projection of the vendor object, so a fingerprint computed from a listing equals the one the
 * sandbox reports.
 */
export function fingerprint(content: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(content)).digest('hex').slice(0, 32)}`;
}
