import { Hono, type Context } from 'hono';
import { AppError } from '../../domain/errors.js';
import type { PausesService } from '../../pauses/pauses-service.js';
import { itemView, type PauseView } from '../../pauses/pause-view.js';
import { respondError } from '../errors.js';
import { contextOf, type AppEnv } from '../request-context.js';
import {
  EmptySchema,
  ItemListQuerySchema,
  PauseListQuerySchema,
  PauseRequestSchema,
  ReleaseRequestSchema,
  ResumeRequestSchema,
  WaitQuerySchema,
} from '../schemas.js';
import { jsonBody, query } from '../validate.js';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,255}$/;

/** Pauses and their items: the pause-by-severity endpoint, resume, retry, release, keep. */
export function pauseRoutes(pauses: PausesService) {
  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const wait = waitFlag(c);
      const body = await jsonBody(c, PauseRequestSchema);
      const key = c.req.header('idempotency-key');
      if (key !== undefined && !IDEMPOTENCY_KEY.test(key))
        throw new AppError('invalid_request', 'Idempotency-Key must be 1–255 letters, digits or . _ : -');
      const result = await pauses.requestPause(body, contextOf(c), key);
      if (result.kind === 'dry-run') return c.json({ outcome: 'dry-run', plan: result.plan }, 200);
      const accepted = result.kind === 'created' || (result.kind === 'replayed' && result.status === 202);
      c.header('Location', `/v1/pauses/${result.pause.id}`);
      if (!wait) return c.json({ outcome: result.kind, pause: result.pause }, accepted ? 202 : 200);
      await result.done();
      return finished(c, result.kind, await pauses.getPause(result.pause.id), accepted ? 201 : 200);
    })
    .get('/', async (c) => {
      const q = query(c, PauseListQuerySchema);
      return c.json(await pauses.listPauses({ limit: q.limit, ...(q.state && { state: q.state }), ...(q.cursor && { cursor: q.cursor }) }));
    })
    .get('/:id', async (c) => c.json(await pauses.getPause(c.req.param('id'))))
    .get('/:id/items', async (c) => {
      const q = query(c, ItemListQuerySchema);
      const filter = { ...(q.state && { state: q.state }), ...(q.kind && { kind: q.kind }), ...(q.connection && { connectionId: q.connection }) };
      const page = await pauses.listItems(c.req.param('id'), filter, { limit: q.limit, ...(q.cursor && { cursor: q.cursor }) });
      return c.json({ data: page.data.map(itemView), nextCursor: page.nextCursor });
    })
    .post('/:id/resume', async (c) => {
      const wait = waitFlag(c);
      const body = await jsonBody(c, ResumeRequestSchema, { optional: true });
      const result = await pauses.requestResume(c.req.param('id'), body, contextOf(c));
      if (result.kind === 'dry-run') return c.json({ outcome: 'dry-run', missed: result.missed, steps: result.steps }, 200);
      return respondAccepted(c, pauses, result, wait);
    })
    .post('/:id/retry', async (c) => {
      const wait = waitFlag(c);
      await jsonBody(c, EmptySchema, { optional: true });
      return respondAccepted(c, pauses, await pauses.retry(c.req.param('id'), contextOf(c)), wait);
    })
    .post('/:id/items/:itemId/release', async (c) => {
      const body = await jsonBody(c, ReleaseRequestSchema, { optional: true });
      const at = body.scheduledAt ? new Date(body.scheduledAt) : undefined;
      const item = await pauses.release(c.req.param('id'), c.req.param('itemId'), at, contextOf(c));
      return c.json({ item: itemView(item) });
    })
    .post('/:id/items/:itemId/keep', async (c) => {
      await jsonBody(c, EmptySchema, { optional: true });
      const item = await pauses.keep(c.req.param('id'), c.req.param('itemId'), contextOf(c));
      return c.json({ item: itemView(item) });
    });
}

function waitFlag(c: Context): boolean {
  return query(c, WaitQuerySchema).wait === 'true';
}

/** 202 while the work goes on; with ?wait=true, 200 once it is done. */
async function respondAccepted(
  c: Context,
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
 * must not read as one to a script: 502 (the platforms failed us) with the error shape, the pause
 * in `details`, and what to do next.
 */
function finished(c: Context, outcome: string, pause: PauseView, status: 200 | 201) {
  if (pause.complete) return c.json({ outcome, pause }, status);
  const { listings, items } = pause.failures;
  const what = [listings > 0 && `${listings} listing${listings > 1 ? 's' : ''}`, items > 0 && `${items} item${items > 1 ? 's' : ''}`].filter(Boolean).join(' and ');
  const error = new AppError(
    'incomplete',
    `pause ${pause.id} is ${pause.state} but incomplete: ${what || 'its work'} failed; see GET /v1/pauses/${pause.id}/items?state=failed, then POST /v1/pauses/${pause.id}/retry`,
    { outcome, pause },
  );
  return respondError(c, error);
}
