import { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { PausesService } from '../../pauses/pauses-service.js';
import { PauseViewSchema } from '../../pauses/pause-view.js';
import { endpoint } from '../endpoint.js';
import { contextOf, type AppEnv } from '../request-context.js';
import { jsonResponse } from '../responses.js';
import { EmptySchema, PauseParamsSchema, WaitQuerySchema } from '../schemas.js';
import { WorkAnswerSchema } from '../views.js';
import { respondAccepted } from './pauses.js';

const tags = ['pauses'];

/** Slow on: a second lead approves a resume another asked for, or it is withdrawn. */
export function approvalRoutes(pauses: PausesService) {
  const app = new OpenAPIHono<AppEnv>();
  endpoint(
    app,
    {
      method: 'post',
      path: '/{id}/resume/approve',
      summary: "Approve another lead's resume",
      description: 'Carries out the resume that awaits approval. 403 for the lead who asked for it; 409 when none awaits. `?wait=true` as for a resume.',
      tags,
      params: PauseParamsSchema,
      query: WaitQuerySchema,
      body: { schema: EmptySchema, required: false, description: 'nothing, or `{}`' },
      responses: { 200: jsonResponse('with `?wait=true`: done', WorkAnswerSchema), 202: jsonResponse('approved; the resume goes on', WorkAnswerSchema) },
      errors: [409, 502],
    },
    async (c, { params, query }) => respondAccepted(c, pauses, await pauses.approveResume(params.id, contextOf(c)), query.wait === 'true'),
  );
  endpoint(
    app,
    {
      method: 'post',
      path: '/{id}/resume/withdraw',
      summary: 'Withdraw a resume that awaits approval',
      description: 'The pause stays in force as it was. 409 when none awaits.',
      tags,
      params: PauseParamsSchema,
      body: { schema: EmptySchema, required: false, description: 'nothing, or `{}`' },
      responses: { 200: jsonResponse('the pause', z.object({ pause: PauseViewSchema })) },
      errors: [409],
    },
    async (c, { params }) => c.json({ pause: await pauses.withdrawResume(params.id, contextOf(c)) }),
  );
  return app;
}
