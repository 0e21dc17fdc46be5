// Brevo ⇄ domain. The one place that turns a vendor campaign into a LiveItem, an Observation and
// a snapshot, and THE fingerprint projection shared with the simulator.
import { z } from 'zod';
import { fingerprint } from '../kit/fingerprint.js';
import type { Capability, JsonObject, LiveItem, Observation } from '../types.js';
import type { Campaign } from './schemas.js';

export const OBJECT_TYPE = 'campaign';
export const CAPABILITY: Capability = { kind: 'email', method: 'status', objectType: OBJECT_TYPE };
/** The one status in which Brevo sends a campaign by itself: scheduled. */
export const LIVE_STATUS = 'queued';
/** What our suspension leaves: Brevo's own word, and the status a person's suspension leaves too. */
export const SUSPENDED_STATUS = 'suspended';

const TITLE_LENGTH = 80;

/**
 * THE fingerprint projection: everything a restore must find unchanged — names, subjects, sender,
 * content, audience, A/B settings — and nothing Brevo changes by itself (status, times, stats,
 * share link, modifiedAt). Empty values are dropped, so "" and absent read the same.
 */
export function contentOf(campaign: Campaign): JsonObject {
  const content: JsonObject = {};
  const put = (key: string, value: unknown) => {
    if (value === undefined || value === null || value === '') return;
    content[key] = value as JsonObject[string];
  };
  put('type', campaign.type);
  put('name', campaign.name);
  put('subject', campaign.subject);
  put('previewText', campaign.previewText);
  if (campaign.sender) put('sender', { ...(campaign.sender.name ? { name: campaign.sender.name } : {}), ...(campaign.sender.email ? { email: campaign.sender.email } : {}) });
  put('replyTo', campaign.replyTo);
  put('toField', campaign.toField);
  put('header', campaign.header);
  put('footer', campaign.footer);
  put('htmlContent', campaign.htmlContent);
  put('tag', campaign.tag);
  put('lists', [...(campaign.recipients?.lists ?? [])].sort((a, b) => a - b));
  put('exclusionLists', [...(campaign.recipients?.exclusionLists ?? [])].sort((a, b) => a - b));
  if (campaign.abTesting) {
    put('abTesting', true);
    put('subjectA', campaign.subjectA);
    put('subjectB', campaign.subjectB);
    put('splitRule', campaign.splitRule);
    put('winnerCriteria', campaign.winnerCriteria);
    put('winnerDelay', campaign.winnerDelay);
  }
  if (campaign.sendAtBestTime) put('sendAtBestTime', true);
  return content;
}

export function fingerprintOf(campaign: Campaign): string {
  return fingerprint(contentOf(campaign));
}

/** What we store to put a campaign back: its id, the status it had and its send time. */
export const snapshotSchema = z.object({
  campaignId: z.number().int().positive(),
  status: z.literal(LIVE_STATUS),
  /** canonical ISO-8601 UTC */
  scheduledAt: z.string(),
});
export type BrevoSnapshot = z.infer<typeof snapshotSchema>;

/** Brevo times → the contract's one canonical form (`toISOString()`), or null. */
export function canonicalTime(value: string | null | undefined): string | null {
  if (!value) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : new Date(at).toISOString();
}

/** A time as Brevo documents it: "UTC date-time (YYYY-MM-DDTHH:mm:ss.SSSZ)". */
export const toBrevoTime = (at: Date | string): string => new Date(at).toISOString();

/** Our externalId is Brevo's int64 campaign id as a string; anything else names no campaign. */
export function campaignIdOf(externalId: string): number | null {
  if (!/^[1-9]\d{0,15}$/.test(externalId)) return null;
  const id = Number(externalId);
  return Number.isSafeInteger(id) ? id : null;
}

export function titleOf(campaign: Campaign): string {
  const name = campaign.name.replace(/\s+/g, ' ').trim() || `Campaign ${campaign.id}`;
  return name.length <= TITLE_LENGTH ? name : `${name.slice(0, TITLE_LENGTH - 1).trimEnd()}…`;
}

export const isLive = (campaign: Campaign): boolean => campaign.status === LIVE_STATUS;

export function toLiveItem(campaign: Campaign): LiveItem {
  const scheduledAt = canonicalTime(campaign.scheduledAt);
  const snapshot: BrevoSnapshot = { campaignId: campaign.id, status: LIVE_STATUS, scheduledAt: scheduledAt ?? '' };
  return {
    externalId: String(campaign.id),
    kind: 'email',
    method: 'status',
    objectType: OBJECT_TYPE,
    title: titleOf(campaign),
    status: campaign.status,
    scheduledAt,
    fingerprint: fingerprintOf(campaign),
    snapshot: snapshot as unknown as JsonObject,
  };
}

export function toObservation(campaign: Campaign): Observation {
  return {
    externalId: String(campaign.id),
    found: true,
    live: isLive(campaign),
    status: campaign.status,
    fingerprint: fingerprintOf(campaign),
    scheduledAt: canonicalTime(campaign.scheduledAt),
  };
}

export function notFoundObservation(externalId: string): Observation {
  return { externalId, found: false, live: false, status: null, fingerprint: null, scheduledAt: null };
}

/**
 * Our own margin before a restored send time: Brevo documents no minimum lead for `scheduledAt`,
 * only that it is the time "on which the campaign has to run"; 10 minutes leaves Brevo time to
 * prepare the send (and a person time to look at the schedule after a resume).
 */
export const MIN_LEAD_MS = 10 * 60_000;
