// Loose schemas of the TikTok API for Business answers we read. Every answer is the envelope
// {code, message, request_id, data}, HTTP 200 even for errors (code != 0): signals.ts reads the
// code, these read `data`. Extra fields TikTok adds never fail a parse.
// https://business-api.tiktok.com/portal/docs?id=1737172488964097 (return codes)
import { z } from 'zod';

export const envelopeSchema = z.looseObject({
  code: z.coerce.number().optional(),
  message: z.string().nullable().optional(),
  request_id: z.string().nullable().optional(),
  data: z.unknown().optional(),
});
export type Envelope = z.infer<typeof envelopeSchema>;

/** A campaign as /campaign/get/ lists it (only the fields we ask for in `fields`). */
export const campaignSchema = z.looseObject({
  campaign_id: z.string(),
  advertiser_id: z.string().optional(),
  campaign_name: z.string().optional(),
  objective_type: z.string().optional(),
  /** the campaign's own switch: ENABLE | DISABLE (DELETE once deleted) */
  operation_status: z.string(),
  /** what TikTok derives: CAMPAIGN_STATUS_ENABLE, …_DISABLE, …_DELETE, …_BUDGET_EXCEED, … */
  secondary_status: z.string().optional(),
  budget: z.coerce.number().nullable().optional(),
  budget_mode: z.string().nullable().optional(),
  budget_optimize_on: z.boolean().nullable().optional(),
  special_industries: z.array(z.string()).nullable().optional(),
  create_time: z.string().optional(),
  modify_time: z.string().optional(),
});
export type Campaign = z.infer<typeof campaignSchema>;

/** `data` of /campaign/get/: page-number paging. */
export const campaignPageSchema = z.looseObject({
  list: z.array(campaignSchema).nullable().optional(),
  page_info: z.looseObject({
    page: z.coerce.number(),
    page_size: z.coerce.number().optional(),
    total_number: z.coerce.number().optional(),
    total_page: z.coerce.number(),
  }),
});
export type CampaignPage = z.infer<typeof campaignPageSchema>;

/**
 * `data` of /campaign/status/update/, as the vendor file's response rule describes it
 * (test/specs/tiktok/smart_plus_campaign_status_update.yml, x-open-rules.response_rule):
 * `campaign_list` (each id updated, with its status after) and `error_list` (each id refused,
 * with why). Older answers carried `campaign_ids` (the ids updated): read as well.
 */
export const statusUpdateSchema = z.looseObject({
  campaign_ids: z.array(z.coerce.string()).nullable().optional(),
  campaign_list: z.array(z.looseObject({ campaign_id: z.coerce.string(), status: z.string().nullable().optional() })).nullable().optional(),
  error_list: z.array(z.looseObject({ campaign_id: z.coerce.string(), error_message: z.string().nullable().optional() })).nullable().optional(),
});
export type StatusUpdate = z.infer<typeof statusUpdateSchema>;
