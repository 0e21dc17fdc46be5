// The Single Sends endpoints the simulator answers, with SendGrid's paths, parameters, bodies and
// refusals: list, search, get one, schedule, delete the schedule. Creating, editing, duplicating
// and deleting Single Sends are not served (404): the adapter never calls them.
import type { Context, Hono } from 'hono';
import { fullForm, idAfter, page } from './simulator-answers.js';
import { badRequest, ERRORS, errorResponse } from './simulator-errors.js';
import { cannotSchedule, notScheduled, sendAtOf } from './simulator-schedule.js';
import type { SendGridWorld } from './simulator-world.js';
import type { SimSingleSend } from './simulator-world-data.js';
import { SINGLE_SEND_STATUSES, type SingleSendStatus } from './schemas.js';
import type { Clock } from '../types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The page size we assume SendGrid allows at most, and its default: undocumented (README, "unconfirmed"). */
export const MAX_PAGE_SIZE = 100;

export function singleSendRoutes(app: Hono, world: SendGridWorld, clock: Clock): void {
  app.get('/v3/marketing/singlesends', (c) => listPage(c, world, [...SINGLE_SEND_STATUSES], () => true));

  app.post('/v3/marketing/singlesends/search', async (c) => {
    const body: unknown = await c.req.json().catch(() => undefined);
    const search = searchOf(body);
    if ('status' in search && typeof search.status === 'number') return errorResponse(c, search);
    const { statuses, keep } = search as { statuses: SingleSendStatus[]; keep: (s: SimSingleSend) => boolean };
    return listPage(c, world, statuses, keep);
  });

  app.get('/v3/marketing/singlesends/:id', (c) => {
    const found = singleSend(c, world);
    return 'id' in found ? c.json(fullForm(found)) : found;
  });

  app.put('/v3/marketing/singlesends/:id/schedule', async (c) => {
    const found = singleSend(c, world);
    if (!('id' in found)) return found;
    const body: unknown = await c.req.json().catch(() => undefined);
    const at = sendAtOf(body, clock.now().getTime());
    if (typeof at !== 'number') return errorResponse(c, at);
    const problems = cannotSchedule(found);
    if (problems.length > 0) return errorResponse(c, ...problems);
    const sendAt = new Date(at).toISOString();
    world.setSchedule(found, 'scheduled', sendAt);
    // "now" goes out at once: the answer already says so.
    return c.json({ send_at: sendAt, status: 'scheduled' }, 201);
  });

  app.delete('/v3/marketing/singlesends/:id/schedule', (c) => {
    const found = singleSend(c, world);
    if (!('id' in found)) return found;
    const refusal = notScheduled(found);
    if (refusal) return errorResponse(c, refusal);
    // Back to draft, same id; the send_at stays on it ("no effect while the status is draft").
    world.setSchedule(found, 'draft', found.send_at);
    return c.json({ send_at: found.send_at, status: 'draft' }, 200);
  });
}

/** The Single Send of the path, or the answer refusing it. */
function singleSend(c: Context, world: SendGridWorld): SimSingleSend | Response {
  const id = c.req.param('id') ?? '';
  if (!UUID.test(id)) return errorResponse(c, badRequest('id', 'id must be a valid UUID'));
  return world.get(id) ?? errorResponse(c, ERRORS.notFound);
}

function listPage(c: Context, world: SendGridWorld, statuses: SingleSendStatus[], keep: (s: SimSingleSend) => boolean): Response {
  const url = new URL(c.req.url);
  const rawSize = url.searchParams.get('page_size');
  const size = rawSize === null ? MAX_PAGE_SIZE : Number(rawSize);
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) return errorResponse(c, badRequest('page_size', `page_size must be an integer between 1 and ${MAX_PAGE_SIZE}`));
  const token = url.searchParams.get('page_token');
  const after = token === null ? null : idAfter(token);
  if (token !== null && after === null) return errorResponse(c, badRequest('page_token', 'invalid page_token'));
  const index = world.index();
  const items = index.page(statuses, after, size + 1, keep);
  const more = items.length > size;
  const shown = items.slice(0, size);
  return c.json(page(url, shown, more ? shown[shown.length - 1]!.id : null, index.count(statuses)));
}

type Search = { statuses: SingleSendStatus[]; keep: (s: SimSingleSend) => boolean };

/** A `singlesend_search` body: `name` (1..100, wildcard both ends), `status[]`, `categories[]` (any of). */
function searchOf(body: unknown): Search | ReturnType<typeof badRequest> {
  if (body === undefined) return badRequest('body', 'invalid JSON');
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return badRequest('body', 'must be an object');
  const { name, status, categories, ...rest } = body as Record<string, unknown>;
  const unknown = Object.keys(rest)[0];
  if (unknown !== undefined) return badRequest(unknown, 'unknown field');
  if (name !== undefined && (typeof name !== 'string' || name.length < 1 || name.length > 100)) return badRequest('name', 'name must be 1 to 100 characters');
  const statusList = status === undefined ? [...SINGLE_SEND_STATUSES] : status;
  if (!Array.isArray(statusList) || !statusList.every((s) => (SINGLE_SEND_STATUSES as readonly unknown[]).includes(s))) {
    return badRequest('status', `status must be an array of ${SINGLE_SEND_STATUSES.join(', ')}`);
  }
  if (new Set(statusList).size !== statusList.length) return badRequest('status', 'status values must be unique');
  if (categories !== undefined && (!Array.isArray(categories) || !categories.every((x) => typeof x === 'string'))) return badRequest('categories', 'categories must be an array of strings');
  const wanted = (categories ?? []) as string[];
  const needle = typeof name === 'string' ? name.toLowerCase() : null;
  return {
    statuses: statusList as SingleSendStatus[],
    keep: (s) => (needle === null || s.name.toLowerCase().includes(needle)) && (wanted.length === 0 || s.categories.some((x) => wanted.includes(x))),
  };
}
