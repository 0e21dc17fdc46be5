// Restore: set each campaign back to the own status its snapshot recorded (always ACTIVE, since
// only ACTIVE campaigns are listed). Children come back with it: they were never touched.
import { AdapterError } from '../kit/adapter-error.js';
import type { Outcome, RestoreRequest } from '../types.js';
import type { GraphApi } from './api.js';
import { hasEnded, isWritableStatus, snapshotSchema } from './mappers.js';
import { readCampaignsById } from './reads.js';
import { applyStatusChanges, errorOutcome, invalid, refuse, type PlannedChange } from './writes.js';

export async function restoreCampaigns(api: GraphApi, requests: readonly RestoreRequest[]): Promise<Outcome[]> {
  const now = api.clock.now();
  const outcomes: Outcome[] = new Array(requests.length);
  const planned: Array<PlannedChange & { mayExist: boolean }> = [];
  requests.forEach((request, index) => {
    const refused = refuse(request);
    const snapshot = snapshotSchema.safeParse(request.snapshot);
    if (refused) outcomes[index] = errorOutcome(request.externalId, refused);
    else if (!snapshot.success) outcomes[index] = errorOutcome(request.externalId, invalid('the stored snapshot is not a meta-ads campaign snapshot'));
    // Invariant 9: a snapshot status other than ACTIVE/PAUSED is never written back.
    else if (!isWritableStatus(snapshot.data.status)) {
      outcomes[index] = errorOutcome(request.externalId, invalid(`snapshot status ${snapshot.data.status} is never written`));
    } else {
      const stop = snapshot.data.content['stopTime'];
      const ended = typeof stop === 'string' && hasEnded(stop, now);
      planned.push({
        index,
        id: request.externalId,
        status: snapshot.data.status,
        mayExist: request.mayExist,
        ...(ended && { note: 'its stop time has passed: Meta will not deliver it' }),
      });
    }
  });

  // An earlier restore may already have landed (a timeout, a crash): read first and write only
  // what is not back yet. Ordinary restores skip the read: setting a status is idempotent.
  const recovering = planned.filter((p) => p.mayExist);
  const current = recovering.length > 0 ? await readCampaignsById(api, recovering.map((p) => p.id)) : new Map();
  const changes = planned.filter((change) => {
    if (!change.mayExist) return true;
    const campaign = current.get(change.id);
    if (!campaign) {
      outcomes[change.index] = errorOutcome(change.id, failure('not_found', `campaign ${change.id} no longer exists`));
    } else if (campaign.status === change.status) {
      outcomes[change.index] = { kind: 'ok', externalId: change.id, status: campaign.status, note: `already ${campaign.status}; nothing written` };
    } else if (!isWritableStatus(campaign.status)) {
      // someone archived or deleted it meanwhile: Meta cannot bring it back, and we do not try
      outcomes[change.index] = errorOutcome(change.id, failure('invalid_state', `campaign ${change.id} is ${campaign.status}; it cannot be re-activated`));
    } else return true;
    return false;
  });
  await applyStatusChanges(api, changes, outcomes);
  return outcomes;
}

function failure(code: 'not_found' | 'invalid_state', message: string): AdapterError {
  return new AdapterError({ code, message, retryable: false, ambiguous: false });
}
