// Listing live campaigns: account by account, following each account's `nextPageToken`. A page's
// `next` names the account and the token to go on from, so a listing resumes from any page.
import { z } from 'zod';
import type { PagedListing } from '../kit/pagination.js';
import { searchActiveCampaigns, type LinkedInApi } from './api.js';
import { isLive, toLiveItem } from './mappers.js';

export interface ListScope {
  /** ad account ids (digits), in the connection's order */
  accountIds: readonly string[];
  pageSize: number;
}

type Position = { account: number; pageToken: string | null };

export function campaignListing(api: LinkedInApi, scope: ListScope): PagedListing<Position> {
  return {
    position: z.object({ account: z.number().int().min(0).max(scope.accountIds.length - 1), pageToken: z.string().min(1).nullable() }),
    first: () => ({ account: 0, pageToken: null }),
    cursorOf: (p) => `${p.account}:${p.pageToken ?? ''}`,
    async fetch({ account, pageToken }) {
      const accountId = scope.accountIds[account]!;
      const page = await searchActiveCampaigns(api, accountId, { pageSize: scope.pageSize, pageToken: pageToken ?? undefined });
      // The finder asks for ACTIVE; a campaign past its end still says ACTIVE until LinkedIn
      // completes it, and delivers nothing: not live, so never suspended nor "restored".
      const now = api.client.clock.now();
      const items = page.elements.filter((c) => isLive(c, now)).map((c) => toLiveItem(c, accountId));
      const token = page.metadata?.nextPageToken;
      const next = token ? { account, pageToken: token } : account + 1 < scope.accountIds.length ? { account: account + 1, pageToken: null } : null;
      return { items, next };
    },
  };
}
