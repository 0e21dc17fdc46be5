// Planning: the live Mailchimp items of a connection, page by page, each page saying where the
// listing goes on (kit pagination: a stage, Mailchimp's offset, the ids the next page repeats).
// Live = one-off campaigns in `schedule`, RSS campaigns in `sending`, classic automations in
// `sending`. Never drafts (`save`), `paused` (a person paused it), `sent`, `canceled`, nor a
// one-off campaign already `sending` (too late to stop by unscheduling) — a Timewarp campaign
// among them from 14 hours before its time, when Mailchimp starts sending it and says so.
//
// Offset paging over a set that changes while we read it. The set shrinks behind us: the pause
// suspends each page as soon as it is claimed, while the listing goes on, and a campaign that
// leaves the set shifts every later one a place forward. Read forwards, the next page would then
// start as many campaigns too far as were suspended meanwhile, and miss them. So each stage is
// read backwards: an opening page at offset 0 gives `total_items` (and is the whole stage when it
// fits), then pages from the end towards offset 0. What leaves a page already read shifts only
// campaigns after it, which are read; what leaves before the current page shifts campaigns into
// pages still to come. Only a campaign that joins before the current page pushes one back past
// it: each page ends a few campaigns into the page after it (OVERLAP), skipping the ids that page
// began with. Scheduled campaigns are read latest send time first, so the soonest to go out are
// read (and suspended) first, and those that go out leave from the end, already read.
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
  /** null: the stage's opening page, at offset 0 */
  offset: z.number().int().min(0).nullable(),
  /** the page's size when it is not the setting's: the last page, which ends into the one read before */
  count: z.number().int().min(1).optional(),
  /** ids the page read before began with, which this page ends with when nothing moved */
  skip: z.array(z.string()),
});
type Position = z.infer<typeof positionSchema>;
/** One vendor page: the ids on it in order, and its live items but those to skip. */
type Page = { ids: string[]; total: number; items(skip: ReadonlySet<string>): Promise<LiveItem[]> };

export function emailListing(api: MailchimpApi, scope: ListScope): PagedListing<Position> {
  const inScope = (listId: string | undefined): boolean => scope.listIds.length === 0 || scope.listIds.includes(listId ?? '');
  const pageSize = scope.pageSize;

  const fetchStage = async ({ stage, offset, count = pageSize }: Position): Promise<Page> => {
    const at = offset ?? 0;
    switch (stage) {
      case 'scheduled': {
        const page = await listCampaigns(api, { status: 'schedule', sortField: 'send_time', sortDir: 'DESC', count, offset: at });
        // The `type` filter takes one value, so the schedulable types are kept here.
        const live = (c: Campaign) => c.status === 'schedule' && SCHEDULABLE_TYPES.includes(c.type) && inScope(c.recipients?.list_id);
        return campaignPage(page.campaigns, page.totalItems, live);
      }
      case 'rss': {
        const page = await listCampaigns(api, { status: 'sending', type: 'rss', count, offset: at });
        const live = (c: Campaign) => c.type === 'rss' && c.status === 'sending' && inScope(c.recipients?.list_id);
        return campaignPage(page.campaigns, page.totalItems, live);
      }
      case 'automations': {
        const page = await listAutomations(api, { status: 'sending', count, offset: at });
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
    first: () => ({ stage: 'scheduled', offset: null, skip: [] }),
    cursorOf: (p) => `${p.stage}:${p.offset ?? 'opening'}`,
    async fetch(position) {
      const page = await fetchStage(position);
      const overlap = overlapFor(pageSize);
      const nextStage = (): Position | null => {
        const stage = STAGES[STAGES.indexOf(position.stage) + 1];
        return stage ? { stage, offset: null, skip: [] } : null;
      };
      if (position.offset === null) {
        if (page.ids.length >= page.total) return { items: await page.items(new Set()), next: nextStage() };
        // More than a page: its items are read again from the end; the last page ends `overlap` past the total.
        return { items: [], next: { stage: position.stage, offset: Math.max(0, page.total - pageSize + overlap), skip: [] } };
      }
      const items = await page.items(new Set(position.skip));
      if (position.offset === 0) return { items, next: nextStage() };
      // The page before this one ends `overlap` into it (fewer when it is the first page).
      const skip = page.ids.slice(0, overlap);
      const offset = position.offset - pageSize + overlap;
      return { items, next: offset > 0 ? { stage: position.stage, offset, skip } : { stage: position.stage, offset: 0, count: position.offset + overlap, skip } };
    },
  };
}

function campaignPage(campaigns: Campaign[], total: number, live: (c: Campaign) => boolean): Page {
  return { ids: campaigns.map((c) => c.id), total, items: async (skip) => campaigns.filter((c) => !skip.has(c.id) && live(c)).map(campaignToLiveItem) };
}
