import type { Context, MiddlewareHandler } from 'hono';
import type { Actor, RequestContext, Source } from '../domain/actor.js';
import { AppError } from '../domain/errors.js';
import { newId } from '../domain/ids.js';

/**
 * What every request carries. `actor` and `source` are set by the surface that let the request
 * in: the API key middleware says `api`; a console, a webhook (`webhook:<name>`) or Slack will
 * set their own, so routes never assume where a change came from.
 */
export type AppEnv = { Variables: { requestId: string; actor: Actor; source: Source } };

/** Takes the caller's X-Request-Id when it is sane, else makes one; echoes it on the response. */
export const requestId: MiddlewareHandler<AppEnv> = async (c, next) => {
  const given = c.req.header('x-request-id');
  const id = given && /^[A-Za-z0-9._:-]{1,128}$/.test(given) ? given : newId('req');
  c.set('requestId', id);
  c.header('X-Request-Id', id);
  await next();
};

/** Who is calling, from where, under which request: what every change records (invariant 7). */
export function contextOf(c: Context<AppEnv>): RequestContext {
  const actor = c.get('actor');
  const source = c.get('source');
  // A route reached without a surface having said who called is a wiring mistake, never a guess.
  if (!actor || !source) throw new AppError('internal', 'this request has no caller: no surface authenticated it');
  return { actor, source, requestId: c.get('requestId') };
}
