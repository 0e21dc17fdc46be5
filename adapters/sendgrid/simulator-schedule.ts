// What SendGrid refuses when a Single Send is scheduled, and what deleting a schedule requires.
// Documented: `send_at` is required, "must be in future or the string `now`" in ISO 8601;
// "If [send_to.all] is set to `false`, at least one `list_ids` or `segment_ids` value must be
// provided before the Single Send is scheduled"; "You must provide a `suppression_group_id` or
// the `custom_unsubscribe_url`"; a verified `sender_id`; a subject and content unless a
// `design_id` (the vendor's description, `singlesend_request`). The wording of SendGrid's refusals
// is not documented: these are ours (README).
import { badRequest, type SimError } from './simulator-errors.js';
import type { SimSingleSend } from './simulator-world-data.js';

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** The send time a schedule body asks for (ms since epoch), or the refusal. */
export function sendAtOf(body: unknown, now: number): number | SimError {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return badRequest('send_at', 'send_at is required');
  const sendAt = (body as { send_at?: unknown }).send_at;
  if (sendAt === undefined || sendAt === null) return badRequest('send_at', 'send_at is required');
  if (sendAt === 'now') return now;
  if (typeof sendAt !== 'string' || !ISO_8601.test(sendAt) || Number.isNaN(Date.parse(sendAt))) return badRequest('send_at', 'send_at must be an ISO 8601 date-time or "now"');
  const at = Date.parse(sendAt);
  if (at <= now) return badRequest('send_at', 'send_at must be in the future');
  return at;
}

/** Why this Single Send cannot be scheduled: its state, or what it lacks. */
export function cannotSchedule(s: SimSingleSend): SimError[] {
  if (s.status === 'triggered') return [badRequest('status', 'This Single Send has been triggered and cannot be scheduled')];
  const problems: SimError[] = [];
  const to = s.send_to;
  if (!to.all && to.list_ids.length === 0 && to.segment_ids.length === 0) problems.push(badRequest('send_to', 'at least one list_ids or segment_ids value is required when all is false'));
  const e = s.email_config;
  if (e.sender_id === null) problems.push(badRequest('email_config.sender_id', 'a verified sender_id is required'));
  if (e.suppression_group_id === null && !e.custom_unsubscribe_url) problems.push(badRequest('email_config.suppression_group_id', 'a suppression_group_id or a custom_unsubscribe_url is required'));
  if (e.design_id === null && !e.subject) problems.push(badRequest('email_config.subject', 'a subject is required'));
  if (e.design_id === null && !e.html_content && !e.plain_content) problems.push(badRequest('email_config.html_content', 'content is required'));
  return problems;
}

/** Deleting a schedule: only a scheduled Single Send has one. */
export const notScheduled = (s: SimSingleSend): SimError | null =>
  s.status === 'scheduled' ? null : { status: 404, message: `This Single Send is not scheduled (status ${s.status})` };
