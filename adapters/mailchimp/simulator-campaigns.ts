// The campaign endpoints of the fake Mailchimp. A listing page is read from the world's view for
// its filters and order, from its offset: never the whole world.
import type { Hono } from 'hono';
import { scheduleBodySchema } from './schemas.js';
import { action, invalid, oneOf, originOf, paging, param, readJson, respond } from './simulator-http.js';
import { campaignJson, checklistJson } from './simulator-json.js';
import { pageOf } from './simulator-world-index.js';
import { CAMPAIGN_TYPES, LIST_STATUSES } from './simulator-world-data.js';
import { pauseRss, resumeRss, schedule, unschedule } from './simulator-world-rules.js';
import type { MailchimpWorld } from './simulator-world.js';

export function campaignRoutes(app: Hono, world: MailchimpWorld): void {
  // https://mailchimp.com/developer/marketing/api/campaigns/list-campaigns/
  app.get('/3.0/campaigns', (c) => {
    const filter = { status: oneOf(c, 'status', LIST_STATUSES), type: oneOf(c, 'type', CAMPAIGN_TYPES), listId: c.req.query('list_id') || undefined };
    const order = oneOf(c, 'sort_field', ['create_time', 'send_time'] as const) ?? 'create_time';
    const descending = oneOf(c, 'sort_dir', ['ASC', 'DESC'] as const) === 'DESC';
    const { count, offset } = paging(c);
    const view = world.campaignView(filter, order);
    const origin = originOf(c);
    const campaigns = pageOf(view, offset, count, descending).map((x) => campaignJson(x, origin));
    return respond(c, { campaigns, total_items: view.size, _links: [{ rel: 'self', href: `${origin}/3.0/campaigns`, method: 'GET' }] });
  });

  // https://mailchimp.com/developer/marketing/api/campaigns/get-campaign-info/
  app.get('/3.0/campaigns/:id', (c) => respond(c, campaignJson(world.findCampaign(param(c, 'id')), originOf(c))));

  // https://mailchimp.com/developer/marketing/api/campaign-checklist/get-campaign-send-checklist/
  app.get('/3.0/campaigns/:id/send-checklist', (c) => respond(c, checklistJson(world.findCampaign(param(c, 'id')), originOf(c))));

  // https://mailchimp.com/developer/marketing/api/campaigns/unschedule-campaign/
  app.post('/3.0/campaigns/:id/actions/unschedule', action((c) => unschedule(world, param(c, 'id'))));

  // https://mailchimp.com/developer/marketing/api/campaigns/schedule-campaign/
  app.post(
    '/3.0/campaigns/:id/actions/schedule',
    action(async (c) => {
      const parsed = scheduleBodySchema.strict().safeParse(await readJson(c));
      if (!parsed.success) throw invalid(parsed.error.issues[0]?.path.join('.') || 'schedule_time', parsed.error.issues[0]?.message ?? 'invalid');
      schedule(world, param(c, 'id'), parsed.data);
    }),
  );

  // https://mailchimp.com/developer/marketing/api/campaigns/pause-rss-campaign/ and …/resume-rss-campaign/
  app.post('/3.0/campaigns/:id/actions/pause', action((c) => pauseRss(world, param(c, 'id'))));
  app.post('/3.0/campaigns/:id/actions/resume', action((c) => resumeRss(world, param(c, 'id'))));
}
