// PagerDuty v3 webhook events (developer.pagerduty.com/docs/webhooks/v3-overview): what an
// incident event asks of us. An incident triggered, re-prioritised or escalated sets off the
// severity its priority maps to in config; a resolved one is only noted — and told to people
// (src/notify/notices.ts): a resume is a person's decision (slow on).
import { z } from 'zod';

export const PagerDutyEventSchema = z.object({
  event: z.object({
    id: z.string().min(1),
    event_type: z.string().min(1),
    resource_type: z.string().optional(),
    occurred_at: z.string().optional(),
    data: z
      .looseObject({
        id: z.string().optional(),
        number: z.number().int().optional(),
        title: z.string().optional(),
        html_url: z.string().optional(),
        priority: z.looseObject({ summary: z.string() }).nullable().optional(),
      })
      .optional(),
  }),
});
export type PagerDutyEvent = z.infer<typeof PagerDutyEventSchema>;

const SETS_OFF = new Set(['incident.triggered', 'incident.priority_updated', 'incident.escalated']);

export type PagerDutyDecision = { kind: 'pause'; severity: number; reason: string } | { kind: 'note'; why: string };

export function decide(payload: PagerDutyEvent, priorities: Readonly<Record<string, number>>): PagerDutyDecision {
  const { event } = payload;
  const incident = event.data;
  const name = `#${incident?.number ?? incident?.id ?? '?'} ${incident?.title ?? ''}`.trim();
  if (event.event_type === 'incident.resolved') return { kind: 'note', why: `incident ${name} resolved: a resume is a person's decision` };
  if (!SETS_OFF.has(event.event_type)) return { kind: 'note', why: `${event.event_type} sets nothing off` };
  const priority = incident?.priority?.summary;
  const severity = priority === undefined ? undefined : priorities[priority];
  if (severity === undefined) return { kind: 'note', why: `incident ${name} has priority ${priority ?? 'none'}, which sets nothing off` };
  return { kind: 'pause', severity, reason: `PagerDuty ${event.event_type.replace('incident.', '')} (${priority}): ${name}` };
}
