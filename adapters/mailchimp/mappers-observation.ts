// What inspect reports of a Mailchimp object: the core compares it with the status our suspension
// left (the suspend outcome's) and the fingerprint it listed, and calls any difference drift.
import type { Observation } from '../types.js';
import { automationFingerprint, automationIsLive, campaignFingerprint, campaignIsLive, campaignScheduledAt, FINGERPRINT_SETTINGS } from './mappers.js';
import type { Automation, AutomationEmail, Campaign } from './schemas.js';

/**
 * The one status we report for a one-off campaign that is unscheduled: Mailchimp may show it
 * `save` or `paused` after `actions/unschedule` (undocumented, see README "save or paused"), and
 * both mean the same to us — not scheduled, not sent, goes out only if a person schedules or
 * sends it. The suspend outcome says this status, and inspect reports either as this status, so a
 * campaign we left unscheduled is never taken for drift, whichever Mailchimp shows.
 */
export const UNSCHEDULED = 'save';

/** Mailchimp's statuses of an unscheduled one-off campaign (the list filters we read them back with). */
export const UNSCHEDULED_STATES = ['save', 'paused'] as const;

export const isUnscheduled = (status: string): boolean => (UNSCHEDULED_STATES as readonly string[]).includes(status);

/**
 * The status we report: an unscheduled one-off campaign's is `UNSCHEDULED`. An RSS campaign's
 * `paused` is a real pause (ours: `actions/pause`), never folded into anything.
 */
export const reportedStatus = (c: Pick<Campaign, 'type' | 'status'>): string => (c.type !== 'rss' && isUnscheduled(c.status) ? UNSCHEDULED : c.status);

/**
 * What a list page must show of each campaign for its observation to equal the one a full read
 * gives (`fields`, dot paths): what `campaignObservation` reads, the fingerprint's projection
 * among it. Everything else — `_links`, tracking, report summaries — is most of a campaign's bytes.
 */
export const OBSERVED_CAMPAIGN_FIELDS: readonly string[] = [
  'id',
  'type',
  'status',
  'send_time',
  'recipients.list_id',
  'recipients.segment_opts',
  ...FINGERPRINT_SETTINGS.map((key) => `settings.${key}`),
  'settings.timewarp',
  'rss_opts',
];

export function campaignObservation(c: Campaign): Observation {
  return { externalId: c.id, found: true, live: campaignIsLive(c), status: reportedStatus(c), fingerprint: campaignFingerprint(c), scheduledAt: campaignScheduledAt(c) };
}

export function automationObservation(a: Automation, emails: readonly AutomationEmail[]): Observation {
  return { externalId: a.id, found: true, live: automationIsLive(a), status: a.status, fingerprint: automationFingerprint(a, emails), scheduledAt: null };
}

export const notFound = (externalId: string): Observation => ({ externalId, found: false, live: false, status: null, fingerprint: null, scheduledAt: null });
