// The simulator's indexes: per customer, campaigns by id and by status in id order, so a page of
// ENABLED campaigns or a read by ids never walks the whole world.
import { SortedIndex } from '../kit/simulator/sorted-index.js';
import type { CampaignStatus, SimCampaign } from './simulator-world-data.js';

const byId = (a: SimCampaign, b: SimCampaign): number => compareIds(a.id, b.id);

/** int64 ids as decimal strings: shorter is smaller, then lexical. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

export class CustomerIndex {
  readonly byId = new Map<string, SimCampaign>();
  readonly all = new SortedIndex<SimCampaign>(byId);
  readonly #byStatus = new Map<CampaignStatus, SortedIndex<SimCampaign>>();

  add(c: SimCampaign): void {
    this.byId.set(c.id, c);
    this.all.insert(c);
    this.status(c.status).insert(c);
  }

  /** Moves a campaign between status indexes around a change of its status. */
  setStatus(c: SimCampaign, status: CampaignStatus): void {
    this.status(c.status).remove(c);
    c.status = status;
    this.status(status).insert(c);
  }

  status(status: CampaignStatus): SortedIndex<SimCampaign> {
    let index = this.#byStatus.get(status);
    if (!index) this.#byStatus.set(status, (index = new SortedIndex<SimCampaign>(byId)));
    return index;
  }

  /** Campaigns of one index after `afterId`, at most `limit`. */
  page(index: SortedIndex<SimCampaign>, afterId: string | null, limit: number): SimCampaign[] {
    const start = afterId === null ? 0 : index.lowerBound((c) => (compareIds(c.id, afterId) <= 0 ? -1 : 1));
    const out: SimCampaign[] = [];
    for (const c of index.from(start)) {
      if (out.length >= limit) break;
      out.push(c);
    }
    return out;
  }
}
