import { randomBytes } from 'node:crypto';

/** Prefixed random ids: `pau_…` pauses, `itm_…` items, `wrk_…` pending work, `key_…` API keys, `aud_…` audit entries, `ntf_…` notification deliveries. */
export function newId(prefix: 'pau' | 'itm' | 'key' | 'aud' | 'req' | 'wrk' | 'tsk' | 'ntf'): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}
