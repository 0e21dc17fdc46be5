// Listing live messages. `GET /v1/messages` wants a time range of at most 4 weeks (error 40020
// "Specified date range is too large"), so the look-ahead is walked in successive windows, each
// followed through its cursor pages.
import { AdapterError } from '../kit/adapter-error.js';
import type { LiveItem } from '../types.js';
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
 * Successive windows from now to now + lookahead, each at most 4 weeks long. Consecutive windows
 * share their boundary instant: whether Hootsuite's range is inclusive at either end is not
 * documented, so we cover both ends and de-duplicate by id.
 */
export function listingWindows(now: Date, lookaheadWeeks: number): ListingWindow[] {
  // Whole seconds, like the spec's examples; flooring only widens the first window.
  const start = Math.floor(now.getTime() / 1000) * 1000;
  const horizon = start + lookaheadWeeks * 7 * DAY_MS;
  const windows: ListingWindow[] = [];
  for (let from = start; from < horizon; from += MAX_WINDOW_MS) {
    const to = Math.min(from + MAX_WINDOW_MS, horizon);
    windows.push({ startTime: toHootsuiteTime(new Date(from)), endTime: toHootsuiteTime(new Date(to)) });
  }
  return windows;
}

export interface ListOptions {
  lookaheadWeeks: number;
  pageSize: number;
  /** social profile ids to list; empty = every profile the token can see */
  profileIds: readonly string[];
}

/** Live (SCHEDULED) messages, page by page, each message once. */
export async function* listLiveMessages(api: HootsuiteApi, options: ListOptions): AsyncGenerator<LiveItem[]> {
  const seen = new Set<string>();
  const profiles = new Set(options.profileIds);
  for (const window of listingWindows(api.clock.now(), options.lookaheadWeeks)) {
    let cursor: string | undefined;
    const cursorsSeen = new Set<string>();
    do {
      const page = await retrieveMessages(api, {
        ...window,
        // PENDING_APPROVAL needs a person's approval and cannot be re-created into the approval
        // workflow; SENT and the rest will never go out again. Only SCHEDULED is live.
        state: LIVE_STATE,
        socialProfileIds: options.profileIds,
        limit: options.pageSize,
        cursor,
      });
      const fresh = page.messages.filter(
        (m) => isLive(m) && !seen.has(m.id) && (profiles.size === 0 || profiles.has(m.socialProfile.id)),
      );
      for (const m of fresh) seen.add(m.id);
      if (fresh.length > 0) yield fresh.map(toLiveItem);
      cursor = page.next ?? undefined;
      if (cursor !== undefined) {
        // A cursor that comes back twice would loop for ever: fail loudly instead.
        if (cursorsSeen.has(cursor)) {
          throw new AdapterError({
            code: 'unexpected_response',
            message: 'GET /v1/messages: Hootsuite returned the same page cursor twice',
            retryable: true,
            ambiguous: false,
          });
        }
        cursorsSeen.add(cursor);
      }
    } while (cursor !== undefined);
  }
}
