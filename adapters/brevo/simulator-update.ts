// `PUT /emailCampaigns/{campaignId}` on the fake Brevo: the fields of definition
// updateEmailCampaign (anything else is refused), the state rules, and rescheduling — a new
// `scheduledAt` puts a draft or a suspended campaign on schedule (`queued`) and moves a queued one.
import { invalid, SimError } from './simulator-http.js';
import type { BrevoWorld, SimCampaign } from './simulator-world.js';

/** Properties of definition updateEmailCampaign (Brevo's swagger). */
const DESCRIBED = new Set([
  'tag', 'sender', 'name', 'htmlContent', 'htmlUrl', 'scheduledAt', 'subject', 'previewText', 'replyTo', 'toField', 'recipients',
  'attachmentUrl', 'inlineImageActivation', 'mirrorActive', 'recurring', 'footer', 'header', 'utmCampaign', 'params', 'sendAtBestTime',
  'abTesting', 'subjectA', 'subjectB', 'splitRule', 'winnerCriteria', 'winnerDelay', 'ipWarmupEnable', 'initialQuota', 'increaseRate',
  'unsubscriptionPageId', 'updateFormId',
]);
/** Text fields the world keeps as they are sent. */
const TEXT = ['tag', 'name', 'htmlContent', 'subject', 'previewText', 'replyTo', 'toField', 'footer', 'header'] as const;
/** "YYYY-MM-DDTHH:mm:ss.SSSZ", or with an offset ("Prefer to pass your timezone"). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

export function applyUpdate(world: BrevoWorld, campaign: SimCampaign, body: Record<string, unknown>): void {
  const unknown = Object.keys(body).filter((k) => !DESCRIBED.has(k));
  if (unknown.length) throw invalid(`unknown parameter(s): ${unknown.join(', ')}`);
  if (campaign.status === 'sent') throw new SimError(400, 'campaign_sent', 'Campaign has already been sent');
  if (campaign.status === 'in_process') throw new SimError(400, 'campaign_processing', 'Campaign is being processed');
  if (campaign.status === 'archive') throw invalid('An archived campaign cannot be updated');

  const change: Partial<SimCampaign> = {};
  for (const key of TEXT) {
    if (body[key] === undefined) continue;
    if (typeof body[key] !== 'string') throw invalid(`${key} must be a string`);
    change[key] = body[key];
  }
  let scheduledAt: string | undefined;
  if (body.scheduledAt !== undefined) {
    if (typeof body.scheduledAt !== 'string' || !DATE_TIME.test(body.scheduledAt) || Number.isNaN(Date.parse(body.scheduledAt))) {
      throw invalid('scheduledAt must be a UTC date-time (YYYY-MM-DDTHH:mm:ss.SSSZ)');
    }
    const at = Date.parse(body.scheduledAt);
    if (at <= world.now()) throw invalid('scheduledAt should be in the future');
    scheduledAt = new Date(at).toISOString();
  }
  world.update(campaign, scheduledAt === undefined ? change : { ...change, scheduledAt });
  if (scheduledAt !== undefined && (campaign.status === 'draft' || campaign.status === 'suspended')) world.setStatus(campaign, 'queued');
}
