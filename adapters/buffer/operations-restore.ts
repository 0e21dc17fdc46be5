// Putting deleted posts back: Buffer has no undelete, so each post is created again from its
// snapshot with `createPost` (mode customScheduled, dueAt the time the core asks), several per
// request as aliased mutations. New ids (`newExternalId`); the core records old → new.
import { AdapterError } from '../kit/adapter-error.js';
import { failed, ok, refused } from '../kit/outcomes.js';
import type { Outcome, RestoreRequest } from '../types.js';
import { createPosts, readPosts, type BufferApi } from './api.js';
import { canonicalTime, fingerprintOf, fingerprintOfInput, LIVE_STATUS, snapshotSchema, type BufferSnapshot } from './mappers.js';
import type { BufferPost, Payload } from './schemas.js';

/** How far either side of the target time we look for an earlier re-creation. */
const LOOKUP_MARGIN_MS = 60_000;
const MAX_LOOKUP_PAGES = 5;

type Ready = { request: RestoreRequest; snapshot: BufferSnapshot; dueAt: string };

export async function restorePosts(api: BufferApi, requests: readonly RestoreRequest[]): Promise<Outcome[]> {
  const outcomes = new Map<string, Outcome>();
  const ready: Ready[] = [];
  for (const request of requests) {
    const invalid = (why: string) => outcomes.set(request.externalId, refused(request.externalId, `restore ${request.externalId}: ${why}`));
    const parsed = snapshotSchema.safeParse(request.snapshot);
    const dueAt = canonicalTime(request.scheduledAt);
    if (!parsed.success) invalid('the stored snapshot is not a Buffer post snapshot');
    else if (dueAt === null) invalid('a Buffer post needs a send time to be re-created');
    else ready.push({ request, snapshot: parsed.data, dueAt });
  }
  const toCreate: Ready[] = [];
  for (const r of ready) {
    if (!r.request.mayExist) {
      toCreate.push(r);
      continue;
    }
    // An earlier create may have reached Buffer (timeout, crash): adopt it, never duplicate.
    try {
      const existing = await findRecreated(api, r.snapshot, r.dueAt);
      if (existing) outcomes.set(r.request.externalId, ok(r.request.externalId, existing.status, { newExternalId: existing.id, note: `adopted post ${existing.id}, already re-created on Buffer` }));
      else toCreate.push(r);
    } catch (error) {
      outcomes.set(r.request.externalId, failed(r.request.externalId, error));
    }
  }
  if (toCreate.length > 0) {
    try {
      const payloads = await createPosts(api, toCreate.map((r) => ({ ...r.snapshot.input, mode: 'customScheduled' as const, dueAt: r.dueAt })));
      toCreate.forEach((r, i) => outcomes.set(r.request.externalId, outcomeOf(api, r.request.externalId, payloads[i]!)));
    } catch (error) {
      for (const r of toCreate) outcomes.set(r.request.externalId, failed(r.request.externalId, error));
    }
  }
  return requests.map((r) => outcomes.get(r.externalId)!);
}

/** The error types of PostActionPayload (all implement MutationError {message}) → our codes. */
function outcomeOf(api: BufferApi, externalId: string, payload: Payload): Outcome {
  if (payload.__typename === 'PostActionSuccess' && payload.post) {
    const { id, status } = payload.post;
    return ok(externalId, status, { newExternalId: id, ...(status !== LIVE_STATUS && { note: `Buffer put the re-created post in status ${status}` }) });
  }
  const type = payload.__typename;
  const code = type === 'InvalidInputError' ? 'invalid_request' : type === 'NotFoundError' ? 'not_found' : type === 'UnauthorizedError' ? 'forbidden' : type === 'LimitReachedError' ? 'invalid_state' : type === 'UnexpectedError' || type === 'RestProxyError' ? 'server_error' : 'invalid_request';
  // An unexpected error inside createPost may come after the post was made: look before trying again.
  const ambiguous = code === 'server_error';
  return failed(externalId, new AdapterError({ code, message: api.scrub(`POST / CreatePosts: Buffer ${type}: ${payload.message ?? 'no message'}`), retryable: ambiguous, ambiguous, vendorCode: type }));
}

/** A post on the same channel, at the same time, with the same content: a re-creation that already happened. */
async function findRecreated(api: BufferApi, snapshot: BufferSnapshot, dueAt: string): Promise<BufferPost | undefined> {
  const wanted = fingerprintOfInput(snapshot.input);
  const at = Date.parse(dueAt);
  const dueWindow = { start: new Date(at - LOOKUP_MARGIN_MS).toISOString(), end: new Date(at + LOOKUP_MARGIN_MS).toISOString() };
  let after: string | null = null;
  for (let pages = 0; pages < MAX_LOOKUP_PAGES; pages++) {
    const page = await readPosts(api, { organizationId: snapshot.organizationId, channelIds: [snapshot.input.channelId], dueAt: dueWindow, first: 100, after });
    const match = page.posts.find((p) => canonicalTime(p.dueAt) === dueAt && fingerprintOf(p) === wanted);
    if (match) return match;
    if (page.next === null) return undefined;
    after = page.next;
  }
  throw new AdapterError({ code: 'unexpected_response', message: `POST / Posts: more than ${MAX_LOOKUP_PAGES} pages in a two-minute window`, retryable: false, ambiguous: false });
}
