import { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { TaskSchema } from '../../domain/task.js';
import type { PausesService } from '../../pauses/pauses-service.js';
import { endpoint } from '../endpoint.js';
import { contextOf, type AppEnv } from '../request-context.js';
import { jsonResponse } from '../responses.js';
import { PauseParamsSchema, TaskDoneRequestSchema, TaskParamsSchema, TaskSkipRequestSchema } from '../schemas.js';

const tags = ['tasks'];
const TaskViewSchema = TaskSchema.meta({ id: 'Task', description: 'a step for a person on a manual connection; ticked off through the API, audited' });
const TaskAnswerSchema = z.object({ task: TaskViewSchema });
const TaskListSchema = z.object({ data: z.array(TaskViewSchema) });

/** A pause's tasks for people (manual connections): list them, tick one off as done or skipped. */
export function taskRoutes(pauses: PausesService) {
  const app = new OpenAPIHono<AppEnv>();
  endpoint(
    app,
    {
      method: 'get',
      path: '/{id}/tasks',
      summary: "A pause's tasks for people",
      description: 'Oldest first: the suspend tasks opened with the pause or an escalation, then the way back opened by the resume. An open task keeps the pause from being complete.',
      tags,
      params: PauseParamsSchema,
      responses: { 200: jsonResponse('the tasks', TaskListSchema) },
    },
    async (c, { params }) => c.json({ data: (await pauses.getPause(params.id)).tasks }),
  );
  endpoint(
    app,
    {
      method: 'post',
      path: '/{id}/tasks/{taskId}/done',
      summary: 'Tick a task off as done',
      description: 'Recorded with who and when, and audited. 409 when the task is not open.',
      tags,
      params: TaskParamsSchema,
      body: { schema: TaskDoneRequestSchema, required: false, description: 'optionally a note' },
      responses: { 200: jsonResponse('the task, now done', TaskAnswerSchema) },
      errors: [409],
    },
    async (c, { params, body }) => c.json({ task: await pauses.closeTask(params.id, params.taskId, 'done', body.note ?? null, contextOf(c)) }),
  );
  endpoint(
    app,
    {
      method: 'post',
      path: '/{id}/tasks/{taskId}/skip',
      summary: 'Close a task as skipped, with a reason',
      description: 'For a step that does not apply (the brand has nothing queued there). Recorded with who, when and why, and audited. 409 when the task is not open.',
      tags,
      params: TaskParamsSchema,
      body: { schema: TaskSkipRequestSchema, required: true },
      responses: { 200: jsonResponse('the task, now skipped', TaskAnswerSchema) },
      errors: [409],
    },
    async (c, { params, body }) => c.json({ task: await pauses.closeTask(params.id, params.taskId, 'skipped', body.reason, contextOf(c)) }),
  );
  return app;
}
