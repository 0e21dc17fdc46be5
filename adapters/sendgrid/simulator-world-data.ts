// The simulator world's data, as zod schemas: the one description of what a world holds, what
// `exportData` writes and what `load` accepts back. A Single Send is held in SendGrid's own shape
// (`singlesend_response` of the vendor's description, plus the list fields of
// `singlesend_response_short`: is_abtest, abtest).
import { z } from 'zod';
import { SINGLE_SEND_STATUSES } from './schemas.js';

export const simSingleSendSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(SINGLE_SEND_STATUSES),
  categories: z.array(z.string()),
  /** ISO 8601; kept on a draft whose schedule was deleted ("no effect while draft") */
  send_at: z.string().nullable(),
  send_to: z.object({ list_ids: z.array(z.string()), segment_ids: z.array(z.string()), all: z.boolean() }),
  email_config: z.object({
    subject: z.string(),
    html_content: z.string(),
    plain_content: z.string(),
    generate_plain_content: z.boolean(),
    design_id: z.string().nullable(),
    editor: z.enum(['code', 'design']),
    suppression_group_id: z.number().int().nullable(),
    custom_unsubscribe_url: z.string().nullable(),
    sender_id: z.number().int().nullable(),
    ip_pool: z.string().nullable(),
  }),
  is_abtest: z.boolean(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type SimSingleSend = z.infer<typeof simSingleSendSchema>;

/**
 * What the API key may do on Marketing Campaigns (SendGrid's API key permissions): `full` reads
 * and schedules, `read` only reads (writes answer 403), `none` answers 403 to everything.
 */
export const ACCESS = ['full', 'read', 'none'] as const;
export type Access = (typeof ACCESS)[number];

export const worldDataSchema = z.object({
  singleSends: z.array(simSingleSendSchema),
  access: z.enum(ACCESS),
  nextId: z.number().int().min(0),
  idSalt: z.string(),
});
