import { OpenAPIHono } from '@hono/zod-openapi';
import { methodTraits, type Clock } from '../../../adapters/types.js';
import type { ManualConnection, Severity } from '../../config/schema.js';
import type { Connection } from '../../connections/connections.js';
import type { CredentialChecks } from '../../connections/credential-check.js';
import { endpoint } from '../endpoint.js';
import type { AppEnv } from '../request-context.js';
import { jsonResponse } from '../responses.js';
import { ConnectionsSchema, SeveritiesSchema, type ConnectionView } from '../views.js';

/**
 * The severity ladder and the configured connections, with a live credential check. A wait is
 * shown while it lasts by the service's clock, the one the platform's wait was measured on.
 */
export function catalogRoutes(
  severities: readonly Severity[],
  needsApproval: (severity: number) => boolean,
  connections: readonly Connection[],
  manual: readonly ManualConnection[],
  checks: CredentialChecks,
  clock: Clock,
) {
  const app = new OpenAPIHono<AppEnv>();
  endpoint(
    app,
    {
      method: 'get',
      path: '/severities',
      summary: 'The severity ladder',
      description: 'From config; each rung says which kinds of items it suspends, and whether resuming a pause at it waits for a second lead (`resume.approvalFrom`).',
      tags: ['catalog'],
      responses: { 200: jsonResponse('the ladder, levels ascending', SeveritiesSchema) },
    },
    (c) => c.json({ data: severities.map((s) => ({ ...s, resumeNeedsApproval: needsApproval(s.level) })) }),
  );
  endpoint(
    app,
    {
      method: 'get',
      path: '/connections',
      summary: 'The connections, with a live credential check',
      tags: ['catalog'],
      responses: { 200: jsonResponse('every configured connection; `manual`: the platforms without a usable API, where a pause opens tasks for people', ConnectionsSchema) },
    },
    async (c) => {
      const data = await Promise.all(
        connections.map(
          async (connection): Promise<ConnectionView> => ({
            id: connection.id,
            name: connection.name,
            platform: connection.platform,
            platformName: connection.adapter.displayName,
            tags: connection.tags,
            accountIds: connection.accountIds,
            sandbox: connection.sandbox,
            kinds: connection.kinds,
            capabilities: connection.adapter.capabilities.map((cap) => ({ ...cap, methodTraits: methodTraits(cap.method) })),
            bulk: connection.bulk,
            unusable: connection.unusable,
            credentials: await checks.check(connection),
            waiting: connection.waiting && connection.waiting.until > clock.now() ? { until: connection.waiting.until.toISOString(), reason: connection.waiting.reason } : null,
          }),
        ),
      );
      return c.json({ data, manual: [...manual] });
    },
  );
  return app;
}
