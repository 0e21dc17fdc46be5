// Loose schemas of the LinkedIn Marketing API answers we read. Extra fields LinkedIn adds never
// fail a parse; only what the adapter relies on is required.
// https://learn.microsoft.com/en-us/linkedin/marketing/integrations/ads/account-structure/create-and-manage-campaigns
import { z } from 'zod';

/**
 * Rest.li error body: `{status, serviceErrorCode, code?, message}` — also each value of a batch
 * answer's `errors` map. https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/error-handling
 */
export const restliErrorSchema = z.looseObject({
  status: z.number().optional(),
  serviceErrorCode: z.number().optional(),
  code: z.string().optional(),
  message: z.string().optional(),
});
export type RestliError = z.infer<typeof restliErrorSchema>;

const money = z.looseObject({ amount: z.string(), currencyCode: z.string() });

/** The AdCampaign entity: only the fields we read (names as LinkedIn spells them). */
export const campaignSchema = z.looseObject({
  id: z.number(),
  /** urn:li:sponsoredAccount:{id} */
  account: z.string(),
  campaignGroup: z.string().optional(),
  name: z.string().optional(),
  /** ACTIVE | PAUSED | ARCHIVED | COMPLETED | CANCELED | DRAFT | PENDING_DELETION | REMOVED (a string: LinkedIn may add values) */
  status: z.string(),
  type: z.string().optional(),
  costType: z.string().optional(),
  objectiveType: z.string().optional(),
  unitCost: money.optional(),
  dailyBudget: money.optional(),
  totalBudget: money.optional(),
  /** epoch milliseconds; `end` exclusive and optional */
  runSchedule: z.looseObject({ start: z.number(), end: z.number().optional() }).optional(),
  targetingCriteria: z.unknown().optional(),
  servingStatuses: z.array(z.string()).optional(),
});
export type Campaign = z.infer<typeof campaignSchema>;

/** A search finder's page: cursor paging (`metadata.nextPageToken`, absent on the last page). */
export const campaignSearchPageSchema = z.looseObject({
  elements: z.array(campaignSchema),
  metadata: z.looseObject({ nextPageToken: z.string().optional() }).optional(),
});
export type CampaignSearchPage = z.infer<typeof campaignSearchPageSchema>;

/** BATCH_GET: found entities under `results`, the others under `errors` (404), keyed by id. */
export const campaignBatchGetSchema = z.looseObject({
  results: z.record(z.string(), campaignSchema),
  statuses: z.record(z.string(), z.number()).optional(),
  errors: z.record(z.string(), restliErrorSchema).optional(),
});

/** BATCH_PARTIAL_UPDATE: `{results: {id: {status: 204}}, errors: {id: {status, message…}}}`. */
export const batchUpdateSchema = z.looseObject({
  results: z.record(z.string(), z.looseObject({ status: z.number() })).optional(),
  errors: z.record(z.string(), restliErrorSchema).optional(),
});
export type BatchUpdate = z.infer<typeof batchUpdateSchema>;

/** The AdAccount entity (checkCredentials reads one). */
export const adAccountSchema = z.looseObject({ id: z.number(), name: z.string().optional(), status: z.string().optional() });
