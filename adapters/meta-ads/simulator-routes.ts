// The Graph API routes the simulator answers: ad account reads, the campaigns edge, campaign
// reads and updates, multiple-id reads, and the batch endpoint. Every call is charged to the ad
// account it touches (reads 1 point, writes 3), as Meta counts them.
import { Hono, type Context } from 'hono';
import type { SimulatorTools } from '../kit/simulator/build-simulator.js';
import { ACCESS_TIERS, READ_POINTS, WRITE_POINTS } from './adapter-settings.js';
import { readParams, type Params } from './simulator-auth.js';
import { batchHandler } from './simulator-batch.js';
import { bucThrottled, bucUsageHeader, graphErrorResponse, invalidParam, pointsThrottled, unknownPath, unsupportedGet } from './simulator-errors.js';
import { campaignsEdge, parseFields } from './simulator-listing.js';
import { parseCampaignUpdate } from './simulator-update.js';
import { accountView, campaignView, SIM_ACCOUNT_FIELDS, SIM_CAMPAIGN_FIELDS } from './simulator-world-data.js';
import type { MetaAdsWorld } from './simulator-world.js';

/** `params` as the outer request's authentication read them; sub-requests of a batch read their own. */
export type GraphEnv = { Bindings: { params?: Params }; Variables: { params: Params } };

/** Charges a call to an ad account: null when it may go on, else Meta's throttled answer. */
export type ChargeAccount = (c: Context<GraphEnv>, accountDigits: string, points: number) => Response | null;

const MAX_IDS = 50;

export function graphApp(world: MetaAdsWorld, tools: SimulatorTools): Hono<GraphEnv> {
  const app = new Hono<GraphEnv>({ strict: false });
  app.use('*', async (c, next) => {
    c.set('params', c.env?.params ?? (await readParams(c.req)));
    await next();
  });
  app.use('/:version/*', async (c, next) => (isVersion(c.req.param('version')) ? next() : unknownPath(new URL(c.req.url).pathname)));
  const charge = chargeAccount(world, tools);
  const batch = batchHandler({ fetchInner: (request) => Promise.resolve(app.fetch(request, {})), world });

  // Multiple-id read: GET /{v}/?ids=a,b&fields=… — each id counted as a read of its account.
  app.get('/:version', (c) => {
    if (!isVersion(c.req.param('version'))) return unknownPath(new URL(c.req.url).pathname);
    const ids = (c.var.params['ids'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (ids.length === 0) return invalidParam('Missing ids parameter');
    if (ids.length > MAX_IDS) return invalidParam(`Too many IDs. Maximum: ${MAX_IDS}`);
    const missing = ids.filter((id) => !world.get(id) && !(id.startsWith('act_') && world.account(id)));
    if (missing.length > 0) return invalidParam(`Some of the aliases you requested do not exist: ${missing.join(',')}`);
    const out: Record<string, unknown> = {};
    for (const id of ids) {
      const view = nodeView(c, id);
      if (view instanceof Response) return view;
      out[id] = view;
    }
    return c.json(out);
  });

  app.post('/:version', (c) => (isVersion(c.req.param('version')) ? batch(c) : unknownPath(new URL(c.req.url).pathname)));

  app.get('/:version/:node', (c) => {
    const view = nodeView(c, c.req.param('node'));
    return view instanceof Response ? view : c.json(view);
  });

  // https://developers.facebook.com/docs/marketing-api/reference/ad-campaign-group/#Updating
  app.post('/:version/:node', (c) => {
    const campaign = world.get(c.req.param('node'));
    if (!campaign) return unsupportedPost(c.req.param('node'));
    const patch = parseCampaignUpdate(campaign, c.var.params);
    if (patch instanceof Response) return patch;
    const throttled = charge(c, campaign.account_id, WRITE_POINTS);
    if (throttled) return throttled;
    world.update(campaign, patch);
    return c.json({ success: true });
  });

  app.get('/:version/:node/campaigns', (c) => campaignsEdge(c, world, charge));

  app.all('*', (c) => unknownPath(new URL(c.req.url).pathname));

  function nodeView(c: Context<GraphEnv>, id: string): Record<string, unknown> | Response {
    const campaign = world.get(id);
    if (campaign) {
      const fields = parseFields(c.var.params['fields'], SIM_CAMPAIGN_FIELDS, 'AdCampaignGroup');
      if (fields instanceof Response) return fields;
      return charge(c, campaign.account_id, READ_POINTS) ?? campaignView(campaign, fields);
    }
    const account = id.startsWith('act_') ? world.account(id) : undefined;
    if (!account) return unsupportedGet(id);
    const fields = parseFields(c.var.params['fields'], SIM_ACCOUNT_FIELDS, 'AdAccount');
    if (fields instanceof Response) return fields;
    return charge(c, account.account_id, READ_POINTS) ?? accountView(account, fields);
  }

  return app;
}

/** The ad account's points and hourly budget; the usage headers on every answer that touches one. */
function chargeAccount(world: MetaAdsWorld, tools: SimulatorTools): ChargeAccount {
  return (c, accountDigits, points) => {
    const verdict = world.limits.charge(accountDigits, points, tools.options.enforceLimits ?? false);
    const tier = ACCESS_TIERS[world.app.accessTier].headerValue;
    const usage = world.limits.adAccountUsage(accountDigits);
    if (!verdict.ok) {
      return verdict.refusal.kind === 'points' ? pointsThrottled(usage) : bucThrottled(bucUsageHeader(accountDigits, 100, verdict.refusal.regainMinutes, tier));
    }
    c.header('x-ad-account-usage', usage);
    c.header('x-business-use-case-usage', bucUsageHeader(accountDigits, world.limits.hourlyUsagePct(accountDigits), 0, tier));
    return null;
  };
}

function isVersion(version: string | undefined): boolean {
  return version !== undefined && /^v\d+\.0$/.test(version);
}

function unsupportedPost(id: string): Response {
  return graphErrorResponse({
    status: 400,
    code: 100,
    subcode: 33,
    type: 'GraphMethodException',
    message: `Unsupported post request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
  });
}
