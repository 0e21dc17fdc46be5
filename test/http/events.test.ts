// GET /v1/events over real HTTP on loopback: progress as server-sent events, derived from the
// durable audit entries — each `audit` event carries its entry's seq as the event id, `pause`
// events carry the pause's view (coalesced), heartbeats keep a quiet stream alive, and a
// reconnect with Last-Event-ID replays every entry it missed before the live ones.
import { http as mock, passthrough } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { serveFetch, type Served } from '../../src/serve.js';
import { useMsw } from '../support/msw.js';
import { startHarness, TEST_API_KEY, type Harness } from '../support/service.js';
import { openSse, type SseEvent, type SseStream } from '../support/sse.js';
import { until } from '../support/until.js';

describe('GET /v1/events', () => {
  const server = useMsw();
  let h: Harness;
  let served: Served;
  const streams: SseStream[] = [];
  afterEach(async () => {
    for (const s of streams.splice(0)) s.close();
    await served?.close();
    await h?.close();
  });

  async function start() {
    h = await startHarness(server, { events: { heartbeatMs: 100, coalesceMs: 50 } });
    served = await serveFetch(h.service.app.fetch, 0);
    server.use(mock.all(`${served.url}/*`, () => passthrough()));
  }
  const open = async (headers: Record<string, string> = {}) => {
    const s = await openSse(`${served.url}/v1/events`, { authorization: `Bearer ${TEST_API_KEY}`, ...headers });
    streams.push(s);
    return s;
  };
  const audits = (s: SseStream) => s.events.filter((e) => e.event === 'audit').map((e) => ({ seq: Number(e.id), ...JSON.parse(e.data) }));
  const pauseViews = (s: SseStream) => s.events.filter((e) => e.event === 'pause').map((e) => JSON.parse(e.data));
  const seqs = (events: SseEvent[]) => events.filter((e) => e.event === 'audit').map((e) => Number(e.id));

  it('streams audit entries as they become durable and the pause with its counts, coalesced, with heartbeats', async () => {
    await start();
    const stream = await open();
    expect(stream.status).toBe(200);
    await until(() => stream.events.length > 0, 'the ready event');
    const head = (await h.store.auditHead()).seq;
    expect(stream.events[0]).toMatchObject({ event: 'ready', id: String(head) });

    const pause = await h.pause(2);
    await until(() => pauseViews(stream).some((p) => p.id === pause.id && p.state === 'active'), 'the pause, active');
    const entries = audits(stream);
    const logged = (await h.call('GET', `/v1/audit?limit=1000`)).body.data.filter((e: { seq: number }) => e.seq > head);
    await until(() => audits(stream).length >= logged.length, 'every entry');
    expect(audits(stream).map((e) => e.seq)).toEqual(logged.map((e: { seq: number }) => e.seq));
    expect(entries.map((e) => e.action)).toContain('pause.requested');
    const last = pauseViews(stream).at(-1);
    expect(last).toMatchObject({ id: pause.id, state: 'active', counts: { byState: { suspended: pause.counts.byState.suspended } } });
    // Coalesced: far fewer views than the pause's entries (one per item suspended and more).
    const ofPause = entries.filter((e) => e.pauseId === pause.id).length;
    expect(ofPause).toBeGreaterThan(5);
    expect(pauseViews(stream).length).toBeLessThan(ofPause / 2);
    await until(() => stream.comments >= 2, 'heartbeats');
  });

  it('replays what a reconnect missed from Last-Event-ID, then goes on live, with no gap and no repeat', async () => {
    await start();
    const first = await h.pause(1);
    const all = (await h.call('GET', '/v1/audit?limit=1000')).body.data as Array<{ seq: number }>;
    const from = all[2]!.seq;
    const stream = await open({ 'Last-Event-ID': String(from) });
    await until(() => seqs(stream.events).length >= all.length - 3, 'the replay');
    expect(stream.events[0]).toMatchObject({ event: 'ready', id: String(from) });
    await h.resume(first.id);
    const after = (await h.call('GET', '/v1/audit?limit=1000')).body.data as Array<{ seq: number }>;
    await until(() => seqs(stream.events).length >= after.length - 3, 'the live entries');
    expect(seqs(stream.events)).toEqual(after.filter((e) => e.seq > from).map((e) => e.seq));
  });

  it('lets go of its subscription when the client goes away', async () => {
    await start();
    // Counts the live subscriptions the route holds (the store itself is untouched).
    const subscribe = h.store.onAudit.bind(h.store);
    let subscribed = 0;
    h.store.onAudit = (listener) => {
      subscribed++;
      const off = subscribe(listener);
      return () => {
        subscribed--;
        off();
      };
    };
    const stream = await open();
    await until(() => stream.events.length > 0, 'the ready event');
    expect(subscribed).toBe(1);
    stream.close();
    await until(() => subscribed === 0, 'the subscription to end', 2_000);
  });

  it('is open to a viewer; refuses a missing key (401) and a malformed Last-Event-ID (400) before streaming anything', async () => {
    await start();
    const viewer = (await h.call('POST', '/v1/keys', { name: 'wall screen', role: 'viewer' })).body.secret as string;
    expect((await open({ authorization: `Bearer ${viewer}` })).status).toBe(200);
    const none = await openSse(`${served.url}/v1/events`, {});
    expect(none.status).toBe(401);
    const bad = await open({ 'Last-Event-ID': 'yesterday' });
    expect(bad.status).toBe(400);
    const answer = await h.call('GET', '/v1/events', undefined, { 'last-event-id': '-1' });
    expect(answer.body.error).toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/last-event-id/i) });
  });
});
