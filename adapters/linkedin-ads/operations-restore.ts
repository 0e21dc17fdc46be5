// Restore: set each campaign back to the status its snapshot recorded (always ACTIVE, since only
// ACTIVE campaigns are listed). Same id; nothing else is written.
import { definiteError } from '../kit/adapter-error.js';
import { failed, isOutcome, ok, refused } from '../kit/outcomes.js';
import type { Outcome, RestoreRequest } from '../types.js';
import type { LinkedInApi } from './api.js';
import { hasEnded, isWritableStatus } from './mappers.js';
import { readCampaigns } from './operations-reads.js';
import { applyStatusChanges, checkItem, type PlannedChange } from './operations-writes.js';

export async function restoreCampaigns(api: LinkedInApi, accounts: ReadonlySet<string>, requests: readonly RestoreRequest[]): Promise<Outcome[]> {
  const now = api.client.clock.now();
  const outcomes: Outcome[] = new Array(requests.length);
  const planned: Array<PlannedChange & { mayExist: boolean }> = [];
  requests.forEach((request, index) => {
    const snapshot = checkItem(request, accounts);
    if (isOutcome(snapshot)) outcomes[index] = snapshot;
    // Invariant 9: a snapshot status other than ACTIVE/PAUSED is never written back.
    else if (!isWritableStatus(snapshot.status)) outcomes[index] = refused(request.externalId, `snapshot status ${snapshot.status} is never written`);
    else {
      const ended = hasEnded(snapshot.end, now);
      planned.push({
        index,
        id: request.externalId,
        accountId: snapshot.accountId,
        status: snapshot.status,
        mayExist: request.mayExist,
        ...(ended && { note: 'its run schedule ended while it was paused: LinkedIn will not deliver it' }),
      });
    }
  });

  // An earlier restore may already have landed (a timeout, a crash): read first and write only
  // what is not back yet. Ordinary restores skip the read: setting a status is idempotent.
  const recovering = planned.filter((p) => p.mayExist);
  const current = recovering.length > 0 ? await readCampaigns(api, recovering) : new Map();
  const changes = planned.filter((change) => {
    if (!change.mayExist) return true;
    const campaign = current.get(change.id);
    if (!campaign) outcomes[change.index] = failed(change.id, definiteError('not_found', `campaign ${change.id} no longer exists`));
    else if (campaign.status === change.status) outcomes[change.index] = ok(change.id, campaign.status, { note: `already ${campaign.status}; nothing written` });
    // archived, canceled or deleted meanwhile: not ours to bring back
    else if (campaign.status !== 'PAUSED') outcomes[change.index] = failed(change.id, definiteError('invalid_state', `campaign ${change.id} is ${campaign.status}; it is not re-activated`));
    else return true;
    return false;
  });
  await applyStatusChanges(api, changes, outcomes);
  return outcomes;
}
