import type { Clock } from '../../adapters/types.js';
import { AdapterError } from '../../adapters/kit/adapter-error.js';
import type { Connection } from './connections.js';

export interface CredentialStatus {
  ok: boolean;
  checkedAt: string;
  code?: string;
  message?: string;
}

const FRESH_MS = 60_000;

/**
 * Asks each platform whether a connection's credentials work; answers are kept a minute. The
 * last answers are also read without waiting (`latest`), for readiness probes that must answer
 * at once while a platform may take seconds.
 */
export class CredentialChecks {
  readonly #cache = new Map<string, { at: number; status: Promise<CredentialStatus>; settled?: CredentialStatus }>();

  constructor(private readonly clock: Clock) {}

  check(connection: Connection): Promise<CredentialStatus> {
    const now = this.clock.now().getTime();
    const cached = this.#cache.get(connection.id);
    if (cached && now - cached.at < FRESH_MS) return cached.status;
    const entry: { at: number; status: Promise<CredentialStatus>; settled?: CredentialStatus } = { at: now, status: this.#ask(connection) };
    void entry.status.then((s) => (entry.settled = s));
    this.#cache.set(connection.id, entry);
    return entry.status;
  }

  /** The last settled answer, asking again in the background when it is stale; undefined until one came. */
  latest(connection: Connection): CredentialStatus | undefined {
    const cached = this.#cache.get(connection.id);
    void this.check(connection);
    return cached?.settled;
  }

  async #ask(connection: Connection): Promise<CredentialStatus> {
    const checkedAt = this.clock.now().toISOString();
    if (!connection.client) return { ok: false, checkedAt, code: connection.unusable!.code, message: connection.unusable!.message };
    try {
      await connection.client.checkCredentials();
      return { ok: true, checkedAt };
    } catch (error) {
      const e = error instanceof AdapterError ? error : null;
      return { ok: false, checkedAt, code: e?.code ?? 'unexpected_response', message: e?.message ?? 'the check failed' };
    }
  }
}
