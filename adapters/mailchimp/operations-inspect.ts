// Inspecting many campaigns at once. The campaigns we suspended are where our suspension left
// them: unscheduled one-off campaigns (`save` or `paused`) and paused RSS campaigns. So a few list
// pages of those statuses, cut down to what an observation needs, describe hundreds of them; only
// the campaigns not on those pages — scheduled again, sent, deleted, never suspended: rare — are
// then read one by one. A request a campaign becomes a request per page.
import type { Observation } from '../types.js';
import type { MailchimpApi } from './api.js';
import { listCampaigns } from './api-campaigns.js';
import { campaignObservation, OBSERVED_CAMPAIGN_FIELDS, UNSCHEDULED_STATES } from './mappers-observation.js';
import { inspectCampaign } from './operations-campaigns.js';

/**
 * Campaigns a list page: parsing and mapping a page holds the event loop, and 250 campaigns cut
 * down to the observed fields stay a few milliseconds (1,000 whole campaigns took ~100 ms; the
 * page-time test in test/adapters/mailchimp-requests.test.ts keeps it well under 20 ms).
 */
export const LOOKUP_PAGE_SIZE = 250;

/**
 * From how many campaigns pages are read: the first page of each status costs two requests
 * before anything is known, so fewer campaigns are cheaper read one by one.
 */
export const LOOKUP_FROM = 3;

interface Walk {
  status: string;
  offset: number;
  /** `total_items`, once the first page has answered */
  total: number | null;
}

/** Observations of these campaigns (one-off or RSS), in their order. */
export async function inspectCampaigns(api: MailchimpApi, ids: readonly string[]): Promise<Observation[]> {
  const seen = ids.length >= LOOKUP_FROM ? await lookUp(api, new Set(ids)) : new Map<string, Observation>();
  const rest = [...new Set(ids.filter((id) => !seen.has(id)))];
  for (const observation of await Promise.all(rest.map((id) => inspectCampaign(api, id)))) seen.set(observation.externalId, observation);
  return ids.map((id) => seen.get(id)!);
}

/**
 * Walks the pages of each status — newest first: what a pause suspended was mostly created lately,
 * old drafts come last — until every campaign is found, or until the pages left would cost more
 * requests than reading the campaigns still missing one by one (an account with many drafts).
 * A campaign that leaves a status while we walk it shifts the offsets, and one may be passed
 * over: it is then read on its own, never reported missing.
 */
async function lookUp(api: MailchimpApi, wanted: ReadonlySet<string>): Promise<Map<string, Observation>> {
  const found = new Map<string, Observation>();
  const walks: Walk[] = UNSCHEDULED_STATES.map((status) => ({ status, offset: 0, total: null }));
  const missing = () => wanted.size - found.size;
  // Pages not yet asked for: a first page is asked for at once, whatever it then says.
  const pagesLeft = () => walks.reduce((sum, w) => sum + (w.total === null ? 0 : Math.ceil(Math.max(0, w.total - w.offset) / LOOKUP_PAGE_SIZE)), 0);

  const walk = async (w: Walk): Promise<void> => {
    while ((w.total === null || w.offset < w.total) && missing() > 0) {
      if (w.total !== null && pagesLeft() >= missing()) return;
      const page = await listCampaigns(api, {
        status: w.status,
        sortField: 'create_time',
        sortDir: 'DESC',
        count: LOOKUP_PAGE_SIZE,
        offset: w.offset,
        fields: OBSERVED_CAMPAIGN_FIELDS,
      });
      w.total = page.totalItems;
      // Only the campaigns asked about are mapped (a fingerprint each): the rest of a page is skipped.
      for (const c of page.campaigns) if (wanted.has(c.id) && !found.has(c.id)) found.set(c.id, campaignObservation(c));
      if (page.campaigns.length === 0) return;
      w.offset += page.campaigns.length;
    }
  };
  await Promise.all(walks.map(walk));
  return found;
}
