// Loose schemas of the Graph API answers we read. Extra fields Meta adds never fail a parse;
// only what the adapter relies on is required.
import { z } from 'zod';

// Graph's error body is read by the kit (adapters/kit/graph-errors.ts).

/** The Campaign node (specs/meta/Campaign.json): only the fields we request. */
export const campaignSchema = z.looseObject({
  id: z.string(),
  account_id: z.string().optional(),
  name: z.string().optional(),
  objective: z.string().optional(),
  /** own, writable status: ACTIVE | PAUSED | DELETED | ARCHIVED (a string: Meta may add values) */
  status: z.string(),
  configured_status: z.string().optional(),
  effective_status: z.string().optional(),
  daily_budget: z.string().optional(),
  lifetime_budget: z.string().optional(),
  spend_cap: z.string().optional(),
  bid_strategy: z.string().optional(),
  start_time: z.string().optional(),
  stop_time: z.string().optional(),
  special_ad_categories: z.array(z.string()).optional(),
  updated_time: z.string().optional(),
});
export type Campaign = z.infer<typeof campaignSchema>;

/** Cursor paging: https://developers.facebook.com/docs/graph-api/results */
export const campaignPageSchema = z.looseObject({
  data: z.array(campaignSchema),
  paging: z
    .looseObject({
      cursors: z.looseObject({ before: z.string().optional(), after: z.string().optional() }).optional(),
      next: z.string().optional(),
    })
    .optional(),
});
export type CampaignPage = z.infer<typeof campaignPageSchema>;

/** Multiple-id read (`GET /?ids=a,b`): an object keyed by id. */
export const campaignsByIdSchema = z.record(z.string(), campaignSchema);

export const adAccountSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  account_status: z.number().optional(),
});


/**
 * `X-Ad-Account-Usage`: `{"acc_id_util_pct":9.67,"reset_time_duration":100,
 * "ads_api_access_tier":"standard_access"}` — the share of the ad account's points used, the
 * SECONDS until the score resets (or a block lifts), and the app's tier
 * (https://developers.facebook.com/docs/graph-api/overview/rate-limiting, headers).
 */
export const adAccountUsageSchema = z.looseObject({
  acc_id_util_pct: z.coerce.number().optional(),
  reset_time_duration: z.coerce.number().optional(),
  ads_api_access_tier: z.string().optional(),
});

/**
 * `X-Business-Use-Case-Usage`: keyed by business or ad account id, a list of
 * `{type, call_count, total_cputime, total_time, estimated_time_to_regain_access}`, the last in
 * MINUTES (same page).
 */
export const businessUseCaseUsageSchema = z.record(
  z.string(),
  z.array(
    z.looseObject({
      type: z.string().optional(),
      call_count: z.coerce.number().optional(),
      estimated_time_to_regain_access: z.coerce.number().optional(),
      ads_api_access_tier: z.string().optional(),
    }),
  ),
);
