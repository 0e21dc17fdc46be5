import type { Kind, LiveItem } from '../../adapters/types.js';
import { draft } from '../audit/audit-entry.js';
import type { RequestContext } from '../domain/actor.js';
import { newId } from '../domain/ids.js';
import type { Item, ItemError } from '../domain/item.js';
import type { Listing } from '../domain/pause.js';
import { usableConnection, type Engine } from './engine.js';
import { asAdapterError, RetryBudget } from './with-retries.js';

export interface PlanTarget {
  connectionId: string;
  kind: Kind;
}

/** The connection × kind pairs a pause covers: kinds a connection's platform does not have are left out. */
export function planTargets(engine: Engine, connectionIds: readonly string[], kinds: readonly Kind[]): PlanTarget[] {
  return connectionIds.flatMap((connectionId) => {
    const platformKinds = engine.connections.get(connectionId)?.kinds ?? kinds;
    return kinds.filter((k) => platformKinds.includes(k)).map((kind) => ({ connectionId, kind }));
  });
}

export type WalkResult = { ok: true } | { ok: false; error: Omit<ItemError, 'at'>; resumeFrom: string | null };

/**
 * Walks a target's listing page by page, handing each page to `onPage` before asking for the
 * next. A failed page is retried as the platform allows, going on after the last good page
 * (`next`), never from the start again.
 */
export async function walkListing(
  engine: Engine,
  target: PlanTarget,
  from: string | null,
  onPage: (items: LiveItem[]) => Promise<void>,
): Promise<WalkResult> {
  const usable = usableConnection(engine, target.connectionId);
  if (usable.error) return { ok: false, error: usable.error, resumeFrom: from };
  const budget = new RetryBudget(engine.retry, { idempotent: true });
  let next = from;
  let restarted = false;
  for (;;) {
    try {
      for await (const page of usable.client.listLive(target.kind, next ?? undefined)) {
        await onPage(page.items);
        next = page.next;
        budget.reset();
      }
      return { ok: true };
    } catch (thrown) {
      const error = asAdapterError(thrown);
      // A stored place may have expired (cursors do): go over the listing once from the start,
      // the items already taken are recognised and not taken twice.
      if (error.code === 'invalid_request' && next !== null && !restarted) {
        restarted = true;
        next = null;
        continue;
      }
      const wait = budget.next(error);
      if (wait === null) return { ok: false, error: error.toInfo(), resumeFrom: next };
      await engine.retry.sleep(wait);
    }
  }
}

/**
 * Lists one target and claims each page's live items for the pause as it comes: their snapshots
 * are durable before anything is suspended (invariant 2), and an object another pause holds is
 * counted, not taken (invariant 5). `onClaimed` hands each page's items on, durable, to be suspended.
 */
export async function listAndClaim(
  engine: Engine,
  ctx: RequestContext,
  pauseId: string,
  target: PlanTarget,
  from: string | null,
  onClaimed: (items: Item[]) => void = () => undefined,
): Promise<Listing> {
  let found = 0;
  let heldElsewhere = 0;
  const platform = engine.connections.get(target.connectionId)?.platform ?? 'unknown';
  const result = await walkListing(engine, target, from, async (live) => {
    if (live.length === 0) return;
    const now = engine.clock.now();
    const claim = await engine.store.claimItems(
      pauseId,
      live.map((l) => newItem(pauseId, target.connectionId, platform, l, now.toISOString())),
      (r) =>
        r.claimed.length === 0
          ? []
          : [
              draft(ctx, now, {
                action: 'items.claimed',
                pauseId,
                connectionId: target.connectionId,
                data: { kind: target.kind, claimed: r.claimed.length, heldElsewhere: r.heldElsewhere, itemIds: r.claimed.map((i) => i.id) },
              }),
            ],
    );
    found += claim.claimed.length;
    heldElsewhere += claim.heldElsewhere;
    onClaimed(claim.claimed);
  });
  const at = engine.clock.now().toISOString();
  return {
    ...target,
    found,
    heldElsewhere,
    ...(result.ok
      ? { state: 'done' as const, error: null, resumeFrom: null }
      : { state: 'failed' as const, error: { ...result.error, at }, resumeFrom: result.resumeFrom }),
  };
}

export function newItem(pauseId: string, connectionId: string, platform: string, live: LiveItem, now: string): Omit<Item, 'seq'> {
  return {
    id: newId('itm'),
    pauseId,
    connectionId,
    platform,
    kind: live.kind,
    method: live.method,
    objectType: live.objectType,
    externalId: live.externalId,
    title: live.title,
    state: 'planned',
    originalStatus: live.status,
    scheduledAt: live.scheduledAt,
    fingerprint: live.fingerprint,
    snapshot: live.snapshot,
    suspendedStatus: null,
    suspendedAt: null,
    restoredAt: null,
    restoredScheduledAt: null,
    newExternalId: null,
    attempts: 0,
    failedDuring: null,
    lastError: null,
    note: null,
    waitingUntil: null,
    handedOverTo: null,
    handedOverFrom: null,
    createdAt: now,
    updatedAt: now,
  };
}
