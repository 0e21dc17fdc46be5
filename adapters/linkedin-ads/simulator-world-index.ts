// The world's campaigns by id, and per ad account and status in id order: a search page starts
// where its token says (a binary search) and reads only as many campaigns as the page holds.
import { SortedIndex } from '../kit/simulator/sorted-index.js';
import type { SimCampaign } from './simulator-world-data.js';

const byId = (a: SimCampaign, b: SimCampaign): number => a.id - b.id;

export class CampaignIndex {
  readonly #byId = new Map<number, SimCampaign>();
  /** account URN → status → campaigns by id */
  readonly #byAccount = new Map<string, Map<string, SortedIndex<SimCampaign>>>();
  /** the status each campaign is filed under (it changes with the campaign) */
  readonly #filedAs = new Map<SimCampaign, string>();
  /** campaigns the last page read (tests check it stays near the page size, whatever the world) */
  lastPageReads = 0;

  get(id: number): SimCampaign | undefined {
    return this.#byId.get(id);
  }

  all(): IterableIterator<SimCampaign> {
    return this.#byId.values();
  }

  add(campaign: SimCampaign): void {
    this.#byId.set(campaign.id, campaign);
    this.#filedAs.set(campaign, campaign.status);
    this.#statusIndex(campaign.account, campaign.status).insert(campaign);
  }

  change(campaign: SimCampaign, mutate: (c: SimCampaign) => void): void {
    this.#statusIndex(campaign.account, this.#filedAs.get(campaign)!).remove(campaign);
    mutate(campaign);
    this.add(campaign);
  }

  /**
   * Up to `limit` campaigns of an account under any of `statuses` with ids above `after`, in id
   * order, and whether more follow: a merge of the per-status indexes from the cursor on.
   */
  page(account: string, statuses: readonly string[], after: number, limit: number): { campaigns: SimCampaign[]; more: boolean } {
    const heads = statuses.map((s) => {
      const index = this.#byAccount.get(account)?.get(s);
      return index ? index.from(index.lowerBound((c) => (c.id <= after ? -1 : 0))) : [][Symbol.iterator]();
    });
    const current = heads.map((it) => it.next());
    this.lastPageReads = current.filter((r) => !r.done).length;
    const campaigns: SimCampaign[] = [];
    for (;;) {
      let best = -1;
      current.forEach((r, i) => {
        if (!r.done && (best < 0 || r.value.id < (current[best] as IteratorYieldResult<SimCampaign>).value.id)) best = i;
      });
      if (best < 0) return { campaigns, more: false };
      if (campaigns.length === limit) return { campaigns, more: true };
      campaigns.push((current[best] as IteratorYieldResult<SimCampaign>).value);
      current[best] = heads[best]!.next();
      if (!current[best]!.done) this.lastPageReads++;
    }
  }

  #statusIndex(account: string, status: string): SortedIndex<SimCampaign> {
    let byStatus = this.#byAccount.get(account);
    if (!byStatus) this.#byAccount.set(account, (byStatus = new Map()));
    let index = byStatus.get(status);
    if (!index) byStatus.set(status, (index = new SortedIndex<SimCampaign>(byId)));
    return index;
  }
}
