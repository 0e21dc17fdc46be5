// Putting a suspended campaign back on schedule. Brevo's way back (README: "The way back"):
// give the campaign its send time again with `PUT /emailCampaigns/{id}` `{scheduledAt}` — "you
// could again reschedule it" (Brevo, sendinblue/APIv3-nodejs-library#104) — and read it back.
// Should Brevo leave it `suspended` after the new time (not documented either way), the status
// endpoint's `queued` target finishes the job. Same id; the time is the one we stored (or the
// one the missed-item policy chose); content is untouched.
import { AdapterError } from '../kit/adapter-error.js';
import { ok, refused } from '../kit/outcomes.js';
import type { Outcome, RestoreRequest } from '../types.js';
import { getEmailCampaign, updateCampaignStatus, updateEmailCampaign, type BrevoApi } from './api.js';
import { campaignIdOf, fingerprintOf, LIVE_STATUS, snapshotSchema, SUSPENDED_STATUS, toBrevoTime } from './mappers.js';

export async function restoreCampaign(api: BrevoApi, item: RestoreRequest): Promise<Outcome> {
  const id = campaignIdOf(item.externalId);
  const snapshot = snapshotSchema.safeParse(item.snapshot);
  if (id === null || !snapshot.success || snapshot.data.campaignId !== id) {
    return refused(item.externalId, `restore ${item.externalId}: no usable snapshot of this campaign`);
  }
  const at = item.scheduledAt ?? snapshot.data.scheduledAt;
  if (!at || Number.isNaN(Date.parse(at))) return refused(item.externalId, `restore ${item.externalId}: no send time to schedule it at`);

  await updateEmailCampaign(api, id, { scheduledAt: toBrevoTime(at) });
  const after = await getEmailCampaign(api, id);
  if (!after) throw new AdapterError({ code: 'not_found', message: `restore ${item.externalId}: Brevo no longer knows this campaign`, retryable: false, ambiguous: false });
  // The core read the campaign back before this restore, but under Brevo's hourly limit that
  // read may be minutes old: an edit made since shows here, and people must hear of it.
  const changed = fingerprintOf(after) !== item.fingerprint ? 'its content changed while it was suspended: check it before it goes out' : undefined;
  if (after.status === LIVE_STATUS) return ok(item.externalId, LIVE_STATUS, changed ? { note: changed } : {});
  if (after.status === SUSPENDED_STATUS) {
    await updateCampaignStatus(api, id, 'queued');
    return ok(item.externalId, LIVE_STATUS, { note: ['rescheduled, then set back to queued', changed].filter(Boolean).join('; ') });
  }
  throw new AdapterError({
    code: 'invalid_state',
    message: api.scrub(`restore ${item.externalId}: the campaign is "${after.status}" after rescheduling, not queued`),
    retryable: false,
    ambiguous: false,
  });
}
