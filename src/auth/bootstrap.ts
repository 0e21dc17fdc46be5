import type { Clock } from '../../adapters/types.js';
import { draft } from '../audit/audit-entry.js';
import { SYSTEM_ACTOR } from '../domain/actor.js';
import { newId } from '../domain/ids.js';
import type { Store } from '../store/store.js';
import { generateApiKey, hashApiKey } from './api-key.js';

/**
 * Makes sure a first API key exists. BOOTSTRAP_API_KEY is added (hashed) if not stored yet;
 * without it, a key is generated on the very first start and returned so main can print it
 * once. Returns the key to show, or null when there is nothing new to show.
 */
export async function bootstrapApiKey(store: Store, clock: Clock, fromEnv: string | undefined): Promise<string | null> {
  const key = fromEnv ?? ((await store.countApiKeys()) === 0 ? generateApiKey() : null);
  if (key === null) return null;
  const hash = hashApiKey(key);
  if (await store.findApiKeyByHash(hash)) return null;
  const id = newId('key');
  const now = clock.now();
  const ctx = { actor: SYSTEM_ACTOR, source: 'system', requestId: newId('req') };
  await store.insertApiKey(
    { id, name: fromEnv ? 'bootstrap (BOOTSTRAP_API_KEY)' : 'bootstrap (generated)', role: 'admin', hash, createdAt: now.toISOString(), revokedAt: null },
    [draft(ctx, now, { action: 'api-key.created', data: { keyId: id, role: 'admin' } })],
  );
  return fromEnv ? null : key;
}
