import { Hono } from 'hono';

/** Liveness answers while the process runs; readiness once the store is open and config loaded. */
export function healthRoutes(isReady: () => boolean) {
  return new Hono()
    .get('/healthz', (c) => c.json({ status: 'ok' }))
    .get('/readyz', (c) => (isReady() ? c.json({ status: 'ready' }) : c.json({ status: 'starting' }, 503)));
}
