// The simulator's records and the JSON Mailchimp shows for them (field names and enums from
// https://mailchimp.com/developer/marketing/api/campaigns/ and …/api/automation/).
import type { Automation, AutomationEmail, Campaign } from './schemas.js';

export const CAMPAIGN_STATUSES = ['save', 'paused', 'schedule', 'sending', 'sent', 'canceled', 'canceling', 'archived'] as const;
export const CAMPAIGN_TYPES = ['regular', 'plaintext', 'absplit', 'rss', 'variate'] as const;
export const EMAIL_STATUSES = ['save', 'paused', 'sending'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

export interface BatchDelivery {
  batch_count: number;
  batch_delay: number;
}

export interface SimCampaign {
  id: string;
  webId: number;
  type: CampaignType;
  status: CampaignStatus;
  createTime: string;
  /** ISO; the scheduled time while `schedule`, the send time once sent, null on drafts */
  sendTime: string | null;
  listId: string;
  listName: string;
  recipientCount: number;
  segmentOpts: Record<string, unknown> | null;
  settings: {
    title: string;
    subject_line: string;
    preview_text: string;
    from_name: string;
    reply_to: string;
    to_name: string;
    template_id: number;
    timewarp: boolean;
  };
  rssOpts: Record<string, unknown> | null;
  /** Accepted by the schedule action but never shown on the campaign object: kept apart. */
  batchDelivery: BatchDelivery | null;
  emailsSent: number;
}

export interface SimEmail {
  id: string;
  webId: number;
  position: number;
  status: EmailStatus;
  subjectLine: string;
  title: string;
  previewText: string;
  delay: { amount: number; type: 'now' | 'day' | 'hour' | 'week'; direction: 'after'; action: string };
}

export interface SimAutomation {
  id: string;
  createTime: string;
  startTime: string;
  listId: string;
  listName: string;
  settings: { title: string; from_name: string; reply_to: string; to_name: string };
  trigger: { workflow_type: string; workflow_title: string };
  /** never started: the workflow shows `save` */
  draft: boolean;
  emails: SimEmail[];
}

/** Workflow status: `sending` while any email sends, `paused` once none does. */
export function automationStatus(a: SimAutomation): EmailStatus {
  if (a.draft) return 'save';
  return a.emails.some((e) => e.status === 'sending') ? 'sending' : 'paused';
}

// Mailchimp writes `2026-11-21T10:15:00+00:00`, and `""` for no time.
const mcTime = (iso: string | null): string => (iso ? new Date(iso).toISOString().replace(/\.\d{3}Z$/, '+00:00') : '');

type Links = Array<{ rel: string; href: string; method: string }>;
const links = (base: string, actions: string[]): Links => [
  { rel: 'self', href: base, method: 'GET' },
  ...actions.map((a) => ({ rel: a, href: `${base}/actions/${a}`, method: 'POST' })),
];

export function campaignJson(c: SimCampaign, origin = ''): Campaign {
  const self = `${origin}/3.0/campaigns/${c.id}`;
  return {
    id: c.id,
    web_id: c.webId,
    type: c.type,
    create_time: mcTime(c.createTime),
    archive_url: `http://eepurl.com/${c.id.slice(0, 6)}`,
    status: c.status,
    emails_sent: c.emailsSent,
    send_time: mcTime(c.sendTime),
    content_type: 'template',
    needs_block_refresh: false,
    resendable: false,
    recipients: {
      list_id: c.listId,
      list_is_active: true,
      list_name: c.listName,
      segment_text: '',
      recipient_count: c.recipientCount,
      ...(c.segmentOpts && { segment_opts: c.segmentOpts }),
    },
    settings: { ...c.settings, use_conversation: false, folder_id: '', authenticate: true, auto_footer: false, inline_css: false, auto_tweet: false, fb_comments: true, drag_and_drop: true },
    tracking: { opens: true, html_clicks: true, text_clicks: false, goal_tracking: false, ecomm360: false, google_analytics: '', clicktale: '' },
    ...(c.rssOpts && { rss_opts: c.rssOpts }),
    delivery_status: { enabled: false },
    _links: links(self, ['unschedule', 'schedule', 'pause', 'resume', 'replicate']),
  };
}

export function automationJson(a: SimAutomation, origin = ''): Automation {
  const self = `${origin}/3.0/automations/${a.id}`;
  return {
    id: a.id,
    create_time: mcTime(a.createTime),
    start_time: mcTime(a.startTime),
    status: automationStatus(a),
    emails_sent: 0,
    recipients: { list_id: a.listId, list_is_active: true, list_name: a.listName },
    settings: { ...a.settings, use_conversation: false, authenticate: true, auto_footer: false, inline_css: false },
    tracking: { opens: true, html_clicks: true, text_clicks: false, goal_tracking: false, ecomm360: false },
    trigger_settings: { ...a.trigger, workflow_emails_count: a.emails.length, runtime: { days: [], hours: { type: 'send_asap' } } },
    _links: links(self, ['pause-all-emails', 'start-all-emails']),
  };
}

export function emailJson(a: SimAutomation, e: SimEmail, origin = ''): AutomationEmail {
  const self = `${origin}/3.0/automations/${a.id}/emails/${e.id}`;
  return {
    id: e.id,
    web_id: e.webId,
    workflow_id: a.id,
    position: e.position,
    delay: { ...e.delay, full_description: `${e.delay.amount} ${e.delay.type}(s) after ${e.delay.action}` },
    create_time: mcTime(a.createTime),
    start_time: mcTime(a.startTime),
    status: e.status,
    emails_sent: 0,
    send_time: '',
    content_type: 'template',
    recipients: { list_id: a.listId, list_is_active: true, list_name: a.listName },
    settings: { title: e.title, subject_line: e.subjectLine, preview_text: e.previewText, from_name: a.settings.from_name, reply_to: a.settings.reply_to, authenticate: true, auto_footer: false, inline_css: false },
    _links: links(self, ['pause', 'start']),
  };
}
