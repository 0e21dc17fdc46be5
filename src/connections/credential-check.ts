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

/** Asks each platform whether a connection's credentials work; answers are kept a minute. */
export class CredentialChecks {
  readonly #cache = new Map<string, { at: number; status: Promise<CredentialStatus> }>();

  constructor(private readonly clock: Clock) {}

  check(connection: Connection): Promise<CredentialStatus> {
    const now = this.clock.now().getTime();
    const cached = this.#cache.get(connection.id);
    if (cached && now - cached.at < FRESH_MS) return cached.status;
    const status = this.#ask(connection);
    this.#cache.set(connection.id, { at: now, status });
    return status;
  }

  async #ask(connection: Connection): Promise<CredentialStatus> {
    const checkedAt = this.clock.now().toISOString();
    if (!connection.client)
      return { ok: false, checkedAt, code: 'credentials_missing', message: `environment variable(s) not set: ${connection.missingCredentials.join(', ')}` };
    try {
      await connection.client.checkCredentials();
      return { ok: true, checkedAt };
    } catch (error) {
      const e = error instanceof AdapterError ? error : null;
      return { ok: false, checkedAt, code: e?.code ?? 'unexpected_response', message: e?.message ?? 'the check failed' };
    }
  }
}
