// The JSON Mailchimp shows for the world's records (field names and enums from
// https://mailchimp.com/developer/marketing/api/campaigns/ and …/api/automation/, as Mailchimp's
// SDKs describe them). Typed with the adapter's schemas: what we answer is what it reads.
import type { Automation, AutomationEmail, Campaign, SendChecklist } from './schemas.js';
import { automationStatus, type SimAutomation, type SimCampaign, type SimEmail } from './simulator-world-data.js';

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

/** `GET /campaigns/{id}/send-checklist`: ready unless an item is an error. */
export function checklistJson(c: SimCampaign, origin = ''): SendChecklist & { _links: Links } {
  const items = c.checklist.length > 0 ? c.checklist : [{ type: 'success' as const, id: 0, heading: 'Ready to send', details: 'Your campaign is ready to send.' }];
  return {
    is_ready: !c.checklist.some((i) => i.type === 'error'),
    items: structuredClone(items),
    _links: [{ rel: 'parent', href: `${origin}/3.0/campaigns/${c.id}`, method: 'GET' }, { rel: 'self', href: `${origin}/3.0/campaigns/${c.id}/send-checklist`, method: 'GET' }],
  };
}
