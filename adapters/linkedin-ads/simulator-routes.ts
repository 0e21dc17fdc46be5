// The LinkedIn Marketing API routes the simulator answers: an ad account, its campaigns' search
// finder (pageSize / pageToken), BATCH_GET by ids and BATCH_PARTIAL_UPDATE.
// https://learn.microsoft.com/en-us/linkedin/marketing/integrations/ads/account-structure/create-and-manage-campaigns
import type { Context, Hono } from 'hono';
import { accountView, campaignView } from './simulator-world-data.js';
import { accessDenied, badRequest, notFound, restliError } from './simulator-errors.js';
import { parseCampaignSearch, parseList, rawQuery } from './simulator-restli.js';
import { applyBatchUpdate, batchBodySchema } from './simulator-update.js';
import type { LinkedInAdsWorld } from './simulator-world.js';

const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 1000;

export function campaignRoutes(app: Hono, world: LinkedInAdsWorld): void {
  // The unnested collection is gone from versioned APIs: campaigns live under their ad account.
  app.all('/rest/adCampaigns', (c) => restliError(c, badRequest('This resource has been modified to include advertiser account id in the url path')));
  app.get('/rest/adAccounts/:accountId', (c) => {
    const account = world.account(c.req.param('accountId'));
    return account ? c.json(accountView(account)) : restliError(c, accessDenied(`adAccounts.GET`));
  });

  app.get('/rest/adAccounts/:accountId/adCampaigns', (c) => {
    const accountId = c.req.param('accountId');
    if (!world.account(accountId)) return restliError(c, accessDenied('adCampaigns.FINDER-search'));
    const query = rawQuery(c.req.url);
    if (!query) return restliError(c, badRequest('a query parameter is repeated'));
    if (query.has('ids')) return batchGet(c, world, accountId, query);
    if (query.get('q') === 'search') return search(c, world, accountId, query);
    return restliError(c, badRequest(`no finder: use q=search or ids=List(…)`));
  });

  app.post('/rest/adAccounts/:accountId/adCampaigns', async (c) => {
    const accountId = c.req.param('accountId');
    if (c.req.header('x-restli-method')?.toUpperCase() !== 'BATCH_PARTIAL_UPDATE') return restliError(c, badRequest('X-RestLi-Method must be BATCH_PARTIAL_UPDATE here (campaign creation is not simulated)'));
    if (!world.account(accountId)) return restliError(c, accessDenied('adCampaigns.BATCH_PARTIAL_UPDATE'));
    const ids = parseList(rawQuery(c.req.url)?.get('ids') ?? '');
    if (!ids || ids.length === 0 || ids.some((id) => !/^\d+$/.test(id))) return restliError(c, badRequest('ids must be a Rest.li list of campaign ids: ids=List(1,2)'));
    const body = batchBodySchema.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return restliError(c, badRequest('the body must be {"entities":{"<id>":{"patch":{"$set":{…}}}}}'));
    const answer = applyBatchUpdate(world, accountId, ids, body.data.entities);
    return 'status' in answer ? restliError(c, answer) : c.json(answer);
  });
}

function search(c: Context, world: LinkedInAdsWorld, accountId: string, query: Map<string, string>): Response {
  const criteria = parseCampaignSearch(query.get('search') ?? '');
  if ('error' in criteria) return restliError(c, badRequest(criteria.error));
  // Search finders page with pageSize / pageToken since 202401; start / count belong to others.
  if (query.has('start') || query.has('count')) return restliError(c, badRequest('search takes pageSize and pageToken, not start and count'));
  const rawSize = query.get('pageSize');
  const pageSize = rawSize === undefined ? DEFAULT_PAGE_SIZE : Number(rawSize);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) return restliError(c, badRequest(`pageSize must be 1..${MAX_PAGE_SIZE}`));
  const after = decodeToken(query.get('pageToken'));
  if (after === null) return restliError(c, badRequest('Invalid pageToken'));
  const { campaigns, more } = world.page(accountId, criteria.statuses, after, pageSize);
  const last = campaigns.at(-1);
  return c.json({
    elements: campaigns.map((x) => campaignView(x, world.now)),
    metadata: more && last ? { nextPageToken: encodeToken(last.id) } : {},
    paging: { start: 0, count: pageSize, links: [] },
  });
}

function batchGet(c: Context, world: LinkedInAdsWorld, accountId: string, query: Map<string, string>): Response {
  const ids = parseList(query.get('ids')!);
  if (!ids || ids.length === 0) return restliError(c, badRequest('ids must be a Rest.li list: ids=List(1,2)'));
  // Campaign keys are longs: a URN in the list fails the whole call (NumberFormatException).
  if (ids.some((id) => !/^\d+$/.test(id))) return restliError(c, badRequest(`Invalid key: ${ids.find((id) => !/^\d+$/.test(id))} (NumberFormatException)`));
  const results: Record<string, unknown> = {};
  const statuses: Record<string, number> = {};
  const errors: Record<string, unknown> = {};
  for (const id of ids) {
    const campaign = /^\d+$/.test(id) ? world.get(Number(id)) : undefined;
    if (campaign && campaign.account === `urn:li:sponsoredAccount:${accountId}`) {
      results[id] = campaignView(campaign, world.now);
      statuses[id] = 200;
    } else {
      errors[id] = notFound(`Campaign ${id} does not exist in ad account ${accountId}`);
      statuses[id] = 404;
    }
  }
  return c.json({ results, statuses, errors });
}

// Opaque to clients, as LinkedIn's: the last id of the page, in base64url.
const encodeToken = (id: number): string => Buffer.from(`cursor:${id}`).toString('base64url');
function decodeToken(raw: string | undefined): number | null {
  if (raw === undefined) return 0;
  const match = /^cursor:(\d+)$/.exec(Buffer.from(decodeURIComponent(raw), 'base64url').toString('utf8'));
  return match ? Number(match[1]) : null;
}
