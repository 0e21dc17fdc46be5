// Status writes shared by suspend and restore: checks on what we are handed, and one Graph batch
// per call with one outcome per item.
import { AdapterError } from '../kit/adapter-error.js';
import type { ItemRef, Outcome } from '../types.js';
import { MAX_BATCH, setCampaignStatuses, type GraphApi, type StatusChange } from './api.js';
import { OBJECT_TYPE } from './mappers.js';
import { isGraphId } from './settings.js';

export interface PlannedChange extends StatusChange {
  /** position of the item in the call, so outcomes keep the caller's order */
  index: number;
  note?: string;
}

/** One batch for all changes; each outcome lands at its item's index. */
export async function applyStatusChanges(api: GraphApi, changes: readonly PlannedChange[], outcomes: Outcome[]): Promise<void> {
  if (changes.length === 0) return;
  const results = await setCampaignStatuses(api, changes);
  results.forEach((result, k) => {
    const change = changes[k]!;
    outcomes[change.index] = result.ok
      ? { kind: 'ok', externalId: change.id, status: change.status, ...(change.note && { note: change.note }) }
      : { kind: 'error', externalId: change.id, error: result.error.toInfo() };
  });
}

/** Why an item cannot be handled here, or null. Ids end up in batch relative_urls. */
export function refuse(item: ItemRef): AdapterError | null {
  if (item.objectType !== OBJECT_TYPE || item.method !== 'status') {
    return invalid(`meta-ads handles campaigns by status, not ${item.objectType}/${item.method}`);
  }
  if (!isGraphId(item.externalId)) return invalid(`not a campaign id: ${JSON.stringify(item.externalId)}`);
  return null;
}

/** Graph refuses batches over 50; the core chunks by bulkSize, so more is a caller bug. */
export function guardBulk(count: number): void {
  if (count > MAX_BATCH) throw invalid(`at most ${MAX_BATCH} items per call (Graph batch limit), got ${count}`);
}

export function errorOutcome(externalId: string, error: AdapterError): Outcome {
  return { kind: 'error', externalId, error: error.toInfo() };
}

export function invalid(message: string): AdapterError {
  return new AdapterError({ code: 'invalid_request', message, retryable: false, ambiguous: false });
}
