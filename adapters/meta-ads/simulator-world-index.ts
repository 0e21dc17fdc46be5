// The world's campaigns by id, and per ad account and effective status in Graph's order (newest
// first), with each account's count of ACTIVE campaigns: a page of the campaigns edge, or an
// account's hourly budget, is found without reading every campaign.
import { SortedIndex } from '../kit/simulator/sorted-index.js';
import { effectiveStatus, type SimCampaign } from './simulator-world-data.js';

/** Oldest first: campaign ids are numbers that grow (compared as strings of digits). */
export function byId(a: { id: string }, b: { id: string }): number {
  return a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export class CampaignIndex {
  readonly #byId = new Map<string, SimCampaign>();
  /** account digits → effective status → campaigns, oldest first (new ones are appended) */
  readonly #byAccount = new Map<string, Map<string, SortedIndex<SimCampaign>>>();
  /** the effective status each campaign is filed under (it changes with the campaign) */
  readonly #filedAs = new Map<SimCampaign, string>();
  readonly #active = new Map<string, number>();

  get(id: string): SimCampaign | undefined {
    return this.#byId.get(id);
  }

  all(): IterableIterator<SimCampaign> {
    return this.#byId.values();
  }

  /** ACTIVE campaigns of an account (stand-ins for active ads in Meta's hourly formula). */
  activeIn(accountDigits: string): number {
    return this.#active.get(accountDigits) ?? 0;
  }

  add(campaign: SimCampaign): void {
    this.#byId.set(campaign.id, campaign);
    const status = effectiveStatus(campaign);
    this.#filedAs.set(campaign, status);
    this.#statusIndex(campaign.account_id, status).insert(campaign);
    if (campaign.status === 'ACTIVE') this.#active.set(campaign.account_id, this.activeIn(campaign.account_id) + 1);
  }

  /** Changes a campaign, keeping every index right. */
  change(campaign: SimCampaign, mutate: (c: SimCampaign) => void): void {
    this.#unfile(campaign);
    mutate(campaign);
    this.add(campaign);
  }

  /**
   * Campaigns of an account under any of `statuses`, newest first, older than `before` (an id)
   * when given: a merge of the per-status indexes read backwards, only as far as the caller reads.
   */
  *newestOf(accountDigits: string, statuses: readonly string[], before: string | null): Generator<SimCampaign> {
    const heads = statuses.map((s) => {
      const index = this.#byAccount.get(accountDigits)?.get(s);
      if (!index) return [][Symbol.iterator]();
      const end = before === null ? index.size : index.lowerBound((c) => (byId(c, { id: before }) < 0 ? -1 : 0));
      return index.from(end - 1, true);
    });
    const current = heads.map((it) => it.next());
    for (;;) {
      let best = -1;
      current.forEach((r, i) => {
        if (!r.done && (best < 0 || byId(r.value, (current[best] as IteratorYieldResult<SimCampaign>).value) > 0)) best = i;
      });
      if (best < 0) return;
      yield (current[best] as IteratorYieldResult<SimCampaign>).value;
      current[best] = heads[best]!.next();
    }
  }

  #unfile(campaign: SimCampaign): void {
    const status = this.#filedAs.get(campaign);
    if (status !== undefined) this.#statusIndex(campaign.account_id, status).remove(campaign);
    this.#filedAs.delete(campaign);
    if (campaign.status === 'ACTIVE') this.#active.set(campaign.account_id, this.activeIn(campaign.account_id) - 1);
  }

  #statusIndex(accountDigits: string, status: string): SortedIndex<SimCampaign> {
    let byStatus = this.#byAccount.get(accountDigits);
    if (!byStatus) this.#byAccount.set(accountDigits, (byStatus = new Map()));
    let index = byStatus.get(status);
    if (!index) byStatus.set(status, (index = new SortedIndex<SimCampaign>(byId)));
    return index;
  }
}
