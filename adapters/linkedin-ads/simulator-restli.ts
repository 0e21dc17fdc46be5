// Rest.li 2.0 query syntax, read the way LinkedIn reads it: from the raw query string, where the
// structure — `List(…)`, `(key:value)` — is NOT percent-encoded and the values inside are. A
// structure sent encoded (`List%28…%29`, what URLSearchParams writes) is not Rest.li: refused.
// https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/protocol-version
import { CAMPAIGN_STATUSES } from './mappers.js';

/** The raw (undecoded) value of each query key; a key given twice is refused (null). */
export function rawQuery(url: string): Map<string, string> | null {
  const search = new URL(url).search.replace(/^\?/, '');
  const params = new Map<string, string>();
  for (const part of search === '' ? [] : search.split('&')) {
    const at = part.indexOf('=');
    const key = decodeURIComponent(at < 0 ? part : part.slice(0, at));
    if (params.has(key)) return null;
    params.set(key, at < 0 ? '' : part.slice(at + 1));
  }
  return params;
}

/** `List(a,b)` → its decoded values; null when it is not a Rest.li list. */
export function parseList(raw: string): string[] | null {
  const match = /^List\(([^()]*)\)$/.exec(raw);
  if (!match) return null;
  if (match[1] === '') return [];
  try {
    return match[1]!.split(',').map((v) => decodeURIComponent(v));
  } catch {
    return null;
  }
}

export type SearchCriteria = { statuses: string[] } | { error: string };

/**
 * The adCampaigns search criteria we model: `(status:(values:List(ACTIVE,PAUSED)))`, values from
 * the documented status enum. LinkedIn also searches by campaignGroup, type, name and test; the
 * simulator refuses those rather than ignore them (a lenient filter would hide a wrong request).
 */
export function parseCampaignSearch(raw: string): SearchCriteria {
  const match = /^\(status:\(values:(List\([^()]*\))\)\)$/.exec(raw);
  if (!match) return { error: `search criteria not understood (or not Rest.li 2.0 encoded): ${raw.slice(0, 80)}` };
  const statuses = parseList(match[1]!);
  if (!statuses || statuses.length === 0) return { error: 'search.status.values must list at least one status' };
  const unknown = statuses.find((s) => !(CAMPAIGN_STATUSES as readonly string[]).includes(s));
  if (unknown !== undefined) return { error: `Invalid value ${unknown} for search.status.values` };
  return { statuses };
}
