// The part of the Google Ads Query Language the simulator answers: campaign fields FROM campaign,
// WHERE on campaign.status (= / IN) and campaign.id (= / IN) joined by AND, ORDER BY campaign.id,
// LIMIT. Anything else is refused with a queryError, as Google refuses a query it cannot run.
// https://developers.google.com/google-ads/api/docs/query/grammar
import { CAMPAIGN_STATUSES, type CampaignStatus } from './simulator-world-data.js';

/** GAQL field → its REST JSON name in a row's `campaign` (the fields the simulator models). */
export const SIM_FIELDS: Readonly<Record<string, string>> = {
  'campaign.resource_name': 'resourceName',
  'campaign.id': 'id',
  'campaign.name': 'name',
  'campaign.status': 'status',
  'campaign.serving_status': 'servingStatus',
  'campaign.advertising_channel_type': 'advertisingChannelType',
  'campaign.bidding_strategy_type': 'biddingStrategyType',
  'campaign.campaign_budget': 'campaignBudget',
  'campaign.start_date_time': 'startDateTime',
  'campaign.end_date_time': 'endDateTime',
};

export interface Query {
  fields: string[];
  statuses: CampaignStatus[] | null;
  ids: string[] | null;
  descending: boolean;
  limit: number | null;
}

export type QueryError = { error: string; message: string };

const CLAUSES = /^\s*SELECT\s+(.+?)\s+FROM\s+(\w+)(?:\s+WHERE\s+(.+?))?(?:\s+ORDER\s+BY\s+([\w.]+)(?:\s+(ASC|DESC))?)?(?:\s+LIMIT\s+(\S+))?\s*$/is;

export function parseQuery(text: string): Query | QueryError {
  const m = CLAUSES.exec(text);
  if (!m) return { error: 'UNEXPECTED_INPUT', message: 'Error in query: unexpected input.' };
  const [, select, from, where, orderBy, direction, limit] = m;
  if (from !== 'campaign') return { error: 'BAD_RESOURCE_TYPE_IN_FROM_CLAUSE', message: `Error in query: the resource '${from}' is not supported here.` };
  const fields = select!.split(',').map((f) => f.trim());
  for (const field of fields) if (!(field in SIM_FIELDS)) return { error: 'UNRECOGNIZED_FIELD', message: `Unrecognized field in the query: '${field}'.` };
  if (orderBy !== undefined && orderBy !== 'campaign.id') return { error: 'PROHIBITED_FIELD_IN_ORDER_BY_CLAUSE', message: `Error in query: cannot order by '${orderBy}' here.` };
  let limitValue: number | null = null;
  if (limit !== undefined) {
    if (!/^[1-9]\d*$/.test(limit)) return { error: 'BAD_LIMIT_VALUE', message: `Error in query: bad LIMIT value '${limit}'.` };
    limitValue = Number(limit);
  }
  const query: Query = { fields, statuses: null, ids: null, descending: direction?.toUpperCase() === 'DESC', limit: limitValue };
  for (const condition of where ? where.split(/\s+AND\s+/i) : []) {
    const problem = applyCondition(query, condition.trim());
    if (problem) return problem;
  }
  return query;
}

function applyCondition(query: Query, condition: string): QueryError | null {
  const c = /^(campaign\.status|campaign\.id)\s*(=|IN)\s*(.+)$/i.exec(condition);
  if (!c) return { error: 'UNEXPECTED_INPUT', message: `Error in query: unsupported condition '${condition}'.` };
  const [, field, operator, rawValue] = c;
  const values = operator!.toUpperCase() === 'IN' ? listOf(rawValue!) : [rawValue!.trim()];
  if (values === null || values.length === 0) return { error: 'INVALID_VALUE_WITH_IN_OPERATOR', message: `Error in query: bad list '${rawValue}'.` };
  if (field === 'campaign.status') {
    const statuses: CampaignStatus[] = [];
    for (const v of values) {
      const enumValue = /^'(\w+)'$|^"(\w+)"$/.exec(v);
      const name = enumValue?.[1] ?? enumValue?.[2];
      if (!name || !(CAMPAIGN_STATUSES as readonly string[]).includes(name)) return { error: 'BAD_ENUM_CONSTANT', message: `Error in query: invalid enum value ${v} for campaign.status.` };
      statuses.push(name as CampaignStatus);
    }
    query.statuses = statuses;
  } else {
    for (const v of values) if (!/^\d{1,19}$/.test(v)) return { error: 'BAD_NUMBER', message: `Error in query: '${v}' is not a campaign id.` };
    query.ids = values;
  }
  return null;
}

function listOf(raw: string): string[] | null {
  const m = /^\(\s*(.*?)\s*\)$/.exec(raw.trim());
  return m ? m[1]!.split(',').map((v) => v.trim()).filter(Boolean) : null;
}
