// The world's Single Sends by id, in id order per status (the pages' keyset: a page token names
// the last id of the page before), and the scheduled ones in send time order (the next one due),
// so that no request reads every Single Send.
import { SortedIndex } from '../kit/simulator/sorted-index.js';
import type { SingleSendStatus } from './schemas.js';
import type { SimSingleSend } from './simulator-world-data.js';

const byId = (a: SimSingleSend, b: SimSingleSend): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const bySendAt = (a: SimSingleSend, b: SimSingleSend): number => Date.parse(a.send_at ?? '') - Date.parse(b.send_at ?? '') || byId(a, b);

export class SingleSendIndex {
  readonly #byId = new Map<string, SimSingleSend>();
  readonly #byStatus = new Map<SingleSendStatus, SortedIndex<SimSingleSend>>();
  readonly #due = new SortedIndex<SimSingleSend>(bySendAt);

  get(id: string): SimSingleSend | undefined {
    return this.#byId.get(id);
  }

  all(): IterableIterator<SimSingleSend> {
    return this.#byId.values();
  }

  /** Single Sends of one status in id order. */
  inStatus(status: SingleSendStatus): SortedIndex<SimSingleSend> {
    let index = this.#byStatus.get(status);
    if (!index) this.#byStatus.set(status, (index = new SortedIndex(byId)));
    return index;
  }

  /** Scheduled Single Sends, the next due first. */
  due(): SortedIndex<SimSingleSend> {
    return this.#due;
  }

  add(s: SimSingleSend): void {
    this.#byId.set(s.id, s);
    this.inStatus(s.status).insert(s);
    if (s.status === 'scheduled') this.#due.insert(s);
  }

  /** Changes status and send time together, keeping every index right. */
  update(s: SimSingleSend, change: Pick<SimSingleSend, 'status' | 'send_at' | 'updated_at'>): void {
    this.inStatus(s.status).remove(s);
    if (s.status === 'scheduled') this.#due.remove(s);
    Object.assign(s, change);
    this.inStatus(s.status).insert(s);
    if (s.status === 'scheduled') this.#due.insert(s);
  }

  /** Up to `limit` Single Sends of these statuses with ids after `after`, in id order. */
  page(statuses: readonly SingleSendStatus[], after: string | null, limit: number, keep: (s: SimSingleSend) => boolean): SimSingleSend[] {
    const walks = statuses.map((status) => {
      const index = this.inStatus(status);
      const start = after === null ? 0 : index.lowerBound((x) => (x.id <= after ? -1 : 1));
      return index.from(start);
    });
    const heads = walks.map((w) => w.next());
    const out: SimSingleSend[] = [];
    while (out.length < limit) {
      let best = -1;
      heads.forEach((h, i) => {
        if (!h.done && (best < 0 || h.value.id < (heads[best]!.value as SimSingleSend).id)) best = i;
      });
      if (best < 0) break;
      const s = heads[best]!.value as SimSingleSend;
      heads[best] = walks[best]!.next();
      if (keep(s)) out.push(s);
    }
    return out;
  }

  count(statuses: readonly SingleSendStatus[]): number {
    return statuses.reduce((sum, status) => sum + this.inStatus(status).size, 0);
  }
}
