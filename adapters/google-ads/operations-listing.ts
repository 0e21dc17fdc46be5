// Listing live campaigns: customer by customer, one GAQL query each, following `nextPageToken`.
// A page's `next` names the customer and the token to go on from, so a listing resumes from any
// page (Google re-runs the identical query for a token; pages are fixed at 10,000 rows).
import { z } from 'zod';
import type { PagedListing } from '../kit/pagination.js';
import { searchCampaigns, type GoogleAdsApi } from './api.js';
import { CAMPAIGN_FIELDS, isLive, toLiveItem } from './mappers.js';

/** ENABLED campaigns (REMOVED ones never, PAUSED ones are people's own and stay untouched). */
export const LIVE_QUERY = `SELECT ${CAMPAIGN_FIELDS.join(', ')} FROM campaign WHERE campaign.status = 'ENABLED'`;

/** The same fields for campaigns read back by id (GAQL `IN` takes a list of int64 literals). */
export const byIdsQuery = (ids: readonly string[]): string => `SELECT ${CAMPAIGN_FIELDS.join(', ')} FROM campaign WHERE campaign.id IN (${ids.join(', ')})`;

/** A cheap authenticated query for checkCredentials: one campaign id, one operation. */
export const PROBE_QUERY = 'SELECT campaign.id FROM campaign LIMIT 1';

type Position = { customer: number; pageToken: string | null };

export function campaignListing(api: GoogleAdsApi, customerIds: readonly string[]): PagedListing<Position> {
  return {
    position: z.object({ customer: z.number().int().min(0).max(customerIds.length - 1), pageToken: z.string().nullable() }),
    first: () => ({ customer: 0, pageToken: null }),
    cursorOf: (p) => `${p.customer}:${p.pageToken ?? ''}`,
    async fetch({ customer, pageToken }) {
      const customerId = customerIds[customer]!;
      const page = await searchCampaigns(api, customerId, LIVE_QUERY, pageToken ?? undefined);
      // ENABLED but ENDED (its end date passed) delivers nothing: not live, not touched.
      const items = (page.results ?? []).flatMap((row) => (row.campaign && isLive(row.campaign) ? [toLiveItem(row.campaign, customerId)] : []));
      const next = page.nextPageToken ? { customer, pageToken: page.nextPageToken } : customer + 1 < customerIds.length ? { customer: customer + 1, pageToken: null } : null;
      return { items, next };
    },
  };
}
