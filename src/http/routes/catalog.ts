import { Hono } from 'hono';
import { methodTraits } from '../../../adapters/types.js';
import type { Severity } from '../../config/schema.js';
import type { Connection } from '../../connections/connections.js';
import type { CredentialChecks } from '../../connections/credential-check.js';
import type { AppEnv } from '../request-context.js';

/** The severity ladder and the configured connections, with a live credential check. */
export function catalogRoutes(severities: readonly Severity[], connections: readonly Connection[], checks: CredentialChecks) {
  return new Hono<AppEnv>()
    .get('/severities', (c) => c.json({ data: severities }))
    .get('/connections', async (c) => {
      const data = await Promise.all(
        connections.map(async (connection) => ({
          id: connection.id,
          name: connection.name,
          platform: connection.platform,
          platformName: connection.adapter.displayName,
          tags: connection.tags,
          accountIds: connection.accountIds,
          sandbox: connection.sandbox,
          kinds: connection.kinds,
          capabilities: connection.adapter.capabilities.map((cap) => ({ ...cap, methodTraits: methodTraits(cap.method) })),
          bulk: connection.adapter.bulk,
          /** null when usable; else why no call can be made (bad settings, credentials not set) */
          unusable: connection.unusable,
          credentials: await checks.check(connection),
          /** the platform's limits are holding calls back until then */
          waiting: connection.waiting && connection.waiting.until > new Date() ? { until: connection.waiting.until.toISOString(), reason: connection.waiting.reason } : null,
        })),
      );
      return c.json({ data });
    });
}
