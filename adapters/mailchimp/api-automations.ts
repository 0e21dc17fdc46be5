// Classic automation endpoints, one function each. Archiving a workflow and deleting one of its
// emails are irreversible (invariant 9): there is deliberately no function for them here.
import { segment, type MailchimpApi } from './api.js';
import { automationEmailListSchema, automationListSchema, automationSchema, type Automation, type AutomationEmail } from './schemas.js';

export interface AutomationPage {
  automations: Automation[];
  totalItems: number;
}

// https://mailchimp.com/developer/marketing/api/automation/list-automations/
// `status`: save | paused | sending; `count`/`offset` as for campaigns.
export async function listAutomations(api: MailchimpApi, query: { status: string; count: number; offset: number }): Promise<AutomationPage> {
  const request = { method: 'GET', path: '/3.0/automations', query: { ...query, exclude_fields: 'automations._links,_links' } } as const;
  const body = await api.json(request, automationListSchema);
  return { automations: body.automations, totalItems: body.total_items };
}

// https://mailchimp.com/developer/marketing/api/automation/get-automation-info/
export function getAutomation(api: MailchimpApi, workflowId: string): Promise<Automation> {
  const request = { method: 'GET', path: `/3.0/automations/${segment(workflowId)}`, query: { exclude_fields: '_links' }, operation: 'GET /3.0/automations/{workflow_id}' } as const;
  return api.json(request, automationSchema);
}

// https://mailchimp.com/developer/marketing/api/automation-email/list-automated-emails/
// Takes no query parameters at all (the SDK's listAllWorkflowEmails): every email, unpaged.
export async function listAutomationEmails(api: MailchimpApi, workflowId: string): Promise<AutomationEmail[]> {
  const request = { method: 'GET', path: `/3.0/automations/${segment(workflowId)}/emails`, operation: 'GET /3.0/automations/{workflow_id}/emails' } as const;
  return (await api.json(request, automationEmailListSchema)).emails;
}

// https://mailchimp.com/developer/marketing/api/automation/pause-automation-emails/ — 204.
export async function pauseAllEmails(api: MailchimpApi, workflowId: string): Promise<void> {
  await api.send({ method: 'POST', path: `/3.0/automations/${segment(workflowId)}/actions/pause-all-emails`, operation: 'POST /3.0/automations/{workflow_id}/actions/pause-all-emails' });
}

// https://mailchimp.com/developer/marketing/api/automation/start-automation-emails/ — 204.
export async function startAllEmails(api: MailchimpApi, workflowId: string): Promise<void> {
  await api.send({ method: 'POST', path: `/3.0/automations/${segment(workflowId)}/actions/start-all-emails`, operation: 'POST /3.0/automations/{workflow_id}/actions/start-all-emails' });
}

// https://mailchimp.com/developer/marketing/api/automation-email/start-automated-email/ — 204.
export async function startAutomationEmail(api: MailchimpApi, workflowId: string, emailId: string): Promise<void> {
  const path = `/3.0/automations/${segment(workflowId)}/emails/${segment(emailId)}/actions/start`;
  await api.send({ method: 'POST', path, operation: 'POST /3.0/automations/{workflow_id}/emails/{workflow_email_id}/actions/start' });
}
