// A receiver that fails: each delivery is tried again after a wait that doubles, up to the
// configured attempts, then `failed` — logged at error, audited, shown in the delivery log — and
// a lead may ask for it again. No secret (a Slack URL, a signing secret) is stored or logged.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useMsw } from '../support/msw.js';
import { startHarness, type Harness } from '../support/service.js';
import { HOOK_SECRET, HOOK_URL, log, notified, notifyingOptions, receiver, SLACK_URL } from './receivers.js';

const slackOnly = notifyingOptions((n) => ({ ...n, webhooks: [] }));

describe('notifications that fail', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  it('are tried again with backoff: failing twice then answered, each is delivered at the 3rd attempt', async () => {
    const slack = receiver(server, SLACK_URL);
    h = await startHarness(server, slackOnly);
    await h.service.start();
    slack.answer(500, 500, 500, 500);
    await h.pause(1);
    await notified(h);
    expect(slack.received).toHaveLength(2);
    let rows = await log(h);
    expect(rows.map((r) => [r.event, r.state, r.attempts, r.lastError, r.nextAttemptAt])).toEqual([
      ['pause.active', 'pending', 1, 'HTTP 500: internal_error', new Date(h.clock.now().getTime() + 1_000).toISOString()],
      ['pause.created', 'pending', 1, 'HTTP 500: internal_error', new Date(h.clock.now().getTime() + 1_000).toISOString()],
    ]);
    // Not due yet: nothing goes out, however often the notifier runs.
    await notified(h);
    h.clock.advance(999);
    await notified(h);
    expect(slack.received).toHaveLength(2);
    h.clock.advance(1);
    await notified(h);
    expect(slack.received).toHaveLength(4);
    // The wait doubles: 2 s after the second failure.
    h.clock.advance(1_999);
    await notified(h);
    expect(slack.received).toHaveLength(4);
    h.clock.advance(1);
    await notified(h);
    expect(slack.titles()).toEqual(['Pause requested', 'Pause in force', 'Pause requested', 'Pause in force', 'Pause requested', 'Pause in force'].map((t) => `${t} — watch (severity 1)`));
    rows = await log(h);
    expect(rows.map((r) => [r.event, r.state, r.attempts, r.deliveredAt])).toEqual([
      ['pause.active', 'delivered', 3, h.clock.now().toISOString()],
      ['pause.created', 'delivered', 3, h.clock.now().toISOString()],
    ]);
    expect(h.logLines.filter((l) => l.includes('notification not delivered'))).toHaveLength(4);
  });

  it('fail for good after the last attempt: loud (error log, audit), listed as failed; a lead may ask again', async () => {
    const slack = receiver(server, SLACK_URL);
    const hook = receiver(server, HOOK_URL);
    h = await startHarness(server, notifyingOptions());
    await h.service.start();
    slack.always(404);
    hook.always(500);
    const pause = await h.pause(1);
    for (const wait of [0, 1_000, 2_000]) {
      h.clock.advance(wait);
      await notified(h);
    }
    h.clock.advance(60_000);
    await notified(h);
    expect(slack.received).toHaveLength(6);
    const failed = await log(h, '&state=failed');
    expect(failed.map((r) => [r.event, r.target, r.attempts, r.lastError, r.nextAttemptAt])).toEqual([
      ['pause.active', 'webhook:ops', 3, 'HTTP 500: internal_error', null],
      ['pause.active', 'slack', 3, 'HTTP 404: no_service', null],
      ['pause.created', 'webhook:ops', 3, 'HTTP 500: internal_error', null],
      ['pause.created', 'slack', 3, 'HTTP 404: no_service', null],
    ]);
    expect(await log(h, '&state=pending')).toEqual([]);
    expect(h.logLines.filter((l) => l.includes('"level":"error"') && l.includes('notification failed for good'))).toHaveLength(4);
    const audit = (await h.call('GET', `/v1/audit?pauseId=${pause.id}&limit=1000`)).body.data.filter((e: { action: string }) => e.action === 'notification.failed');
    // Targets are sent to side by side: the order between them is not fixed.
    const byId = (rows: string[][]) => rows.sort((a, b) => a[0]!.localeCompare(b[0]!));
    expect(byId(audit.map((e: any) => [e.data.deliveryId, e.data.error]))).toEqual(byId(failed.map((r) => [r.id, r.lastError])));

    // No secret anywhere: not the Slack URL, not the signing secret, in the data files or the logs.
    const files = await readdir(h.dataDir);
    const stored = (await Promise.all(files.map((f) => readFile(path.join(h.dataDir, f), 'utf8').catch(() => '')))).join('\n');
    expect(stored).toContain('notification.failed');
    for (const secret of [SLACK_URL, 'slackUrlToken0123456789', HOOK_SECRET]) {
      expect(stored).not.toContain(secret);
      expect(h.logLines.join('\n')).not.toContain(secret);
    }

    // A lead asks again; a viewer may not; only a failed one can be.
    const viewer = (await h.call('POST', '/v1/keys', { name: 'watcher', role: 'viewer' })).body.secret as string;
    const slackRow = failed.find((r) => r.target === 'slack' && r.event === 'pause.created')!;
    expect((await h.call('GET', '/v1/notifications', undefined, { authorization: `Bearer ${viewer}` })).status).toBe(200);
    expect((await h.call('POST', `/v1/notifications/${slackRow.id}/retry`, undefined, { authorization: `Bearer ${viewer}` })).status).toBe(403);
    slack.always(null);
    const retried = await h.call('POST', `/v1/notifications/${slackRow.id}/retry`);
    expect(retried.status).toBe(202);
    expect(retried.body.notification).toMatchObject({ id: slackRow.id, state: 'pending', attempts: 3, maxAttempts: 6, nextAttemptAt: h.clock.now().toISOString() });
    await notified(h);
    expect((await log(h)).find((r) => r.id === slackRow.id)).toMatchObject({ state: 'delivered', attempts: 4 });
    expect(slack.received).toHaveLength(7);
    expect((await h.call('POST', `/v1/notifications/${slackRow.id}/retry`)).status).toBe(409);
    expect((await h.call('POST', '/v1/notifications/ntf_nope/retry')).status).toBe(404);
    const entries = (await h.call('GET', '/v1/audit?limit=1000')).body.data;
    expect(entries.filter((e: any) => e.action === 'notification.retry-requested').map((e: any) => [e.data.deliveryId, e.actor.name])).toEqual([[slackRow.id, 'bootstrap (BOOTSTRAP_API_KEY)']]);
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const slack = receiver(server, SLACK_URL);
    h = await startHarness(server, slackOnly);
    await h.service.start();
    slack.always(500);
    await h.pause(1);
    h.clock.advance(10_000);
    await notified(h);
    h.clock.advance(10_000);
    await notified(h);
    const [row] = await log(h, '&state=failed');
    for (const query of ['state=lost', 'limit=0', 'limit=501', 'cursor=garbage']) {
      const answer = await h.call('GET', `/v1/notifications?${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.body.error.code).toBe('invalid_request');
    }
    const bad = await h.call('POST', `/v1/notifications/${row!.id}/retry`, { now: true });
    expect(bad.status).toBe(400);
    expect((await h.call('POST', `/v1/notifications/${row!.id}/retry`, 'not json', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await log(h)).find((r) => r.id === row!.id)).toEqual(row);
  });
});
