// Request parameters and access tokens, the way Graph reads them: parameters from the query
// string or a form/JSON body; the token from `Authorization: Bearer|OAuth …` or `access_token`.
import type { Context, MiddlewareHandler } from 'hono';
import type { Clock } from '../types.js';
import { graphErrorResponse } from './simulator-errors.js';

export type GraphEnv = { Variables: { params: Record<string, string>; token: string } };

export const readParams: MiddlewareHandler<GraphEnv> = async (c, next) => {
  const params: Record<string, string> = Object.fromEntries(new URL(c.req.url).searchParams);
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
    const type = c.req.header('content-type') ?? '';
    if (type.includes('application/json')) {
      const json: unknown = await c.req.json().catch(() => null);
      if (json && typeof json === 'object') {
        for (const [k, v] of Object.entries(json)) params[k] = typeof v === 'string' ? v : JSON.stringify(v);
      }
    } else if (type.includes('form')) {
      const body = await c.req.parseBody();
      for (const [k, v] of Object.entries(body)) if (typeof v === 'string') params[k] = v;
    }
  }
  c.set('params', params);
  await next();
};

function tokenOf(c: Context<GraphEnv>): string | null {
  const match = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(c.req.header('authorization') ?? '');
  return match?.[1]?.trim() || c.var.params['access_token'] || null;
}

/** Wrong tokens get Graph's own answer: HTTP 400, OAuthException 190 (463 when expired). */
export function authenticate(accepted: ReadonlySet<string>, expired: ReadonlySet<string>, clock: Clock): MiddlewareHandler<GraphEnv> {
  return async (c, next) => {
    const token = tokenOf(c);
    if (!token) {
      return graphErrorResponse({ status: 400, code: 104, message: 'An access token is required to request this resource.' });
    }
    if (expired.has(token)) {
      return graphErrorResponse({
        status: 400,
        code: 190,
        subcode: 463,
        message: `Error validating access token: Session has expired on ${clock.now().toUTCString()}.`,
        headers: { 'www-authenticate': 'OAuth "Facebook Platform" "invalid_token" "Session has expired"' },
      });
    }
    if (!accepted.has(token)) {
      return graphErrorResponse({
        status: 400,
        code: 190,
        message: 'Invalid OAuth access token - Cannot parse access token',
        headers: { 'www-authenticate': 'OAuth "Facebook Platform" "invalid_token" "Invalid OAuth access token - Cannot parse access token"' },
      });
    }
    c.set('token', token);
    await next();
  };
}
