// Loose zod schemas of Klaviyo's JSON:API answers (revision 2026-07-15): only what we read is
// named, everything else passes through. Vendor field names stay in this folder.
// https://developers.klaviyo.com/en/reference/api_overview
import { z } from 'zod';

/** `send_strategy` of a campaign: static, throttled, immediate, smart_send_time, ab_test_campaign. */
export const sendStrategySchema = z.looseObject({
  method: z.string(),
  datetime: z.string().nullish(),
  date: z.string().nullish(),
  throttle_percentage: z.number().nullish(),
  options: z.looseObject({ is_local: z.boolean().optional(), send_past_recipients_immediately: z.boolean().optional() }).nullish(),
});
export type SendStrategy = z.infer<typeof sendStrategySchema>;

export const campaignSchema = z.looseObject({
  type: z.literal('campaign'),
  id: z.string(),
  attributes: z.looseObject({
    name: z.string(),
    status: z.string(),
    archived: z.boolean().optional(),
    audiences: z.looseObject({ included: z.array(z.string()), excluded: z.array(z.string()).nullish() }).optional(),
    send_options: z.record(z.string(), z.unknown()).nullish(),
    tracking_options: z.record(z.string(), z.unknown()).nullish(),
    send_strategy: sendStrategySchema.nullish(),
    scheduled_at: z.string().nullish(),
    send_time: z.string().nullish(),
  }),
  relationships: z.looseObject({ 'campaign-messages': z.looseObject({ data: z.array(z.looseObject({ id: z.string() })).optional() }).optional() }).optional(),
});
export type Campaign = z.infer<typeof campaignSchema>;

/** A campaign's message, as `include=campaign-messages` adds it to a list's `included`. */
export const campaignMessageSchema = z.looseObject({
  type: z.literal('campaign-message'),
  id: z.string(),
  attributes: z.looseObject({
    definition: z
      .looseObject({
        channel: z.string().optional(),
        content: z.looseObject({ subject: z.string().nullish(), preview_text: z.string().nullish(), from_email: z.string().nullish(), from_label: z.string().nullish() }).nullish(),
      })
      .nullish(),
  }),
});
export type CampaignMessage = z.infer<typeof campaignMessageSchema>;

export const flowSchema = z.looseObject({
  type: z.literal('flow'),
  id: z.string(),
  attributes: z.looseObject({
    name: z.string().nullish(),
    status: z.string().nullish(),
    archived: z.boolean().nullish(),
    trigger_type: z.string().nullish(),
  }),
});
export type Flow = z.infer<typeof flowSchema>;

const collectionLinks = z.looseObject({ self: z.string().optional(), next: z.string().nullish() });

export const campaignListSchema = z.looseObject({ data: z.array(campaignSchema), links: collectionLinks.optional(), included: z.array(z.looseObject({ type: z.string(), id: z.string() })).optional() });
export const campaignDocumentSchema = z.looseObject({ data: campaignSchema });
export const flowListSchema = z.looseObject({ data: z.array(flowSchema), links: collectionLinks.optional() });
export const flowDocumentSchema = z.looseObject({ data: flowSchema });
export const sendJobSchema = z.looseObject({
  data: z.looseObject({ type: z.literal('campaign-send-job'), id: z.string(), attributes: z.looseObject({ status: z.string() }) }),
});

/**
 * https://developers.klaviyo.com/en/docs/rate_limits_and_error_handling — `{errors: [{id, code,
 * title, detail, source: {pointer, parameter}}]}`. Klaviyo's answers also carry `status` in each
 * error; the 2026-07-15 description does not name it, so it is read when there, never required.
 */
export const errorsSchema = z.looseObject({
  errors: z.array(
    z.looseObject({
      id: z.string().optional(),
      status: z.union([z.number(), z.string()]).optional(),
      code: z.string().optional(),
      title: z.string().optional(),
      detail: z.string().optional(),
    }),
  ),
});
export type KlaviyoErrors = z.infer<typeof errorsSchema>;
