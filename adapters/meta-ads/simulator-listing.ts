// `GET /{v}/act_{id}/campaigns`: the campaigns edge, newest first, filtered by effective status,
// cursor paged. A page is read from the account's per-status indexes where the cursor starts:
// its cost does not grow with the number of campaigns the account holds.
// https://developers.facebook.com/docs/marketing-api/reference/ad-account/campaigns/
import type { Context } from 'hono';
import { READ_POINTS } from './adapter-settings.js';
import { invalidParam, unsupportedGet } from './simulator-errors.js';
import type { ChargeAccount, GraphEnv } from './simulator-routes.js';
import { campaignView, SIM_CAMPAIGN_FIELDS } from './simulator-world-data.js';
import type { MetaAdsWorld } from './simulator-world.js';

/** adaccountcampaigns_effective_status_enum_param in specs/meta/enum_types.json */
export const LISTING_EFFECTIVE_STATUSES = [
  'ACTIVE', 'ADSET_PAUSED', 'ARCHIVED', 'CAMPAIGN_PAUSED', 'DELETED', 'DISAPPROVED', 'IN_PROCESS',
  'PAUSED', 'PENDING_BILLING_INFO', 'PENDING_REVIEW', 'PREAPPROVED', 'WITH_ISSUES',
] as const;

/** "A request with no filters returns only campaigns that were not archived or deleted." */
const UNFILTERED = LISTING_EFFECTIVE_STATUSES.filter((s) => s !== 'ARCHIVED' && s !== 'DELETED');

const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 500;

export function campaignsEdge(c: Context<GraphEnv>, world: MetaAdsWorld, charge: ChargeAccount): Response {
  const node = c.req.param('node') ?? '';
  const account = node.startsWith('act_') ? world.account(node) : undefined;
  if (!account) return unsupportedGet(node);
  const params = c.var.params;
  const fields = parseFields(params['fields'], SIM_CAMPAIGN_FIELDS, 'AdCampaignGroup');
  if (fields instanceof Response) return fields;
  const statuses = parseStatuses(params['effective_status']);
  if (statuses instanceof Response) return statuses;
  const limit = params['limit'] === undefined ? DEFAULT_LIMIT : Number(params['limit']);
  if (!Number.isInteger(limit) || limit < 1) return invalidParam('Param limit must be a positive integer');
  let before: string | null = null;
  if (params['after'] !== undefined) {
    before = Buffer.from(params['after'], 'base64').toString('utf8');
    if (!/^\d+$/.test(before)) return invalidParam('Invalid cursor');
  }
  const throttled = charge(c, account.account_id, READ_POINTS);
  if (throttled) return throttled;

  // DELETED campaigns never show under the edge; ARCHIVED only when asked for explicitly.
  const wanted = [...new Set(statuses ?? UNFILTERED)].filter((s) => s !== 'DELETED');
  const size = Math.min(limit, MAX_LIMIT);
  const page = [];
  let more = false;
  for (const campaign of world.campaignsOf(account, wanted, before)) {
    if (page.length === size) {
      more = true;
      break;
    }
    page.push(campaign);
  }
  const body: Record<string, unknown> = { data: page.map((x) => campaignView(x, fields)) };
  if (page.length > 0) {
    const cursors = { before: cursor(page[0]!.id), after: cursor(page.at(-1)!.id) };
    const paging: Record<string, unknown> = { cursors };
    if (more) {
      const next = new URL(c.req.url);
      next.searchParams.delete('access_token');
      next.searchParams.delete('appsecret_proof');
      next.searchParams.set('limit', String(limit));
      next.searchParams.set('after', cursors.after);
      paging['next'] = next.toString();
    }
    body['paging'] = paging;
  }
  return c.json(body);
}

export function parseFields(raw: string | undefined, allowed: readonly string[], nodeType: string): string[] | Response {
  if (!raw) return ['id'];
  const fields = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = fields.find((f) => !allowed.includes(f));
  return unknown ? invalidParam(`Tried accessing nonexisting field (${unknown}) on node type (${nodeType})`) : fields;
}

function cursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64');
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
