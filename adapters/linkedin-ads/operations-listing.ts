// Listing live campaigns: account by account, following each account's `nextPageToken`. A page's
// `next` names the account, the token and the pass, so a listing resumes from any page.
//
// A sweep: the core suspends the first pages while the listing goes on, so the ACTIVE set
// shrinks between pages. LinkedIn does not say what its pageToken encodes; were it an offset,
// campaigns would shift past the cursor and be skipped without a word. So an account listed over
// more than one page is searched once more from the start, yielding only what the first pass did
// not (the ids it yielded ride in the position: at most 1,000, LinkedIn's cap of ACTIVE campaigns
// per account). A one-page account needs no sweep: there was no second request to shift under.
import { z } from 'zod';
import type { PagedListing } from '../kit/pagination.js';
import { searchActiveCampaigns, type LinkedInApi } from './api.js';
import { isLive, toLiveItem } from './mappers.js';

export interface ListScope {
  /** ad account ids (digits), in the connection's order */
  accountIds: readonly string[];
  pageSize: number;
}

type Position = { account: number; pageToken: string | null; sweep: boolean; seen: string[] };

export function campaignListing(api: LinkedInApi, scope: ListScope): PagedListing<Position> {
  const start = (account: number): Position => ({ account, pageToken: null, sweep: false, seen: [] });
  return {
    position: z.object({
      account: z.number().int().min(0).max(scope.accountIds.length - 1),
      pageToken: z.string().min(1).nullable(),
      sweep: z.boolean(),
      seen: z.array(z.string().regex(/^\d+$/)).max(5_000),
    }),
    first: () => start(0),
    cursorOf: (p) => `${p.account}:${p.sweep ? 'sweep' : 'first'}:${p.pageToken ?? ''}`,
    async fetch({ account, pageToken, sweep, seen }) {
      const accountId = scope.accountIds[account]!;
      const page = await searchActiveCampaigns(api, accountId, { pageSize: scope.pageSize, pageToken: pageToken ?? undefined });
      // The finder asks for ACTIVE; a campaign past its end still says ACTIVE until LinkedIn
      // completes it, and delivers nothing: not live, so never suspended nor "restored".
      const now = api.client.clock.now();
      const already = new Set(seen);
      const live = page.elements.filter((c) => isLive(c, now) && !already.has(String(c.id)));
      const items = live.map((c) => toLiveItem(c, accountId));
      const token = page.metadata?.nextPageToken;
      const multiPage = token !== undefined || pageToken !== null || sweep;
      const nowSeen = multiPage ? [...seen, ...items.map((i) => i.externalId)] : [];
      const next: Position | null = token
        ? { account, pageToken: token, sweep, seen: nowSeen }
        : !sweep && pageToken !== null
          ? { account, pageToken: null, sweep: true, seen: nowSeen }
          : account + 1 < scope.accountIds.length
            ? start(account + 1)
            : null;
      return { items, next };
    },
  };
}
