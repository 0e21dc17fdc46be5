// POST /v1/hooks/pagerduty: PagerDuty v3 webhooks. Signed with one or more `v1=` HMACs (any one
// matching); an incident triggered, re-prioritised or escalated sets off the severity its priority
// maps to; a resolved one is only noted, never resumes; deduplicated by event.id.
import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { useMsw } from '../support/msw.js';
import { startHarness, type Harness } from '../support/service.js';

const SECRET = 'pd-secret-as-given==';
const sign = (raw: string, secret = SECRET) => `v1=${createHmac('sha256', secret).update(raw).digest('hex')}`;

/** A v3 webhook body as PagerDuty sends it (developer.pagerduty.com/docs/webhooks/v3-overview). */
const event = (id: string, type: string, priority: string | null) => ({
  event: {
    id,
    event_type: type,
    resource_type: 'incident',
    occurred_at: '2026-11-21T09:00:00.000Z',
    agent: { html_url: 'https://acme.pagerduty.com/users/PLH1HKV', id: 'PLH1HKV', self: 'https://api.pagerduty.com/users/PLH1HKV', summary: 'Dana', type: 'user_reference' },
    client: null,
    data: {
      id: 'Q2AJ2ZHWPQJZGF',
      type: 'incident',
      number: 142,
      title: 'Social listening: brand sentiment collapse',
      status: 'triggered',
      html_url: 'https://acme.pagerduty.com/incidents/Q2AJ2ZHWPQJZGF',
      urgency: 'high',
      priority: priority === null ? null : { id: 'PSO75BM', summary: priority, type: 'priority_reference', self: 'https://api.pagerduty.com/priorities/PSO75BM' },
    },
  },
});

describe('the PagerDuty inbound webhook', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  const start = () => startHarness(server, { serviceEnv: { PAGERDUTY_WEBHOOK_SECRET: SECRET } });
  const deliver = async (body: unknown, signature?: string) => {
    const raw = JSON.stringify(body);
    const response = await h.service.app.request('/v1/hooks/pagerduty', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-pagerduty-signature': signature ?? sign(raw) },
      body: raw,
    });
    return { status: response.status, body: await response.json() };
  };

  it('pauses at the severity the priority maps to, escalates on a higher one, and never pauses twice for one event', async () => {
    h = await start();
    const triggered = await deliver(event('01DEN1', 'incident.triggered', 'P3'));
    expect(triggered.status).toBe(202);
    expect(triggered.body.pause).toMatchObject({ severity: 1, reason: 'PagerDuty triggered (P3): #142 Social listening: brand sentiment collapse', source: 'webhook:pagerduty' });
    expect((await deliver(event('01DEN1', 'incident.triggered', 'P3'))).body.outcome).toBe('replayed');
    const raised = await deliver(event('01DEN2', 'incident.priority_updated', 'P1'));
    expect(raised.body).toMatchObject({ outcome: 'escalated', pause: { id: triggered.body.pause.id, severity: 3 } });
    await h.service.pauses.idle();
    expect((await h.call('GET', '/v1/pauses')).body.data).toHaveLength(1);
  });

  it('notes a resolved incident and one without a mapped priority, and resumes nothing', async () => {
    h = await start();
    const pause = (await deliver(event('01DEN3', 'incident.escalated', 'P2'))).body.pause;
    await h.service.pauses.idle();
    const resolved = await deliver(event('01DEN4', 'incident.resolved', 'P2'));
    expect(resolved).toEqual({ status: 200, body: { outcome: 'noted', reason: "incident #142 Social listening: brand sentiment collapse resolved: a resume is a person's decision" } });
    expect((await deliver(event('01DEN5', 'incident.triggered', 'P5'))).body).toMatchObject({ outcome: 'noted', reason: expect.stringMatching(/priority P5, which sets nothing off/) });
    expect((await deliver(event('01DEN6', 'incident.triggered', null))).body.outcome).toBe('noted');
    expect((await h.call('GET', `/v1/pauses/${pause.id}`)).body).toMatchObject({ state: 'active', resume: null });
    const received = (await h.call('GET', '/v1/audit?limit=1000')).body.data.filter((e: { action: string }) => e.action === 'webhook.received');
    expect(received.map((e: { data: { deliveryId: string } }) => e.data.deliveryId)).toEqual(['01DEN3', '01DEN4', '01DEN5', '01DEN6']);
  });

  it('takes any one matching v1 signature (a secret being rotated), and refuses others with 401, audited', async () => {
    h = await start();
    const body = event('01DEN7', 'incident.triggered', 'P3');
    const raw = JSON.stringify(body);
    expect((await deliver(body, `${sign(raw, 'the-old-secret')}, ${sign(raw)}`)).status).toBe(202);
    expect((await deliver(event('01DEN8', 'incident.triggered', 'P3'), sign(raw))).status).toBe(401); // signed over another body
    expect((await deliver(event('01DEN9', 'incident.triggered', 'P3'), 'v0=abc')).status).toBe(401);
    const refused = (await h.call('GET', '/v1/audit?limit=1000')).body.data.filter((e: { action: string }) => e.action === 'webhook.refused');
    expect(refused).toHaveLength(2);
  });

  it('refuses a body that is not a PagerDuty event (400) and is off without its secret (404)', async () => {
    h = await start();
    expect((await deliver({ hello: 'world' })).status).toBe(400);
    await h.close();
    h = await startHarness(server);
    expect((await deliver(event('01DENA', 'incident.triggered', 'P1'))).status).toBe(404);
    expect((await h.call('GET', '/v1/hooks')).body.data.map((x: { hook: string; on: boolean }) => [x.hook, x.on])).toEqual([['generic', false], ['pagerduty', false], ['slack', false]]);
  });
});
