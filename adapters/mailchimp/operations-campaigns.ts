// Suspend / restore / inspect of campaigns.
// One-off campaigns: unschedule → draft (same id), later schedule again at the stored time.
// RSS campaigns: a true pause → actions/pause, later actions/resume.
import { refused, ok } from '../kit/outcomes.js';
import type { AdapterError } from '../kit/adapter-error.js';
import type { ItemRef, Observation, Outcome, RestoreRequest } from '../types.js';
import type { MailchimpApi } from './api.js';
import { getCampaign, getSendChecklist, pauseRssCampaign, resumeRssCampaign, scheduleCampaign, unscheduleCampaign } from './api-campaigns.js';
import { campaignObservation, campaignSnapshotSchema, notFound } from './mappers.js';
import { canonicalTime, toScheduleTime } from './mappers-time.js';
import { actIdempotently, flipStatus, orNull, withDetail } from './operations-read-back.js';
import type { Campaign } from './schemas.js';

/**
 * What a campaign shows after `actions/unschedule`: Mailchimp's API reference does not say; its
 * help calls the campaign "paused" after "Pause and Edit". Both are drafts to us (see README).
 */
const DRAFT_STATES = ['save', 'paused'];

export function suspendCampaign(api: MailchimpApi, item: ItemRef): Promise<Outcome> {
  const id = item.externalId;
  return actIdempotently(
    id,
    async () => {
      await unscheduleCampaign(api, id);
      // The unschedule answer is an empty 204 and the status it leaves is undocumented: read it
      // back rather than assume it, so the outcome matches what inspect will see. The write
      // already happened; a failed read must not turn it into an error.
      const status = await getCampaign(api, id).then((c) => c.status, () => 'save');
      return ok(id, status);
    },
    {
      readBack: () => getCampaign(api, id),
      alreadyDone: (c) => (DRAFT_STATES.includes(c.status) ? { status: c.status, note: 'already unscheduled' } : null),
      explain: (refusal, c) => withStatus(api, refusal, c),
    },
  );
}

export async function restoreCampaign(api: MailchimpApi, request: RestoreRequest): Promise<Outcome> {
  const id = request.externalId;
  const snapshot = campaignSnapshotSchema.safeParse(request.snapshot);
  if (!snapshot.success) return refused(id, `restore ${id}: the stored snapshot is not a Mailchimp campaign snapshot`);
  if (request.scheduledAt === null) return refused(id, `restore ${id}: a scheduled campaign needs a send time to be restored`);
  const at = new Date(request.scheduledAt);
  return actIdempotently(
    id,
    async () => {
      // Timewarp is re-supplied from the snapshot (the schedule action decides it afresh).
      // Batch delivery cannot be: the campaign object never shows it (see README).
      await scheduleCampaign(api, id, { schedule_time: toScheduleTime(at), timewarp: snapshot.data.timewarp });
      return ok(id, 'schedule');
    },
    {
      readBack: () => getCampaign(api, id),
      alreadyDone: (c) => (c.status === 'schedule' && canonicalTime(c.send_time) === at.toISOString() ? { status: c.status, note: 'already scheduled at that time' } : null),
      explain: (refusal, c) => (DRAFT_STATES.includes(c.status) ? withChecklist(api, refusal, id) : withStatus(api, refusal, c)),
    },
  );
}

export const suspendRssCampaign = (api: MailchimpApi, item: ItemRef): Promise<Outcome> =>
  flipStatus(item.externalId, () => pauseRssCampaign(api, item.externalId), () => getCampaign(api, item.externalId), 'paused');

export const restoreRssCampaign = (api: MailchimpApi, request: RestoreRequest): Promise<Outcome> =>
  flipStatus(request.externalId, () => resumeRssCampaign(api, request.externalId), () => getCampaign(api, request.externalId), 'sending');

export async function inspectCampaign(api: MailchimpApi, item: ItemRef): Promise<Observation> {
  const campaign = await orNull(getCampaign(api, item.externalId));
  return campaign ? campaignObservation(campaign) : notFound(item.externalId);
}

/** A refusal of a campaign in another state than the action needs: say which. */
function withStatus(api: MailchimpApi, refusal: AdapterError, c: Campaign): AdapterError {
  const timewarp = c.status === 'sending' && c.settings?.timewarp === true ? ' (a Timewarp campaign starts sending 14 hours before its time)' : '';
  return withDetail(refusal, api.scrub(`Mailchimp shows the campaign "${c.status}"${timewarp}`));
}

/**
 * A draft Mailchimp refuses to schedule: its send checklist says why (an unverified sender, a
 * missing subject…), while the refusal itself says only "This campaign cannot be scheduled: .".
 * The reason goes into the item's error for a person to fix in Mailchimp.
 */
async function withChecklist(api: MailchimpApi, refusal: AdapterError, id: string): Promise<AdapterError> {
  const checklist = await getSendChecklist(api, id).catch(() => null);
  const blocking = (checklist?.items ?? []).filter((i) => i.type === 'error');
  if (!checklist || (checklist.is_ready !== false && blocking.length === 0)) return refusal;
  const reasons = blocking.map((i) => [i.heading, i.details].filter(Boolean).join(': ')).join('; ');
  return withDetail(refusal, api.scrub(`the campaign's send checklist is not ready${reasons ? `: ${reasons}` : ''}`));
}
