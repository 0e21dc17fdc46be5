// One Meta ads connection: lists live campaigns, pauses and re-activates them in Graph batches,
// and reads them back for drift checks. Pausing happens at CAMPAIGN level only: ad sets and ads
// inherit a paused campaign's effective state without their own status changing, so setting the
// campaign back to ACTIVE restores every child exactly as it was.
// https://developers.facebook.com/documentation/ads-commerce/marketing-api/get-started/manage-campaigns
import { AdapterError } from '../kit/adapter-error.js';
import { createHttpClient } from '../kit/http-client.js';
import { paged, pagedListLive, type PagedListing } from '../kit/pagination.js';
import { z } from 'zod';
import type { AdapterClient, AdapterContext, ItemRef, Observation, Outcome, RestoreRequest } from '../types.js';
import { getAdAccount, listCampaigns, type GraphApi } from './api.js';
import { isLive, missingObservation, toLiveItem, toObservation } from './mappers.js';
import { readCampaignsById } from './reads.js';
import { restoreCampaigns } from './restore.js';
import { isGraphId, metaAdsSettingsSchema, normalizeAccountId, type MetaAdsSettings } from './settings.js';
import { applyStatusChanges, errorOutcome, guardBulk, refuse, type PlannedChange } from './writes.js';

export const GRAPH_BASE_URL = 'https://graph.facebook.com';
export const DEFAULT_MAX_IN_FLIGHT = 4;

export function createMetaAdsClient(ctx: AdapterContext<MetaAdsSettings>): AdapterClient {
  const settings = metaAdsSettingsSchema.safeParse(ctx.settings ?? {});
  const token = ctx.credentials['accessToken'] ?? '';
  const accounts = ctx.accountIds.map(normalizeAccountId);
  // A configuration problem fails every call with a clear error instead of throwing at connect.
  if (token === '') return failingClient('unauthorized', 'no accessToken configured');
  if (accounts.length === 0 || accounts.some((a) => a === null)) return failingClient('invalid_request', 'ad account ids must look like act_123 or 123');
  if (!settings.success) return failingClient('invalid_request', 'invalid settings (apiVersion like v25.0, pageSize 1..500)');

  const { apiVersion, pageSize } = settings.data;
  const accountIds = accounts as string[];
  const api: GraphApi = {
    // The system-user token travels in the Authorization header, so it never sits in a URL.
    http: createHttpClient({
      baseUrl: ctx.baseUrl ?? GRAPH_BASE_URL,
      timeoutMs: ctx.timeoutMs,
      headers: { Authorization: `Bearer ${token}` },
      limits: {
        requestsPerSecond: ctx.limits?.requestsPerSecond ?? null,
        maxInFlight: ctx.limits?.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT,
      },
    }),
    version: apiVersion,
    clock: ctx.clock,
    secrets: [token],
  };

  // Account by account, following each account's cursor (not the `next` URL) while Graph says
  // there is a next page; a page's `next` names the account and cursor to go on from.
  const campaignListing = (): PagedListing<{ account: number; after: string | null }> => ({
    position: z.object({ account: z.number().int().min(0).max(accountIds.length - 1), after: z.string().nullable() }),
    first: () => ({ account: 0, after: null }),
    cursorOf: (p) => `${p.account}:${p.after ?? ''}`,
    async fetch({ account, after }) {
      const accountId = accountIds[account]!;
      const page = await listCampaigns(api, accountId, { limit: pageSize, after: after ?? undefined });
      // The effective_status filter also matches campaigns whose OWN status is PAUSED (a
      // paused campaign can be WITH_ISSUES): only own ACTIVE, not past its stop, is live.
      const now = ctx.clock.now();
      const items = page.data.filter((c) => isLive(c, now)).map((c) => toLiveItem(c, accountId));
      const nextAfter = page.paging?.next ? page.paging.cursors?.after : undefined;
      const next = nextAfter !== undefined ? { account, after: nextAfter } : account + 1 < accountIds.length ? { account: account + 1, after: null } : null;
      return { items, next };
    },
  });

  return {
    async checkCredentials() {
      await getAdAccount(api, accountIds[0]!);
    },

    listLive: pagedListLive('meta-ads', { ad: paged(campaignListing) }),

    async suspend(items: ItemRef[]): Promise<Outcome[]> {
      guardBulk(items.length);
      const outcomes: Outcome[] = new Array(items.length);
      const changes: PlannedChange[] = [];
      items.forEach((item, index) => {
        const refused = refuse(item);
        if (refused) outcomes[index] = errorOutcome(item.externalId, refused);
        else changes.push({ index, id: item.externalId, status: 'PAUSED' });
      });
      await applyStatusChanges(api, changes, outcomes);
      return outcomes;
    },

    async restore(requests: RestoreRequest[]): Promise<Outcome[]> {
      guardBulk(requests.length);
      return restoreCampaigns(api, requests);
    },

    async inspect(items: ItemRef[]): Promise<Observation[]> {
      guardBulk(items.length);
      const now = ctx.clock.now();
      const found = await readCampaignsById(api, items.map((i) => i.externalId).filter(isGraphId));
      return items.map((item) => {
        const campaign = found.get(item.externalId);
        return campaign ? toObservation(campaign, now) : missingObservation(item.externalId);
      });
    },
  };
}

function failingClient(code: 'unauthorized' | 'invalid_request', message: string): AdapterClient {
  const fail = (): never => {
    throw new AdapterError({ code, message: `meta-ads connection: ${message}`, retryable: false, ambiguous: false });
  };
  return {
    checkCredentials: async () => fail(),
    listLive: async function* () {
      yield fail();
    },
    suspend: async () => fail(),
    restore: async () => fail(),
    inspect: async () => fail(),
  };
}
