// Restore: set each campaign back to the own status its snapshot recorded (always ACTIVE, since
// only ACTIVE campaigns are listed). Children come back with it: they were never touched.
import { definiteError } from '../kit/adapter-error.js';
import { failed, isOutcome, ok, refused } from '../kit/outcomes.js';
import type { Outcome, RestoreRequest } from '../types.js';
import type { GraphApi } from './api.js';
import { hasEnded, isWritableStatus } from './mappers.js';
import { readCampaignsById } from './operations-reads.js';
import { applyStatusChanges, checkItem, type PlannedChange } from './operations-writes.js';

export async function restoreCampaigns(api: GraphApi, requests: readonly RestoreRequest[]): Promise<Outcome[]> {
  const now = api.client.clock.now();
  const outcomes: Outcome[] = new Array(requests.length);
  const planned: Array<PlannedChange & { mayExist: boolean }> = [];
  requests.forEach((request, index) => {
    const checked = checkItem(request);
    if (isOutcome(checked)) outcomes[index] = checked;
    // Invariant 9: a snapshot status other than ACTIVE/PAUSED is never written back.
    else if (!isWritableStatus(checked.snapshot.status)) outcomes[index] = refused(request.externalId, `snapshot status ${checked.snapshot.status} is never written`);
    else {
      const stop = checked.snapshot.content['stopTime'];
      const ended = typeof stop === 'string' && hasEnded(stop, now);
      planned.push({
        index,
        id: request.externalId,
        accountId: checked.accountId,
        status: checked.snapshot.status,
        mayExist: request.mayExist,
        ...(ended && { note: 'its stop time has passed: Meta will not deliver it' }),
      });
    }
  });

  // An earlier restore may already have landed (a timeout, a crash): read first and write only
  // what is not back yet. Ordinary restores skip the read: setting a status is idempotent.
  const recovering = planned.filter((p) => p.mayExist);
  const current = recovering.length > 0 ? await readCampaignsById(api, recovering) : new Map();
  const changes = planned.filter((change) => {
    if (!change.mayExist) return true;
    const campaign = current.get(change.id);
    if (!campaign) outcomes[change.index] = failed(change.id, definiteError('not_found', `campaign ${change.id} no longer exists`));
    else if (campaign.status === change.status) outcomes[change.index] = ok(change.id, campaign.status, { note: `already ${campaign.status}; nothing written` });
    // someone archived or deleted it meanwhile: Meta cannot bring it back, and we do not try
    else if (!isWritableStatus(campaign.status)) outcomes[change.index] = failed(change.id, definiteError('invalid_state', `campaign ${change.id} is ${campaign.status}; it cannot be re-activated`));
    else return true;
    return false;
  });
  await applyStatusChanges(api, changes, outcomes);
  return outcomes;
}
