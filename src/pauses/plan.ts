import type { Kind, ListPage, LiveItem } from '../../adapters/types.js';
import { newId } from '../domain/ids.js';
import type { Item } from '../domain/item.js';
import type { Listing, Pause } from '../domain/pause.js';
import { usableConnection, type Engine } from './engine.js';
import { asAdapterError, retryCall } from './with-retries.js';

export interface PlanTarget {
  connectionId: string;
  kind: Kind;
}

export interface Plan {
  listings: Listing[];
  /** new items, not yet stored */
  items: Item[];
}

/** The connection × kind pairs a pause covers: kinds a connection's platform does not have are left out. */
export function planTargets(engine: Engine, connectionIds: readonly string[], kinds: readonly Kind[]): PlanTarget[] {
  return connectionIds.flatMap((connectionId) => {
    const platformKinds = engine.connections.get(connectionId)?.kinds ?? kinds;
    return kinds.filter((k) => platformKinds.includes(k)).map((kind) => ({ connectionId, kind }));
  });
}

/**
 * Lists the live items of each target. Items another pause already holds are counted, not
 * taken (invariant 5). A listing is all or nothing: a failure mid-way keeps none of its items
 * and marks the listing failed, for `retry`.
 */
export async function plan(engine: Engine, pause: Pick<Pause, 'id'>, targets: readonly PlanTarget[]): Promise<Plan> {
  const results = await Promise.all(targets.map((target) => planOne(engine, pause.id, target)));
  return { listings: results.map((r) => r.listing), items: results.flatMap((r) => r.items) };
}

async function planOne(engine: Engine, pauseId: string, target: PlanTarget): Promise<{ listing: Listing; items: Item[] }> {
  const base = { connectionId: target.connectionId, kind: target.kind, found: 0, heldElsewhere: 0 };
  const usable = usableConnection(engine, target.connectionId);
  if (usable.error) return { listing: { ...base, state: 'failed', error: usable.error }, items: [] };
  let live: LiveItem[];
  try {
    live = await retryCall(() => collect(usable.client.listLive(target.kind)), engine.retry, { idempotent: true });
  } catch (error) {
    const listingError = { ...asAdapterError(error).toInfo(), at: engine.clock.now().toISOString() };
    return { listing: { ...base, state: 'failed', error: listingError }, items: [] };
  }
  const now = engine.clock.now().toISOString();
  const items: Item[] = [];
  const seen = new Set<string>();
  let heldElsewhere = 0;
  for (const liveItem of live) {
    if (seen.has(liveItem.externalId)) continue;
    seen.add(liveItem.externalId);
    const holder = await engine.store.findHolder(target.connectionId, liveItem.externalId);
    if (holder) {
      if (holder.pauseId !== pauseId) heldElsewhere++;
      continue;
    }
    items.push(newItem(pauseId, target.connectionId, usable.connection.platform, liveItem, now));
  }
  return { listing: { ...base, state: 'done', found: items.length, heldElsewhere, error: null }, items };
}

async function collect(pages: AsyncIterable<ListPage>): Promise<LiveItem[]> {
  const all: LiveItem[] = [];
  for await (const page of pages) all.push(...page.items);
  return all;
}

function newItem(pauseId: string, connectionId: string, platform: string, live: LiveItem, now: string): Item {
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
    handedOverTo: null,
    handedOverFrom: null,
    createdAt: now,
    updatedAt: now,
  };
}
