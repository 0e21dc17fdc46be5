// Status writes shared by suspend and restore: checks on what we are handed, then one Graph batch
// per ad account (each batch is charged to its account's points), one outcome per item.
import { applyPerAccount } from '../kit/account-batches.js';
import { refused } from '../kit/outcomes.js';
import type { ItemRef, Outcome } from '../types.js';
import { isGraphId, normalizeAccountId } from './adapter-settings.js';
import { setCampaignStatuses, type GraphApi, type StatusChange } from './api.js';
import { OBJECT_TYPE, snapshotSchema, type CampaignSnapshot } from './mappers.js';

export interface PlannedChange extends StatusChange {
  /** the ad account the campaign belongs to (its snapshot says), charged for the write */
  accountId: string;
  /** position of the item in the call, so outcomes keep the caller's order */
  index: number;
  note?: string;
}

/** The item's snapshot, or the refusal of an item this adapter cannot write (ids go into relative_urls). */
export function checkItem(item: ItemRef): { snapshot: CampaignSnapshot; accountId: string } | Outcome {
  if (item.objectType !== OBJECT_TYPE || item.method !== 'status') {
    return refused(item.externalId, `meta-ads handles campaigns by status, not ${item.objectType}/${item.method}`);
  }
  if (!isGraphId(item.externalId)) return refused(item.externalId, `not a campaign id: ${JSON.stringify(item.externalId)}`);
  const snapshot = snapshotSchema.safeParse(item.snapshot);
  const accountId = snapshot.success ? normalizeAccountId(snapshot.data.accountId) : null;
  if (!snapshot.success || accountId === null) return refused(item.externalId, 'the stored snapshot is not a meta-ads campaign snapshot');
  return { snapshot: snapshot.data, accountId };
}

/**
 * One batch per ad account; each outcome lands at its item's index. A batch that fails as a
 * whole (a 5xx, a throttled POST) fails each of its items with that error: one account's
 * failure never hides another's results.
 */
export async function applyStatusChanges(api: GraphApi, changes: readonly PlannedChange[], outcomes: Outcome[]): Promise<void> {
  await applyPerAccount(changes, outcomes, (accountId, batch) => setCampaignStatuses(api, accountId, batch));
}
