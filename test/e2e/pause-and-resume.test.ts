// End to end: `npm start` as shipped — the real server on an ephemeral port, the embedded sandbox,
// the default config with every platform for two brands and a manual platform each — driven over
// HTTP. A severity-3 pause suspends every live item on every connection and opens the manual
// tasks; the resume puts the sandbox back exactly (ids of re-created items aside, old → new
// recorded); a pause scoped to one brand touches nothing of the other's.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxItem } from '../../adapters/kit/simulator/types.js';
import { BUILT_IN_ADAPTERS } from '../../adapters/registry.js';
import { api, getJson, startProcess, type Running } from '../support/process.js';
import { comparableWorld, liveIds } from '../support/service.js';

const KEY = 'e2e-api-key-0123456789abcdef';
type Call = ReturnType<typeof api>;

describe('end to end: npm start, every platform, pause at severity 3, resume', () => {
  let service: Running;
  let dataDir: string;
  let base: string;
  let sandbox: string;
  let call: Call;
  /** connections whose platform deletes and re-creates: their ids change on the way back */
  let recreating: string[];

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'crisis-pause-e2e-'));
    service = startProcess('src/main.ts', { PORT: '0', SANDBOX_PORT: '0', DATA_DIR: dataDir, BOOTSTRAP_API_KEY: KEY, LOG_LEVEL: 'warn' });
    base = await service.waitFor(/listening on (http:\/\/\S+)/);
    sandbox = await service.waitFor(/sandbox platforms on (http:\/\/\S+)/);
    call = api(base, KEY);
    const connections = (await call('GET', '/v1/connections')).body.data as Array<{ id: string; capabilities: Array<{ method: string }> }>;
    recreating = connections.filter((c) => c.capabilities.some((cap) => cap.method === 'delete')).map((c) => c.id);
  }, 60_000);

  afterAll(async () => {
    expect(await service.stop('SIGTERM')).toBe(0);
    await rm(dataDir, { recursive: true, force: true });
  });

  /** A caller with a second lead's key: the one who approves a resume. */
  const secondLead = (admin: Call) => {
    let key: Promise<string> | undefined;
    return async (method: string, url: string, body?: unknown) => {
      key ??= admin('POST', '/v1/keys', { name: 'Second lead', role: 'lead' }).then((r) => r.body.secret as string);
      return api(base, await key)(method, url, body);
    };
  };
  const world = async (): Promise<Record<string, SandboxItem[]>> => (await getJson(`${sandbox}/__sandbox/state`)).body;
  const of = (w: Record<string, SandboxItem[]>, brand: string) => Object.fromEntries(Object.entries(w).filter(([id]) => id.endsWith(`-${brand}`)));
  /** Ticks off every open task of a pause, as the people would. */
  const tickAll = async (pauseId: string) => {
    const tasks = (await call('GET', `/v1/pauses/${pauseId}/tasks`)).body.data as Array<{ id: string; state: string }>;
    for (const t of tasks.filter((x) => x.state === 'open')) expect((await call('POST', `/v1/pauses/${pauseId}/tasks/${t.id}/done`, { note: 'done by hand' })).status).toBe(200);
  };

  it('suspends every live item of all eleven platforms and opens the manual tasks; resume puts everything back', async () => {
    expect((await getJson(`${base}/readyz`)).status).toBe(200);
    const before = await world();
    const platforms = new Set(BUILT_IN_ADAPTERS.map((a) => a.platform));
    expect(platforms.size).toBe(11);
    for (const platform of platforms) for (const brand of ['acme', 'globex']) expect(Object.keys(before), `${platform}-${brand}`).toContain(`${platform}-${brand}`);
    const live = liveIds(before);
    for (const connection of Object.keys(before)) expect(live.some((id) => id.startsWith(`${connection}/`)), `${connection} has live items`).toBe(true);

    const paused = await call('POST', '/v1/pauses?wait=true', { severity: 3, reason: 'A post went wrong' });
    // Everything we can reach is suspended; the manual platforms wait for people: accepted, not complete.
    expect(paused.status, JSON.stringify(paused.body.pause?.failures ?? paused.body)).toBe(202);
    const pause = paused.body.pause;
    expect(pause).toMatchObject({ state: 'active', severity: 3, complete: false, failures: { listings: 0, items: 0 }, taskCounts: { open: 2, done: 0, skipped: 0 } });
    expect(pause.counts.byState.suspended).toBe(live.length);
    const during = await world();
    expect(liveIds(during)).toEqual([]);
    for (const [connection, rows] of Object.entries(before))
      for (const row of rows.filter((r) => !r.live)) expect(during[connection], connection).toContainEqual(row);
    await tickAll(pause.id);
    expect((await call('GET', `/v1/pauses/${pause.id}`)).body.complete).toBe(true);

    // A red alert comes back only with a second lead's approval.
    const asked = await call('POST', `/v1/pauses/${pause.id}/resume?wait=true`, {});
    expect(asked.body).toMatchObject({ outcome: 'awaiting-approval', pause: { state: 'awaiting-approval' } });
    expect(liveIds(await world())).toEqual([]);
    const resumed = await secondLead(call)('POST', `/v1/pauses/${pause.id}/resume/approve?wait=true`, {});
    expect(resumed.status).toBe(202); // the way back on the manual platforms is open
    expect(resumed.body.pause).toMatchObject({ state: 'resumed', failures: { listings: 0, items: 0 }, taskCounts: { open: 2, done: 2 } });
    expect(resumed.body.pause.counts.byState.restored).toBe(live.length);
    expect(comparableWorld(await world(), recreating)).toEqual(comparableWorld(before, recreating));
    // Old → new for every re-created item; the same id for every other.
    const items = (await call('GET', `/v1/pauses/${pause.id}/items?limit=1000`)).body.data as Array<{ connectionId: string; externalId: string; newExternalId: string | null }>;
    expect(items).toHaveLength(live.length);
    for (const item of items) {
      if (recreating.includes(item.connectionId)) expect(item.newExternalId, item.externalId).toEqual(expect.any(String));
      else expect(item.newExternalId).toBeNull();
    }
    const after = await world();
    for (const item of items.filter((i) => i.newExternalId)) expect(after[item.connectionId]!.some((r) => r.id === item.newExternalId && r.live)).toBe(true);
    await tickAll(pause.id);
    expect((await call('GET', `/v1/pauses/${pause.id}`)).body).toMatchObject({ state: 'resumed', complete: true });
  }, 240_000);

  it("pauses one brand without touching the other's", async () => {
    const before = await world();
    const paused = await call('POST', '/v1/pauses?wait=true', { severity: 3, reason: 'Globex recall', scope: { tags: ['brand:globex'] } });
    expect(paused.status).toBe(202);
    expect(paused.body.pause.connectionIds.every((id: string) => id.endsWith('-globex'))).toBe(true);
    expect(paused.body.pause.manualIds).toEqual(['later-globex']);
    const during = await world();
    expect(liveIds(of(during, 'globex'))).toEqual([]);
    expect(of(during, 'acme')).toEqual(of(before, 'acme'));
    await call('POST', `/v1/pauses/${paused.body.pause.id}/resume`, {});
    await secondLead(call)('POST', `/v1/pauses/${paused.body.pause.id}/resume/approve?wait=true`, {});
    expect(comparableWorld(await world(), recreating)).toEqual(comparableWorld(before, recreating));
  }, 240_000);
});
