import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoint } from '../endpoint.js';
import type { AppEnv } from '../request-context.js';
import { jsonResponse } from '../responses.js';
import type { Readiness } from '../../readiness.js';
import { StrictQuerySchema } from '../schemas.js';
import { HealthSchema, ReadinessSchema } from '../views.js';

/**
 * Liveness answers while the process runs. Readiness: 200 while the service can take requests
 * (`ready`, or `degraded` with the connections that cannot be used), 503 while starting or when
 * the store refuses writes. `?strict=true` answers 503 for `degraded` too, for probes that must
 * not count a half-working service as ready.
 */
export function healthRoutes(readiness: () => Readiness) {
  const app = new OpenAPIHono<AppEnv>();
  endpoint(
    app,
    { method: 'get', path: '/healthz', summary: 'Liveness', tags: ['health'], auth: false, responses: { 200: jsonResponse('the process runs', HealthSchema) } },
    (c) => c.json({ status: 'ok' as const }),
  );
  endpoint(
    app,
    {
      method: 'get',
      path: '/readyz',
      summary: 'Readiness',
      description:
        'Ready once the store is open, config loaded and interrupted work picked up. `degraded`: serving, but some connections cannot be used (bad settings, credentials missing or refused at the last check).',
      tags: ['health'],
      auth: false,
      query: StrictQuerySchema,
      responses: {
        200: jsonResponse('ready, or degraded (see `connections`)', ReadinessSchema),
        503: jsonResponse('starting, or unavailable (the store cannot write; `reason` says why); with `?strict=true`, degraded too', ReadinessSchema),
      },
    },
    (c, { query }) => {
      const state = readiness();
      const ok = state.status === 'ready' || (state.status === 'degraded' && query.strict !== 'true');
      return c.json(state, ok ? 200 : 503);
    },
  );
  return app;
}
