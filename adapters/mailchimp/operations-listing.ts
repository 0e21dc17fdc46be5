// Planning: the live Mailchimp items of a connection, page by page, each page saying where the
// listing goes on (kit pagination: a stage and Mailchimp's offset).
// Live = one-off campaigns in `schedule`, RSS campaigns in `sending`, classic automations in
// `sending`. Never drafts (`save`), `paused` (a person paused it), `sent`, `canceled`, nor a
// one-off campaign already `sending` (too late to stop by unscheduling) — a Timewarp campaign
// among them from 14 hours before its time, when Mailchimp starts sending it and says so.
// Offset paging over a set that changes as campaigns go out: see the scheduled stage.
import { z } from 'zod';
import type { PagedListing } from '../kit/pagination.js';
import type { LiveItem } from '../types.js';
import type { MailchimpApi } from './api.js';
import { listAutomationEmails, listAutomations } from './api-automations.js';
import { listCampaigns } from './api-campaigns.js';
import { automationToLiveItem, campaignToLiveItem, SCHEDULABLE_TYPES } from './mappers.js';

export interface ListScope {
  pageSize: number;
  /** audience (list) ids; empty = every audience of the account */
  listIds: readonly string[];
}

const STAGES = ['scheduled', 'rss', 'automations'] as const;
const positionSchema = z.object({ stage: z.enum(STAGES), offset: z.number().int().min(0) });
type Position = z.infer<typeof positionSchema>;

export function emailListing(api: MailchimpApi, scope: ListScope): PagedListing<Position> {
  const inScope = (listId: string | undefined): boolean => scope.listIds.length === 0 || scope.listIds.includes(listId ?? '');
  // Offset paging until `offset >= total_items` (or an empty page, should the total be stale).
  const after = (position: Position, seen: number, total: number): Position | null => {
    const offset = position.offset + seen;
    if (seen > 0 && offset < total) return { stage: position.stage, offset };
    const stage = STAGES[STAGES.indexOf(position.stage) + 1];
    return stage ? { stage, offset: 0 } : null;
  };
  return {
    position: positionSchema,
    first: () => ({ stage: 'scheduled', offset: 0 }),
    async fetch(position) {
      const count = scope.pageSize;
      let items: LiveItem[];
      let seen: number;
      let total: number;
      switch (position.stage) {
        case 'scheduled': {
          // Latest send time first: campaigns leave `schedule` (sent) from the other end, so those
          // that go out while we page never shift the pages still to come.
          const page = await listCampaigns(api, { status: 'schedule', sortField: 'send_time', sortDir: 'DESC', count, offset: position.offset });
          // The `type` filter takes one value, so filter the schedulable types here.
          items = page.campaigns.filter((c) => c.status === 'schedule' && SCHEDULABLE_TYPES.includes(c.type) && inScope(c.recipients?.list_id)).map(campaignToLiveItem);
          [seen, total] = [page.campaigns.length, page.totalItems];
          break;
        }
        case 'rss': {
          const page = await listCampaigns(api, { status: 'sending', type: 'rss', count, offset: position.offset });
          items = page.campaigns.filter((c) => c.type === 'rss' && c.status === 'sending' && inScope(c.recipients?.list_id)).map(campaignToLiveItem);
          [seen, total] = [page.campaigns.length, page.totalItems];
          break;
        }
        case 'automations': {
          const page = await listAutomations(api, { status: 'sending', count, offset: position.offset });
          const wanted = page.automations.filter((a) => a.status === 'sending' && inScope(a.recipients?.list_id));
          // The per-email statuses go into the snapshot so a restore restarts only what was sending.
          items = await Promise.all(wanted.map(async (a) => automationToLiveItem(a, await listAutomationEmails(api, a.id))));
          [seen, total] = [page.automations.length, page.totalItems];
          break;
        }
      }
      return { items, next: after(position, seen, total) };
    },
  };
}
