import type { AdapterClient, BulkSizes, Clock, Kind, LimitWait, PlatformAdapter } from '../../adapters/types.js';
import type { ConnectionSpec } from '../config/load.js';
import { SANDBOX_CREDENTIAL } from './sandbox-credential.js';

/** Why no call can be made on a connection. */
export interface Unusable {
  code: 'settings_invalid' | 'credentials_missing';
  message: string;
}

/** A configured account on a platform, ready to use (or saying why it cannot be used). */
export interface Connection {
  id: string;
  platform: string;
  name: string;
  tags: string[];
  accountIds: string[];
  sandbox: boolean;
  adapter: PlatformAdapter;
  kinds: Kind[];
  /** most items one call takes, per operation, for this connection */
  bulk: BulkSizes;
  /** batches in flight at once on this connection */
  concurrency: number;
  /** null when the connection is unusable: every call on it fails visibly, with this reason */
  client: AdapterClient | null;
  unusable: Unusable | null;
  /** the last wait the platform's limits imposed, while it lasts (shown to people) */
  waiting: LimitWait | null;
}

export interface ConnectionsOptions {
  env: NodeJS.ProcessEnv;
  /** where the sandbox platforms answer; required when a connection has `sandbox: true` */
  sandboxUrl?: string;
  timeoutMs: number;
  clock: Clock;
}

/** Builds every connection's adapter client from config and the environment. */
export function buildConnections(specs: readonly ConnectionSpec[], options: ConnectionsOptions): Connection[] {
  return specs.map(({ config, adapter, settings, problems }) => {
    const credentials: Record<string, string> = {};
    const missing: string[] = [];
    for (const [key, variable] of Object.entries(config.credentials)) {
      const value = options.env[variable];
      // Sandbox platforms accept a well-known non-secret credential, so `npm start` needs no setup.
      if (value) credentials[key] = value;
      else if (config.sandbox) credentials[key] = SANDBOX_CREDENTIAL;
      else missing.push(variable);
    }
    if (config.sandbox && !options.sandboxUrl) throw new Error(`connection ${config.id} is a sandbox connection but no sandbox runs`);
    const unusable: Unusable | null =
      problems.length > 0
        ? { code: 'settings_invalid', message: `connection ${config.id} is misconfigured: ${problems.join('; ')}` }
        : missing.length > 0
          ? { code: 'credentials_missing', message: `credentials for ${config.id} are not set (environment: ${missing.join(', ')})` }
          : null;
    const baseUrl = config.sandbox ? `${options.sandboxUrl!.replace(/\/+$/, '')}/${config.id}` : config.baseUrl;
    const limits = config.limits && { requestsPerSecond: config.limits.requestsPerSecond, maxInFlight: config.limits.maxInFlight };
    const connection: Connection = {
      id: config.id,
      platform: adapter.platform,
      name: config.name ?? config.id,
      tags: config.tags,
      accountIds: config.accountIds,
      sandbox: config.sandbox,
      adapter,
      kinds: [...new Set(adapter.capabilities.map((c) => c.kind))],
      bulk: (problems.length === 0 && adapter.bulkFor?.(settings)) || adapter.bulk,
      concurrency: config.limits?.concurrency ?? adapter.concurrency,
      client: null,
      unusable,
      waiting: null,
    };
    if (!unusable)
      connection.client = adapter.connect({
        connectionId: config.id,
        accountIds: config.accountIds,
        settings,
        credentials,
        ...(baseUrl !== undefined && { baseUrl }),
        timeoutMs: options.timeoutMs,
        ...(limits && { limits }),
        clock: options.clock,
        onWait: (wait) => {
          connection.waiting = wait;
        },
      });
    return connection;
  });
}
