import type { AdapterClient, Clock } from '../../adapters/types.js';
import type { ManualConnection } from '../config/schema.js';
import type { Connection } from '../connections/connections.js';
import type { RequestContext } from '../domain/actor.js';
import type { ItemError } from '../domain/item.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { ConnectionLocks } from './connection-locks.js';
import type { Moment } from './item-lifecycle.js';
import type { RetryPolicy } from './with-retries.js';

/** What the jobs share. */
export interface Engine {
  store: Store;
  connections: ReadonlyMap<string, Connection>;
  /** platforms without a usable API: pauses carry tasks for people there */
  manual: readonly ManualConnection[];
  clock: Clock;
  retry: RetryPolicy;
  locks: ConnectionLocks;
  logger: Logger;
}

export const momentOf = (engine: Engine, ctx: RequestContext): Moment => ({ ctx, now: engine.clock.now() });

export type Usable = { connection: Connection; client: AdapterClient; error?: undefined } | { error: Omit<ItemError, 'at'> };

/** The connection's client, or the reason no call can be made on it (recorded on each item). */
export function usableConnection(engine: Engine, connectionId: string): Usable {
  const connection = engine.connections.get(connectionId);
  if (!connection)
    return { error: { code: 'connection_unknown', message: `connection ${connectionId} is no longer configured`, retryable: true, ambiguous: false } };
  if (!connection.client) return { error: { ...connection.unusable!, retryable: true, ambiguous: false } };
  return { connection, client: connection.client };
}
