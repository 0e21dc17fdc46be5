import type { MiddlewareHandler } from 'hono';
import { draft } from '../audit/audit-entry.js';
import { allows, type Role } from '../auth/api-key.js';
import type { Clock } from '../../adapters/types.js';
import { AppError } from '../domain/errors.js';
import type { Store } from '../store/store.js';
import { respondError } from './errors.js';
import { contextOf, type AppEnv } from './request-context.js';

/**
 * The role a /v1 request needs: keys are an admin's; reading is a viewer's; anything that acts —
 * pause, escalate, resume, retry, release, keep, tick a task — a lead's. Fast off: any lead may
 * pause.
 */
export function neededRole(method: string, path: string): Role {
  if (/^\/v1\/keys(\/|$)/.test(path)) return 'admin';
  if (method === 'GET' || method === 'HEAD') return 'viewer';
  return 'lead';
}

/** Refuses a key whose role is below what the request needs: 403, audited with who tried what. */
export function requireRole(store: Store, clock: Clock): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = c.get('actor');
    const needed = neededRole(c.req.method, c.req.path);
    const role = (actor.role ?? 'viewer') as Role;
    if (!allows(role, needed)) {
      await store.appendAudit([draft(contextOf(c), clock.now(), { action: 'auth.forbidden', data: { method: c.req.method, path: c.req.path.slice(0, 200), role, needed } })]);
      return respondError(c, new AppError('forbidden', `this key's role is ${role}; ${c.req.method} ${c.req.path} needs ${needed}`));
    }
    await next();
  };
}
