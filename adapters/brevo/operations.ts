// One Brevo connection's AdapterClient: list, suspend (status → suspended), restore (send time
// again), inspect. Brevo has no bulk endpoint for campaigns, so each suspend or restore carries
// one campaign; inspect reads up to 10 one after the other.
import { checkBulk, eachItem, ok, operationFor, refused } from '../kit/outcomes.js';
import { paged, pagedListLive } from '../kit/pagination.js';
import type { AdapterClient, ItemRef, Observation, Outcome } from '../types.js';
import { getAccount, getEmailCampaign, updateCampaignStatus, type BrevoApi } from './api.js';
import { REQUESTS_PER_HOUR, type RateLimitTier } from './adapter-settings.js';
import { campaignIdOf, notFoundObservation, OBJECT_TYPE, SUSPENDED_STATUS, toObservation } from './mappers.js';
import { campaignListing, type ListScope } from './operations-listing.js';
import { quotaForecast } from './operations-quota.js';
import { restoreCampaign } from './operations-restore.js';
import { AdapterError } from '../kit/adapter-error.js';

const PLATFORM = 'brevo';
export const BULK = { suspend: 1, restore: 1, inspect: 10 } as const;

export function brevoOperations(api: BrevoApi, scope: ListScope, tier: RateLimitTier): AdapterClient {
  return {
    checkCredentials: () => getAccount(api),

    listLive: pagedListLive(PLATFORM, { email: paged(() => campaignListing(api, scope)) }),

    async suspend(items) {
      checkBulk(PLATFORM, 'suspend', items.length, BULK.suspend);
      return eachItem(items, (item) => run(item, () => suspendCampaign(api, item)));
    },

    async restore(items) {
      checkBulk(PLATFORM, 'restore', items.length, BULK.restore);
      return eachItem(items, (item) => run(item, () => restoreCampaign(api, item)));
    },

    async inspect(items) {
      checkBulk(PLATFORM, 'inspect', items.length, BULK.inspect);
      const observations: Observation[] = [];
      for (const item of items) {
        const id = campaignIdOf(item.externalId);
        const campaign = id === null ? null : await getEmailCampaign(api, id);
        observations.push(campaign ? toObservation(campaign) : notFoundObservation(item.externalId));
      }
      return observations;
    },

    quota: (need) => Promise.resolve(quotaForecast(need, { perHour: REQUESTS_PER_HOUR[tier], pageSize: scope.pageSize, now: api.clock.now() })),
  };
}

function run(item: ItemRef, operation: () => Promise<Outcome>): Promise<Outcome> {
  const found = operationFor(PLATFORM, item, { [OBJECT_TYPE]: operation });
  return typeof found === 'function' ? found() : Promise.resolve(found);
}

async function suspendCampaign(api: BrevoApi, item: ItemRef): Promise<Outcome> {
  const id = campaignIdOf(item.externalId);
  if (id === null) return refused(item.externalId, `suspend ${item.externalId}: not a Brevo campaign id`);
  try {
    await updateCampaignStatus(api, id, 'suspended');
  } catch (error) {
    // Brevo refuses to suspend what is not scheduled. After a lost answer our own earlier call
    // may be why: a campaign that reads `suspended` now is suspended, whoever did it last.
    if (!(error instanceof AdapterError) || error.code !== 'invalid_state') throw error;
    const now = await getEmailCampaign(api, id);
    if (now?.status !== SUSPENDED_STATUS) throw error;
    return ok(item.externalId, SUSPENDED_STATUS, { note: 'already suspended' });
  }
  return ok(item.externalId, SUSPENDED_STATUS);
}
