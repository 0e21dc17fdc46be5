// Mailchimp objects ⇄ domain items. The fingerprint projections here are THE ones: the adapter
// and the simulator both call them, so a listed fingerprint equals the sandbox's.
import { z } from 'zod';
import { fingerprint } from '../kit/fingerprint.js';
import type { Capability, ItemRef, JsonObject, LiveItem } from '../types.js';
import type { Automation, AutomationEmail, Campaign } from './schemas.js';
import { canonicalTime, MIN_LEAD_MS, TIMEWARP_LEAD_MS } from './mappers-time.js';

export const CAPABILITIES = {
  campaign: { kind: 'email', method: 'unschedule', objectType: 'campaign' },
  rss: { kind: 'email', method: 'status', objectType: 'rss-campaign' },
  automation: { kind: 'email', method: 'status', objectType: 'automation' },
} as const satisfies Record<string, Capability>;

/**
 * One-off campaign types we unschedule and schedule again. `variate` is included although
 * Mailchimp says a multivariate campaign testing send times uses `send` rather than `schedule`:
 * a red alert must stop it all the same, and should the schedule be refused on resume, the item
 * fails visibly for a person to send from Mailchimp, instead of going out during the crisis.
 */
export const SCHEDULABLE_TYPES: readonly string[] = ['regular', 'plaintext', 'absplit', 'variate'];

// ---- fingerprint projections: content a restore must preserve, never status, time or id ----

/** The campaign settings a fingerprint covers (a list page asks for exactly these: mappers-observation.ts). */
export const FINGERPRINT_SETTINGS = ['subject_line', 'preview_text', 'title', 'from_name', 'reply_to', 'to_name', 'template_id'] as const;

export function campaignContent(c: Campaign): unknown {
  const s = c.settings ?? {};
  return {
    type: c.type,
    recipients: { list_id: c.recipients?.list_id ?? null, segment_opts: c.recipients?.segment_opts ?? null },
    settings: Object.fromEntries(FINGERPRINT_SETTINGS.map((key) => [key, s[key] ?? null])),
    // Batch delivery is not shown on the campaign object, so it cannot be part of this.
    timewarp: s.timewarp ?? false,
    rss_opts: c.type === 'rss' ? (c.rss_opts ?? null) : null,
  };
}

export function automationContent(a: Automation, emails: readonly AutomationEmail[]): unknown {
  return {
    settings: { title: a.settings?.title ?? null, from_name: a.settings?.from_name ?? null, reply_to: a.settings?.reply_to ?? null },
    recipients: {
      list_id: a.recipients?.list_id ?? null,
      store_id: a.recipients?.store_id ?? null,
      segment_opts: a.recipients?.segment_opts ?? null,
    },
    trigger_settings: a.trigger_settings ?? null,
    emails: sortEmails(emails).map((e) => ({ id: e.id, subject_line: e.settings?.subject_line ?? null })),
  };
}

export const campaignFingerprint = (c: Campaign): string => fingerprint(campaignContent(c));
export const automationFingerprint = (a: Automation, emails: readonly AutomationEmail[]): string =>
  fingerprint(automationContent(a, emails));

export function sortEmails<T extends { position?: number | undefined; id: string }>(emails: readonly T[]): T[] {
  return [...emails].sort((a, b) => (a.position ?? 0) - (b.position ?? 0) || a.id.localeCompare(b.id));
}

// ---- liveness: what a pause can still stop ----

/**
 * A one-off campaign is live while `schedule`. Once `sending` it is past stopping by unscheduling:
 * so is a Timewarp campaign from 14 hours before its `schedule_time`, when Mailchimp starts sending
 * it to the earliest time zones and shows it `sending` (see README, "Timewarp").
 */
export function campaignIsLive(c: Pick<Campaign, 'type' | 'status'>): boolean {
  return c.status === 'schedule' || (c.type === 'rss' && c.status === 'sending');
}

export const automationIsLive = (a: Pick<Automation, 'status'>): boolean => a.status === 'sending';

/** A campaign's scheduled time: `send_time` only means "scheduled" while the status is `schedule`. */
export const campaignScheduledAt = (c: Campaign): string | null => (c.status === 'schedule' ? canonicalTime(c.send_time) : null);

// ---- snapshots: opaque to the core, parsed here whenever they come back ----

export const campaignSnapshotSchema = z.object({
  objectType: z.literal('campaign'),
  id: z.string(),
  type: z.string(),
  sendTime: z.string(),
  /** re-supplied on schedule: the schedule action decides Timewarp afresh */
  timewarp: z.boolean(),
  listId: z.string().nullable(),
});
export const rssSnapshotSchema = z.object({ objectType: z.literal('rss-campaign'), id: z.string(), listId: z.string().nullable() });
export const automationSnapshotSchema = z.object({
  objectType: z.literal('automation'),
  id: z.string(),
  listId: z.string().nullable(),
  emails: z.array(z.object({ id: z.string(), status: z.string() })),
});
export type CampaignSnapshot = z.infer<typeof campaignSnapshotSchema>;

/** How far ahead a restore must be: Timewarp campaigns 24 hours, anything else our 5 minutes. */
export function leadTimeMs(item: Pick<ItemRef, 'snapshot'>): number {
  const snapshot = campaignSnapshotSchema.safeParse(item.snapshot);
  return snapshot.success && snapshot.data.timewarp ? TIMEWARP_LEAD_MS : MIN_LEAD_MS;
}
export type AutomationSnapshot = z.infer<typeof automationSnapshotSchema>;

const titleOf = (c: Campaign): string => c.settings?.title || c.settings?.subject_line || `campaign ${c.id}`;

export function campaignToLiveItem(c: Campaign): LiveItem {
  const rss = c.type === 'rss';
  const snapshot: JsonObject = rss
    ? { objectType: 'rss-campaign', id: c.id, listId: c.recipients?.list_id ?? null }
    : {
        objectType: 'campaign',
        id: c.id,
        type: c.type,
        sendTime: canonicalTime(c.send_time) ?? '',
        timewarp: c.settings?.timewarp ?? false,
        listId: c.recipients?.list_id ?? null,
      };
  return {
    externalId: c.id,
    ...(rss ? CAPABILITIES.rss : CAPABILITIES.campaign),
    title: titleOf(c),
    status: c.status,
    scheduledAt: campaignScheduledAt(c),
    fingerprint: campaignFingerprint(c),
    snapshot,
  };
}

export function automationToLiveItem(a: Automation, emails: readonly AutomationEmail[]): LiveItem {
  const trigger = a.trigger_settings as { workflow_title?: unknown } | null | undefined;
  const title = a.settings?.title || (typeof trigger?.workflow_title === 'string' ? trigger.workflow_title : '') || `automation ${a.id}`;
  return {
    externalId: a.id,
    ...CAPABILITIES.automation,
    title,
    status: a.status,
    scheduledAt: null,
    fingerprint: automationFingerprint(a, emails),
    snapshot: {
      objectType: 'automation',
      id: a.id,
      listId: a.recipients?.list_id ?? null,
      emails: sortEmails(emails).map((e) => ({ id: e.id, status: e.status })),
    },
  };
}
