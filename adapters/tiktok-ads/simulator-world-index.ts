// The world's campaigns by id, and per advertiser in TikTok's listing order (newest id first),
// filed under each status filter /campaign/get/ answers from an index: every campaign, those not
// deleted, those deleted, and each secondary status. A page is read by position in one index:
// its cost does not grow with the number of campaigns.
import { SortedIndex } from '../kit/simulator/sorted-index.js';
import { secondaryStatus, type SimCampaign } from './simulator-world-data.js';

/** Newest first: ids are numbers that grow (compared as strings of digits). */
export function newestFirst(a: { campaign_id: string }, b: { campaign_id: string }): number {
  const x = a.campaign_id;
  const y = b.campaign_id;
  return y.length - x.length || (y < x ? -1 : y > x ? 1 : 0);
}

/** The index names a campaign is filed under. */
function bucketsOf(c: SimCampaign): string[] {
  return ['STATUS_ALL', c.deleted ? 'STATUS_DELETE' : 'STATUS_NOT_DELETE', secondaryStatus(c)];
}

export class CampaignIndex {
  readonly #byId = new Map<string, SimCampaign>();
  /** advertiser → bucket → campaigns, newest first */
  readonly #byAdvertiser = new Map<string, Map<string, SortedIndex<SimCampaign>>>();
  readonly #filedAs = new Map<SimCampaign, string[]>();

  get(id: string): SimCampaign | undefined {
    return this.#byId.get(id);
  }

  all(): IterableIterator<SimCampaign> {
    return this.#byId.values();
  }

  add(campaign: SimCampaign): void {
    this.#byId.set(campaign.campaign_id, campaign);
    const buckets = bucketsOf(campaign);
    this.#filedAs.set(campaign, buckets);
    for (const bucket of buckets) this.#index(campaign.advertiser_id, bucket).insert(campaign);
  }

  /** Changes a campaign, keeping every index right. */
  change(campaign: SimCampaign, mutate: (c: SimCampaign) => void): void {
    for (const bucket of this.#filedAs.get(campaign) ?? []) this.#index(campaign.advertiser_id, bucket).remove(campaign);
    mutate(campaign);
    this.add(campaign);
  }

  /** An advertiser's campaigns under one bucket, newest first (a sorted view: `at`, `size`). */
  bucket(advertiserId: string, bucket: string): SortedIndex<SimCampaign> {
    return this.#index(advertiserId, bucket);
  }

  #index(advertiserId: string, bucket: string): SortedIndex<SimCampaign> {
    let buckets = this.#byAdvertiser.get(advertiserId);
    if (!buckets) this.#byAdvertiser.set(advertiserId, (buckets = new Map()));
    let index = buckets.get(bucket);
    if (!index) buckets.set(bucket, (index = new SortedIndex<SimCampaign>(newestFirst)));
    return index;
  }
}
