import type { AdapterClient, Clock, Kind, PlatformAdapter } from '../../adapters/types.js';
import type { ConnectionSpec } from '../config/load.js';
import { SANDBOX_CREDENTIAL } from './sandbox-credential.js';

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
  /** batches in flight at once on this connection */
  concurrency: number;
  /** environment variables the credentials should come from but that are not set */
  missingCredentials: string[];
  /** null when credentials are missing: every call on this connection fails visibly */
  client: AdapterClient | null;
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
  return specs.map(({ config, adapter, settings }) => {
    const credentials: Record<string, string> = {};
    const missingCredentials: string[] = [];
    for (const [key, variable] of Object.entries(config.credentials)) {
      const value = options.env[variable];
      // Sandbox platforms accept a well-known non-secret credential, so `npm start` needs no setup.
      if (value) credentials[key] = value;
      else if (config.sandbox) credentials[key] = SANDBOX_CREDENTIAL;
      else missingCredentials.push(variable);
    }
    if (config.sandbox && !options.sandboxUrl) throw new Error(`connection ${config.id} is a sandbox connection but no sandbox runs`);
    const baseUrl = config.sandbox ? `${options.sandboxUrl!.replace(/\/+$/, '')}/${config.id}` : config.baseUrl;
    const limits = config.limits && {
      requestsPerSecond: config.limits.requestsPerSecond,
      maxInFlight: config.limits.maxInFlight,
    };
    const client =
      missingCredentials.length > 0
        ? null
        : adapter.connect({
            connectionId: config.id,
            accountIds: config.accountIds,
            settings,
            credentials,
            ...(baseUrl !== undefined && { baseUrl }),
            timeoutMs: options.timeoutMs,
            ...(limits && { limits }),
            clock: options.clock,
          });
    return {
      id: config.id,
      platform: adapter.platform,
      name: config.name ?? config.id,
      tags: config.tags,
      accountIds: config.accountIds,
      sandbox: config.sandbox,
      adapter,
      kinds: [...new Set(adapter.capabilities.map((c) => c.kind))],
      concurrency: config.limits?.concurrency ?? adapter.concurrency,
      missingCredentials,
      client,
    };
  });
}
