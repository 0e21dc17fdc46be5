// Campaign routes of the fake Klaviyo, with the rules Klaviyo applies: a channel filter on every
// list, a send strategy only on a draft, a send job only for a draft with a future time, a revert
// only of a scheduled campaign (back to Draft, same id), a cancel for good. Each path answers with
// and without its trailing slash, as Klaviyo does (its own links end in one).
import type { Context, Hono } from 'hono';
import { parseFilter, type FieldRule } from './simulator-filter.js';
import { invalid, onlyParams, originOf, pageSize, readResource, SimError } from './simulator-http.js';
import { campaignJson, messageJson } from './simulator-json.js';
import { listPage, type ListSpec } from './simulator-listing.js';
import { CAMPAIGN_STATUSES, type SimCampaign } from './simulator-world-data.js';
import type { KlaviyoWorld } from './simulator-world.js';
import { validStrategy } from './simulator-strategy.js';

// The description's `x-klaviyo-filters` of GET /api/campaigns.
const TIMES = ['greater-or-equal', 'greater-than', 'less-or-equal', 'less-than'];
const FILTERS: Record<string, FieldRule> = {
  id: { ops: ['any'] },
  'messages.channel': { ops: ['equals'], values: ['email', 'sms', 'mobile_push'] },
  name: { ops: ['contains'] },
  status: { ops: ['any', 'equals'], values: CAMPAIGN_STATUSES },
  archived: { ops: ['equals'], type: 'boolean' },
  created_at: { ops: TIMES, type: 'date-time' },
  scheduled_at: { ops: TIMES, type: 'date-time' },
  updated_at: { ops: TIMES, type: 'date-time' },
};
const SORTS = ['created_at', 'id', 'name', 'scheduled_at', 'updated_at'];
const PROPS = { created_at: 'createdAt', scheduled_at: 'scheduledAt', updated_at: 'updatedAt', name: 'name', id: 'id' } as const;
const LIST_PARAMS = ['filter', 'page[cursor]', 'page[size]', 'sort', 'fields[campaign]', 'fields[campaign-message]', 'fields[tag]', 'include'];
const REVERTIBLE: readonly string[] = ['Scheduled', 'Preparing to schedule'];

/** `include`: campaign-messages and tags (tags are not modelled: none is shown). */
function includes(c: Context): string[] {
  const values = (c.req.query('include') ?? '').split(',').filter(Boolean);
  for (const v of values) if (v !== 'campaign-messages' && v !== 'tags') throw invalid(`'${v}' is not a valid relationship to include.`, { parameter: 'include' });
  return values;
}

export function campaignRoutes(app: Hono, world: KlaviyoWorld): void {
  const spec: ListSpec<SimCampaign> = {
    set: world.campaigns,
    path: '/api/campaigns/',
    field: (c, field) => (field === 'messages.channel' ? c.channel : field === 'archived' ? c.archived : (c[PROPS[field as keyof typeof PROPS] ?? 'status'] ?? null) as string | null),
    sortValue: (c, sort) => c[PROPS[sort as keyof typeof PROPS]] ?? '',
    probe: (sort, value, id) => ({ id, [PROPS[sort as keyof typeof PROPS]]: value }) as unknown as SimCampaign,
    visible: (c, conditions) => conditions.some((x) => x.field === 'archived') || !c.archived,
  };
  const self = (c: Context, id: string) => ({ self: `${originOf(c)}/api/campaigns/${id}/` });

  // https://developers.klaviyo.com/en/reference/get_campaigns
  app.on('GET', ['/api/campaigns', '/api/campaigns/'], (c) => {
    world.advance();
    onlyParams(c, LIST_PARAMS);
    const filter = c.req.query('filter');
    const conditions = filter ? parseFilter(filter, FILTERS) : [];
    if (!conditions.some((x) => x.field === 'messages.channel')) {
      throw invalid("A channel filter is required to list campaigns. Please provide either: ?filter=equals(messages.channel,'email') to list email campaigns, or ?filter=equals(messages.channel,'sms') to list SMS campaigns.", { parameter: 'filter' });
    }
    const sort = c.req.query('sort') ?? 'id';
    if (!SORTS.includes(sort.replace(/^-/, ''))) throw invalid(`'${sort}' is not a valid sort field.`, { parameter: 'sort' });
    const page = listPage(c, spec, conditions, sort, pageSize(c, 100));
    const messages = includes(c).includes('campaign-messages');
    const data = page.data.map((x) => campaignJson(x, originOf(c), messages));
    const included = messages ? page.data.map((x) => messageJson(x, originOf(c))) : [];
    return c.json({ data, links: page.links, ...(messages && { included }) }, 200, { 'Content-Type': 'application/vnd.api+json' });
  });

  // https://developers.klaviyo.com/en/reference/get_campaign
  app.on('GET', ['/api/campaigns/:id', '/api/campaigns/:id/'], (c) => {
    onlyParams(c, ['fields[campaign]', 'fields[campaign-message]', 'fields[tag]', 'include']);
    includes(c);
    const campaign = world.findCampaign(c.req.param('id'));
    return c.json({ data: campaignJson(campaign, originOf(c)), links: self(c, campaign.id) }, 200, { 'Content-Type': 'application/vnd.api+json' });
  });

  // https://developers.klaviyo.com/en/reference/update_campaign
  app.on('PATCH', ['/api/campaigns/:id', '/api/campaigns/:id/'], async (c) => {
    onlyParams(c, ['fields[campaign]']);
    const id = c.req.param('id');
    const { attributes } = await readResource(c, 'campaign', id);
    const campaign = world.findCampaign(id);
    for (const key of Object.keys(attributes)) {
      if (!['name', 'audiences', 'send_options', 'tracking_options', 'send_strategy'].includes(key)) throw invalid(`'${key}' is not a valid field for the resource 'campaign'.`, { pointer: `/data/attributes/${key}` });
    }
    // Only a draft is edited: a scheduled campaign is reverted first (assumed: README).
    if (campaign.status !== 'Draft') throw invalid(`Campaign cannot be updated: its status is '${campaign.status}', not Draft.`, { pointer: '/data/id' });
    const strategy = attributes.send_strategy === undefined ? undefined : validStrategy(attributes.send_strategy);
    const name = attributes.name;
    if (name !== undefined && (typeof name !== 'string' || name === '')) throw invalid('The campaign name must be a non-empty string.', { pointer: '/data/attributes/name' });
    world.changeCampaign(campaign, (x) => {
      if (strategy) x.sendStrategy = strategy;
      if (typeof name === 'string') x.name = name;
      x.updatedAt = world.clock.now().toISOString();
    });
    return c.json({ data: campaignJson(campaign, originOf(c)), links: self(c, id) }, 200, { 'Content-Type': 'application/vnd.api+json' });
  });

  // https://developers.klaviyo.com/en/reference/cancel_campaign_send — 204
  app.on('PATCH', ['/api/campaign-send-jobs/:id', '/api/campaign-send-jobs/:id/'], async (c) => {
    onlyParams(c, []);
    const id = c.req.param('id');
    const { attributes } = await readResource(c, 'campaign-send-job', id);
    const action = attributes.action;
    if (action !== 'revert' && action !== 'cancel') throw invalid("'action' must be one of: cancel, revert.", { pointer: '/data/attributes/action' });
    const campaign = world.findCampaign(id);
    if (!REVERTIBLE.includes(campaign.status) && !(action === 'cancel' && campaign.status === 'Sending')) {
      throw invalid(`Campaign is not scheduled or sending: its status is '${campaign.status}'.`, { pointer: '/data/id' });
    }
    world.changeCampaign(campaign, (x) => {
      x.status = action === 'revert' ? 'Draft' : 'Cancelled';
      if (action === 'revert') x.scheduledAt = x.sendTime = null;
      x.updatedAt = world.clock.now().toISOString();
    });
    return c.body(null, 204);
  });

  // https://developers.klaviyo.com/en/reference/send_campaign — 202 with the job
  app.on('POST', ['/api/campaign-send-jobs', '/api/campaign-send-jobs/'], async (c) => {
    onlyParams(c, ['fields[campaign-send-job]']);
    const { id } = await readResource(c, 'campaign-send-job');
    if (id === undefined) throw invalid('`id` is required.', { pointer: '/data/id' });
    const campaign = world.findCampaign(id);
    if (campaign.status !== 'Draft') throw new SimError(400, 'invalid', 'Invalid input.', `Campaign cannot be sent: its status is '${campaign.status}', not a draft.`, { pointer: '/data/id' });
    const now = world.clock.now();
    const s = campaign.sendStrategy as { method: string; datetime?: string; date?: string };
    const sendTime = s.method === 'immediate' ? now.toISOString() : s.method === 'smart_send_time' ? `${s.date}T00:00:00.000Z` : new Date(s.datetime!).toISOString();
    if (s.method !== 'immediate' && s.method !== 'smart_send_time' && Date.parse(sendTime) <= now.getTime()) {
      throw invalid('The send time must be in the future.', { pointer: '/data/id' });
    }
    world.changeCampaign(campaign, (x) => {
      x.status = s.method === 'immediate' ? 'Sending' : 'Scheduled';
      x.scheduledAt = now.toISOString();
      x.sendTime = sendTime;
      x.updatedAt = now.toISOString();
    });
    const job = { type: 'campaign-send-job', id, attributes: { status: 'queued' }, links: { self: `${originOf(c)}/api/campaign-send-jobs/${id}/` } };
    return c.json({ data: job, links: { self: `${originOf(c)}/api/campaign-send-jobs/` } }, 202, { 'Content-Type': 'application/vnd.api+json' });
  });
}
