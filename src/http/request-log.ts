import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../logger.js';
import { clip } from './clip.js';
import type { AppEnv } from './request-context.js';

/**
 * One info line per request, once it is answered: method, path (without the query, which may
 * carry ids people typed; clipped), status, duration and request id. No header is logged.
 */
export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    logger.info('request', {
      method: c.req.method,
      path: clip(c.req.path),
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      requestId: c.get('requestId'),
    });
  };
}
