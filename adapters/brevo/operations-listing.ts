// Planning: the scheduled (`queued`) email campaigns of a connection, page by page, each page
// saying where the listing goes on (kit pagination: Brevo's offset, the last id listed, the
// count Brevo last reported).
//
// Offset paging over a set that changes while we read it: campaigns that leave `queued` before
// the current offset (sent, suspended by a person, suspended by this very pause as it plans)
// shift the rest back, and the next page would start too far. So pages are read in order of
// creation (`sort=asc`; Brevo's ids grow with creation) and each starts a few campaigns back: a
// page whose first campaign is one already listed proves nothing was skipped. When it is not,
// campaigns left: the page is read again as far back as the count shrank, then from the start.
// A campaign created meanwhile joins at the far end and is listed.
import { z } from 'zod';
import type { PagedListing } from '../kit/pagination.js';
import { getEmailCampaigns, type BrevoApi, type CampaignPage } from './api.js';
import { isLive, LIVE_STATUS, toLiveItem } from './mappers.js';

export interface ListScope {
  /** campaigns per request: Brevo's `limit`, 1..100 */
  pageSize: number;
  /** contact list ids: only campaigns sent to one of them; empty = every campaign of the account */
  listIds: readonly number[];
}

/** How many campaigns a page starts back: at most 10, a quarter of a page, at least one. */
const OVERLAP = 10;
export const overlapFor = (seen: number): number => Math.max(1, Math.min(OVERLAP, Math.floor(seen / 4)));

const positionSchema = z.object({
  offset: z.number().int().min(0),
  /** the highest campaign id listed so far (0 before the first page) */
  lastId: z.number().int().min(0),
  /** how many scheduled campaigns Brevo counted on the previous page */
  count: z.number().int().min(0),
});
type Position = z.infer<typeof positionSchema>;

export function campaignListing(api: BrevoApi, scope: ListScope): PagedListing<Position> {
  const lists = new Set(scope.listIds);
  const inScope = (ids: readonly number[] | undefined) => lists.size === 0 || (ids ?? []).some((id) => lists.has(id));
  const read = (offset: number) => getEmailCampaigns(api, { status: LIVE_STATUS, limit: scope.pageSize, offset, sort: 'asc' });
  /** Whether campaigns not yet listed may lie before this page (it does not start on a listed one). */
  const gapBefore = (page: CampaignPage, offset: number, lastId: number) =>
    offset > 0 && (page.campaigns.length === 0 ? page.count > 0 : page.campaigns[0]!.id > lastId);

  return {
    position: positionSchema,
    first: () => ({ offset: 0, lastId: 0, count: 0 }),
    cursorOf: (p) => `${p.offset}:${p.lastId}`,
    async fetch(position) {
      let offset = position.offset;
      let page = await read(offset);
      if (gapBefore(page, offset, position.lastId)) {
        offset = Math.max(0, offset - Math.max(1, position.count - page.count) - overlapFor(scope.pageSize));
        page = await read(offset);
      }
      if (gapBefore(page, offset, position.lastId)) page = await read((offset = 0));
      const fresh = page.campaigns.filter((c) => c.id > position.lastId);
      const items = fresh.filter((c) => isLive(c) && inScope(c.recipients?.lists)).map(toLiveItem);
      const lastId = Math.max(position.lastId, ...page.campaigns.map((c) => c.id));
      const end = page.campaigns.length < scope.pageSize || offset + page.campaigns.length >= page.count;
      const next = end ? null : { offset: offset + page.campaigns.length - Math.min(overlapFor(scope.pageSize), page.campaigns.length - 1), lastId, count: page.count };
      return { items, next };
    },
  };
}
