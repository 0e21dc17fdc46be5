// Status writes shared by suspend and restore: checks on what we are handed, then one
// BATCH_PARTIAL_UPDATE per ad account, one outcome per item.
import { applyPerAccount } from '../kit/account-batches.js';
import { refused } from '../kit/outcomes.js';
import type { ItemRef, Outcome } from '../types.js';
import { isCampaignId } from './adapter-settings.js';
import { setCampaignStatuses, type LinkedInApi, type StatusChange } from './api.js';
import { OBJECT_TYPE, snapshotSchema, type CampaignSnapshot } from './mappers.js';

export interface PlannedChange extends StatusChange {
  /** the ad account the campaign lives under (its snapshot says): the path names it */
  accountId: string;
  /** position of the item in the call, so outcomes keep the caller's order */
  index: number;
  note?: string;
}

/** The item's snapshot, or the refusal of an item this adapter cannot write. */
export function checkItem(item: ItemRef, accounts: ReadonlySet<string>): CampaignSnapshot | Outcome {
  if (item.objectType !== OBJECT_TYPE || item.method !== 'status') {
    return refused(item.externalId, `linkedin-ads handles campaigns by status, not ${item.objectType}/${item.method}`);
  }
  if (!isCampaignId(item.externalId)) return refused(item.externalId, `not a campaign id: ${JSON.stringify(item.externalId)}`);
  const snapshot = snapshotSchema.safeParse(item.snapshot);
  if (!snapshot.success) return refused(item.externalId, 'the stored snapshot is not a linkedin-ads campaign snapshot');
  // Its ad account must be one this connection covers: the token may reach others it must not touch.
  if (!accounts.has(snapshot.data.accountId)) return refused(item.externalId, `ad account ${snapshot.data.accountId} is not one of this connection's`);
  return snapshot.data;
}

/**
 * One batch per ad account, at most MAX_BATCH ids (the core's bulk size). A batch that fails as
 * a whole (a 5xx, a 429) fails each of its items with that error; another account's batch in
 * the same call is unaffected.
 */
export async function applyStatusChanges(api: LinkedInApi, changes: readonly PlannedChange[], outcomes: Outcome[]): Promise<void> {
  await applyPerAccount(changes, outcomes, (accountId, batch) => setCampaignStatuses(api, accountId, batch));
}
