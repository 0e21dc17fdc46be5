// Suspend / restore / inspect of email campaigns: revert the send job (back to Draft, same id),
// later set the stored send time again and create a send job. Never `cancel` (invariant 9).
import { ok, refused } from '../kit/outcomes.js';
import type { ItemRef, Observation, Outcome, RestoreRequest } from '../types.js';
import type { KlaviyoApi } from './api.js';
import { createSendJob, getCampaign, listCampaigns, revertSendJob, updateSendStrategy } from './api-campaigns.js';
import { campaignIsLive, campaignObservation, campaignScheduledAt, campaignSnapshotSchema, DRAFT, notFound, type StrategySnapshot } from './mappers.js';
import { actIdempotently } from './operations-read-back.js';

/** Klaviyo's list maximum: an inspect batch of campaigns is one list request. */
export const CAMPAIGN_PAGE_MAX = 100;

export function suspendCampaign(api: KlaviyoApi, item: ItemRef): Promise<Outcome> {
  const id = item.externalId;
  return actIdempotently(
    id,
    async () => {
      await revertSendJob(api, id);
      return ok(id, DRAFT);
    },
    {
      readBack: () => getCampaign(api, id),
      alreadyDone: (c) => (c.attributes.status === DRAFT ? { status: DRAFT, note: 'already a draft' } : null),
      describe: (c) => `Klaviyo shows the campaign "${c.attributes.status}"`,
    },
  );
}

export async function restoreCampaign(api: KlaviyoApi, request: RestoreRequest): Promise<Outcome> {
  const id = request.externalId;
  const snapshot = campaignSnapshotSchema.safeParse(request.snapshot);
  if (!snapshot.success) return refused(id, `restore ${id}: the stored snapshot is not a Klaviyo campaign snapshot`);
  if (request.scheduledAt === null) return refused(id, `restore ${id}: a scheduled campaign needs a send time to be restored`);
  const at = new Date(request.scheduledAt);
  const strategy = sendStrategyAt(snapshot.data.strategy, at);
  if (strategy === 'refuse') return refused(id, `restore ${id}: an "immediate" campaign would go out at once; send it from Klaviyo if it should`);
  return actIdempotently(
    id,
    async () => {
      // An A/B test's strategy cannot be written through the API (the update takes static,
      // throttled, immediate and smart_send_time): it stays as the revert left it.
      if (strategy !== 'keep') await updateSendStrategy(api, id, strategy);
      await createSendJob(api, id);
      return ok(id, 'Scheduled');
    },
    {
      readBack: () => getCampaign(api, id),
      alreadyDone: (c) => (campaignIsLive(c) && campaignScheduledAt(c) === at.toISOString() ? { status: c.attributes.status, note: 'already scheduled at that time' } : null),
      describe: (c) => `Klaviyo shows the campaign "${c.attributes.status}"`,
    },
  );
}

/** The `send_strategy` that sends at `at` the way the campaign was to go out. */
export function sendStrategyAt(s: StrategySnapshot, at: Date): Record<string, unknown> | 'keep' | 'refuse' {
  const datetime = at.toISOString();
  switch (s.method) {
    case 'static':
      return { method: 'static', datetime, options: s.isLocal ? { is_local: true, send_past_recipients_immediately: s.sendPastRecipientsImmediately ?? false } : { is_local: false } };
    case 'throttled':
      return { method: 'throttled', datetime, throttle_percentage: s.throttlePercentage };
    case 'smart_send_time':
      return { method: 'smart_send_time', date: datetime.slice(0, 10) };
    case 'ab_test_campaign':
      return 'keep';
    case 'immediate':
      return 'refuse';
  }
}

/** Up to 100 campaigns read back with one list request (`any(id,[…])`); the missing are not found. */
export async function inspectCampaigns(api: KlaviyoApi, items: readonly ItemRef[]): Promise<Observation[]> {
  const ids = items.map((i) => i.externalId);
  const seen = new Map<string, Observation>();
  for (let i = 0; i < ids.length; i += CAMPAIGN_PAGE_MAX) {
    const page = await listCampaigns(api, { kind: 'ids', ids: ids.slice(i, i + CAMPAIGN_PAGE_MAX) }, null, CAMPAIGN_PAGE_MAX);
    for (const { campaign, messages } of page.campaigns) seen.set(campaign.id, campaignObservation(campaign, messages));
  }
  return ids.map((id) => seen.get(id) ?? notFound(id));
}
