import type { z } from 'zod';
import { GENESIS, type AuditHead } from '../../audit/audit-entry.js';
import type { ApiKey } from '../../auth/api-key.js';
import type { Delivery, NotifierMark } from '../../domain/delivery.js';
import { HELD_STATES, type Item } from '../../domain/item.js';
import type { Pause } from '../../domain/pause.js';
import type { IdempotencyRecord } from '../store.js';
import type { Op } from './ops.js';
import type { SnapshotSchema } from './snapshot-file.js';

const objectKey = (connectionId: string, externalId: string): string => `${connectionId}\u0000${externalId}`;

/**
 * The embedded store's state in memory, with the indexes its queries need. Changed only by
 * `apply`, from a transaction being committed or a journal being replayed.
 */
export class StoreState {
  readonly pauses = new Map<string, Pause>();
  readonly items = new Map<string, Item>();
  /** each pause's items in claim order (ascending seq) */
  readonly itemsByPause = new Map<string, Item[]>();
  /** platform object → the item that holds it (states in HELD_STATES) */
  readonly holders = new Map<string, string>();
  readonly apiKeys = new Map<string, ApiKey>();
  readonly idempotency = new Map<string, IdempotencyRecord>();
  /** in order of creation (ascending seq) */
  readonly deliveries = new Map<string, Delivery>();
  /** ids of pending deliveries: what the notifier looks through for due ones */
  readonly pendingDeliveries = new Set<string>();
  notifierMark: NotifierMark | null = null;
  auditHead: AuditHead = GENESIS;
  itemSeq = 0;
  deliverySeq = 0;

  static from(snapshot: z.infer<typeof SnapshotSchema>): StoreState {
    const state = new StoreState();
    for (const pause of snapshot.pauses) state.apply({ t: 'pause', v: pause });
    for (const item of snapshot.items) state.apply({ t: 'item', v: item });
    for (const key of snapshot.apiKeys) state.apply({ t: 'key', v: key });
    for (const record of snapshot.idempotency) state.apply({ t: 'idempotency', v: record });
    for (const delivery of snapshot.deliveries) state.apply({ t: 'delivery', v: delivery });
    state.notifierMark = snapshot.notifierMark;
    state.auditHead = snapshot.auditHead;
    state.itemSeq = Math.max(state.itemSeq, snapshot.itemSeq);
    return state;
  }

  apply(op: Op): void {
    switch (op.t) {
      case 'pause':
        this.pauses.set(op.v.id, op.v);
        return;
      case 'item':
        this.#putItem(op.v);
        return;
      case 'item-update': {
        const current = this.items.get(op.v.id);
        if (!current) throw new Error(`journal updates item ${op.v.id}, which it never created`);
        this.#putItem({ ...op.v, snapshot: current.snapshot });
        return;
      }
      case 'key':
        this.apiKeys.set(op.v.hash, op.v);
        return;
      case 'idempotency':
        this.idempotency.set(op.v.key, op.v);
        return;
      case 'delivery':
        this.deliveries.set(op.v.id, op.v);
        this.deliverySeq = Math.max(this.deliverySeq, op.v.seq);
        if (op.v.state === 'pending') this.pendingDeliveries.add(op.v.id);
        else this.pendingDeliveries.delete(op.v.id);
        return;
      case 'notifier':
        this.notifierMark = op.v;
        return;
      case 'audit':
        if (op.v.seq > this.auditHead.seq) this.auditHead = { seq: op.v.seq, hash: op.v.hash };
        return;
    }
  }

  holderOf(connectionId: string, externalId: string): Item | undefined {
    const id = this.holders.get(objectKey(connectionId, externalId));
    return id === undefined ? undefined : this.items.get(id);
  }

  #putItem(item: Item): void {
    const previous = this.items.get(item.id);
    this.items.set(item.id, item);
    this.itemSeq = Math.max(this.itemSeq, item.seq);
    const list = this.itemsByPause.get(item.pauseId) ?? [];
    if (!previous) {
      // Claims come in ascending seq; a replay over a snapshot may bring one again: keep order.
      const at = list.findLastIndex((i) => i.seq < item.seq);
      list.splice(at + 1, 0, item);
      this.itemsByPause.set(item.pauseId, list);
    } else {
      list[seqIndex(list, item.seq)] = item;
    }
    const key = objectKey(item.connectionId, item.externalId);
    if (HELD_STATES.has(item.state)) this.holders.set(key, item.id);
    else if (this.holders.get(key) === item.id) this.holders.delete(key);
  }
}

/** Where the item with `seq` sits in a list sorted by seq (binary search: lists hold thousands). */
export function seqIndex(list: readonly Item[], seq: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (list[mid]!.seq < seq) low = mid + 1;
    else high = mid;
  }
  return low;
}
