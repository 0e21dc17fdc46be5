// The classic automation endpoints of the fake Mailchimp.
import type { Hono } from 'hono';
import { action, oneOf, originOf, paging, param, respond } from './simulator-http.js';
import { automationJson, emailJson } from './simulator-json.js';
import { EMAIL_STATUSES } from './simulator-world-data.js';
import { pageOf } from './simulator-world-index.js';
import { pauseAll, pauseEmail, startAll, startEmail } from './simulator-world-rules.js';
import type { MailchimpWorld } from './simulator-world.js';

export function automationRoutes(app: Hono, world: MailchimpWorld): void {
  // https://mailchimp.com/developer/marketing/api/automation/list-automations/
  app.get('/3.0/automations', (c) => {
    const view = world.automationView(oneOf(c, 'status', EMAIL_STATUSES));
    const { count, offset } = paging(c);
    const origin = originOf(c);
    return respond(c, { automations: pageOf(view, offset, count).map((a) => automationJson(a, origin)), total_items: view.size, _links: [] });
  });

  // https://mailchimp.com/developer/marketing/api/automation/get-automation-info/
  app.get('/3.0/automations/:id', (c) => respond(c, automationJson(world.findAutomation(param(c, 'id')), originOf(c))));

  // https://mailchimp.com/developer/marketing/api/automation-email/list-automated-emails/ (no query parameters)
  app.get('/3.0/automations/:id/emails', (c) => {
    const a = world.findAutomation(param(c, 'id'));
    const origin = originOf(c);
    return c.json({ emails: a.emails.map((e) => emailJson(a, e, origin)), total_items: a.emails.length, _links: [] });
  });

  // https://mailchimp.com/developer/marketing/api/automation/pause-automation-emails/ and …/start-automation-emails/
  app.post('/3.0/automations/:id/actions/pause-all-emails', action((c) => pauseAll(world, param(c, 'id'))));
  app.post('/3.0/automations/:id/actions/start-all-emails', action((c) => startAll(world, param(c, 'id'))));

  // https://mailchimp.com/developer/marketing/api/automation-email/pause-automated-email/ and …/start-automated-email/
  app.post('/3.0/automations/:id/emails/:email/actions/pause', action((c) => pauseEmail(world, param(c, 'id'), param(c, 'email'))));
  app.post('/3.0/automations/:id/emails/:email/actions/start', action((c) => startEmail(world, param(c, 'id'), param(c, 'email'))));
}
