// What people are told about: escalation, failures (one message per pause per burst, not one per
// item), a resume that asks a second lead and its approval, a PagerDuty incident resolved (told,
// never acted on); and only the events config lists.
import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { useMsw } from '../support/msw.js';
import { startHarness, type Harness, type HarnessOptions } from '../support/service.js';
import { CONSOLE_URL, HOOK_URL, log, notified, notifyingOptions, receiver, SLACK_URL } from './receivers.js';

const PD_SECRET = 'pd-secret-as-given==';

describe('notified events', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  const start = async (options: HarnessOptions) => {
    h = await startHarness(server, options);
    await h.service.start();
    return h;
  };
  const slackOnly = (edit: Parameters<typeof notifyingOptions>[0] = (n) => n) => notifyingOptions((n) => edit({ ...n, webhooks: [] }));

  it('tells of failed items once per pause per burst, with how many and why', async () => {
    const slack = receiver(server, SLACK_URL);
    await start(slackOnly());
    h.sandbox.simulators.get('mailchimp-acme')!.faults.inject({ kind: 'server-error', method: 'POST', times: Infinity });
    const pause = await h.pauseIncomplete(3);
    await notified(h);
    expect(pause.failures.items).toBeGreaterThan(1);
    // Told once the pause's work is over, however many runs of the notifier the failures spread over.
    expect(slack.titles()).toEqual(['Pause requested — red-alert (severity 3)', 'Pause in force, with failures — red-alert (severity 3)', 'Items failed — red-alert (severity 3)']);
    const failed = slack.received[2]!.body;
    expect(failed.blocks[2].text.text).toMatch(new RegExp(`^:warning: \\*${pause.failures.items} item\\(s\\) and 0 listing\\(s\\) failed\\* on mailchimp-acme\\.`));
    expect((await log(h)).filter((r) => r.event === 'items.failed')).toHaveLength(1);
  });

  it('tells of an escalation, a resume waiting for a second lead, its approval and the end', async () => {
    const hook = receiver(server, HOOK_URL);
    const options = notifyingOptions((n) => ({ ...n, slack: null }));
    await start({ ...options, config: (c) => options.config!({ ...c, resume: { ...c.resume, approvalFrom: 3 } }) });
    const lead = async (name: string) => {
      const secret = (await h.call('POST', '/v1/keys', { name, role: 'lead' })).body.secret as string;
      return (method: string, url: string, body?: unknown) => h.call(method, url, body, { authorization: `Bearer ${secret}` });
    };
    const dana = await lead('Dana');
    const sam = await lead('Sam');
    const pause = (await dana('POST', '/v1/pauses?wait=true', { severity: 1, reason: 'a storm brewing' })).body.pause;
    expect((await sam('POST', '/v1/pauses?wait=true', { severity: 3, reason: 'it is a storm' })).body.outcome).toBe('escalated');
    await h.service.pauses.idle();
    expect((await dana('POST', `/v1/pauses/${pause.id}/resume`, {})).status).toBe(202);
    expect((await sam('POST', `/v1/pauses/${pause.id}/resume/approve?wait=true`, {})).status).toBe(200);
    await notified(h);
    expect(hook.received.map((r) => [r.body.type, r.body.actor])).toEqual([
      ['pause.created', 'Dana'],
      ['pause.active', 'Dana'],
      ['pause.escalated', 'Sam'],
      // in force again once the added kinds are suspended too
      ['pause.active', 'Sam'],
      ['resume.approval-requested', 'Dana'],
      ['resume.approved', 'Sam'],
      ['pause.resumed', 'Sam'],
    ]);
    expect(hook.received[2]!.body).toMatchObject({ title: 'Pause escalated from 1 — red-alert (severity 3)', detail: { from: 1, to: 3 } });
  });

  it('tells of a pause planned, of its start and end, and of a plan cancelled', async () => {
    const hook = receiver(server, HOOK_URL);
    await start(notifyingOptions((n) => ({ ...n, slack: null })));
    const at = (minutes: number) => new Date(h.clock.now().getTime() + minutes * 60_000).toISOString();
    const reach = async (when: string) => {
      h.clock.set(when);
      await h.service.scheduler.tick();
      await h.service.pauses.idle();
    };
    const [startsAt, endsAt] = [at(10), at(20)];
    const planned = (await h.call('POST', '/v1/pauses', { severity: 2, reason: 'day of mourning', startsAt, endsAt })).body.pause;
    const other = (await h.call('POST', '/v1/pauses', { severity: 1, reason: 'anniversary', startsAt: at(60 * 24) })).body.pause;
    expect((await h.call('POST', `/v1/pauses/${other.id}/cancel`, {})).status).toBe(200);
    await reach(startsAt);
    await reach(endsAt);
    await notified(h);
    expect(hook.received.map((r) => [r.body.type, r.body.pause?.id])).toEqual([
      ['pause.planned', planned.id],
      ['pause.planned', other.id],
      ['pause.plan-cancelled', other.id],
      ['pause.plan-started', planned.id],
      ['pause.active', planned.id],
      ['resume.requested', planned.id],
      ['pause.resumed', planned.id],
    ]);
    expect(hook.received[0]!.body.title).toBe(`Pause planned from ${startsAt} to ${endsAt} — crisis (severity 2)`);
  });

  it('tells of a PagerDuty incident resolved, naming the pauses still in force, and resumes nothing', async () => {
    const slack = receiver(server, SLACK_URL);
    await start({ ...slackOnly(), serviceEnv: { ...slackOnly().serviceEnv, PAGERDUTY_WEBHOOK_SECRET: PD_SECRET } });
    const pause = await h.pause(2, { reason: 'boycott call' });
    const raw = JSON.stringify({ event: { id: '01RES1', event_type: 'incident.resolved', data: { id: 'Q2AJ', number: 142, title: 'Brand sentiment collapse' } } });
    const signature = `v1=${createHmac('sha256', PD_SECRET).update(raw).digest('hex')}`;
    const answer = await h.service.app.request('/v1/hooks/pagerduty', { method: 'POST', headers: { 'content-type': 'application/json', 'x-pagerduty-signature': signature }, body: raw });
    expect(answer.status).toBe(200);
    await notified(h);
    const resolved = slack.received.at(-1)!.body;
    expect(resolved.blocks[0].text.text).toBe('PagerDuty incident resolved: pauses stay until a person resumes them');
    expect(resolved.blocks[1].text.text).toBe(
      `incident #142 Brand sentiment collapse resolved: a resume is a person's decision\n*Pauses in force:*\n• <${CONSOLE_URL}/#/pauses/${pause.id}|${pause.id}> crisis: boycott call`,
    );
    expect((await h.call('GET', `/v1/pauses/${pause.id}`)).body.state).toBe('active');
    expect((await log(h)).find((r) => r.event === 'incident.resolved')).toMatchObject({ pauseId: null, state: 'delivered' });
  });

  it('sends only the events config lists', async () => {
    const slack = receiver(server, SLACK_URL);
    await start(slackOnly((n) => ({ ...n, events: ['pause.resumed'] })));
    const pause = await h.pause(1);
    await h.resume(pause.id);
    await notified(h);
    expect(slack.titles()).toEqual(['Pause resumed — watch (severity 1)']);
  });
});
