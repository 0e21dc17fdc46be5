import type { Connection } from './connections/connections.js';
import type { CredentialChecks } from './connections/credential-check.js';
import type { Store } from './store/store.js';

export type Readiness =
  | { status: 'ready' }
  /** serving, but some connections cannot be used: pauses on them would fail */
  | { status: 'degraded'; connections: Array<{ id: string; code: string; message: string }> }
  | { status: 'starting' }
  | { status: 'unavailable'; reason: string };

/**
 * Whether the service can do its job: the store writable, interrupted work taken up, and every
 * connection usable with credentials its platform accepts (the last check, refreshed in the
 * background: a probe never waits on a platform).
 */
export function readiness(parts: { store: Store; started: boolean; connections: readonly Connection[]; credentialChecks: CredentialChecks }): Readiness {
  if (parts.store.failure !== null) return { status: 'unavailable', reason: parts.store.failure };
  if (!parts.started) return { status: 'starting' };
  const failing = parts.connections.flatMap((connection) => {
    if (connection.unusable) return [{ id: connection.id, ...connection.unusable }];
    const status = parts.credentialChecks.latest(connection);
    return status && !status.ok ? [{ id: connection.id, code: status.code ?? 'unexpected_response', message: status.message ?? 'the check failed' }] : [];
  });
  return failing.length > 0 ? { status: 'degraded', connections: failing } : { status: 'ready' };
}
