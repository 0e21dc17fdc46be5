import type { Clock } from '../../adapters/types.js';
import type { AuditLog } from '../audit/audit-log.js';
import { SYSTEM_ACTOR } from '../domain/actor.js';
import { newId } from '../domain/ids.js';
import type { Store } from '../store/store.js';
import { generateApiKey, hashApiKey } from './api-key.js';

/**
 * Makes sure a first API key exists. BOOTSTRAP_API_KEY is added (hashed) if not stored yet;
 * without it, a key is generated on the very first start and returned so main can print it
 * once. Returns the key to show, or null when there is nothing new to show.
 */
export async function bootstrapApiKey(store: Store, audit: AuditLog, clock: Clock, fromEnv: string | undefined): Promise<string | null> {
  const key = fromEnv ?? ((await store.countApiKeys()) === 0 ? generateApiKey() : null);
  if (key === null) return null;
  const hash = hashApiKey(key);
  if (await store.findApiKeyByHash(hash)) return null;
  const id = newId('key');
  await store.insertApiKey({ id, name: fromEnv ? 'bootstrap (BOOTSTRAP_API_KEY)' : 'bootstrap (generated)', role: 'admin', hash, createdAt: clock.now().toISOString() });
  await audit.record({ actor: SYSTEM_ACTOR, source: 'system', requestId: newId('req') }, [{ action: 'api-key.created', data: { keyId: id, role: 'admin' } }]);
  return fromEnv ? null : key;
}
