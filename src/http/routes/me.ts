import { OpenAPIHono } from '@hono/zod-openapi';
import { ActorSchema } from '../../domain/actor.js';
import { endpoint } from '../endpoint.js';
import type { AppEnv } from '../request-context.js';
import { jsonResponse } from '../responses.js';

/**
 * Who the key is: the console shows only what its holder may do (a viewer follows, a lead acts)
 * and does not offer the lead who asked for a resume to approve it.
 */
export function meRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  endpoint(
    app,
    {
      method: 'get',
      path: '/',
      summary: 'The caller',
      description: "The key's id, name and role, as the audit records them.",
      tags: ['keys'],
      responses: { 200: jsonResponse('the caller', ActorSchema.meta({ id: 'Actor' })) },
    },
    (c) => c.json(c.get('actor')),
  );
  return app;
}
