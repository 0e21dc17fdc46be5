// Loose zod schemas of the Twilio SendGrid v3 Marketing Single Sends answers we read, and of the
// one body we send. Only the fields we use are named; anything else SendGrid adds passes through
// (z.looseObject). Names and enums: SendGrid's own OpenAPI 3.1 description of the Single Sends API
// (twilio/sendgrid-oai `spec/json/tsg_mc_singlesends_v3.json`, copied in test/specs/sendgrid/).
import { z } from 'zod';

/** `status` of a Single Send (components Status1/2/3): draft | scheduled | triggered. */
export const SINGLE_SEND_STATUSES = ['draft', 'scheduled', 'triggered'] as const;
export type SingleSendStatus = (typeof SINGLE_SEND_STATUSES)[number];

/**
 * Every SendGrid v3 error: `{"errors":[{"field","message","error_id"?}]}`; `field` is null when
 * the error is not about one field (401 "authorization required", 429 "too many requests").
 * https://www.twilio.com/docs/sendgrid/api-reference/how-to-use-the-sendgrid-v3-api/responses
 */
export const errorsSchema = z.looseObject({
  errors: z.array(z.looseObject({ field: z.string().nullish(), message: z.string().nullish(), error_id: z.string().nullish() })),
});
export type SendGridErrors = z.infer<typeof errorsSchema>;

/** `singlesend_response_short`: what the list and search pages show of each Single Send. */
export const singleSendShortSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  status: z.string(),
  categories: z.array(z.string()).nullish(),
  /** the description does not mark it nullable here; drafts may still carry null or leave it out */
  send_at: z.string().nullish(),
  updated_at: z.string().optional(),
});
export type SingleSendShort = z.infer<typeof singleSendShortSchema>;

/** `_metadata`: `next` is the URL of the next page (its `page_token`), absent on the last one. */
export const metadataSchema = z.looseObject({
  self: z.string().optional(),
  next: z.string().nullish(),
  prev: z.string().nullish(),
  count: z.number().int().nonnegative().optional(),
});

export const singleSendPageSchema = z.looseObject({
  result: z.array(singleSendShortSchema),
  _metadata: metadataSchema.optional(),
});

const sendToSchema = z.looseObject({
  list_ids: z.array(z.string()).nullish(),
  segment_ids: z.array(z.string()).nullish(),
  all: z.boolean().nullish(),
});

const emailConfigSchema = z.looseObject({
  subject: z.string().nullish(),
  html_content: z.string().nullish(),
  plain_content: z.string().nullish(),
  generate_plain_content: z.boolean().nullish(),
  design_id: z.string().nullish(),
  editor: z.string().nullish(),
  suppression_group_id: z.number().nullish(),
  custom_unsubscribe_url: z.string().nullish(),
  sender_id: z.number().nullish(),
  ip_pool: z.string().nullish(),
});

/** `singlesend_response`: one Single Send with its content (`GET /v3/marketing/singlesends/{id}`). */
export const singleSendSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  status: z.string(),
  categories: z.array(z.string()).nullish(),
  /** "any `send_at` property value will have no effect while the Single Send `status` is `draft`" */
  send_at: z.string().nullish(),
  send_to: sendToSchema.nullish(),
  email_config: emailConfigSchema.nullish(),
  updated_at: z.string().optional(),
});
export type SingleSend = z.infer<typeof singleSendSchema>;

/** `singlesend-schedule`: the answer of scheduling (201) and of deleting the schedule (200). */
export const scheduleSchema = z.looseObject({ send_at: z.string().nullish(), status: z.string().optional() });

/** The body of `PUT /v3/marketing/singlesends/{id}/schedule`: an ISO 8601 time in the future, or "now". */
export interface ScheduleBody {
  send_at: string;
}
