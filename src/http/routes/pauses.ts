import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { PausesService } from '../../pauses/pauses-service.js';
import { itemView, PauseViewSchema, type PauseView } from '../../pauses/pause-view.js';
import { AppError } from '../../domain/errors.js';
import { endpoint } from '../endpoint.js';
import { respondError } from '../errors.js';
import { contextOf, type AppEnv } from '../request-context.js';
import { jsonResponse } from '../responses.js';
import {
  EmptySchema,
  IdempotencyHeadersSchema,
  ItemListQuerySchema,
  ItemParamsSchema,
  PauseListQuerySchema,
  PauseParamsSchema,
  PauseRequestSchema,
  ReleaseRequestSchema,
  ResumeRequestSchema,
  WaitQuerySchema,
} from '../schemas.js';
import {
  ItemAnswerSchema,
  ItemPageSchema,
  PauseAnswerSchema,
  PauseDryRunSchema,
  PausePageSchema,
  ResumeDryRunSchema,
  WorkAnswerSchema,
} from '../views.js';

const tags = ['pauses'];
const LOCATION = { Location: { description: 'the pause: /v1/pauses/{id}', schema: { type: 'string' as const } } };

/** Pauses and their items: the pause-by-severity endpoint, resume, retry, release, keep. */
export function pauseRoutes(pauses: PausesService) {
  const app = new OpenAPIHono<AppEnv>();

  endpoint(
    app,
    {
      method: 'post',
      path: '/',
      summary: 'Pause by severity',
      description:
        'Suspends what the severity covers on every connection in scope. If a pause in force has the same scope, a same or lower severity joins it and a higher one escalates it (same pause id). With `startsAt`, the pause is planned: stored at once as `planned` (201), holding nothing and blocking no other pause, it starts by itself at that time — joining or escalating the pause in force on the same connections if there is one then. With `endsAt`, its resume is requested by itself at that time (awaiting a second lead from `resume.approvalFrom` up).',
      tags,
      query: WaitQuerySchema,
      body: { schema: PauseRequestSchema, required: true },
      headers: IdempotencyHeadersSchema,
      responses: {
        200: jsonResponse('joined or escalated a pause in force (or replayed one of those), or, with `dryRun`, the plan', PauseAnswerSchema.or(PauseDryRunSchema), LOCATION),
        201: jsonResponse('with `?wait=true`: created, and the suspension is done; or, with `startsAt`, planned', PauseAnswerSchema, LOCATION),
        202: jsonResponse('created; the suspension goes on (with `?wait=true`: done and nothing failed, but tasks for people are open — see `taskCounts` — or work queued meanwhile goes on — see `work`)', PauseAnswerSchema, LOCATION),
      },
      errors: [422, 502],
    },
    async (c, { query, body, headers }) => {
      const result = await pauses.requestPause(body, contextOf(c), headers['idempotency-key']);
      if (result.kind === 'dry-run') return c.json({ outcome: 'dry-run', plan: result.plan }, 200);
      const accepted = result.kind === 'created' || (result.kind === 'replayed' && result.status === 202);
      c.header('Location', `/v1/pauses/${result.pause.id}`);
      // Planned: stored, and nothing to wait for until its start.
      if (result.kind === 'planned' || (result.kind === 'replayed' && result.status === 201)) return c.json({ outcome: result.kind, pause: result.pause }, 201);
      if (query.wait !== 'true') return c.json({ outcome: result.kind, pause: result.pause }, accepted ? 202 : 200);
      await result.done();
      return finished(c, result.kind, await pauses.getPause(result.pause.id), accepted ? 201 : 200);
    },
  );

  endpoint(
    app,
    { method: 'get', path: '/', summary: 'List pauses, newest first', tags, query: PauseListQuerySchema, responses: { 200: jsonResponse('a page of pauses', PausePageSchema) } },
    async (c, { query: q }) =>
      c.json(await pauses.listPauses({ limit: q.limit, ...(q.state && { state: q.state }), ...(q.cursor && { cursor: q.cursor }) })),
  );

  endpoint(
    app,
    {
      method: 'get',
      path: '/{id}',
      summary: 'One pause, with counts by item state and by connection',
      tags,
      params: PauseParamsSchema,
      responses: { 200: jsonResponse('the pause', PauseViewSchema) },
    },
    async (c, { params }) => c.json(await pauses.getPause(params.id)),
  );

  endpoint(
    app,
    {
      method: 'get',
      path: '/{id}/items',
      summary: "A pause's items",
      tags,
      params: PauseParamsSchema,
      query: ItemListQuerySchema,
      responses: { 200: jsonResponse('a page of items, in the order they were planned', ItemPageSchema) },
    },
    async (c, { params, query: q }) => {
      const filter = { ...(q.state && { state: q.state }), ...(q.kind && { kind: q.kind }), ...(q.connection && { connectionId: q.connection }) };
      const page = await pauses.listItems(params.id, filter, { limit: q.limit, ...(q.cursor && { cursor: q.cursor }) });
      return c.json({ data: page.data.map(itemView), nextCursor: page.nextCursor });
    },
  );

  endpoint(
    app,
    {
      method: 'post',
      path: '/{id}/resume',
      summary: 'Resume a pause, or some of its items',
      description:
        'Puts back what the pause suspended, from the stored items. Drifted items are reported and left alone; missed items follow `missed`. From `resume.approvalFrom` (default severity 3) up, it only asks: `202` `awaiting-approval`, and another lead approves it (`/resume/approve`) or it is withdrawn (`/resume/withdraw`).',
      tags,
      params: PauseParamsSchema,
      query: WaitQuerySchema,
      body: { schema: ResumeRequestSchema, required: false, description: 'may be left out: resume everything with the configured missed-item policy' },
      responses: {
        200: jsonResponse('with `?wait=true`: done; or `already`; or, with `dryRun`, what resume would do', WorkAnswerSchema.or(ResumeDryRunSchema)),
        202: jsonResponse('started; the work goes on', WorkAnswerSchema),
      },
      errors: [409, 422, 502],
    },
    async (c, { params, query, body }) => {
      const result = await pauses.requestResume(params.id, body, contextOf(c));
      if (result.kind === 'dry-run') return c.json({ outcome: 'dry-run', missed: result.missed, steps: result.steps }, 200);
      // Nothing to wait for until another lead approves: accepted, not done, even with ?wait=true.
      if (result.kind === 'awaiting-approval') return c.json({ outcome: result.kind, pause: result.pause }, 202);
      return respondAccepted(c, pauses, result, query.wait === 'true');
    },
  );

  endpoint(
    app,
    {
      method: 'post',
      path: '/{id}/retry',
      summary: 'Retry what failed',
      description: 'Failed listings and suspensions of a pause in force; failed restores of a resumed one.',
      tags,
      params: PauseParamsSchema,
      query: WaitQuerySchema,
      body: { schema: EmptySchema, required: false, description: 'nothing, or `{}`' },
      responses: {
        200: jsonResponse('with `?wait=true`: done', WorkAnswerSchema),
        202: jsonResponse('started; the work goes on', WorkAnswerSchema),
      },
      errors: [502],
    },
    async (c, { params, query }) => respondAccepted(c, pauses, await pauses.retry(params.id, contextOf(c)), query.wait === 'true'),
  );

  endpoint(
    app,
    {
      method: 'post',
      path: '/{id}/items/{itemId}/release',
      summary: 'Put one suspended, missed or kept item back now',
      tags,
      params: ItemParamsSchema,
      body: { schema: ReleaseRequestSchema, required: false, description: 'optionally a new send time' },
      responses: { 200: jsonResponse('the item, as it is now', ItemAnswerSchema) },
      errors: [409, 422],
    },
    async (c, { params, body }) => {
      const at = body.scheduledAt ? new Date(body.scheduledAt) : undefined;
      return c.json({ item: itemView(await pauses.release(params.id, params.itemId, at, contextOf(c))) });
    },
  );

  endpoint(
    app,
    {
      method: 'post',
      path: '/{id}/items/{itemId}/keep',
      summary: 'Keep one suspended or missed item suspended',
      tags,
      params: ItemParamsSchema,
      body: { schema: EmptySchema, required: false, description: 'nothing, or `{}`' },
      responses: { 200: jsonResponse('the item, now kept', ItemAnswerSchema) },
      errors: [409],
    },
    async (c, { params }) => c.json({ item: itemView(await pauses.keep(params.id, params.itemId, contextOf(c))) }),
  );

  return app;
}

/** 202 while the work goes on; with ?wait=true, 200 once it is done. */
export async function respondAccepted(
  c: Context<AppEnv>,
  pauses: PausesService,
  result: { kind: string; pause: PauseView; done: () => Promise<void> },
  wait: boolean,
) {
  if (!wait) return c.json({ outcome: result.kind, pause: result.pause }, result.kind === 'already' ? 200 : 202);
  await result.done();
  return finished(c, result.kind, await pauses.getPause(result.pause.id), 200);
}

/**
 * The answer once the work is done. A pause with failed listings or items is not a success and
 * must not read as one to a script: 502 (the platforms failed us) in the error shape, with the
 * pause in `details` and what to do next.
 */
function finished(c: Context<AppEnv>, outcome: string, pause: PauseView, status: 200 | 201) {
  if (pause.complete) return c.json({ outcome, pause }, status);
  // This request's work is done and nothing failed; what is left is other work queued on the
  // pause meanwhile (an escalation, a planned end) or tasks for people: accepted, not complete —
  // never a plain success, and never a failure either.
  if (pause.failures.listings + pause.failures.items === 0) return c.json({ outcome, pause }, 202);
  const { listings, items } = pause.failures;
  const what = [listings > 0 && `${listings} listing${listings > 1 ? 's' : ''}`, items > 0 && `${items} item${items > 1 ? 's' : ''}`].filter(Boolean).join(' and ');
  const error = new AppError(
    'incomplete',
    `pause ${pause.id} is ${pause.state} but incomplete: ${what || 'its work'} failed; see GET /v1/pauses/${pause.id}/items?state=failed, then POST /v1/pauses/${pause.id}/retry`,
    { outcome, pause },
  );
  return respondError(c, error);
}
