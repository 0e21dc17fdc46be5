import { Hono } from 'hono';

/**
 * Liveness answers while the process runs. Readiness once the store is open, config loaded and
 * interrupted work picked up — and not when the store refuses writes (`readiness` says why).
 */
export function healthRoutes(readiness: () => { status: 'ready' | 'starting' | 'unavailable'; reason?: string }) {
  return new Hono()
    .get('/healthz', (c) => c.json({ status: 'ok' }))
    .get('/readyz', (c) => {
      const state = readiness();
      return c.json(state, state.status === 'ready' ? 200 : 503);
    });
}
