// The simulator's world: ad accounts and their campaigns, held as Graph would return them.
import { z } from 'zod';
import type { Clock, JsonValue } from '../types.js';
import { CAMPAIGN_FIELDS } from './mappers.js';
import { normalizeAccountId } from './settings.js';

/** Campaign_status in specs/meta/enum_types.json */
export const CAMPAIGN_STATUSES = ['ACTIVE', 'PAUSED', 'DELETED', 'ARCHIVED'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** The campaign fields the simulator models (all are fields of specs/meta/Campaign.json). */
export const SIM_CAMPAIGN_FIELDS = [...CAMPAIGN_FIELDS, 'created_time', 'issues_info'] as const;

export const SIM_ACCOUNT_FIELDS = ['id', 'account_id', 'name', 'account_status', 'currency', 'timezone_name'] as const;

export interface IssueInfo {
  level: string;
  error_code: number;
  error_summary: string;
  error_message: string;
  error_type: string;
}

export interface SimCampaign {
  id: string;
  /** digits only, as Graph returns it */
  account_id: string;
  name: string;
  objective: string;
  status: CampaignStatus;
  daily_budget?: string;
  lifetime_budget?: string;
  spend_cap?: string;
  bid_strategy?: string;
  /** Graph time format, e.g. 2026-11-21T09:00:00+0000 */
  start_time: string;
  stop_time?: string;
  special_ad_categories: string[];
  created_time: string;
  updated_time: string;
  issues_info?: IssueInfo[];
  /** internal: Meta is still processing a change (effective IN_PROCESS) */
  processing?: boolean;
}

export interface SimAccount {
  id: string; // act_<digits>
  account_id: string;
  name: string;
  account_status: number;
  currency: string;
  timezone_name: string;
}

export type CampaignInput = Partial<Omit<SimCampaign, 'id' | 'created_time' | 'updated_time' | 'start_time' | 'stop_time'>> & {
  /** act_123 or 123; defaults to the first account */
  account?: string;
  start_time?: string | Date;
  stop_time?: string | Date | null;
};

/** Graph writes times as `YYYY-MM-DDTHH:mm:ss+0000`. */
export function graphTime(at: Date | string): string {
  return new Date(at).toISOString().replace(/\.\d{3}Z$/, '+0000');
}

/** effective_status derives from own status, issues and processing. */
export function effectiveStatus(c: SimCampaign): string {
  if (c.status === 'DELETED' || c.status === 'ARCHIVED') return c.status;
  if (c.issues_info && c.issues_info.length > 0) return 'WITH_ISSUES';
  if (c.status === 'ACTIVE' && c.processing) return 'IN_PROCESS';
  return c.status;
}

export class CampaignStore {
  readonly accounts = new Map<string, SimAccount>();
  readonly campaigns = new Map<string, SimCampaign>();
  #nextId = 120_210_000_000_001n;

  constructor(private readonly clock: Clock) {}

  addAccount(raw: string, name?: string): SimAccount {
    const id = normalizeAccountId(raw);
    if (!id) throw new Error(`not an ad account id: ${raw}`);
    const existing = this.accounts.get(id);
    if (existing) return existing;
    const account: SimAccount = {
      id,
      account_id: id.slice(4),
      name: name ?? `Ad account ${id.slice(4)}`,
      account_status: 1, // ACTIVE
      currency: 'EUR',
      timezone_name: 'Europe/Paris',
    };
    this.accounts.set(id, account);
    return account;
  }

  addCampaign(input: CampaignInput): SimCampaign {
    const account = input.account ? this.account(input.account) : this.accounts.values().next().value;
    if (!account) throw new Error(`unknown ad account ${input.account ?? '(none)'}`);
    const now = graphTime(this.clock.now());
    const id = (this.#nextId++).toString();
    const { account: _account, start_time, stop_time, ...rest } = input;
    const campaign: SimCampaign = {
      name: `Campaign ${id}`,
      objective: 'OUTCOME_AWARENESS',
      status: 'ACTIVE',
      special_ad_categories: [],
      ...rest,
      id,
      account_id: account.account_id,
      start_time: graphTime(start_time ?? this.clock.now()),
      ...(stop_time ? { stop_time: graphTime(stop_time) } : {}),
      created_time: now,
      updated_time: now,
    };
    this.campaigns.set(id, campaign);
    return campaign;
  }

  account(raw: string): SimAccount | undefined {
    const id = normalizeAccountId(raw);
    return id ? this.accounts.get(id) : undefined;
  }

  accountOf(campaign: SimCampaign): SimAccount {
    return this.accounts.get(`act_${campaign.account_id}`)!;
  }

  /** An account's campaigns, newest first (Graph's order for the campaigns edge). */
  campaignsOf(account: SimAccount): SimCampaign[] {
    return [...this.campaigns.values()]
      .filter((c) => c.account_id === account.account_id)
      .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : BigInt(b.id) < BigInt(a.id) ? -1 : 0));
  }

  touch(campaign: SimCampaign): void {
    campaign.updated_time = graphTime(this.clock.now());
  }

  /** Everything `load` needs to bring this store back (the sandbox keeps it across restarts). */
  exportData(): JsonValue {
    return JSON.parse(JSON.stringify({ accounts: [...this.accounts.values()], campaigns: [...this.campaigns.values()], nextId: String(this.#nextId) })) as JsonValue;
  }

  load(data: unknown): void {
    const parsed = storeDataSchema.parse(data);
    for (const account of parsed.accounts as unknown as SimAccount[]) this.accounts.set(account.id, account);
    for (const campaign of parsed.campaigns as unknown as SimCampaign[]) this.campaigns.set(campaign.id, campaign);
    this.#nextId = BigInt(parsed.nextId);
  }
}

const storeDataSchema = z.object({
  accounts: z.array(z.looseObject({ id: z.string(), account_id: z.string() })),
  campaigns: z.array(z.looseObject({ id: z.string(), account_id: z.string(), status: z.string() })),
  nextId: z.string().regex(/^\d+$/),
});

/** A campaign as Graph returns it: only the requested fields, unset ones omitted. */
export function campaignView(c: SimCampaign, fields: readonly string[]): Record<string, unknown> {
  const all: Record<string, unknown> = {
    ...c,
    configured_status: c.status,
    effective_status: effectiveStatus(c),
  };
  delete all['processing'];
  return pick(all, fields);
}

export function accountView(a: SimAccount, fields: readonly string[]): Record<string, unknown> {
  return pick({ ...a }, fields);
}

function pick(source: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) if (source[field] !== undefined) out[field] = source[field];
  if (out['id'] === undefined) out['id'] = source['id'];
  return out;
}
