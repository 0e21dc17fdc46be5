// The simulator builder, on a tiny made-up platform ("notes"): what every simulator gets from it.
import { Hono, type Context } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fingerprint } from '../../../adapters/kit/fingerprint.js';
import { buildSimulator, type SimulatorSpec } from '../../../adapters/kit/simulator/build-simulator.js';
import { LimitGuard } from '../../../adapters/kit/simulator/limit-guard.js';
import { bearerToken } from '../../../adapters/kit/simulator/requests.js';
import type { SandboxItem, SimulatorOptions } from '../../../adapters/kit/simulator/types.js';
import { SimWorld } from '../../../adapters/kit/simulator/world.js';
import type { Clock, JsonValue } from '../../../adapters/types.js';
import { DAY, ManualClock } from '../../support/clock.js';

const TOKEN = 'notes-token-1234';
const dataSchema = z.object({ notes: z.array(z.object({ id: z.string(), text: z.string() })), next: z.number() });

class NotesWorld extends SimWorld {
  notes = new Map<string, string>();
  next = 1;
  constructor(readonly clock: Clock) {
    super();
  }
  add(text: string): string {
    const id = String(this.next++);
    this.notes.set(id, text);
    this.changed();
    return id;
  }
  state(): SandboxItem[] {
    return [...this.notes].map(([id, text]) => ({ id, kind: 'post', status: 'SCHEDULED', live: true, scheduledAt: null, fingerprint: fingerprint(text) }));
  }
  exportData(): JsonValue {
    return { notes: [...this.notes].map(([id, text]) => ({ id, text })), next: this.next };
  }
}

const problem = (status: 400 | 401 | 404 | 429 | 500, code: string) => (c: Context) => c.json({ problem: code }, status);

const spec: SimulatorSpec<NotesWorld> = {
  platform: 'notes',
  world: ({ clock, data }) => {
    const world = new NotesWorld(clock);
    if (data !== undefined) {
      const parsed = dataSchema.parse(data);
      for (const n of parsed.notes) world.notes.set(n.id, n.text);
      world.next = parsed.next;
    }
    return world;
  },
  seed: (world, { random }) => {
    for (let i = 0; i < 3; i++) world.add(`seeded ${Math.floor(random() * 1000)}`);
  },
  apiPath: '/api/*',
  authenticate: (c, _world, tools) => (bearerToken(c) === tools.options.credentials.token ? null : problem(401, 'who are you')(c)),
  throttles: {
    'in-body': (c) => c.json({ problem: 'slow down' }, 200),
    'http-429': (c, cause) => c.json({ problem: `429 (${cause})` }, 429),
  },
  serverError: problem(500, 'boom'),
  limits: { perSecond: 3, perDay: 5, throttle: 'http-429' },
  routes: (app: Hono, world) => {
    app.get('/api/notes', (c) => c.json({ notes: [...world.notes.values()] }));
    app.post('/api/notes', async (c) => c.json({ id: world.add(await c.req.text()) }));
  },
  notFound: problem(404, 'no such thing'),
  onError: (_e, c) => problem(500, 'crash')(c),
};

const base = (clock: ManualClock, extra: Partial<SimulatorOptions> = {}): SimulatorOptions => ({ clock, credentials: { token: TOKEN }, accountIds: [], seed: 'empty', ...extra });
const call = (sim: { fetch(r: Request): Promise<Response> }, path: string, init: RequestInit = {}) =>
  sim.fetch(new Request(`https://notes.test${path}`, { ...init, headers: { authorization: `Bearer ${TOKEN}`, ...init.headers } }));

describe('simulator builder', () => {
  it('serves the state outside the fault layer, and plays faults with the chosen throttle variant', async () => {
    const sim = buildSimulator(spec, base(new ManualClock()));
    sim.world.add('hello');
    sim.faults.inject({ kind: 'server-error', times: Infinity });
    const state = await sim.fetch(new Request('https://notes.test/__sandbox/state'));
    expect(state.status).toBe(200);
    expect(await state.json()).toEqual(sim.state());
    expect((await call(sim, '/api/notes')).status).toBe(500);
    sim.faults.clear();
    sim.faults.inject({ kind: 'rate-limit' });
    expect(await (await call(sim, '/api/notes')).json()).toEqual({ problem: 'slow down' }); // the first variant is the default
    sim.faults.inject({ kind: 'rate-limit', variant: 'http-429' });
    expect(await (await call(sim, '/api/notes')).json()).toEqual({ problem: '429 (fault)' });
    expect(() => sim.faults.inject({ kind: 'rate-limit', variant: 'carrier-pigeon' })).toThrow('in-body, http-429');
    expect(sim.requests.map((r) => r.path)).toEqual(['/api/notes', '/api/notes', '/api/notes']); // the state read is not recorded
  });

  it('records requests with every credential masked, in the query, a form body or anywhere else', async () => {
    const sim = buildSimulator(spec, base(new ManualClock()));
    await call(sim, `/api/notes?access_token=${TOKEN}&x=1`);
    await call(sim, '/api/notes', { method: 'POST', body: `access_token=${TOKEN}&note=mine&appsecret_proof=abcdef` });
    await call(sim, '/api/notes', { method: 'POST', body: JSON.stringify({ copy: TOKEN }) });
    const recorded = JSON.stringify(sim.requests);
    expect(recorded).not.toContain(TOKEN);
    expect(recorded).not.toContain('abcdef');
    expect(sim.requests[0]!.query).toBe('access_token=***&x=1');
    expect(sim.requests[1]!.body).toBe('access_token=***&note=mine&appsecret_proof=***');
  });

  it('enforces the per-second and daily limits when asked, the day on the simulated clock', async () => {
    const clock = new ManualClock();
    const sim = buildSimulator(spec, base(clock, { enforceLimits: true }));
    const burst = await Promise.all(Array.from({ length: 5 }, () => call(sim, '/api/notes')));
    expect(burst.map((r) => r.status).sort()).toEqual([200, 200, 200, 429, 429]);
    expect(await burst.find((r) => r.status === 429)!.json()).toEqual({ problem: '429 (per-second)' });
    await new Promise((resolve) => setTimeout(resolve, 1_050));
    expect((await call(sim, '/api/notes')).status).toBe(200);
    expect((await call(sim, '/api/notes')).status).toBe(200);
    const overDay = await call(sim, '/api/notes'); // 5 a day: 3 + 2 already
    expect(await overDay.json()).toEqual({ problem: '429 (per-day)' });
    clock.advance(DAY);
    expect((await call(sim, '/api/notes')).status).toBe(200);
    // without enforceLimits the same traffic only counts
    const lenient = buildSimulator(spec, base(clock));
    const answers = await Promise.all(Array.from({ length: 8 }, () => call(lenient, '/api/notes')));
    expect(answers.every((r) => r.status === 200)).toBe(true);
  });

  it('counts seconds as the platform does: any 1,000 ms, or back-to-back windows', () => {
    let wall = 0;
    const clock = new ManualClock();
    const sliding = new LimitGuard({ perSecond: 2 }, clock, () => wall);
    const fixed = new LimitGuard({ perSecond: 2, perSecondWindow: 'fixed' }, clock, () => wall);
    const at = (guard: LimitGuard) => (t: number) => {
      wall = t;
      const verdict = guard.enter(true);
      if (verdict === 'ok') guard.leave();
      return verdict;
    };
    const times = [0, 900, 1000, 1001, 1002];
    expect(times.map(at(sliding))).toEqual(['ok', 'ok', 'ok', 'per-second', 'per-second']);
    expect(times.map(at(fixed))).toEqual(['ok', 'ok', 'ok', 'ok', 'per-second']);
  });

  it('seeds once with the one seeding signature, exports its world, and loads it back instead of seeding', async () => {
    const clock = new ManualClock();
    const seeded = buildSimulator(spec, base(clock, { seed: 'sandbox' }));
    expect(seeded.state()).toHaveLength(3);
    expect(buildSimulator(spec, base(clock, { seed: 'sandbox' })).state()).toEqual(seeded.state()); // deterministic
    const changes: number[] = [];
    seeded.onChange(() => changes.push(seeded.state().length));
    await call(seeded, '/api/notes', { method: 'POST', body: 'added through the API' });
    expect(changes).toEqual([4]);

    const exported = JSON.parse(JSON.stringify(seeded.exportWorld())) as JsonValue;
    const loaded = buildSimulator(spec, base(clock, { seed: 'sandbox', world: exported }));
    expect(loaded.state()).toEqual(seeded.state());
    expect(() => buildSimulator(spec, base(clock, { world: { notes: 'not a list' } }))).toThrow();
  });

  it('answers with the platform’s own refusals for credentials and unknown paths', async () => {
    const sim = buildSimulator(spec, base(new ManualClock()));
    const refused = await sim.fetch(new Request('https://notes.test/api/notes', { headers: { authorization: 'Bearer nope' } }));
    expect([refused.status, await refused.json()]).toEqual([401, { problem: 'who are you' }]);
    expect((await call(sim, '/elsewhere')).status).toBe(404);
  });
});
