// Klaviyo objects ⇄ domain items. The fingerprint projections here are THE ones: the adapter
// and the simulator both call them, so a listed fingerprint equals the sandbox's.
import { z } from 'zod';
import { fingerprint } from '../kit/fingerprint.js';
import type { Capability, JsonObject, LiveItem, Observation } from '../types.js';
import type { Campaign, CampaignMessage, Flow, SendStrategy } from './schemas.js';

export const CAPABILITIES = {
  campaign: { kind: 'email', method: 'unschedule', objectType: 'campaign' },
  flow: { kind: 'email', method: 'status', objectType: 'flow' },
} as const satisfies Record<string, Capability>;

/**
 * Statuses of a campaign a pause can still stop by reverting its send job. "Preparing to schedule"
 * is the moment between a send job's creation and `Scheduled`. From "Preparing to send" on,
 * recipients are being queued: too late to revert as a pause (the send job is then cancelled
 * only, which is irreversible: invariant 9).
 */
export const LIVE_CAMPAIGN_STATUSES = ['Scheduled', 'Preparing to schedule'] as const;
export const DRAFT = 'Draft';
export const LIVE_FLOW = 'live';
export const PAUSED_FLOW = 'manual';

export const campaignIsLive = (c: Campaign): boolean => (LIVE_CAMPAIGN_STATUSES as readonly string[]).includes(c.attributes.status) && c.attributes.archived !== true;
export const flowIsLive = (f: Flow): boolean => f.attributes.status === LIVE_FLOW && f.attributes.archived !== true;

/** One canonical form of an instant (Date.prototype.toISOString), or null. */
export function canonicalTime(value: string | null | undefined): string | null {
  if (!value) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : new Date(at).toISOString();
}

/** When a scheduled campaign goes out: its `send_time`, else the strategy's own time. */
export function campaignScheduledAt(c: Campaign): string | null {
  if (!campaignIsLive(c)) return null;
  const s = c.attributes.send_strategy;
  return canonicalTime(c.attributes.send_time) ?? canonicalTime(s?.datetime) ?? canonicalTime(s?.date ? `${s.date}T00:00:00Z` : null);
}

// ---- fingerprint projections: content a restore must preserve, never status, time or id ----

/** What a message contributes: subject, preview and sender (the body is a template we do not read). */
export function messageContent(m: CampaignMessage): unknown {
  const content = m.attributes.definition?.content;
  return { id: m.id, subject: content?.subject ?? null, preview_text: content?.preview_text ?? null, from_email: content?.from_email ?? null, from_label: content?.from_label ?? null };
}

export function campaignContent(c: Campaign, messages: readonly CampaignMessage[]): unknown {
  const a = c.attributes;
  const s = a.send_strategy;
  return {
    messages: [...messages].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)).map(messageContent),
    name: a.name,
    audiences: { included: [...(a.audiences?.included ?? [])].sort(), excluded: [...(a.audiences?.excluded ?? [])].sort() },
    send_options: a.send_options ?? null,
    tracking_options: a.tracking_options ?? null,
    // The way it goes out, not when: a time changed while suspended is the core's business.
    strategy: s ? { method: s.method, options: s.options ?? null, throttle_percentage: s.throttle_percentage ?? null } : null,
  };
}

export const flowContent = (f: Flow): unknown => ({ name: f.attributes.name ?? null, trigger_type: f.attributes.trigger_type ?? null });

export const campaignFingerprint = (c: Campaign, messages: readonly CampaignMessage[]): string => fingerprint(campaignContent(c, messages));
export const flowFingerprint = (f: Flow): string => fingerprint(flowContent(f));

// ---- snapshots: opaque to the core, parsed here whenever they come back ----

export const strategySnapshotSchema = z.object({
  method: z.enum(['static', 'throttled', 'smart_send_time', 'ab_test_campaign', 'immediate']),
  isLocal: z.boolean().nullable(),
  sendPastRecipientsImmediately: z.boolean().nullable(),
  throttlePercentage: z.number().nullable(),
});
/**
 * How far ahead a restored send time must be. Klaviyo's UI lets a campaign be rescheduled or
 * edited only more than 15 minutes before its time (README, facts settled); a local-time send
 * starts 14 hours before its time, in the first time zone (UTC+14), so it needs those hours too.
 */
export const MIN_LEAD_MS = 15 * 60_000;
export const LOCAL_LEAD_MS = 14 * 3_600_000 + MIN_LEAD_MS;

export function leadTimeMs(item: { snapshot: JsonObject }): number {
  const snapshot = campaignSnapshotSchema.safeParse(item.snapshot);
  return snapshot.success && snapshot.data.strategy.isLocal === true ? LOCAL_LEAD_MS : MIN_LEAD_MS;
}

export const campaignSnapshotSchema = z.object({ objectType: z.literal('campaign'), id: z.string(), sendTime: z.string(), strategy: strategySnapshotSchema });
export const flowSnapshotSchema = z.object({ objectType: z.literal('flow'), id: z.string(), status: z.string() });
export type StrategySnapshot = z.infer<typeof strategySnapshotSchema>;

function strategySnapshot(s: SendStrategy | null | undefined): JsonObject {
  return {
    method: s?.method ?? 'static',
    isLocal: s?.options?.is_local ?? null,
    sendPastRecipientsImmediately: s?.options?.send_past_recipients_immediately ?? null,
    throttlePercentage: s?.throttle_percentage ?? null,
  };
}

export function campaignToLiveItem(c: Campaign, messages: readonly CampaignMessage[]): LiveItem {
  const scheduledAt = campaignScheduledAt(c);
  return {
    externalId: c.id,
    ...CAPABILITIES.campaign,
    title: c.attributes.name || `campaign ${c.id}`,
    status: c.attributes.status,
    scheduledAt,
    fingerprint: campaignFingerprint(c, messages),
    snapshot: { objectType: 'campaign', id: c.id, sendTime: scheduledAt ?? '', strategy: strategySnapshot(c.attributes.send_strategy) },
  };
}

export function flowToLiveItem(f: Flow): LiveItem {
  return {
    externalId: f.id,
    ...CAPABILITIES.flow,
    title: f.attributes.name || `flow ${f.id}`,
    status: f.attributes.status ?? '',
    scheduledAt: null,
    fingerprint: flowFingerprint(f),
    snapshot: { objectType: 'flow', id: f.id, status: f.attributes.status ?? LIVE_FLOW },
  };
}

export const campaignObservation = (c: Campaign, messages: readonly CampaignMessage[]): Observation => ({
  externalId: c.id,
  found: true,
  live: campaignIsLive(c),
  status: c.attributes.status,
  fingerprint: campaignFingerprint(c, messages),
  scheduledAt: campaignScheduledAt(c),
});

export const flowObservation = (f: Flow): Observation => ({
  externalId: f.id,
  found: true,
  live: flowIsLive(f),
  status: f.attributes.status ?? null,
  fingerprint: flowFingerprint(f),
  scheduledAt: null,
});

export const notFound = (externalId: string): Observation => ({ externalId, found: false, live: false, status: null, fingerprint: null, scheduledAt: null });
