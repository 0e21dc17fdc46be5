// Listing live campaigns: advertiser by advertiser, page by page (page numbers, `total_page`
// says when to stop). Every campaign not deleted is asked for, and those whose own switch is
// ENABLE are kept: TikTok's derived statuses (out of budget today, in review) would hide
// campaigns that still spend once the reason passes. A page's `next` names the advertiser and
// the page to go on from, so a listing resumes from any page.
import { z } from 'zod';
import type { PagedListing } from '../kit/pagination.js';
import type { VendorClient } from '../kit/vendor-client.js';
import { getCampaigns } from './api.js';
import { isLive, toLiveItem } from './mappers.js';

export interface ListScope {
  advertiserIds: readonly string[];
  pageSize: number;
}

type Position = { advertiser: number; page: number };

export function campaignListing(api: VendorClient, scope: ListScope): PagedListing<Position> {
  return {
    position: z.object({ advertiser: z.number().int().min(0).max(scope.advertiserIds.length - 1), page: z.number().int().min(1) }),
    first: () => ({ advertiser: 0, page: 1 }),
    cursorOf: (p) => `${p.advertiser}:${p.page}`,
    async fetch({ advertiser, page }) {
      const advertiserId = scope.advertiserIds[advertiser]!;
      const answer = await getCampaigns(api, advertiserId, { page, pageSize: scope.pageSize, filtering: { primary_status: 'STATUS_NOT_DELETE' } });
      const items = (answer.list ?? []).filter(isLive).map((c) => toLiveItem(c, advertiserId));
      const more = page < answer.page_info.total_page;
      const next = more ? { advertiser, page: page + 1 } : advertiser + 1 < scope.advertiserIds.length ? { advertiser: advertiser + 1, page: 1 } : null;
      return { items, next };
    },
  };
}
