// Listing live messages. `GET /v1/messages` wants a time range of at most 4 weeks (error 40020
// "Specified date range is too large"), so the look-ahead is walked in successive windows, each
// followed through its cursor pages. A page's `next` says which window, which Hootsuite cursor,
// and which boundary messages were already listed, so a listing goes on from any page.
import { z } from 'zod';
import type { PagedListing } from '../kit/pagination.js';
import { retrieveMessages, type HootsuiteApi } from './api.js';
import { isLive, LIVE_STATE, toHootsuiteTime, toLiveItem } from './mappers.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** "Must not be later than 4 weeks from startTime" (parameter endTime of retrieveMessages). */
export const MAX_WINDOW_MS = 28 * DAY_MS;

export interface ListingWindow {
  startTime: string;
  endTime: string;
}

/**
 * Successive windows from `origin` to origin + lookahead, each at most 4 weeks long. Consecutive
 * windows share their boundary instant: whether Hootsuite's range is inclusive at either end is
 * not documented, so we cover both ends and skip a message the previous window already listed.
 */
export function listingWindows(origin: Date, lookaheadWeeks: number): ListingWindow[] {
  // Whole seconds, like the spec's examples; flooring only widens the first window.
  const start = Math.floor(origin.getTime() / 1000) * 1000;
  const horizon = start + lookaheadWeeks * 7 * DAY_MS;
  const windows: ListingWindow[] = [];
  for (let from = start; from < horizon; from += MAX_WINDOW_MS) {
    const to = Math.min(from + MAX_WINDOW_MS, horizon);
    windows.push({ startTime: toHootsuiteTime(new Date(from)), endTime: toHootsuiteTime(new Date(to)) });
  }
  return windows;
}

export interface ListScope {
  lookaheadWeeks: number;
  pageSize: number;
  /** social profile ids to list; empty = every profile the token can see */
  profileIds: readonly string[];
}

const positionSchema = z.object({
  /** the instant the listing's windows start from (ms), fixed for the whole listing */
  origin: z.number().int(),
  window: z.number().int().min(0),
  /** Hootsuite's cursor within the window; null on its first page */
  cursor: z.string().nullable(),
  /** messages at this window's start instant that the previous window listed */
  skip: z.array(z.string()),
  /** messages at this window's end instant listed so far: the next window skips them */
  carry: z.array(z.string()),
});
export type ListingPosition = z.infer<typeof positionSchema>;

/** Live (SCHEDULED) messages, each once, page by page. */
export function messageListing(api: HootsuiteApi, scope: ListScope): PagedListing<ListingPosition> {
  const profiles = new Set(scope.profileIds);
  return {
    position: positionSchema,
    first: () => ({ origin: api.clock.now().getTime(), window: 0, cursor: null, skip: [], carry: [] }),
    cursorOf: (p) => `${p.window}:${p.cursor ?? ''}`,
    async fetch(position) {
      const windows = listingWindows(new Date(position.origin), scope.lookaheadWeeks);
      const window = windows[position.window];
      if (!window) return { items: [], next: null };
      const page = await retrieveMessages(api, {
        ...window,
        // PENDING_APPROVAL needs a person's approval and a re-created message cannot be put back
        // into the approval workflow; SENT and the rest will never go out again. Only SCHEDULED is live.
        state: LIVE_STATE,
        socialProfileIds: scope.profileIds,
        limit: scope.pageSize,
        cursor: position.cursor ?? undefined,
      });
      const skip = new Set(position.skip);
      const fresh = page.messages.filter((m) => isLive(m) && !skip.has(m.id) && (profiles.size === 0 || profiles.has(m.socialProfile.id)));
      const end = Date.parse(window.endTime);
      const carry = [...position.carry, ...fresh.filter((m) => Date.parse(m.scheduledSendTime ?? '') === end).map((m) => m.id)];
      const next: ListingPosition | null =
        page.next !== null
          ? { ...position, cursor: page.next, carry }
          : position.window + 1 < windows.length
            ? { origin: position.origin, window: position.window + 1, cursor: null, skip: carry, carry: [] }
            : null;
      return { items: fresh.map(toLiveItem), next };
    },
  };
}
