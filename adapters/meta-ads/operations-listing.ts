// Listing live campaigns: account by account, following each account's cursor (not the `next`
// URL) while Graph says there is a next page. A page's `next` names the account and the cursor
// to go on from, so a listing resumes from any page.
import { z } from 'zod';
import type { PagedListing } from '../kit/pagination.js';
import { listCampaigns, type GraphApi } from './api.js';
import { isLive, toLiveItem } from './mappers.js';

export interface ListScope {
  /** `act_…`, in the connection's order */
  accountIds: readonly string[];
  pageSize: number;
}

type Position = { account: number; after: string | null };

export function campaignListing(api: GraphApi, scope: ListScope): PagedListing<Position> {
  return {
    position: z.object({ account: z.number().int().min(0).max(scope.accountIds.length - 1), after: z.string().nullable() }),
    first: () => ({ account: 0, after: null }),
    cursorOf: (p) => `${p.account}:${p.after ?? ''}`,
    async fetch({ account, after }) {
      const accountId = scope.accountIds[account]!;
      const page = await listCampaigns(api, accountId, { limit: scope.pageSize, after: after ?? undefined });
      // The effective_status filter also matches campaigns whose OWN status is PAUSED (a paused
      // campaign can be WITH_ISSUES): only own ACTIVE, not past its stop, is live.
      const now = api.client.clock.now();
      const items = page.data.filter((c) => isLive(c, now)).map((c) => toLiveItem(c, accountId));
      const nextAfter = page.paging?.next ? page.paging.cursors?.after : undefined;
      const next = nextAfter !== undefined ? { account, after: nextAfter } : account + 1 < scope.accountIds.length ? { account: account + 1, after: null } : null;
      return { items, next };
    },
  };
}
