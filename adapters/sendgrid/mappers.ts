// SendGrid Single Sends ⇄ domain items. The fingerprint projection here is THE one: the adapter
// and the simulator both call it, so a listed fingerprint equals the sandbox's.
import { z } from 'zod';
import { fingerprint } from '../kit/fingerprint.js';
import type { Capability, LiveItem, Observation } from '../types.js';
import type { SingleSend } from './schemas.js';

export const CAPABILITY = { kind: 'email', method: 'unschedule', objectType: 'single-send' } as const satisfies Capability;

/** What a Single Send shows once its schedule is deleted: "back to draft, same id". */
export const UNSCHEDULED = 'draft';
export const SCHEDULED = 'scheduled';

// ---- times ----

/** Our margin for a restore: SendGrid only says "in future or the string `now`" (README). */
export const MIN_LEAD_MS = 5 * 60_000;

/** `send_at` as SendGrid's description writes it (`yyyy-MM-ddTHH:mm:ssZ`), milliseconds only when there are some. */
export function toSendAt(at: Date): string {
  return at.toISOString().replace(/\.000Z$/, 'Z');
}

/** Any ISO 8601 time SendGrid writes, in our one canonical form; null for none or unreadable. */
export function canonicalTime(value: string | null | undefined): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

// ---- the fingerprint projection: content a restore must preserve, never status, time or id ----

export function contentOf(s: Pick<SingleSend, 'name' | 'categories' | 'send_to' | 'email_config'>): unknown {
  const to = s.send_to ?? {};
  const e = s.email_config ?? {};
  return {
    name: s.name ?? null,
    categories: [...(s.categories ?? [])].sort(),
    send_to: { list_ids: [...(to.list_ids ?? [])].sort(), segment_ids: [...(to.segment_ids ?? [])].sort(), all: to.all ?? false },
    email_config: {
      subject: e.subject ?? null,
      html_content: e.html_content ?? null,
      plain_content: e.plain_content ?? null,
      design_id: e.design_id ?? null,
      sender_id: e.sender_id ?? null,
      suppression_group_id: e.suppression_group_id ?? null,
      custom_unsubscribe_url: e.custom_unsubscribe_url ?? null,
      ip_pool: e.ip_pool ?? null,
    },
  };
}

export const singleSendFingerprint = (s: SingleSend): string => fingerprint(contentOf(s));

// ---- liveness ----

/** Live while `scheduled`: `triggered` has gone out (or is going), `draft` sends nothing. */
export const isLive = (s: Pick<SingleSend, 'status'>): boolean => s.status === SCHEDULED;

/** `send_at` means "will go out then" only while scheduled: on drafts it "has no effect". */
export const scheduledAtOf = (s: Pick<SingleSend, 'status' | 'send_at'>): string | null => (isLive(s) ? canonicalTime(s.send_at) : null);

// ---- the snapshot: opaque to the core, parsed here whenever it comes back ----

export const snapshotSchema = z.object({
  objectType: z.literal(CAPABILITY.objectType),
  id: z.string(),
  /** the `send_at` it was scheduled for, canonical ISO: what a restore schedules it at again */
  sendAt: z.string(),
  name: z.string().nullable(),
});
export type SingleSendSnapshot = z.infer<typeof snapshotSchema>;

export function toLiveItem(s: SingleSend): LiveItem {
  const sendAt = scheduledAtOf(s) ?? '';
  return {
    externalId: s.id,
    ...CAPABILITY,
    title: s.name || s.email_config?.subject || `single send ${s.id}`,
    status: s.status,
    scheduledAt: scheduledAtOf(s),
    fingerprint: singleSendFingerprint(s),
    snapshot: { objectType: CAPABILITY.objectType, id: s.id, sendAt, name: s.name ?? null },
  };
}

export function toObservation(s: SingleSend): Observation {
  return { externalId: s.id, found: true, live: isLive(s), status: s.status, fingerprint: singleSendFingerprint(s), scheduledAt: scheduledAtOf(s) };
}

export const notFound = (externalId: string): Observation => ({ externalId, found: false, live: false, status: null, fingerprint: null, scheduledAt: null });
