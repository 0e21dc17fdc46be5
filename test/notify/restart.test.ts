// Crash-safe by construction: the outbox and the notifier's mark are stored together, so a
// service killed mid-way leaves its successor to send what was pending and to turn into messages
// what happened after the mark — and nothing it sent before, again. Reminders keep their rhythm.
import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../support/clock.js';
import { dataDirAtCrash } from '../support/crash.js';
import { useMsw } from '../support/msw.js';
import { startHarness, type Harness, type HarnessOptions } from '../support/service.js';
import { log, notified, notifyingOptions, receiver, SLACK_URL } from './receivers.js';

const slackOnly = notifyingOptions((n) => ({ ...n, webhooks: [] }));

describe('notifications across a restart', () => {
  const server = useMsw();
  const open: Harness[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const h of open.splice(0)) await h.close();
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });
  const start = async (options: HarnessOptions = {}) => {
    const h = await startHarness(server, { ...slackOnly, ...options });
    open.push(h);
    await h.service.start();
    return h;
  };
  /** a new service on the data directory as a SIGKILL would leave it now */
  const restart = async (a: Harness, sandboxUrl: string) => {
    const dataDir = dataDirAtCrash(a.dataDir);
    dirs.push(dataDir);
    return start({ dataDir, sandbox: a.sandbox, clock: a.clock, sandboxUrl });
  };

  it('sends what was pending and what happened after the mark, and nothing it had sent already', async () => {
    const slack = receiver(server, SLACK_URL);
    const a = await start({ sandboxUrl: 'http://sandbox-a.test' });
    const first = await a.pause(1, { scope: { connections: ['hootsuite-acme'] } });
    await notified(a);
    expect(slack.titles()).toEqual(['Pause requested — watch (severity 1)', 'Pause in force — watch (severity 1)']);
    // Slack goes down: the resume's messages wait in the outbox.
    slack.always(503);
    await a.resume(first.id);
    await notified(a);
    expect((await log(a, '&state=pending')).map((r) => r.event)).toEqual(['pause.resumed', 'resume.requested']);
    // The notifier stops (as if killed) before the next pause is turned into messages.
    await a.service.stop();
    const second = await a.pause(2, { scope: { connections: ['meta-ads-acme'] } });

    const b = await restart(a, 'http://sandbox-b.test');
    slack.always(null);
    a.clock.advance(1_000);
    await notified(b);
    expect(slack.titles().slice(2)).toEqual([
      // refused by Slack while it was down (A)
      'Resume requested — watch (severity 1)',
      'Pause resumed — watch (severity 1)',
      // pending, sent by B
      'Resume requested — watch (severity 1)',
      'Pause resumed — watch (severity 1)',
      // after A's mark: turned into messages by B
      'Pause requested — crisis (severity 2)',
      'Pause in force — crisis (severity 2)',
    ]);
    const rows = await log(b);
    expect(rows.map((r) => [r.event, r.pauseId, r.state])).toEqual([
      ['pause.active', second.id, 'delivered'],
      ['pause.created', second.id, 'delivered'],
      ['pause.resumed', first.id, 'delivered'],
      ['resume.requested', first.id, 'delivered'],
      ['pause.active', first.id, 'delivered'],
      ['pause.created', first.id, 'delivered'],
    ]);
    // Each delivery went out under its own id; the ones sent before the restart were not sent again.
    expect(rows.find((r) => r.event === 'pause.created' && r.pauseId === first.id)!.attempts).toBe(1);
    await notified(b);
    expect(slack.received).toHaveLength(8);
  });

  it('reminds every N hours while a pause stays in force, keeps the rhythm across a restart, and stops once it is resumed', async () => {
    const slack = receiver(server, SLACK_URL);
    const a = await start({ sandboxUrl: 'http://sandbox-a.test' });
    const pause = await a.pause(1);
    await notified(a);
    a.clock.advance(4 * HOUR - MINUTE);
    await notified(a);
    expect(slack.received).toHaveLength(2);
    a.clock.advance(MINUTE);
    await notified(a);
    expect(slack.titles().slice(2)).toEqual(['Still paused after 4 h: do not lower your guard — watch (severity 1)']);
    expect(slack.received[2]!.body.blocks[2].text.text).toMatch(/do not lower your guard/);
    await notified(a);
    expect(slack.received).toHaveLength(3);

    await a.service.stop();
    const b = await restart(a, 'http://sandbox-b.test');
    a.clock.advance(4 * HOUR - MINUTE);
    await notified(b);
    expect(slack.received).toHaveLength(3);
    // A long silence (the service was down) gives the latest reminder once, not a burst.
    a.clock.advance(8 * HOUR + MINUTE);
    await notified(b);
    expect(slack.titles().slice(3)).toEqual(['Still paused after 16 h: do not lower your guard — watch (severity 1)']);
    expect((await log(b, `&pauseId=${pause.id}`)).filter((r) => r.event === 'pause.reminder').map((r) => r.payload.blocks[0].text.text)).toHaveLength(2);

    await b.resume(pause.id);
    a.clock.advance(24 * HOUR);
    await notified(b);
    expect(slack.titles().slice(4)).toEqual(['Resume requested — watch (severity 1)', 'Pause resumed — watch (severity 1)']);
  });
});
