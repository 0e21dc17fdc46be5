// Planning: the scheduled (`queued`) email campaigns of a connection, page by page, each page
// saying where the listing goes on (kit pagination: Brevo's offset and the last id listed).
//
// Offset paging over a set that changes while we read it: a campaign that leaves `queued` before
// the current offset (it went out, a person suspended it, we suspended it) shifts the rest back,
// and the next page would start too far. So pages are read in order of creation (`sort=asc`,
// Brevo ids grow with creation), each page starts a few campaigns back, and only ids above the
// last one listed are new. A campaign created meanwhile joins at the far end and is listed.
import { z } from 'zod';
import type { PagedListing } from '../kit/pagination.js';
import { getEmailCampaigns, type BrevoApi } from './api.js';
import { isLive, LIVE_STATUS, toLiveItem } from './mappers.js';

export interface ListScope {
  /** campaigns per request: Brevo's `limit`, 1..100 */
  pageSize: number;
  /** contact list ids: only campaigns sent to one of them; empty = every campaign of the account */
  listIds: readonly number[];
}

/** How many campaigns a page starts back: at most 10, a quarter of a page (none on tiny pages). */
const OVERLAP = 10;
export const overlapFor = (seen: number): number => Math.min(OVERLAP, Math.floor(seen / 4));

const positionSchema = z.object({
  offset: z.number().int().min(0),
  /** the highest campaign id listed so far (0 before the first page) */
  lastId: z.number().int().min(0),
});
type Position = z.infer<typeof positionSchema>;

export function campaignListing(api: BrevoApi, scope: ListScope): PagedListing<Position> {
  const lists = new Set(scope.listIds);
  const inScope = (ids: readonly number[] | undefined) => lists.size === 0 || (ids ?? []).some((id) => lists.has(id));
  return {
    position: positionSchema,
    first: () => ({ offset: 0, lastId: 0 }),
    cursorOf: (p) => `${p.offset}:${p.lastId}`,
    async fetch(position) {
      const page = await getEmailCampaigns(api, { status: LIVE_STATUS, limit: scope.pageSize, offset: position.offset, sort: 'asc' });
      const fresh = page.campaigns.filter((c) => c.id > position.lastId);
      const items = fresh.filter((c) => isLive(c) && inScope(c.recipients?.lists)).map(toLiveItem);
      const lastId = Math.max(position.lastId, ...page.campaigns.map((c) => c.id));
      const end = page.campaigns.length < scope.pageSize || position.offset + page.campaigns.length >= page.count;
      const next = end ? null : { offset: position.offset + page.campaigns.length - overlapFor(page.campaigns.length), lastId };
      return { items, next };
    },
  };
}
