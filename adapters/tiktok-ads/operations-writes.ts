// Status writes shared by suspend and restore: checks on what we are handed, then one status
// update per advertiser and 20 ids, and one outcome per item. What TikTok did not confirm is read
// back before it is called a failure: a campaign already in the wanted state (a retry after a lost
// answer, a person who did the same) is a success, a deleted one is gone.
import { AdapterError, definiteError } from '../kit/adapter-error.js';
import { failed, ok, refused } from '../kit/outcomes.js';
import type { VendorClient } from '../kit/vendor-client.js';
import type { ItemRef, Outcome } from '../types.js';
import { isTiktokId } from './adapter-settings.js';
import { MAX_STATUS_IDS, updateCampaignStatus } from './api.js';
import { isDeleted, OBJECT_TYPE, snapshotSchema, type CampaignSnapshot, type WritableStatus } from './mappers.js';
import { byAdvertiser, readCampaignsById } from './operations-reads.js';

export interface PlannedChange {
  id: string;
  advertiserId: string;
  status: WritableStatus;
  /** position of the item in the call, so outcomes keep the caller's order */
  index: number;
}

/** The item's snapshot, or the refusal of an item this adapter cannot write. */
export function checkItem(item: ItemRef): { snapshot: CampaignSnapshot } | Outcome {
  if (item.objectType !== OBJECT_TYPE || item.method !== 'status') return refused(item.externalId, `tiktok-ads handles campaigns by status, not ${item.objectType}/${item.method}`);
  if (!isTiktokId(item.externalId)) return refused(item.externalId, `not a TikTok campaign id: ${JSON.stringify(item.externalId)}`);
  const snapshot = snapshotSchema.safeParse(item.snapshot);
  if (!snapshot.success || !isTiktokId(snapshot.data.advertiserId)) return refused(item.externalId, 'the stored snapshot is not a tiktok-ads campaign snapshot');
  return { snapshot: snapshot.data };
}

/** An id TikTok's answer neither confirmed nor refused. */
const UNLISTED = 'not among the campaigns TikTok says it updated or refused';

/** Whole-call refusals that may concern only some ids (TikTok refuses a call whose ids all fail): read back. */
const SETTLE_BY_READING = new Set(['invalid_request', 'invalid_state', 'not_found']);

export async function applyStatusChanges(api: VendorClient, changes: readonly PlannedChange[], outcomes: Outcome[]): Promise<void> {
  // One call per advertiser and target status (a restore could mix them), 20 ids at most.
  for (const [advertiserId, group] of byAdvertiser(changes)) {
    for (const status of new Set(group.map((c) => c.status))) {
      const same = group.filter((c) => c.status === status);
      for (let i = 0; i < same.length; i += MAX_STATUS_IDS) await applyBatch(api, advertiserId, same.slice(i, i + MAX_STATUS_IDS), outcomes);
    }
  }
}

async function applyBatch(api: VendorClient, advertiserId: string, batch: PlannedChange[], outcomes: Outcome[]): Promise<void> {
  const status = batch[0]!.status;
  const unconfirmed = new Map<string, string>();
  try {
    const result = await updateCampaignStatus(api, advertiserId, batch.map((c) => c.id), status);
    const done = new Set([...(result.data.campaign_ids ?? []), ...(result.data.campaign_list ?? []).map((c) => c.campaign_id)]);
    const refusals = new Map((result.data.error_list ?? []).map((e) => [e.campaign_id, e.error_message ?? 'refused']));
    for (const change of batch) {
      if (done.has(change.id)) outcomes[change.index] = ok(change.id, status);
      else unconfirmed.set(change.id, refusals.get(change.id) ?? UNLISTED);
    }
  } catch (error) {
    // A retryable refusal (40202, a write conflict) is left to the core's retry as it is.
    if (!(error instanceof AdapterError) || error.isRetryable || !SETTLE_BY_READING.has(error.code)) {
      for (const change of batch) outcomes[change.index] = failed(change.id, error);
      return;
    }
    for (const change of batch) unconfirmed.set(change.id, error.message);
  }
  if (unconfirmed.size > 0) await settle(api, batch.filter((c) => unconfirmed.has(c.id)), unconfirmed, outcomes);
}

/** Reads back what TikTok did not confirm: already there is a success; deleted or missing is gone. */
async function settle(api: VendorClient, changes: PlannedChange[], reasons: Map<string, string>, outcomes: Outcome[]): Promise<void> {
  let current;
  try {
    current = await readCampaignsById(api, changes.map((c) => ({ id: c.id, advertiserId: c.advertiserId })));
  } catch (error) {
    for (const change of changes) outcomes[change.index] = failed(change.id, error);
    return;
  }
  for (const change of changes) {
    const campaign = current.get(change.id);
    const reason = reasons.get(change.id)!;
    if (!campaign || isDeleted(campaign)) outcomes[change.index] = failed(change.id, definiteError('not_found', api.scrub(`campaign ${change.id} no longer exists or was deleted (${reason})`)));
    // Refused but already there: a retry, or a person did the same. Not listed at all: TikTok's
    // answer named no campaigns (an older answer shape), and reading back confirms the switch.
    else if (campaign.operation_status === change.status) outcomes[change.index] = ok(change.id, change.status, { note: reason === UNLISTED ? 'confirmed by reading back' : `already ${change.status}; nothing changed` });
    else outcomes[change.index] = failed(change.id, definiteError('invalid_state', api.scrub(`TikTok refused ${change.status} for campaign ${change.id}: ${reason}`)));
  }
}
