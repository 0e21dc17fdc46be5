// Status writes shared by suspend and restore: checks on what we are handed, then one mutate per
// customer (partial failure on), one outcome per item at its index.
import { failed, ok, refused } from '../kit/outcomes.js';
import type { ItemRef, Outcome } from '../types.js';
import { isCampaignId, normalizeCustomerId } from './adapter-settings.js';
import { mutateCampaignStatuses, type GoogleAdsApi, type StatusChange } from './api.js';
import { OBJECT_TYPE, snapshotSchema, type CampaignSnapshot } from './mappers.js';
import { byCustomer } from './operations-reads.js';

export interface PlannedChange extends StatusChange {
  customerId: string;
  /** position of the item in the call, so outcomes keep the caller's order */
  index: number;
  note?: string;
}

/** The item's snapshot, or the refusal of an item this adapter cannot write. */
export function checkItem(item: ItemRef): { snapshot: CampaignSnapshot; customerId: string } | Outcome {
  if (item.objectType !== OBJECT_TYPE || item.method !== 'status') {
    return refused(item.externalId, `google-ads handles campaigns by status, not ${item.objectType}/${item.method}`);
  }
  if (!isCampaignId(item.externalId)) return refused(item.externalId, `not a campaign id: ${JSON.stringify(item.externalId)}`);
  const snapshot = snapshotSchema.safeParse(item.snapshot);
  const customerId = snapshot.success ? normalizeCustomerId(snapshot.data.customerId) : null;
  if (!snapshot.success || customerId === null) return refused(item.externalId, 'the stored snapshot is not a google-ads campaign snapshot');
  return { snapshot: snapshot.data, customerId };
}

/**
 * One mutate per customer; each outcome lands at its item's index. A request that fails as a
 * whole (a 5xx, RESOURCE_EXHAUSTED) fails each of its items with that error.
 */
export async function applyStatusChanges(api: GoogleAdsApi, changes: readonly PlannedChange[], outcomes: Outcome[]): Promise<void> {
  await Promise.all(
    [...byCustomer(changes)].map(async ([customerId, batch]) => {
      try {
        const results = await mutateCampaignStatuses(api, customerId, batch);
        results.forEach((result, k) => {
          const change = batch[k]!;
          outcomes[change.index] = result.ok ? ok(change.campaignId, change.status, change.note === undefined ? {} : { note: change.note }) : failed(change.campaignId, result.error);
        });
      } catch (error) {
        for (const change of batch) outcomes[change.index] = failed(change.campaignId, error);
      }
    }),
  );
}
