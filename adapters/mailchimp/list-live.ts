// Planning: the live Mailchimp items of a connection, page by page.
// Live = one-off campaigns in `schedule`, RSS campaigns in `sending`, classic automations in
// `sending`. Never drafts (`save`), `paused` (a person paused it), `sent`, `canceled`, nor a
// one-off campaign already `sending` (too late to stop by unscheduling).
import type { Kind, LiveItem } from '../types.js';
import type { MailchimpApi } from './api-core.js';
import { listAutomationEmails, listAutomations } from './api-automations.js';
import { listCampaigns, type CampaignPage } from './api-campaigns.js';
import { automationToLiveItem, campaignToLiveItem, SCHEDULABLE_TYPES } from './mappers.js';
import type { Campaign } from './schemas.js';

export interface ListScope {
  pageSize: number;
  /** audience (list) ids; empty = every audience of the account */
  listIds: readonly string[];
}

export async function* listLive(api: MailchimpApi, scope: ListScope, kind: Kind): AsyncGenerator<LiveItem[]> {
  if (kind !== 'email') return;
  const inScope = (listId: string | undefined): boolean => scope.listIds.length === 0 || scope.listIds.includes(listId ?? '');

  // One-off campaigns: the `type` filter takes one value, so filter the types here.
  const scheduled = pages((offset) => listCampaigns(api, { status: 'schedule', count: scope.pageSize, offset }));
  for await (const campaigns of scheduled) {
    yield* nonEmpty(campaigns.filter((c) => SCHEDULABLE_TYPES.includes(c.type) && inScope(c.recipients?.list_id)).map(campaignToLiveItem));
  }

  const rss = pages((offset) => listCampaigns(api, { status: 'sending', type: 'rss', count: scope.pageSize, offset }));
  for await (const campaigns of rss) {
    yield* nonEmpty(campaigns.filter((c) => c.type === 'rss' && inScope(c.recipients?.list_id)).map(campaignToLiveItem));
  }

  for (let offset = 0; ; ) {
    const page = await listAutomations(api, { status: 'sending', count: scope.pageSize, offset });
    const wanted = page.automations.filter((a) => a.status === 'sending' && inScope(a.recipients?.list_id));
    // The per-email statuses go into the snapshot so a restore restarts only what was sending.
    const items = await Promise.all(wanted.map(async (a) => automationToLiveItem(a, await listAutomationEmails(api, a.id))));
    yield* nonEmpty(items);
    offset += page.automations.length;
    if (page.automations.length === 0 || offset >= page.totalItems) return;
  }
}

// Offset paging until `offset >= total_items` (or an empty page, should the total be stale).
async function* pages(fetchPage: (offset: number) => Promise<CampaignPage>): AsyncGenerator<Campaign[]> {
  for (let offset = 0; ; ) {
    const page = await fetchPage(offset);
    yield page.campaigns;
    offset += page.campaigns.length;
    if (page.campaigns.length === 0 || offset >= page.totalItems) return;
  }
}

function* nonEmpty(items: LiveItem[]): Generator<LiveItem[]> {
  if (items.length > 0) yield items;
}
