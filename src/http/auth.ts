import type { MiddlewareHandler } from 'hono';
import type { AuditLog } from '../audit/audit-log.js';
import { hashApiKey } from '../auth/api-key.js';
import { AppError } from '../domain/errors.js';
import type { Store } from '../store/store.js';
import { respondError } from './errors.js';
import type { AppEnv } from './request-context.js';

/**
 * `Authorization: Bearer <api key>` on every /v1 route. Keys are looked up by hash; a refused
 * attempt is audited without any part of the key it carried.
 */
export function requireApiKey(store: Store, audit: AuditLog): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    const key = match?.[1] ? await store.findApiKeyByHash(hashApiKey(match[1])) : undefined;
    if (!key) {
      const reason = !header ? 'missing' : !match ? 'malformed' : 'unknown key';
      await audit.record(
        { actor: { type: 'api-key', id: 'anonymous', name: 'anonymous' }, source: 'api', requestId: c.get('requestId') },
        [{ action: 'auth.failed', data: { reason, method: c.req.method, path: c.req.path } }],
      );
      c.header('WWW-Authenticate', 'Bearer realm="crisis-pause"');
      return respondError(
        c,
        new AppError('unauthorized', header ? 'the API key is not valid' : 'send an API key: Authorization: Bearer <key>'),
      );
    }
    c.set('actor', { type: 'api-key', id: key.id, name: key.name, role: key.role });
    await next();
  };
}
