// Suspend / restore / inspect of campaigns.
// One-off campaigns: unschedule → draft (same id), later schedule again at the stored time.
// RSS campaigns: a true pause → actions/pause, later actions/resume.
import { refused, ok } from '../kit/outcomes.js';
import type { AdapterError } from '../kit/adapter-error.js';
import type { ItemRef, Observation, Outcome, RestoreRequest } from '../types.js';
import type { MailchimpApi } from './api.js';
import { getCampaign, getSendChecklist, pauseRssCampaign, resumeRssCampaign, scheduleCampaign, unscheduleCampaign } from './api-campaigns.js';
import { campaignSnapshotSchema } from './mappers.js';
import { campaignObservation, isUnscheduled, notFound, UNSCHEDULED } from './mappers-observation.js';
import { canonicalTime, toScheduleTime } from './mappers-time.js';
import { actIdempotently, flipStatus, orNull, withDetail } from './operations-read-back.js';
import type { Campaign } from './schemas.js';

export function suspendCampaign(api: MailchimpApi, item: ItemRef): Promise<Outcome> {
  const id = item.externalId;
  return actIdempotently(
    id,
    async () => {
      // No read-back: whether Mailchimp now shows `save` or `paused` is undocumented, and both
      // are one status to us (`UNSCHEDULED`, which inspect reports for either). One request.
      await unscheduleCampaign(api, id);
      return ok(id, UNSCHEDULED);
    },
    {
      // Refused (a retried call that had applied, a repeated suspend): read to tell "already
      // unscheduled" from a campaign that started sending.
      readBack: () => getCampaign(api, id),
      alreadyDone: (c) => (isUnscheduled(c.status) ? { status: UNSCHEDULED, note: 'already unscheduled' } : null),
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
      explain: (refusal, c) => (isUnscheduled(c.status) ? withChecklist(api, refusal, id) : withStatus(api, refusal, c)),
    },
  );
}

export const suspendRssCampaign = (api: MailchimpApi, item: ItemRef): Promise<Outcome> =>
  flipStatus(item.externalId, () => pauseRssCampaign(api, item.externalId), () => getCampaign(api, item.externalId), 'paused');

export const restoreRssCampaign = (api: MailchimpApi, request: RestoreRequest): Promise<Outcome> =>
  flipStatus(request.externalId, () => resumeRssCampaign(api, request.externalId), () => getCampaign(api, request.externalId), 'sending');

/** One campaign read on its own (many at once: operations-inspect.ts reads them through list pages). */
export async function inspectCampaign(api: MailchimpApi, externalId: string): Promise<Observation> {
  const campaign = await orNull(getCampaign(api, externalId));
  return campaign ? campaignObservation(campaign) : notFound(externalId);
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
