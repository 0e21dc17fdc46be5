// The fake Brevo's email campaign endpoints, with Brevo's parameters, enums and state rules: list
// (filters, offset paging, order of creation), read, status changes, update (a new send time).
import type { Context, Hono } from 'hono';
import { LIST_STATUS_FILTERS, STATUS_TARGETS, type CampaignStatus } from './schemas.js';
import { invalid, jsonBody, notFound, SimError } from './simulator-http.js';
import { applyUpdate } from './simulator-update.js';
import type { BrevoWorld, SimCampaign } from './simulator-world.js';

/** Statistics as Brevo answers them when none were asked for: every required field, zero. */
const ZERO_STATS = { uniqueClicks: 0, clickers: 0, complaints: 0, delivered: 0, sent: 0, softBounces: 0, hardBounces: 0, uniqueViews: 0, trackableViews: 0, unsubscriptions: 0, viewed: 0 };
const NO_STATISTICS = { globalStats: ZERO_STATS, campaignStats: [], mirrorClick: 0, remaining: 0, linksStats: {}, statsByDomain: {}, statsByDevice: {}, statsByBrowser: {} };
const shown = (c: SimCampaign) => ({ ...c, statistics: NO_STATISTICS });

export function campaignRoutes(app: Hono, world: BrevoWorld): void {
  // https://developers.brevo.com/reference/get-email-campaigns
  app.get('/v3/emailCampaigns', (c) => {
    const q = (name: string) => c.req.query(name);
    const status = oneOf('status', q('status'), LIST_STATUS_FILTERS);
    oneOf('type', q('type'), ['classic', 'trigger']);
    oneOf('statistics', q('statistics'), ['globalStats', 'linksStats', 'statsByDomain']);
    oneOf('excludeHtmlContent', q('excludeHtmlContent'), ['true', 'false']);
    const sort = oneOf('sort', q('sort'), ['asc', 'desc']) ?? 'desc';
    const limit = integer('limit', q('limit'), 50);
    const offset = integer('offset', q('offset'), 0);
    if (limit > 100) throw new SimError(400, 'out_of_range', 'limit exceeds max value 100');
    if ((q('startDate') === undefined) !== (q('endDate') === undefined)) throw new SimError(400, 'missing_parameter', 'startDate and endDate go together');
    if (q('startDate') !== undefined && status !== undefined && status !== 'sent') throw invalid("startDate and endDate only filter sent campaigns");
    const filter: CampaignStatus | undefined = status === 'inProcess' ? 'in_process' : status;
    const type = q('type');
    const index = world.index(filter);
    world.advance();
    const campaigns: ReturnType<typeof shown>[] = [];
    // Read from the offset on, in the order asked, for as long as the page needs: the index is in
    // order of creation, so no request reads every campaign (a `type` filter reads past others).
    const start = sort === 'asc' ? offset : index.size - 1 - offset;
    let skipped = 0;
    for (const campaign of type === undefined ? index.from(start, sort === 'desc') : index.from(sort === 'asc' ? 0 : index.size - 1, sort === 'desc')) {
      if (campaigns.length >= limit) break;
      if (type !== undefined && campaign.type !== type) continue;
      if (type !== undefined && skipped++ < offset) continue;
      campaigns.push(shown(excludeHtml(campaign, q('excludeHtmlContent') === 'true')));
    }
    const count = type === undefined ? index.size : [...index.from(0)].filter((x) => x.type === type).length;
    return c.json({ campaigns, count });
  });

  // https://developers.brevo.com/reference/get-email-campaign
  app.get('/v3/emailCampaigns/:campaignId', (c) => {
    oneOf('statistics', c.req.query('statistics'), ['globalStats', 'linksStats', 'statsByDomain', 'statsByDevice', 'statsByBrowser']);
    return c.json(shown(campaignAt(c, world)));
  });

  // https://developers.brevo.com/reference/update-campaign-status
  app.put('/v3/emailCampaigns/:campaignId/status', async (c) => {
    const campaign = campaignAt(c, world);
    const body = await jsonBody(c);
    if (body.status === undefined) throw new SimError(400, 'missing_parameter', 'status is missing');
    const target = oneOf('status', typeof body.status === 'string' ? body.status : String(body.status), STATUS_TARGETS)!;
    world.setStatus(campaign, nextStatus(campaign, target, world));
    return c.body(null, 204);
  });

  // https://developers.brevo.com/reference/update-email-campaign
  app.put('/v3/emailCampaigns/:campaignId', async (c) => {
    const campaign = campaignAt(c, world);
    applyUpdate(world, campaign, await jsonBody(c));
    return c.body(null, 204);
  });
}

/**
 * Brevo's status rules, as far as they are known (README "facts settled"): only a scheduled
 * campaign can be suspended; a suspended one goes back on schedule (`queued`, with a send time
 * still ahead) or to the archive, never to draft; sent and sending campaigns are not changed.
 */
function nextStatus(campaign: SimCampaign, target: (typeof STATUS_TARGETS)[number], world: BrevoWorld): CampaignStatus {
  const from = campaign.status;
  if (from === 'in_process') throw new SimError(400, 'campaign_processing', 'Campaign is being processed');
  switch (target) {
    case 'suspended':
      if (from === 'sent') throw new SimError(400, 'campaign_sent', 'Campaign has already been sent');
      if (from !== 'queued') throw invalid(`Campaign is not scheduled: a ${from} campaign cannot be suspended`);
      return 'suspended';
    case 'queued':
      if (from !== 'suspended') throw invalid(`Campaign is not suspended: a ${from} campaign cannot be queued`);
      if (!campaign.scheduledAt || Date.parse(campaign.scheduledAt) <= world.now()) throw invalid('scheduledAt is in the past: reschedule the campaign first');
      return 'queued';
    case 'archive':
      if (from === 'queued') throw invalid('Campaign is scheduled: suspend it before archiving it');
      if (from === 'archive') throw invalid('Campaign is already archived');
      return 'archive';
    case 'darchive':
      if (from !== 'archive') throw invalid(`Campaign is not archived: a ${from} campaign cannot be unarchived`);
      return world.archivedFrom(campaign);
    case 'draft':
      throw invalid(`Campaign status cannot be changed from ${from} to draft`);
    case 'sent':
    case 'replicate':
    case 'replicateTemplate':
      // Sending and copying are outside what this sandbox models; the adapter never asks for them.
      throw invalid(`status ${target} is not available in the sandbox`);
  }
}

function campaignAt(c: Context, world: BrevoWorld): SimCampaign {
  const raw = c.req.param('campaignId') ?? '';
  if (!/^\d{1,18}$/.test(raw)) throw invalid('Invalid campaign id');
  const campaign = world.get(Number(raw));
  if (!campaign) throw notFound();
  return campaign;
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw invalid(`${name} is not valid: expected one of ${allowed.join(', ')}`);
  return value as T;
}

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw invalid(`${name} must be a non-negative integer`);
  return Number(value);
}

const excludeHtml = (c: SimCampaign, exclude: boolean): SimCampaign => (exclude ? { ...c, htmlContent: '' } : c);
