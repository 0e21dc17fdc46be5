import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoint } from '../endpoint.js';
import type { AppEnv } from '../request-context.js';
import { jsonResponse } from '../responses.js';
import { HealthSchema, ReadinessSchema } from '../views.js';

export type Readiness = () => { status: 'ready' | 'starting' | 'unavailable'; reason?: string };

/**
 * Liveness answers while the process runs. Readiness once the store is open, config loaded and
 * interrupted work picked up — and not when the store refuses writes (`readiness` says why).
 */
export function healthRoutes(readiness: Readiness) {
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
      description: 'Ready once the store is open, config loaded and interrupted work picked up.',
      tags: ['health'],
      auth: false,
      responses: {
        200: jsonResponse('ready', ReadinessSchema),
        503: jsonResponse('starting, or unavailable (the store cannot write; `reason` says why)', ReadinessSchema),
      },
    },
    (c) => {
      const state = readiness();
      return c.json(state, state.status === 'ready' ? 200 : 503);
    },
  );
  return app;
}
