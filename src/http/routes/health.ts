import { Hono } from 'hono';
import type { Readiness } from '../../readiness.js';

/**
 * Liveness answers while the process runs. Readiness: 200 while the service can take requests
 * (`ready`, or `degraded` with the connections that cannot be used), 503 while starting or when
 * the store refuses writes. `?strict=true` answers 503 for `degraded` too, for probes that must
 * not count a half-working service as ready.
 */
export function healthRoutes(readiness: () => Readiness) {
  return new Hono()
    .get('/healthz', (c) => c.json({ status: 'ok' }))
    .get('/readyz', (c) => {
      const state = readiness();
      const strict = c.req.query('strict') === 'true';
      const ok = state.status === 'ready' || (state.status === 'degraded' && !strict);
      return c.json(state, ok ? 200 : 503);
    });
}
