// Planning: the live Mailchimp items of a connection, page by page, each page saying where the
// listing goes on (kit pagination: a stage, Mailchimp's offset, the ids the next page repeats).
// Live = one-off campaigns in `schedule`, RSS campaigns in `sending`, classic automations in
// `sending`. Never drafts (`save`), `paused` (a person paused it), `sent`, `canceled`, nor a
// one-off campaign already `sending` (too late to stop by unscheduling) — a Timewarp campaign
// among them from 14 hours before its time, when Mailchimp starts sending it and says so.
//
// Offset paging over a set that changes while we read it: an object that leaves the set before
// the current offset (sent, paused by a person) shifts the rest forward by one, and the next page
// would start one object too far. So scheduled campaigns are read latest send time first (those
// that go out leave from the far end), and each page starts a few objects back, skipping the ids
// the previous page ended with. An object that joins the set may be listed twice: the core keeps
// one of each.
import { z } from 'zod';
import type { PagedListing } from '../kit/pagination.js';
import type { LiveItem } from '../types.js';
import type { MailchimpApi } from './api.js';
import { listAutomationEmails, listAutomations } from './api-automations.js';
import { listCampaigns } from './api-campaigns.js';
import { automationToLiveItem, campaignToLiveItem, SCHEDULABLE_TYPES } from './mappers.js';
import type { Automation, Campaign } from './schemas.js';

export interface ListScope {
  pageSize: number;
  /** audience (list) ids; empty = every audience of the account */
  listIds: readonly string[];
}

/** How many objects a page starts back: at most 10, a quarter of a page (none on tiny pages). */
const OVERLAP = 10;
export const overlapFor = (seen: number): number => Math.min(OVERLAP, Math.floor(seen / 4));

const STAGES = ['scheduled', 'rss', 'automations'] as const;
const positionSchema = z.object({
  stage: z.enum(STAGES),
  offset: z.number().int().min(0),
  /** ids the previous page ended with, which this page starts with when nothing moved */
  skip: z.array(z.string()),
});
type Position = z.infer<typeof positionSchema>;
/** One vendor page: the ids on it in order, and its live items but those to skip. */
type Page = { ids: string[]; total: number; items(skip: ReadonlySet<string>): Promise<LiveItem[]> };

export function emailListing(api: MailchimpApi, scope: ListScope): PagedListing<Position> {
  const inScope = (listId: string | undefined): boolean => scope.listIds.length === 0 || scope.listIds.includes(listId ?? '');
  const count = scope.pageSize;

  const fetchStage = async ({ stage, offset }: Position): Promise<Page> => {
    switch (stage) {
      case 'scheduled': {
        const page = await listCampaigns(api, { status: 'schedule', sortField: 'send_time', sortDir: 'DESC', count, offset });
        // The `type` filter takes one value, so the schedulable types are kept here.
        const live = (c: Campaign) => c.status === 'schedule' && SCHEDULABLE_TYPES.includes(c.type) && inScope(c.recipients?.list_id);
        return campaignPage(page.campaigns, page.totalItems, live);
      }
      case 'rss': {
        const page = await listCampaigns(api, { status: 'sending', type: 'rss', count, offset });
        const live = (c: Campaign) => c.type === 'rss' && c.status === 'sending' && inScope(c.recipients?.list_id);
        return campaignPage(page.campaigns, page.totalItems, live);
      }
      case 'automations': {
        const page = await listAutomations(api, { status: 'sending', count, offset });
        const live = (a: Automation) => a.status === 'sending' && inScope(a.recipients?.list_id);
        // The per-email statuses go into the snapshot so a restore restarts only what was sending.
        const items = (skip: ReadonlySet<string>) =>
          Promise.all(page.automations.filter((a) => !skip.has(a.id) && live(a)).map(async (a) => automationToLiveItem(a, await listAutomationEmails(api, a.id))));
        return { ids: page.automations.map((a) => a.id), total: page.totalItems, items };
      }
    }
  };

  return {
    position: positionSchema,
    first: () => ({ stage: 'scheduled', offset: 0, skip: [] }),
    cursorOf: (p) => `${p.stage}:${p.offset}`,
    async fetch(position) {
      const page = await fetchStage(position);
      const items = await page.items(new Set(position.skip));
      // Offset paging until `offset >= total_items` (or an empty page, should the total be stale).
      const seen = page.ids.length;
      const end = position.offset + seen;
      if (seen > 0 && end < page.total) {
        const overlap = overlapFor(seen);
        return { items, next: { stage: position.stage, offset: end - overlap, skip: page.ids.slice(seen - overlap) } };
      }
      const stage = STAGES[STAGES.indexOf(position.stage) + 1];
      return { items, next: stage ? { stage, offset: 0, skip: [] } : null };
    },
  };
}

function campaignPage(campaigns: Campaign[], total: number, live: (c: Campaign) => boolean): Page {
  return { ids: campaigns.map((c) => c.id), total, items: async (skip) => campaigns.filter((c) => !skip.has(c.id) && live(c)).map(campaignToLiveItem) };
}
