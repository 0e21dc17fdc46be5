import { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { PlaybookSchema, type Playbook } from '../../config/playbook.js';
import { PausePlaybookSchema, StepViewSchema } from '../../pauses/pause-playbook.js';
import type { PausesService } from '../../pauses/pauses-service.js';
import { endpoint } from '../endpoint.js';
import { contextOf, type AppEnv } from '../request-context.js';
import { jsonResponse } from '../responses.js';
import { PauseParamsSchema, StepParamsSchema, TaskDoneRequestSchema } from '../schemas.js';

const tags = ['playbook'];

/** The crisis plan from config, and each pause's checklist of it, ticked off step by step. */
export function playbookRoutes(playbook: Playbook, pauses: PausesService) {
  const app = new OpenAPIHono<AppEnv>();
  endpoint(
    app,
    {
      method: 'get',
      path: '/runbook',
      summary: 'The crisis plan',
      description:
        'The `playbook` from config as is: the severity scale and what each rung means, roles and people, contacts, the internal-communication plan, the message-approval path, pre-approved statements, the netiquette, what to keep monitoring, and the steps per severity.',
      tags,
      responses: { 200: jsonResponse('the playbook', PlaybookSchema) },
    },
    (c) => c.json(playbook),
  );
  endpoint(
    app,
    {
      method: 'get',
      path: '/pauses/{id}/playbook',
      summary: "A pause's checklist",
      description:
        "The playbook steps the pause's severity calls for (an escalation adds the higher ones), each with its owner, contacts and who ticked it off; the pause's tasks on manual platforms; the pre-approved statements; and how much is still open.",
      tags,
      params: PauseParamsSchema,
      responses: { 200: jsonResponse('the checklist', PausePlaybookSchema) },
    },
    async (c, { params }) => c.json(await pauses.pausePlaybook(params.id)),
  );
  endpoint(
    app,
    {
      method: 'post',
      path: '/pauses/{id}/playbook/{stepId}/done',
      summary: 'Tick a playbook step off as done',
      description:
        "Recorded on the pause with who and when, and audited (`playbook.step-done`). 404 for a step that is not in the playbook or starts above the pause's severity; 409 when it is already done.",
      tags,
      params: StepParamsSchema,
      body: { schema: TaskDoneRequestSchema, required: false, description: 'optionally a note' },
      responses: { 200: jsonResponse('the step, now done', z.object({ step: StepViewSchema })) },
      errors: [409],
    },
    async (c, { params, body }) => c.json({ step: await pauses.markStepDone(params.id, params.stepId, body.note ?? null, contextOf(c)) }),
  );
  return app;
}
