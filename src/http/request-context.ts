import type { MiddlewareHandler } from 'hono';
import type { Actor, RequestContext } from '../domain/actor.js';
import { newId } from '../domain/ids.js';

export type AppEnv = { Variables: { requestId: string; actor: Actor } };

/** Takes the caller's X-Request-Id when it is sane, else makes one; echoes it on the response. */
export const requestId: MiddlewareHandler<AppEnv> = async (c, next) => {
  const given = c.req.header('x-request-id');
  const id = given && /^[A-Za-z0-9._:-]{1,128}$/.test(given) ? given : newId('req');
  c.set('requestId', id);
  c.header('X-Request-Id', id);
  await next();
};

/** Who is calling, from where: what every change records. API calls come from `api`. */
export const contextOf = (c: { get(key: 'actor'): Actor; get(key: 'requestId'): string }): RequestContext => ({
  actor: c.get('actor'),
  source: 'api',
  requestId: c.get('requestId'),
});
