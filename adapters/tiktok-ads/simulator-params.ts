// Reading /campaign/get/ parameters as TikTok does: `fields` and `filtering` are JSON in one query
// parameter each, every value checked against what the vendor file describes (names, enums, id
// formats, page_size 1–1000). A wrong value is TikTok's 40002, never silently ignored.
import { OBJECTIVE_TYPES, PRIMARY_STATUSES, READABLE_FIELDS, SECONDARY_STATUSES } from './simulator-world-data.js';

export interface CampaignQuery {
  advertiserId: string;
  fields: string[] | null;
  page: number;
  pageSize: number;
  filtering: {
    campaign_ids?: string[];
    campaign_name?: string;
    objective_type?: string;
    primary_status?: string;
    secondary_status?: string;
    creation_filter_start_time?: string;
    creation_filter_end_time?: string;
  };
}

const FILTER_KEYS = ['campaign_ids', 'campaign_name', 'objective_type', 'primary_status', 'secondary_status', 'creation_filter_start_time', 'creation_filter_end_time'];
const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const MAX_FILTER_IDS = 100;

/** The query, or the message of TikTok's 40002. */
export function parseCampaignQuery(params: URLSearchParams): CampaignQuery | string {
  const advertiserId = params.get('advertiser_id');
  if (!advertiserId) return 'advertiser_id: Missing data for required field.';
  if (!/^\d+$/.test(advertiserId)) return 'advertiser_id: Not a valid integer.';
  const page = integer(params.get('page'), 1);
  const pageSize = integer(params.get('page_size'), 10);
  if (page === null || page < 1) return 'page: Must be greater than or equal to 1.';
  if (pageSize === null || pageSize < 1 || pageSize > 1000) return 'page_size: Must be between 1 and 1000.';
  const fields = parseFields(params.get('fields'));
  if (typeof fields === 'string') return fields;
  const filtering = parseFiltering(params.get('filtering'));
  if (typeof filtering === 'string') return filtering;
  return { advertiserId, fields, page, pageSize, filtering };
}

function integer(raw: string | null, fallback: number): number | null {
  if (raw === null) return fallback;
  return /^\d+$/.test(raw) ? Number(raw) : null;
}

function parseFields(raw: string | null): string[] | null | string {
  if (raw === null) return null;
  const value = json(raw);
  if (!Array.isArray(value) || value.some((f) => typeof f !== 'string')) return 'fields: Not a valid list.';
  const unknown = value.find((f) => !(READABLE_FIELDS as readonly string[]).includes(f as string));
  return unknown === undefined ? (value as string[]) : `fields: Invalid field: ${String(unknown)}.`;
}

function parseFiltering(raw: string | null): CampaignQuery['filtering'] | string {
  if (raw === null) return {};
  const value = json(raw);
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'filtering: Invalid input type, must be a JSON object.';
  const filter = value as Record<string, unknown>;
  const unknown = Object.keys(filter).find((k) => !FILTER_KEYS.includes(k));
  if (unknown) return `filtering.${unknown}: Unknown field.`;
  const ids = filter['campaign_ids'];
  if (ids !== undefined && (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_FILTER_IDS || ids.some((id) => typeof id !== 'string' || !/^\d+$/.test(id)))) {
    return `filtering.campaign_ids: Must be a list of 1 to ${MAX_FILTER_IDS} campaign ids.`;
  }
  const enums: Array<[string, readonly string[]]> = [['objective_type', OBJECTIVE_TYPES], ['primary_status', PRIMARY_STATUSES], ['secondary_status', SECONDARY_STATUSES]];
  for (const [key, allowed] of enums) {
    if (filter[key] !== undefined && !allowed.includes(filter[key] as string)) return `filtering.${key}: Must be one of: ${allowed.join(', ')}.`;
  }
  for (const key of ['creation_filter_start_time', 'creation_filter_end_time']) {
    if (filter[key] !== undefined && (typeof filter[key] !== 'string' || !TIME.test(filter[key] as string))) return `filtering.${key}: Time format should be YYYY-MM-DD HH:MM:SS.`;
  }
  if (filter['campaign_name'] !== undefined && typeof filter['campaign_name'] !== 'string') return 'filtering.campaign_name: Not a valid string.';
  return filter as CampaignQuery['filtering'];
}

function json(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
