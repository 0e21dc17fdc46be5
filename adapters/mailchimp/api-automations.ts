// Classic automation endpoints, one function each. Archiving a workflow is irreversible
// (invariant 9): there is deliberately no function for actions/archive or email delete here.
import { act, getJson, type MailchimpApi } from './api-core.js';
import { automationEmailListSchema, automationListSchema, automationSchema, type Automation, type AutomationEmail } from './schemas.js';

const id = encodeURIComponent;

export interface AutomationPage {
  automations: Automation[];
  totalItems: number;
}

// https://mailchimp.com/developer/marketing/api/automation/list-automations/
// `status`: save | paused | sending; `count`/`offset` as for campaigns.
export async function listAutomations(
  api: MailchimpApi,
  query: { status: string; count: number; offset: number },
): Promise<AutomationPage> {
  const body = await getJson(
    api,
    { method: 'GET', path: '/3.0/automations', query: { ...query, exclude_fields: 'automations._links,_links' } },
    automationListSchema,
  );
  return { automations: body.automations, totalItems: body.total_items };
}

// https://mailchimp.com/developer/marketing/api/automation/get-automation-info/
export function getAutomation(api: MailchimpApi, workflowId: string): Promise<Automation> {
  return getJson(api, { method: 'GET', path: `/3.0/automations/${id(workflowId)}`, query: { exclude_fields: '_links' } }, automationSchema);
}

// https://mailchimp.com/developer/marketing/api/automation-email/list-automated-emails/
export async function listAutomationEmails(api: MailchimpApi, workflowId: string): Promise<AutomationEmail[]> {
  const path = `/3.0/automations/${id(workflowId)}/emails`;
  const body = await getJson(api, { method: 'GET', path, query: { exclude_fields: 'emails._links,_links' } }, automationEmailListSchema);
  return body.emails;
}

// https://mailchimp.com/developer/marketing/api/automation/pause-automation-emails/ — 204.
export function pauseAllEmails(api: MailchimpApi, workflowId: string): Promise<void> {
  return act(api, { method: 'POST', path: `/3.0/automations/${id(workflowId)}/actions/pause-all-emails` });
}

// https://mailchimp.com/developer/marketing/api/automation/start-automation-emails/ — 204.
export function startAllEmails(api: MailchimpApi, workflowId: string): Promise<void> {
  return act(api, { method: 'POST', path: `/3.0/automations/${id(workflowId)}/actions/start-all-emails` });
}

// https://mailchimp.com/developer/marketing/api/automation-email/start-automated-email/ — 204.
export function startAutomationEmail(api: MailchimpApi, workflowId: string, emailId: string): Promise<void> {
  return act(api, { method: 'POST', path: `/3.0/automations/${id(workflowId)}/emails/${id(emailId)}/actions/start` });
}
