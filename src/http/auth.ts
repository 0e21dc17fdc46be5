import type { MiddlewareHandler } from 'hono';
import { hashApiKey } from '../auth/api-key.js';
import { AppError } from '../domain/errors.js';
import type { Store } from '../store/store.js';
import type { AuthFailures } from './auth-failures.js';
import { clientAddress } from './client-address.js';
import { respondError } from './errors.js';
import type { AppEnv } from './request-context.js';

export interface ApiKeyAuth {
  store: Store;
  failures: AuthFailures;
  /** reverse proxies in front of the service (TRUST_PROXY): where the client address is read */
  trustedProxies: number;
}

/**
 * `Authorization: Bearer <api key>` on every /v1 route; the caller becomes the key's holder and
 * the source `api` (`console` when the console calls). Keys are looked up by hash. A refused
 * attempt is counted per client address and audited without any part of the key it carried; an
 * address that has been refused too often is answered 429 before its key is even looked at.
 */
export function requireApiKey({ store, failures, trustedProxies }: ApiKeyAuth): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const client = clientAddress(c, trustedProxies);
    const wait = failures.retryAfter(client);
    if (wait !== null) {
      c.header('Retry-After', String(wait));
      return respondError(c, new AppError('rate_limited', `too many refused API keys from this address; try again in ${wait} s`));
    }
    const header = c.req.header('authorization');
    const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    const found = match?.[1] ? await store.findApiKeyByHash(hashApiKey(match[1])) : undefined;
    // A revoked key is refused like an unknown one, and counted the same way.
    const key = found?.revokedAt ? undefined : found;
    if (!key) {
      const reason = !header ? 'missing' : !match ? 'malformed' : found ? 'revoked key' : 'unknown key';
      await failures.refused(client, { reason, method: c.req.method, path: c.req.path, requestId: c.get('requestId') });
      c.header('WWW-Authenticate', 'Bearer realm="crisis-pause"');
      return respondError(
        c,
        new AppError('unauthorized', header ? 'the API key is not valid' : 'send an API key: Authorization: Bearer <key>'),
      );
    }
    c.set('actor', { type: 'api-key', id: key.id, name: key.name, role: key.role });
    // The console says so, that the audit can tell a press of its button from a script's call;
    // the key, not this header, decides what the caller may do.
    c.set('source', c.req.header('x-crisis-pause-source') === 'console' ? 'console' : 'api');
    await next();
  };
}
