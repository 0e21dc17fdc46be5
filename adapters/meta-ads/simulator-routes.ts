// The Graph API routes the simulator answers: ad account reads, the campaigns edge, campaign
// reads and updates, multiple-id reads, and the batch endpoint (delegated).
import { Hono, type Context } from 'hono';
import type { Clock } from '../types.js';
import { CallBudget } from './simulator-budget.js';
import { bucThrottled, graphErrorResponse, invalidParam, unknownPath, unsupportedGet } from './simulator-errors.js';
import { authenticate, readParams, type GraphEnv } from './simulator-auth.js';
import { parseCampaignUpdate } from './simulator-update.js';
import {
  accountView,
  campaignView,
  effectiveStatus,
  SIM_ACCOUNT_FIELDS,
  SIM_CAMPAIGN_FIELDS,
  type CampaignStore,
} from './simulator-store.js';

/** adaccountcampaigns_effective_status_enum_param in specs/meta/enum_types.json */
export const LISTING_EFFECTIVE_STATUSES = [
  'ACTIVE', 'ADSET_PAUSED', 'ARCHIVED', 'CAMPAIGN_PAUSED', 'DELETED', 'DISAPPROVED', 'IN_PROCESS',
  'PAUSED', 'PENDING_BILLING_INFO', 'PENDING_REVIEW', 'PREAPPROVED', 'WITH_ISSUES',
] as const;

const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 500;
const MAX_IDS = 50;

export interface GraphRouteDeps {
  store: CampaignStore;
  clock: Clock;
  /** null unless the simulator enforces limits */
  budget: CallBudget | null;
  acceptedTokens: ReadonlySet<string>;
  expiredTokens: ReadonlySet<string>;
  batch: (c: Context<GraphEnv>) => Promise<Response>;
}

export function createGraphApp(deps: GraphRouteDeps): Hono<GraphEnv> {
  const app = new Hono<GraphEnv>({ strict: false });
  app.use('*', readParams, authenticate(deps.acceptedTokens, deps.expiredTokens, deps.clock));
  app.use('/:version/*', async (c, next) => (isVersion(c.req.param('version')) ? next() : unknownPath(new URL(c.req.url).pathname)));

  /** Graph charges each call to the ad account it touches; over budget → 80004. */
  const charge = (c: Context<GraphEnv>, accountDigits: string): Response | null => {
    if (!deps.budget) return null;
    const verdict = deps.budget.take(`act_${accountDigits}`);
    if (!verdict.ok) return bucThrottled(CallBudget.header(accountDigits, 100, verdict.regainMinutes));
    c.header('x-business-use-case-usage', CallBudget.header(accountDigits, verdict.usagePct, 0));
    return null;
  };

  // Multiple-id read: GET /{v}/?ids=a,b&fields=…
  app.get('/:version', (c) => {
    if (!isVersion(c.req.param('version'))) return unknownPath(new URL(c.req.url).pathname);
    const ids = (c.var.params['ids'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (ids.length === 0) return invalidParam('Missing ids parameter');
    if (ids.length > MAX_IDS) return invalidParam(`Too many IDs. Maximum: ${MAX_IDS}`);
    const missing = ids.filter((id) => !deps.store.campaigns.has(id) && !(id.startsWith('act_') && deps.store.account(id)));
    if (missing.length > 0) return invalidParam(`Some of the aliases you requested do not exist: ${missing.join(',')}`);
    const out: Record<string, unknown> = {};
    for (const id of ids) {
      const view = nodeView(c, id);
      if (view instanceof Response) return view;
      out[id] = view;
    }
    return c.json(out);
  });

  app.post('/:version', (c) => (isVersion(c.req.param('version')) ? deps.batch(c) : unknownPath(new URL(c.req.url).pathname)));

  app.get('/:version/:node', (c) => {
    const view = nodeView(c, c.req.param('node'));
    return view instanceof Response ? view : c.json(view);
  });

  app.post('/:version/:node', (c) => {
    const campaign = deps.store.campaigns.get(c.req.param('node'));
    if (!campaign) return unsupportedPost(c.req.param('node'));
    const patch = parseCampaignUpdate(campaign, c.var.params);
    if (patch instanceof Response) return patch;
    const throttled = charge(c, campaign.account_id);
    if (throttled) return throttled;
    Object.assign(campaign, patch);
    deps.store.touch(campaign);
    return c.json({ success: true });
  });

  // https://developers.facebook.com/docs/marketing-api/reference/ad-account/campaigns/
  app.get('/:version/:node/campaigns', (c) => {
    const account = deps.store.account(c.req.param('node'));
    if (!account || !c.req.param('node').startsWith('act_')) return unsupportedGet(c.req.param('node'));
    const params = c.var.params;
    const fields = parseFields(params['fields'], SIM_CAMPAIGN_FIELDS, 'AdCampaignGroup');
    if (fields instanceof Response) return fields;
    const statuses = parseStatuses(params['effective_status']);
    if (statuses instanceof Response) return statuses;
    const limit = params['limit'] === undefined ? DEFAULT_LIMIT : Number(params['limit']);
    if (!Number.isInteger(limit) || limit < 1) return invalidParam('Param limit must be a positive integer');
    let after: bigint | null = null;
    if (params['after'] !== undefined) {
      const decoded = Buffer.from(params['after'], 'base64').toString('utf8');
      if (!/^\d+$/.test(decoded)) return invalidParam('Invalid cursor');
      after = BigInt(decoded);
    }
    const throttled = charge(c, account.account_id);
    if (throttled) return throttled;

    // DELETED campaigns never show under the edge; ARCHIVED only when asked for explicitly.
    const matching = deps.store
      .campaignsOf(account)
      .filter((x) => x.status !== 'DELETED')
      .filter((x) => (statuses ? statuses.includes(effectiveStatus(x)) : x.status !== 'ARCHIVED'))
      .filter((x) => after === null || BigInt(x.id) < after);
    const page = matching.slice(0, Math.min(limit, MAX_LIMIT));
    const body: Record<string, unknown> = { data: page.map((x) => campaignView(x, fields)) };
    if (page.length > 0) {
      const cursors = { before: cursor(page[0]!.id), after: cursor(page.at(-1)!.id) };
      const paging: Record<string, unknown> = { cursors };
      if (matching.length > page.length) {
        const next = new URL(c.req.url);
        next.searchParams.delete('access_token');
        next.searchParams.set('limit', String(limit));
        next.searchParams.set('after', cursors.after);
        paging['next'] = next.toString();
      }
      body['paging'] = paging;
    }
    return c.json(body);
  });

  app.all('*', (c) => unknownPath(new URL(c.req.url).pathname));

  function nodeView(c: Context<GraphEnv>, id: string): Record<string, unknown> | Response {
    const campaign = deps.store.campaigns.get(id);
    if (campaign) {
      const fields = parseFields(c.var.params['fields'], SIM_CAMPAIGN_FIELDS, 'AdCampaignGroup');
      if (fields instanceof Response) return fields;
      return charge(c, campaign.account_id) ?? campaignView(campaign, fields);
    }
    const account = id.startsWith('act_') ? deps.store.account(id) : undefined;
    if (!account) return unsupportedGet(id);
    const fields = parseFields(c.var.params['fields'], SIM_ACCOUNT_FIELDS, 'AdAccount');
    if (fields instanceof Response) return fields;
    return charge(c, account.account_id) ?? accountView(account, fields);
  }

  return app;
}

function isVersion(version: string | undefined): boolean {
  return version !== undefined && /^v\d+\.0$/.test(version);
}

function cursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64');
}

function parseFields(raw: string | undefined, allowed: readonly string[], nodeType: string): string[] | Response {
  if (!raw) return ['id'];
  const fields = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = fields.find((f) => !allowed.includes(f));
  return unknown ? invalidParam(`Tried accessing nonexisting field (${unknown}) on node type (${nodeType})`) : fields;
}

/** `effective_status` is a JSON array in one parameter: `["ACTIVE","PAUSED"]`. */
function parseStatuses(raw: string | undefined): string[] | null | Response {
  if (raw === undefined) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return invalidParam('Param effective_status must be an array.');
  }
  if (!Array.isArray(value)) return invalidParam('Param effective_status must be an array.');
  for (const [i, v] of value.entries()) {
    if (!(LISTING_EFFECTIVE_STATUSES as readonly unknown[]).includes(v)) {
      return invalidParam(`Param effective_status[${i}] must be one of {${LISTING_EFFECTIVE_STATUSES.join(', ')}}`);
    }
  }
  return value as string[];
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
