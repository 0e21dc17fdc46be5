import { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { PausesService } from '../../pauses/pauses-service.js';
import { PauseViewSchema } from '../../pauses/pause-view.js';
import { endpoint } from '../endpoint.js';
import { contextOf, type AppEnv } from '../request-context.js';
import { jsonResponse } from '../responses.js';
import { CancelRequestSchema, PauseParamsSchema } from '../schemas.js';

const tags = ['pauses'];

/** Planned pauses: created by `POST /v1/pauses` with `startsAt`, cancelled here before they start. */
export function planRoutes(pauses: PausesService) {
  const app = new OpenAPIHono<AppEnv>();
  endpoint(
    app,
    {
      method: 'post',
      path: '/{id}/cancel',
      summary: 'Cancel a planned pause before it starts',
      description: 'The pause ends `cancelled`: nothing was or will be suspended. 409 once it has started (resume it instead), or when it is not planned.',
      tags,
      params: PauseParamsSchema,
      body: { schema: CancelRequestSchema, required: false, description: 'optionally why, for the audit' },
      responses: { 200: jsonResponse('the pause, cancelled', z.object({ pause: PauseViewSchema })) },
      errors: [409],
    },
    async (c, { params, body }) => c.json({ pause: await pauses.cancelPlanned(params.id, body.reason ?? null, contextOf(c)) }),
  );
  return app;
}
