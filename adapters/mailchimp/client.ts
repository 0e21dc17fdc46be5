// One Mailchimp connection's client: dispatches each item to its object type's operations and
// turns per-item failures into error outcomes. It never retries or sleeps: the core does.
import { AdapterError } from '../kit/adapter-error.js';
import { createHttpClient } from '../kit/http-client.js';
import type { AdapterClient, AdapterContext, ItemRef, Observation, Outcome, RestoreRequest } from '../types.js';
import type { MailchimpApi } from './api-core.js';
import { ping } from './api-core.js';
import { suspendAutomation, restoreAutomation, inspectAutomation } from './automation-ops.js';
import { inspectCampaign, restoreCampaign, restoreRssCampaign, suspendCampaign, suspendRssCampaign } from './campaign-ops.js';
import { paged, pagedListLive } from '../kit/pagination.js';
import { emailListing } from './list-live.js';
import { CAPABILITIES } from './mappers.js';
import { basicAuthHeader, resolveBaseUrl, type MailchimpSettings } from './settings.js';

/**
 * "10 simultaneous connections" per account, no request-rate limit:
 * https://mailchimp.com/developer/marketing/docs/fundamentals/#api-limits
 */
export const MAX_IN_FLIGHT = 10;

interface Operations {
  suspend(api: MailchimpApi, item: ItemRef): Promise<Outcome>;
  restore(api: MailchimpApi, request: RestoreRequest): Promise<Outcome>;
  inspect(api: MailchimpApi, item: ItemRef): Promise<Observation>;
}

const OPERATIONS: Record<string, Operations> = {
  [CAPABILITIES.campaign.objectType]: { suspend: suspendCampaign, restore: restoreCampaign, inspect: inspectCampaign },
  [CAPABILITIES.rss.objectType]: { suspend: suspendRssCampaign, restore: restoreRssCampaign, inspect: inspectCampaign },
  [CAPABILITIES.automation.objectType]: { suspend: suspendAutomation, restore: restoreAutomation, inspect: inspectAutomation },
};

export function connectMailchimp(ctx: AdapterContext<MailchimpSettings>): AdapterClient {
  const apiKey = ctx.credentials['apiKey'];
  if (!apiKey) {
    throw new AdapterError({ code: 'unauthorized', message: 'Mailchimp: no API key configured (credential "apiKey")', retryable: false, ambiguous: false });
  }
  const http = createHttpClient({
    baseUrl: resolveBaseUrl(apiKey, ctx.settings, ctx.baseUrl),
    timeoutMs: ctx.timeoutMs,
    headers: { Authorization: basicAuthHeader(apiKey) },
    limits: {
      requestsPerSecond: ctx.limits?.requestsPerSecond ?? null,
      maxInFlight: ctx.limits?.maxInFlight ?? MAX_IN_FLIGHT,
    },
  });
  const api: MailchimpApi = { http, now: () => ctx.clock.now() };
  const scope = { pageSize: ctx.settings.pageSize, listIds: ctx.accountIds };

  return {
    checkCredentials: async () => {
      await ping(api);
    },
    listLive: pagedListLive('mailchimp', { email: paged(() => emailListing(api, scope)) }),
    suspend: (items) => Promise.all(items.map((item) => perItem(item.externalId, () => operations(item).suspend(api, item)))),
    restore: (items) => Promise.all(items.map((item) => perItem(item.externalId, () => operations(item).restore(api, item)))),
    // Inspect failures are whole-call failures: an observation cannot carry an error.
    inspect: (items) => Promise.all(items.map((item) => operations(item).inspect(api, item))),
  };
}

function operations(item: ItemRef): Operations {
  const ops = OPERATIONS[item.objectType];
  if (!ops) {
    throw new AdapterError({ code: 'invalid_request', message: `Mailchimp: unknown object type "${item.objectType}"`, retryable: false, ambiguous: false });
  }
  return ops;
}

async function perItem(externalId: string, run: () => Promise<Outcome>): Promise<Outcome> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AdapterError) return { kind: 'error', externalId, error: error.toInfo() };
    // A snapshot that does not parse, or a bug: visible, never retried blindly.
    const message = error instanceof Error ? error.message : String(error);
    return { kind: 'error', externalId, error: { code: 'unexpected_response', message: `Mailchimp: ${message}`, retryable: false, ambiguous: false } };
  }
}
