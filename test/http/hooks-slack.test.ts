// /crisis in Slack: signed with Slack's v0 scheme over the raw form body (a stale timestamp is
// refused), `status` answers at once, `pause` and `resume` only ask for confirmation, and the
// button's press acts with the Slack user as the actor — once, however often Slack retries.
import { createHmac } from 'node:crypto';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { useMsw } from '../support/msw.js';
import { startHarness, type Harness } from '../support/service.js';

const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';

describe('the Slack /crisis command', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  const start = () => startHarness(server, { serviceEnv: { SLACK_SIGNING_SECRET: SECRET } });
  const now = () => Math.floor(h.clock.now().getTime() / 1000);
  const send = async (form: Record<string, string>, { ts = now(), secret = SECRET } = {}) => {
    const raw = new URLSearchParams(form).toString();
    const signature = `v0=${createHmac('sha256', secret).update(`v0:${ts}:${raw}`).digest('hex')}`;
    const response = await h.service.app.request('/v1/hooks/slack', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature },
      body: raw,
    });
    return { status: response.status, body: await response.json() };
  };
  const slash = (text: string) => send({ command: '/crisis', text, user_id: 'U024BE7LH', user_name: 'dana', team_id: 'T0001', channel_id: 'C2147483705', response_url: 'https://hooks.slack.com/commands/T0001/1/abc' });
  const press = (actionId: string, value: string, actionTs = '1700000000.000100') =>
    send({ payload: JSON.stringify({ type: 'block_actions', user: { id: 'U024BE7LH', username: 'dana' }, actions: [{ action_id: actionId, value, action_ts: actionTs }], response_url: 'https://hooks.slack.com/actions/T0001/1/xyz' }) });

  it('asks for confirmation before pausing, then pauses once with the Slack user as the actor', async () => {
    h = await start();
    const posted: unknown[] = [];
    server.use(http.post('https://hooks.slack.com/actions/*', async ({ request }) => (posted.push(await request.json()), HttpResponse.text('ok'))));
    const asked = await slash('pause 3 Tone-deaf post about the storm');
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/Red alert.*\(3\).*Tone-deaf post about the storm/s) });
    const button = asked.body.blocks[1].elements[0];
    expect(button).toMatchObject({ type: 'button', action_id: 'crisis_pause_confirm', text: { text: 'Confirm' } });
    expect((await h.call('GET', '/v1/pauses')).body.data).toEqual([]); // nothing yet: only a question

    const pressed = await press(button.action_id, button.value);
    expect(pressed.body).toMatchObject({ response_type: 'in_channel', text: expect.stringMatching(/dana paused at \*red-alert\* \(3\)/) });
    expect((await press(button.action_id, button.value)).body.text).toMatch(/replayed/);
    await h.service.pauses.idle();
    const [pause] = (await h.call('GET', '/v1/pauses')).body.data;
    expect(pause).toMatchObject({ severity: 3, reason: 'Tone-deaf post about the storm', actor: { type: 'slack', id: 'U024BE7LH', name: 'dana' }, source: 'slack' });
    expect((await h.call('GET', '/v1/pauses')).body.data).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 20));
    expect(posted[0]).toMatchObject({ response_type: 'in_channel', replace_original: true });

    expect((await slash('status')).body.text).toMatch(/1 pause in force:\n• \*red-alert\* \(3\)/);
    // Pauses planned ahead are listed apart: they hold nothing yet.
    const startsAt = new Date(h.clock.now().getTime() + 24 * 3600_000).toISOString();
    const planned = (await h.call('POST', '/v1/pauses', { severity: 1, reason: 'day of mourning', scope: { connections: ['hootsuite-acme'] }, startsAt })).body.pause;
    expect((await slash('status')).body.text).toMatch(new RegExp(`^1 pause in force:\n• .*\n1 planned:\n• \\*watch\\* \\(1\\) — day of mourning — from ${startsAt}, planned by .* \\(\`${planned.id}\`\\)$`));
    expect((await h.call('POST', `/v1/pauses/${planned.id}/cancel`, {})).status).toBe(200);
    const resume = await slash('resume');
    expect(resume.body.blocks[1].elements[0]).toMatchObject({ action_id: 'crisis_resume_confirm', value: pause.id });
    expect((await press('crisis_resume_confirm', pause.id, '1700000001.000200')).body.text).toMatch(/asked to resume/);
    await h.service.pauses.idle();
    expect((await h.call('GET', `/v1/pauses/${pause.id}`)).body.state).toBe('resumed');
  });

  it('answers help, unknown severities and a missing reason without acting; cancel does nothing', async () => {
    h = await start();
    expect((await slash('dance')).body.text).toMatch(/^Usage:/);
    expect((await slash('pause 9 whatever')).body.text).toMatch(/Unknown severity "9"/);
    expect((await slash('pause crisis')).body.text).toMatch(/Say why/);
    expect((await slash('resume')).body.text).toBe('Nothing is paused.');
    server.use(http.post('https://hooks.slack.com/actions/*', () => HttpResponse.text('ok')));
    expect((await press('crisis_cancel', 'cancel')).body.text).toMatch(/Cancelled/);
    expect((await h.call('GET', '/v1/pauses')).body.data).toEqual([]);
  });

  it('refuses a bad signature or a stale timestamp (401, audited), and is off without its secret', async () => {
    h = await start();
    expect((await send({ text: 'status' }, { secret: 'not-the-secret' })).status).toBe(401);
    expect((await send({ text: 'status' }, { ts: now() - 6 * 60 })).status).toBe(401);
    const refused = (await h.call('GET', '/v1/audit?limit=1000')).body.data.filter((e: { action: string }) => e.action === 'webhook.refused');
    expect(refused).toHaveLength(2);
    await h.close();
    h = await startHarness(server);
    expect((await slash('status')).status).toBe(404);
  });
});
