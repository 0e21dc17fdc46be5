// Putting a deleted message back: Hootsuite has no undelete, so we re-create it from the snapshot
// with `POST /v1/messages`. The new message has a new id (`newExternalId`); the core records
// old → new. A member whose posts need approval gets it back as PENDING_APPROVAL: reported ok,
// with a note saying a person must approve it in time.
import { AdapterError } from '../kit/adapter-error.js';
import { fingerprint } from '../kit/fingerprint.js';
import { ok, refused } from '../kit/outcomes.js';
import type { Outcome, RestoreRequest } from '../types.js';
import { retrieveMessages, scheduleMessage, type HootsuiteApi } from './api.js';
import { APPROVAL_STATE, approvalNote, canonicalTime, contentOfBody, fingerprintOf, LIVE_STATE, snapshotSchema, toHootsuiteTime } from './mappers.js';
import type { CreateMessageBody, SocialProfileMessage } from './schemas.js';

/** How far either side of the target time we look for an earlier re-creation. */
const LOOKUP_MARGIN_MS = 60_000;
const MAX_LOOKUP_PAGES = 20;

export async function restoreMessage(api: HootsuiteApi, request: RestoreRequest): Promise<Outcome> {
  const parsed = snapshotSchema.safeParse(request.snapshot);
  const invalid = (why: string) => refused(request.externalId, `restore ${request.externalId}: ${why}`);
  if (!parsed.success) return invalid('the stored snapshot is not a Hootsuite message snapshot');
  if (request.scheduledAt === null) return invalid('a Hootsuite message needs a send time to be re-created');
  const target = canonicalTime(request.scheduledAt);
  if (target === null) return invalid(`unreadable send time ${request.scheduledAt}`);

  // The API wants UTC ending in Z; the core already checked the lead time and normalized the time.
  const body: CreateMessageBody = { ...parsed.data.body, scheduledSendTime: toHootsuiteTime(target) };
  const profileId = body.socialProfileIds[0]!;
  const outcomeOf = (message: SocialProfileMessage, adopted: boolean): Outcome => {
    const notes = [
      ...(adopted ? [`adopted message ${message.id}, already re-created on Hootsuite`] : []),
      ...(message.state === APPROVAL_STATE ? [approvalNote(body, target)] : []),
      ...(message.state !== LIVE_STATE && message.state !== APPROVAL_STATE ? [`Hootsuite put the re-created message in state ${message.state}`] : []),
    ];
    return ok(request.externalId, message.state, { newExternalId: message.id, ...(notes.length > 0 && { note: notes.join('; ') }) });
  };

  if (request.mayExist) {
    // An earlier create may have reached Hootsuite (timeout, crash): adopt it, never duplicate.
    const existing = await findRecreated(api, body, profileId, target);
    if (existing) return outcomeOf(existing, true);
  }
  const created = await scheduleMessage(api, body);
  return outcomeOf(created.find((m) => m.socialProfile.id === profileId) ?? created[0]!, false);
}

/**
 * A message on the same profile, at the same time, with the same content: a re-creation that
 * already happened. Any state counts: a re-created message that went to approval, or was even
 * sent, must not be created a second time.
 */
async function findRecreated(api: HootsuiteApi, body: CreateMessageBody, profileId: string, target: string): Promise<SocialProfileMessage | undefined> {
  const wanted = fingerprint(contentOfBody(body));
  const at = Date.parse(target);
  let cursor: string | undefined;
  // A two-minute window on one profile holds a handful of messages; the cap only stops a
  // cursor that never ends.
  for (let pages = 0; pages < MAX_LOOKUP_PAGES; pages++) {
    const page = await retrieveMessages(api, {
      startTime: toHootsuiteTime(new Date(at - LOOKUP_MARGIN_MS)),
      endTime: toHootsuiteTime(new Date(at + LOOKUP_MARGIN_MS)),
      socialProfileIds: [profileId],
      limit: 100,
      cursor,
    });
    const match = page.messages.find(
      (m) => m.socialProfile.id === profileId && canonicalTime(m.scheduledSendTime) === target && fingerprintOf(m) === wanted,
    );
    if (match) return match;
    cursor = page.next ?? undefined;
    if (cursor === undefined) return undefined;
  }
  throw new AdapterError({
    code: 'unexpected_response',
    message: `GET /v1/messages: more than ${MAX_LOOKUP_PAGES} pages in a two-minute window`,
    retryable: false,
    ambiguous: false,
  });
}
