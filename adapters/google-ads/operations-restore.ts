// Restore: set each campaign back to the status its snapshot recorded (ENABLED: only ENABLED
// campaigns are listed). Ad groups and ads were never touched, so they come back as they were.
import { definiteError } from '../kit/adapter-error.js';
import { failed, isOutcome, ok, refused } from '../kit/outcomes.js';
import type { Outcome, RestoreRequest } from '../types.js';
import type { GoogleAdsApi } from './api.js';
import { isWritableStatus } from './mappers.js';
import { readCampaigns } from './operations-reads.js';
import { applyStatusChanges, checkItem, type PlannedChange } from './operations-writes.js';

export async function restoreCampaigns(api: GoogleAdsApi, requests: readonly RestoreRequest[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(requests.length);
  const planned: Array<PlannedChange & { mayExist: boolean }> = [];
  requests.forEach((request, index) => {
    const checked = checkItem(request);
    if (isOutcome(checked)) outcomes[index] = checked;
    // Invariant 9: a snapshot status other than ENABLED/PAUSED is never written back.
    else if (!isWritableStatus(checked.snapshot.status)) outcomes[index] = refused(request.externalId, `snapshot status ${checked.snapshot.status} is never written`);
    else planned.push({ index, campaignId: request.externalId, customerId: checked.customerId, status: checked.snapshot.status, mayExist: request.mayExist });
  });

  // An earlier restore may already have landed (a timeout, a crash): read first and write only
  // what is not back yet. Ordinary restores skip the read: setting a status is idempotent.
  const recovering = planned.filter((p) => p.mayExist);
  const current = recovering.length > 0 ? await readCampaigns(api, recovering) : new Map();
  const changes = planned.filter((change) => {
    if (!change.mayExist) return true;
    const campaign = current.get(`${change.customerId}/${change.campaignId}`);
    if (!campaign) outcomes[change.index] = failed(change.campaignId, definiteError('not_found', `campaign ${change.campaignId} is not in customer ${change.customerId}`));
    else if (campaign.status === change.status) outcomes[change.index] = ok(change.campaignId, change.status, { note: `already ${change.status}; nothing written` });
    // someone removed it meanwhile: REMOVED is final on Google Ads, and we never try
    else if (!isWritableStatus(campaign.status)) outcomes[change.index] = failed(change.campaignId, definiteError('invalid_state', `campaign ${change.campaignId} is ${campaign.status ?? 'unknown'}; it cannot be enabled`));
    else return true;
    return false;
  });
  await applyStatusChanges(api, changes, outcomes);
  return outcomes;
}
