// Notifications out: a pause and its resume told to Slack (Block Kit) and to a generic webhook
// signed as our inbound generic hook is, each message one delivery in a durable outbox, shown in
// GET /v1/notifications; nothing sent where nothing is configured.
import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { useMsw } from '../support/msw.js';
import { startHarness, type Harness } from '../support/service.js';
import { CONSOLE_URL, HOOK_SECRET, HOOK_URL, log, notified, notifyingOptions, receivedAll, receiver, SLACK_URL } from './receivers.js';

describe('notifications out', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  it('tells Slack of a pause in Block Kit: severity, reason, who, counts by kind, a link to the console', async () => {
    const slack = receiver(server, SLACK_URL);
    receiver(server, HOOK_URL);
    h = await startHarness(server, notifyingOptions());
    await h.service.start();
    const pause = await h.pause(3, { reason: 'CEO interview backlash' });
    await notified(h);
    expect(slack.titles()).toEqual(['Pause requested — red-alert (severity 3)', 'Pause in force — red-alert (severity 3)']);
    const active = slack.received[1]!.body;
    expect(active.text).toBe(`Pause in force — red-alert (severity 3): CEO interview backlash (${pause.counts.total} items) ${CONSOLE_URL}/#/pauses/${pause.id}`);
    expect(active.blocks[1]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '*Reason:* CEO interview backlash\n*By:* bootstrap (BOOTSTRAP_API_KEY) (api)' } });
    const fields = active.blocks[2].fields.map((f: { text: string }) => f.text);
    expect(fields).toEqual([
      ...Object.entries(pause.counts.byKind).map(([kind, n]) => `*${{ post: 'Posts', ad: 'Ads', email: 'Emails' }[kind]}*\n${n}`),
      `*Items by state*\nsuspended ${pause.counts.byState.suspended}`,
    ]);
    expect(Object.keys(pause.counts.byKind).sort()).toEqual(['ad', 'email', 'post']);
    expect(active.blocks.at(-1)).toEqual({
      type: 'actions',
      elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open in the console' }, url: `${CONSOLE_URL}/#/pauses/${pause.id}`, action_id: 'open-console' }],
    });
    // The delivery log: one row per message and target, newest first, each delivered at the first attempt.
    const rows = await log(h);
    expect(rows.map((r) => [r.event, r.target, r.state, r.attempts])).toEqual([
      ['pause.active', 'webhook:ops', 'delivered', 1],
      ['pause.active', 'slack', 'delivered', 1],
      ['pause.created', 'webhook:ops', 'delivered', 1],
      ['pause.created', 'slack', 'delivered', 1],
    ]);
    expect(rows[1]).toMatchObject({ pauseId: pause.id, payload: active, lastError: null, deliveredAt: h.clock.now().toISOString() });
  });

  it('signs generic webhooks as our inbound hook checks them: X-Hub-Signature-256 of the body, the delivery id in X-Webhook-Id', async () => {
    receiver(server, SLACK_URL);
    const hook = receiver(server, HOOK_URL);
    h = await startHarness(server, notifyingOptions());
    await h.service.start();
    const pause = await h.pause(1);
    await h.resume(pause.id);
    await notified(h);
    expect(hook.titles()).toEqual(['pause.created', 'pause.active', 'resume.requested', 'pause.resumed']);
    const ids = new Set<string>();
    for (const { headers, raw, body } of hook.received) {
      expect(headers.get('x-hub-signature-256')).toBe(`sha256=${createHmac('sha256', HOOK_SECRET).update(raw).digest('hex')}`);
      expect(headers.get('x-webhook-id')).toBe(body.id);
      expect(headers.get('content-type')).toBe('application/json');
      ids.add(body.id);
    }
    expect(ids.size).toBe(4);
    const resumed = hook.received[3]!.body;
    expect(resumed).toMatchObject({
      type: 'pause.resumed',
      occurredAt: h.clock.now().toISOString(),
      title: 'Pause resumed — watch (severity 1)',
      pause: { id: pause.id, severity: 1, severityName: 'watch', reason: 'test crisis', state: 'resumed', url: `${CONSOLE_URL}/#/pauses/${pause.id}`, failures: { listings: 0, items: 0 } },
      detail: { complete: true },
    });
    expect(resumed.pause.counts).toEqual({ total: pause.counts.total, byKind: { post: pause.counts.total }, byState: { restored: pause.counts.total } });
    const row = (await log(h, `&pauseId=${pause.id}`)).find((r) => r.id === resumed.id);
    expect(row).toMatchObject({ event: 'pause.resumed', target: 'webhook:ops', state: 'delivered', payload: resumed });
  });

  it('goes out by itself once the service has started, and pages its log with cursors', async () => {
    const slack = receiver(server, SLACK_URL);
    const hook = receiver(server, HOOK_URL);
    h = await startHarness(server, notifyingOptions());
    await h.service.start();
    await h.pause(1);
    // No nudge from the test: the notifier hears the audit log and acts on its own.
    await receivedAll(slack, 2);
    await receivedAll(hook, 2);
    const first = await h.call('GET', '/v1/notifications?limit=3');
    expect(first.body.data).toHaveLength(3);
    const rest = await h.call('GET', `/v1/notifications?limit=3&cursor=${first.body.nextCursor}`);
    expect([rest.body.data.length, rest.body.nextCursor]).toEqual([1, null]);
    expect(rest.body.data[0]).toMatchObject({ event: 'pause.created', target: 'slack' });
  });

  it('sends nothing when no target is configured, and says so for a webhook whose variables are missing', async () => {
    // No receiver is set up: msw fails the test on any request that goes out.
    h = await startHarness(server, { ...notifyingOptions(), serviceEnv: {} });
    await h.service.start();
    await h.pause(2);
    await notified(h);
    expect(await log(h)).toEqual([]);
    expect(h.logLines.some((l) => /notification webhook is off/.test(l) && l.includes('OPS_HOOK_SECRET'))).toBe(true);
  });
});
