// Loose schemas of the Google Ads REST answers we read (JSON names are the protos' lowerCamelCase).
// Extra fields Google adds never fail a parse; only what the adapter relies on is required.
import { z } from 'zod';

/** GoogleAdsError (errors/errors.proto): one error, its code as `{"<category>Error": "<ENUM>"}`. */
export const googleAdsErrorSchema = z.looseObject({
  errorCode: z.record(z.string(), z.unknown()).optional(),
  message: z.string().optional(),
  trigger: z.unknown().optional(),
  location: z
    .looseObject({
      fieldPathElements: z.array(z.looseObject({ fieldName: z.string().optional(), index: z.number().optional() })).optional(),
    })
    .optional(),
  details: z
    .looseObject({
      quotaErrorDetails: z.looseObject({ rateScope: z.string().optional(), rateName: z.string().optional(), retryDelay: z.string().optional() }).optional(),
    })
    .optional(),
});
export type GoogleAdsError = z.infer<typeof googleAdsErrorSchema>;

/** `type.googleapis.com/google.ads.googleads.v25.errors.GoogleAdsFailure` in a Status's details. */
export const googleAdsFailureSchema = z.looseObject({
  '@type': z.string().optional(),
  errors: z.array(googleAdsErrorSchema).optional(),
  requestId: z.string().optional(),
});

/** google.rpc.Status: the REST error body's `error`, and a mutate's `partialFailureError`. */
export const rpcStatusSchema = z.looseObject({
  code: z.number().optional(),
  message: z.string().optional(),
  status: z.string().optional(),
  details: z.array(z.unknown()).optional(),
});
export type RpcStatus = z.infer<typeof rpcStatusSchema>;

export const errorBodySchema = z.looseObject({ error: rpcStatusSchema });

/** The Campaign fields we select (resources/campaign.proto); int64 ids come as JSON strings. */
export const campaignSchema = z.looseObject({
  resourceName: z.string(),
  id: z.string().optional(),
  name: z.string().optional(),
  status: z.string().optional(),
  servingStatus: z.string().optional(),
  advertisingChannelType: z.string().optional(),
  biddingStrategyType: z.string().optional(),
  campaignBudget: z.string().optional(),
  startDateTime: z.string().optional(),
  endDateTime: z.string().optional(),
});
export type Campaign = z.infer<typeof campaignSchema>;

/** SearchGoogleAdsResponse: rows, the next page's token (absent on the last page), the field mask. */
export const searchResponseSchema = z.looseObject({
  results: z.array(z.looseObject({ campaign: campaignSchema.optional() })).optional(),
  nextPageToken: z.string().optional(),
  fieldMask: z.string().optional(),
});
export type SearchResponse = z.infer<typeof searchResponseSchema>;

/** MutateCampaignsResponse: one result per operation (empty for a failed one), and the failures. */
export const mutateResponseSchema = z.looseObject({
  results: z.array(z.looseObject({ resourceName: z.string().optional() })).optional(),
  partialFailureError: rpcStatusSchema.optional(),
});
export type MutateResponse = z.infer<typeof mutateResponseSchema>;

/** Google's OAuth token endpoint (https://developers.google.com/identity/protocols/oauth2/web-server#offline). */
export const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  expires_in: z.number().optional(),
  token_type: z.string().optional(),
});
export const tokenErrorSchema = z.looseObject({ error: z.string(), error_description: z.string().optional() });
