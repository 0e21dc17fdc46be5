// Ad platforms whose status writes go in one batch per ad account (Meta's Graph batch, LinkedIn's
// BATCH_PARTIAL_UPDATE): changes are grouped by account, and each outcome lands at its item's
// index. A batch that fails as a whole (a 5xx, a 429) fails each of its items with that error;
// another account's batch in the same call is unaffected.
import type { Outcome } from '../types.js';
import type { AdapterError } from './adapter-error.js';
import { failed, ok } from './outcomes.js';

export interface AccountChange {
  id: string;
  /** the ad account the object lives under (its snapshot says) */
  accountId: string;
  /** the status written: the outcome's new status */
  status: string;
  /** position of the item in the call, so outcomes keep the caller's order */
  index: number;
  note?: string;
}

export type ChangeResult = { ok: true } | { ok: false; error: AdapterError };

export function byAccount<T extends { accountId: string }>(entries: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const entry of entries) {
    const group = groups.get(entry.accountId);
    if (group) group.push(entry);
    else groups.set(entry.accountId, [entry]);
  }
  return groups;
}

/** Sends each account's batch at once and writes its outcomes into `outcomes`. */
export async function applyPerAccount<C extends AccountChange>(
  changes: readonly C[],
  outcomes: Outcome[],
  send: (accountId: string, batch: C[]) => Promise<ChangeResult[]>,
): Promise<void> {
  await Promise.all(
    [...byAccount(changes)].map(async ([accountId, batch]) => {
      try {
        const results = await send(accountId, batch);
        results.forEach((result, k) => {
          const change = batch[k]!;
          outcomes[change.index] = result.ok ? ok(change.id, change.status, change.note === undefined ? {} : { note: change.note }) : failed(change.id, result.error);
        });
      } catch (error) {
        for (const change of batch) outcomes[change.index] = failed(change.id, error);
      }
    }),
  );
}
