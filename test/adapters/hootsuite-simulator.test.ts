// The Hootsuite simulator answers as the platform does: validation errors, cursors, lazy
// sending, auth, and the realistic sandbox seed the demo relies on.
import { beforeEach, describe, expect, it } from 'vitest';
import { hootsuite } from '../../adapters/hootsuite/adapter.js';
import { createHootsuiteSimulator, type HootsuiteSimulator } from '../../adapters/hootsuite/simulator.js';
import type { LiveItem } from '../../adapters/types.js';
import { DAY, HOUR, ManualClock } from '../support/clock.js';
import { routeToSimulator, useMsw } from '../support/msw.js';

const BASE = 'https://platform.hootsuite.com';
const TOKEN = 'sim-token-41c2';
const FB = '115185509';
const X = '115185510';

interface ErrorsBody {
  errors: Array<{ code: number; message: string; id: string; resource?: { type: string; id: string } }>;
}
interface ListBody {
  data: Array<{ id: string; state: string; scheduledSendTime: string }>;
  metadata: { cursor: { next: string | null; previous: string | null } };
}

describe('hootsuite simulator', () => {
  let clock: ManualClock;
  let sim: HootsuiteSimulator;

  const call = async (method: string, path: string, body?: unknown, token: string | null = TOKEN) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json;charset=utf-8' };
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    const response = await sim.fetch(
      new Request(`${BASE}${path}`, { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) }),
    );
    return { status: response.status, body: (await response.json()) as unknown };
  };
  const errorCode = (body: unknown) => (body as ErrorsBody).errors[0]!.code;
  const at = (ms: number) => new Date(clock.now().getTime() + ms).toISOString().replace('.000Z', 'Z');
  const range = (from: number, to: number) => `startTime=${encodeURIComponent(at(from))}&endTime=${encodeURIComponent(at(to))}`;

  beforeEach(() => {
    clock = new ManualClock();
    sim = createHootsuiteSimulator({ clock, credentials: { accessToken: TOKEN }, accountIds: [FB, X], seed: 'empty' });
  });

  describe('GET /v1/messages', () => {
    beforeEach(() => {
      for (let i = 0; i < 60; i++) {
        sim.world.addMessage({ profileId: i % 2 ? X : FB, state: 'SCHEDULED', text: `post ${i}`, scheduledSendTime: at((i + 1) * HOUR) });
      }
      sim.world.addMessage({ profileId: FB, state: 'PENDING_APPROVAL', text: 'review me', scheduledSendTime: at(90 * HOUR) });
    });

    it('requires startTime and endTime, in ISO-8601', async () => {
      expect(await call('GET', `/v1/messages?endTime=${encodeURIComponent(at(DAY))}`)).toMatchObject({ status: 400 });
      expect(errorCode((await call('GET', '/v1/messages?startTime=yesterday&endTime=today')).body)).toBe(4000);
      expect(errorCode((await call('GET', `/v1/messages?${range(DAY, 0)}`)).body)).toBe(4000);
    });

    it('refuses ranges over 4 weeks with 40020 and accepts exactly 4 weeks', async () => {
      const tooLong = await call('GET', `/v1/messages?${range(0, 28 * DAY + 1000)}`);
      expect(tooLong.status).toBe(400);
      expect(errorCode(tooLong.body)).toBe(40020);
      expect((await call('GET', `/v1/messages?${range(0, 28 * DAY)}`)).status).toBe(200);
    });

    it('filters by the states the spec allows, and refuses others with 40019', async () => {
      expect(errorCode((await call('GET', `/v1/messages?${range(0, 7 * DAY)}&state=SUBMITTED`)).body)).toBe(40019);
      const pending = (await call('GET', `/v1/messages?${range(0, 7 * DAY)}&state=PENDING_APPROVAL`)).body as ListBody;
      expect(pending.data.map((m) => m.state)).toEqual(['PENDING_APPROVAL']);
      const all = (await call('GET', `/v1/messages?${range(0, 7 * DAY)}&limit=100`)).body as ListBody;
      expect(all.data).toHaveLength(61); // without a filter, approval messages come too
    });

    it('pages 50 by default, ascending, with next and previous cursors', async () => {
      const first = (await call('GET', `/v1/messages?${range(0, 7 * DAY)}&state=SCHEDULED`)).body as ListBody;
      expect(first.data).toHaveLength(50);
      const times = first.data.map((m) => Date.parse(m.scheduledSendTime));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(first.metadata.cursor).not.toHaveProperty('previous'); // left out: the swagger marks no field nullable
      expect(first.metadata.cursor.next).toMatch(/^\d+:\d+:0$/);
      const second = (await call('GET', `/v1/messages?${range(0, 7 * DAY)}&state=SCHEDULED&cursor=${first.metadata.cursor.next}`))
        .body as ListBody;
      expect(second.data).toHaveLength(10);
      expect(second.metadata.cursor).not.toHaveProperty('next');
      expect(second.metadata.cursor.previous).toMatch(/:1$/);
      const back = (await call('GET', `/v1/messages?${range(0, 7 * DAY)}&state=SCHEDULED&cursor=${second.metadata.cursor.previous}`))
        .body as ListBody;
      expect(back.data.map((m) => m.id)).toEqual(first.data.map((m) => m.id));
    });

    it('checks limit, cursor, flags and profiles', async () => {
      expect(errorCode((await call('GET', `/v1/messages?${range(0, DAY)}&limit=101`)).body)).toBe(4000);
      expect(errorCode((await call('GET', `/v1/messages?${range(0, DAY)}&cursor=abc`)).body)).toBe(3020);
      expect(errorCode((await call('GET', `/v1/messages?${range(0, DAY)}&includeUnscheduledReviewMsgs=yes`)).body)).toBe(40022);
      const unknown = await call('GET', `/v1/messages?${range(0, DAY)}&socialProfileIds=999`);
      expect((unknown.body as ErrorsBody).errors[0]).toMatchObject({ code: 4001, resource: { type: 'socialProfile', id: '999' } });
      const onlyX = (await call('GET', `/v1/messages?${range(0, DAY)}&socialProfileIds=${X}`)).body as ListBody;
      expect(onlyX.data.length).toBeGreaterThan(0);
      for (const m of onlyX.data) expect(sim.world.message(m.id)?.socialProfile.id).toBe(X);
    });
  });

  describe('POST, GET and DELETE /v1/messages', () => {
    it('creates one message per profile with fresh numeric ids', async () => {
      const created = await call('POST', '/v1/messages', { text: 'Hello', socialProfileIds: [FB, X], scheduledSendTime: at(DAY) });
      expect(created.status).toBe(200);
      const data = (created.body as ListBody).data;
      expect(data.map((m) => m.state)).toEqual(['SCHEDULED', 'SCHEDULED']);
      expect(new Set(data.map((m) => m.id)).size).toBe(2);
      for (const m of data) expect(m.id).toMatch(/^\d{6,}$/);
    });

    it('refuses times without Z, in the past, unknown profiles and bundled Pinterest', async () => {
      const noZ = await call('POST', '/v1/messages', { text: 'x', socialProfileIds: [FB], scheduledSendTime: '2026-12-01T10:00:00+01:00' });
      expect([noZ.status, errorCode(noZ.body)]).toEqual([400, 4000]);
      const past = await call('POST', '/v1/messages', { text: 'x', socialProfileIds: [FB], scheduledSendTime: at(-1000) });
      expect([past.status, errorCode(past.body)]).toEqual([400, 4000]);
      expect((past.body as ErrorsBody).errors[0]!.message).toContain('future');
      const unknown = await call('POST', '/v1/messages', { text: 'x', socialProfileIds: ['42'], scheduledSendTime: at(DAY) });
      expect((unknown.body as ErrorsBody).errors[0]).toMatchObject({ code: 4001, resource: { type: 'socialProfile', id: '42' } });
      sim.world.addProfile({ id: '115185599', type: 'PINTEREST', socialNetworkId: '1', socialNetworkUsername: 'acme', externalURL: 'https://pinterest.com/acme' });
      const bundled = await call('POST', '/v1/messages', { text: 'x', socialProfileIds: [FB, '115185599'], scheduledSendTime: at(DAY) });
      expect(errorCode(bundled.body)).toBe(4000);
      expect(sim.world.messages()).toEqual([]);
    });

    it('sends at once when no time is given (which the adapter never does)', async () => {
      const created = await call('POST', '/v1/messages', { text: 'now', socialProfileIds: [FB] });
      expect((created.body as ListBody).data[0]!.state).toBe('SENT');
    });

    it('sends scheduled messages when their time passes, and then refuses to delete them (40003)', async () => {
      const message = sim.world.addMessage({ profileId: FB, state: 'SCHEDULED', text: 'soon', scheduledSendTime: at(HOUR) });
      clock.advance(HOUR);
      const read = (await call('GET', `/v1/messages/${message.id}`)).body as { data: { state: string; postId?: string; postUrl?: string } };
      expect(read.data.state).toBe('SENT');
      expect(read.data.postId).toMatch(/^\d+$/);
      expect(read.data.postUrl).toContain('facebook.com');
      const refused = await call('DELETE', `/v1/messages/${message.id}`);
      expect([refused.status, errorCode(refused.body)]).toEqual([400, 40003]);
    });

    it('deletes with an empty data envelope and then answers 404 / 4001', async () => {
      const message = sim.world.addMessage({ profileId: X, state: 'PENDING_APPROVAL', text: 'x', scheduledSendTime: at(DAY) });
      expect(await call('DELETE', `/v1/messages/${message.id}`)).toEqual({ status: 200, body: { data: [] } });
      const gone = await call('GET', `/v1/messages/${message.id}`);
      expect([gone.status, errorCode(gone.body)]).toEqual([404, 4001]);
    });

    it('answers 401 with 1000 without a token and 1001 with a wrong one', async () => {
      expect(errorCode((await call('GET', '/v1/me', undefined, null)).body)).toBe(1000);
      const wrong = await call('GET', '/v1/me', undefined, 'nope');
      expect([wrong.status, errorCode(wrong.body)]).toEqual([401, 1001]);
      expect(JSON.stringify(wrong.body)).not.toContain('nope');
    });

    it('serves its state on /__sandbox/state', async () => {
      sim.world.addMessage({ profileId: X, state: 'SCHEDULED', text: 'x', scheduledSendTime: at(DAY) });
      const state = await call('GET', '/__sandbox/state', undefined, null);
      expect(state).toEqual({ status: 200, body: sim.state() });
    });
  });

  describe('sandbox seed', () => {
    const server = useMsw();

    it('holds Acme profiles and about nine weeks of realistic, deterministic content', async () => {
      const make = () => createHootsuiteSimulator({ clock, credentials: { accessToken: TOKEN }, accountIds: [], seed: 'sandbox' });
      const sandbox = make();
      expect(make().state()).toEqual(sandbox.state());
      expect(sandbox.world.profiles().map((p) => p.type)).toEqual(['FACEBOOKPAGE', 'TWITTER', 'LINKEDINCOMPANY', 'INSTAGRAMBUSINESS']);
      const rows = sandbox.state();
      const live = rows.filter((r) => r.live);
      expect(live).toHaveLength(48);
      const counts = Object.fromEntries(['SENT', 'PENDING_APPROVAL', 'REJECTED'].map((s) => [s, rows.filter((r) => r.status === s).length]));
      expect(counts).toEqual({ SENT: 6, PENDING_APPROVAL: 2, REJECTED: 1 });
      const times = live.map((r) => Date.parse(r.scheduledAt!));
      const now = clock.now().getTime();
      expect(Math.min(...times)).toBeGreaterThanOrEqual(now + 2 * HOUR);
      expect(Math.max(...times)).toBeGreaterThan(now + 8 * 7 * DAY);
      const messages = sandbox.world.messages();
      expect(messages.some((m) => m.media?.length)).toBe(true);
      expect(messages.some((m) => m.tags?.length)).toBe(true);
      expect(messages.some((m) => m.targeting)).toBe(true);

      // The adapter finds every live message through several 4-week windows.
      routeToSimulator(server, BASE, sandbox);
      const client = hootsuite.connect({
        connectionId: 'sandbox',
        accountIds: [],
        settings: { lookaheadWeeks: 52, pageSize: 100 },
        credentials: { accessToken: TOKEN },
        timeoutMs: 2_000,
        clock,
      });
      const listed: LiveItem[] = [];
      for await (const page of client.listLive('post')) listed.push(...page.items);
      expect(listed.map((i) => i.externalId).sort()).toEqual(live.map((r) => r.id).sort());
      const windowsWithData = new Set(listed.map((i) => Math.floor((Date.parse(i.scheduledAt!) - now) / (28 * DAY))));
      expect(windowsWithData.size).toBeGreaterThanOrEqual(3);
    });

    it('uses configured account ids as its social profiles', () => {
      const sandbox = createHootsuiteSimulator({ clock, credentials: { accessToken: TOKEN }, accountIds: ['1', '2'], seed: 'sandbox' });
      expect(sandbox.world.profiles().map((p) => p.id)).toEqual(['1', '2']);
      expect(new Set(sandbox.world.messages().map((m) => m.socialProfile.id))).toEqual(new Set(['1', '2']));
    });
  });
});
