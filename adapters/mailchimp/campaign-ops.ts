// Suspend / restore / inspect of campaigns.
// One-off campaigns: unschedule → draft (same id), later schedule again at the stored time.
// RSS campaigns: a true pause → actions/pause, later actions/resume.
import { AdapterError } from '../kit/adapter-error.js';
import type { ItemRef, Observation, Outcome, RestoreRequest } from '../types.js';
import type { MailchimpApi } from './api-core.js';
import { getCampaign, pauseRssCampaign, resumeRssCampaign, scheduleCampaign, unscheduleCampaign } from './api-campaigns.js';
import { campaignObservation, campaignSnapshotSchema, notFound } from './mappers.js';
import { actIdempotently, invalidRequest, ok } from './outcomes.js';
import { canonicalTime, toScheduleTime } from './schedule-time.js';

const DRAFT_STATES = ['save', 'paused'];

export function suspendCampaign(api: MailchimpApi, item: ItemRef): Promise<Outcome> {
  const id = item.externalId;
  return actIdempotently(
    id,
    async () => {
      await unscheduleCampaign(api, id);
      // The unschedule answer is an empty 204: read the status back rather than assume it, so
      // the outcome matches what inspect will see. The write already happened; a failed read
      // must not turn it into an error.
      const status = await getCampaign(api, id).then((c) => c.status, () => 'save');
      return ok(id, status);
    },
    () => getCampaign(api, id),
    (c) => (DRAFT_STATES.includes(c.status) ? { status: c.status, note: 'already unscheduled' } : null),
  );
}

export function restoreCampaign(api: MailchimpApi, request: RestoreRequest): Promise<Outcome> {
  const id = request.externalId;
  const snapshot = campaignSnapshotSchema.parse(request.snapshot);
  if (request.scheduledAt === null) throw invalidRequest(`Mailchimp campaign ${id}: a scheduled campaign needs a send time to be restored`);
  const at = new Date(request.scheduledAt);
  return actIdempotently(
    id,
    async () => {
      // Timewarp is re-supplied from the snapshot (the schedule action decides it afresh).
      // Batch delivery cannot be: the campaign object never shows it (see README).
      await scheduleCampaign(api, id, { schedule_time: toScheduleTime(at), timewarp: snapshot.timewarp });
      return ok(id, 'schedule');
    },
    () => getCampaign(api, id),
    (c) =>
      c.status === 'schedule' && canonicalTime(c.send_time) === at.toISOString()
        ? { status: c.status, note: 'already scheduled at that time' }
        : null,
  );
}

export function suspendRssCampaign(api: MailchimpApi, item: ItemRef): Promise<Outcome> {
  const id = item.externalId;
  return actIdempotently(
    id,
    async () => {
      await pauseRssCampaign(api, id);
      return ok(id, 'paused');
    },
    () => getCampaign(api, id),
    (c) => (c.status === 'paused' ? { status: c.status, note: 'already paused' } : null),
  );
}

export function restoreRssCampaign(api: MailchimpApi, request: RestoreRequest): Promise<Outcome> {
  const id = request.externalId;
  return actIdempotently(
    id,
    async () => {
      await resumeRssCampaign(api, id);
      return ok(id, 'sending');
    },
    () => getCampaign(api, id),
    (c) => (c.status === 'sending' ? { status: c.status, note: 'already sending' } : null),
  );
}

export async function inspectCampaign(api: MailchimpApi, item: ItemRef): Promise<Observation> {
  try {
    return campaignObservation(await getCampaign(api, item.externalId));
  } catch (error) {
    if (error instanceof AdapterError && error.code === 'not_found') return notFound(item.externalId);
    throw error;
  }
}
