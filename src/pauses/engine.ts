import type { AdapterClient, Clock } from '../../adapters/types.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Connection } from '../connections/connections.js';
import type { ItemError } from '../domain/item.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { ClaimLock } from './claim-lock.js';
import type { RetryPolicy } from './with-retries.js';

/** What the plan, suspend and restore steps share. */
export interface Engine {
  store: Store;
  audit: AuditLog;
  connections: ReadonlyMap<string, Connection>;
  clock: Clock;
  retry: RetryPolicy;
  lock: ClaimLock;
  logger: Logger;
}

export type Usable = { connection: Connection; client: AdapterClient; error?: undefined } | { error: ItemError };

/** The connection's client, or the reason no call can be made on it (recorded on each item). */
export function usableConnection(engine: Engine, connectionId: string): Usable {
  const at = engine.clock.now().toISOString();
  const connection = engine.connections.get(connectionId);
  if (!connection)
    return { error: { code: 'connection_unknown', message: `connection ${connectionId} is no longer configured`, retryable: true, ambiguous: false, at } };
  if (!connection.client)
    return {
      error: {
        code: 'credentials_missing',
        message: `credentials for ${connectionId} are not set (environment: ${connection.missingCredentials.join(', ')})`,
        retryable: true,
        ambiguous: false,
        at,
      },
    };
  return { connection, client: connection.client };
}
