// Friendly inputs for seeding the fake account (tests, the sandbox seed, the benchmark): what a
// person would have set up in the Mailchimp app, made into the world's records.
import type { BatchDelivery, CampaignStatus, CampaignType, ChecklistItem, EmailStatus, SimAutomation, SimCampaign } from './simulator-world-data.js';
import type { MailchimpWorld } from './simulator-world.js';

export interface CampaignInput {
  id?: string;
  type?: CampaignType;
  status?: CampaignStatus;
  /** the scheduled (or sent) time */
  sendAt?: Date | string | null;
  listId?: string;
  listName?: string;
  recipientCount?: number;
  segmentOpts?: Record<string, unknown> | null;
  title?: string;
  subjectLine?: string;
  previewText?: string;
  fromName?: string;
  replyTo?: string;
  toName?: string;
  templateId?: number;
  timewarp?: boolean;
  batchDelivery?: BatchDelivery | null;
  rssOpts?: Record<string, unknown> | null;
  /** what its send checklist finds wrong */
  checklist?: ChecklistItem[];
}

export interface AutomationInput {
  id?: string;
  title?: string;
  listId?: string;
  listName?: string;
  workflowType?: string;
  fromName?: string;
  replyTo?: string;
  draft?: boolean;
  emails: Array<{ id?: string; subjectLine: string; status?: EmailStatus; delayDays?: number }>;
}

export function campaignFrom(world: Pick<MailchimpWorld, 'clock' | 'nextId' | 'nextWebId'>, input: CampaignInput): SimCampaign {
  const now = world.clock.now();
  const type = input.type ?? 'regular';
  const title = input.title ?? 'Untitled campaign';
  const campaign: SimCampaign = {
    id: input.id ?? world.nextId('campaign'),
    webId: world.nextWebId(),
    type,
    status: input.status ?? 'schedule',
    createTime: new Date(now.getTime() - 7 * 86_400_000).toISOString(),
    sendTime: input.sendAt ? new Date(input.sendAt).toISOString() : null,
    listId: input.listId ?? 'list000001',
    listName: input.listName ?? 'Newsletter',
    recipientCount: input.recipientCount ?? 1200,
    segmentOpts: input.segmentOpts ?? null,
    settings: {
      title,
      subject_line: input.subjectLine ?? title,
      preview_text: input.previewText ?? '',
      from_name: input.fromName ?? 'Acme',
      reply_to: input.replyTo ?? 'hello@acme.example',
      to_name: input.toName ?? '*|FNAME|*',
      template_id: input.templateId ?? 10_001,
      timewarp: input.timewarp ?? false,
    },
    rssOpts: type === 'rss' ? (input.rssOpts ?? { feed_url: 'https://acme.example/blog/feed.xml', frequency: 'weekly', schedule: { hour: 9, weekly_send_day: 'monday' } }) : null,
    batchDelivery: input.batchDelivery ?? null,
    emailsSent: input.status === 'sent' ? (input.recipientCount ?? 1200) : 0,
    checklist: input.checklist ?? [],
  };
  return campaign;
}

export function automationFrom(world: Pick<MailchimpWorld, 'clock' | 'nextId' | 'nextWebId'>, input: AutomationInput): SimAutomation {
  const now = world.clock.now();
  const title = input.title ?? 'Welcome series';
  const automation: SimAutomation = {
    id: input.id ?? world.nextId('automation'),
    createTime: new Date(now.getTime() - 30 * 86_400_000).toISOString(),
    startTime: new Date(now.getTime() - 29 * 86_400_000).toISOString(),
    listId: input.listId ?? 'list000001',
    listName: input.listName ?? 'Newsletter',
    settings: { title, from_name: input.fromName ?? 'Acme', reply_to: input.replyTo ?? 'hello@acme.example', to_name: '*|FNAME|*' },
    trigger: { workflow_type: input.workflowType ?? 'welcomeSeries', workflow_title: title },
    draft: input.draft ?? false,
    emails: input.emails.map((e, i) => ({
      id: e.id ?? world.nextId('email'),
      webId: world.nextWebId(),
      position: i + 1,
      status: e.status ?? (input.draft ? 'save' : 'sending'),
      subjectLine: e.subjectLine,
      title: `${title} #${i + 1}`,
      previewText: '',
      delay: { amount: e.delayDays ?? i, type: (e.delayDays ?? i) === 0 ? 'now' : 'day', direction: 'after', action: i === 0 ? 'signup' : 'previous_campaign_sent' },
    })),
  };
  return automation;
}
