// Invariant 2: an item's snapshot is durable before the platform call that changes it, and after
// a crash at any instant, restarting finishes or reconciles the interrupted work.
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { useMsw } from '../support/msw.js';
import { onDisk } from '../../src/store/lowdb/on-disk.js';
import { dataDirAtCrash } from '../support/crash.js';
import { until } from '../support/until.js';
import { comparableWorld, liveIds, startHarness, type Harness } from '../support/service.js';

type StoredItem = { externalId: string; snapshot: Record<string, any>; newExternalId: string | null };

/**
 * The stored items a write request acts on: by the id in its path, every campaign of a Meta
 * batch, or — for a Hootsuite re-create, which has no id yet — the snapshot whose text it sends.
 */
async function itemsWritten(request: Request, stored: StoredItem[]): Promise<Array<StoredItem | undefined>> {
  const url = new URL(request.url);
  const byId = (id: string) => stored.find((i) => i.externalId === id || i.newExternalId === id);
  if (/\/v1\/messages$/.test(url.pathname)) {
    const body = (await request.clone().json()) as { text: string; scheduledSendTime: string };
    return [stored.find((i) => i.snapshot.body?.text === body.text)];
  }
  const message = /\/v1\/messages\/(\d+)$/.exec(url.pathname);
  if (message) return [byId(message[1]!)];
  const mailchimp = /\/3\.0\/(?:campaigns|automations)\/([^/]+)\/(?:emails\/[^/]+\/)?actions\//.exec(url.pathname);
  if (mailchimp) return [byId(mailchimp[1]!)];
  if (/\/v25\.0\/?$/.test(url.pathname)) {
    const batch = JSON.parse(new URLSearchParams(await request.clone().text()).get('batch') ?? '[]') as Array<{ relative_url: string }>;
    return batch.map((b) => byId(b.relative_url.split('/').pop()!));
  }
  throw new Error(`unexpected write ${request.method} ${url.pathname}`);
}

describe('invariant 2: write-ahead snapshot and crash recovery', () => {
  const server = useMsw();
  const harnesses: Harness[] = [];
  afterEach(async () => {
    server.events.removeAllListeners();
    for (const h of harnesses.splice(0)) await h.close();
  });

  it('stores every item with its snapshot on disk before any call that changes it on a platform', async () => {
    const h = await startHarness(server);
    harnesses.push(h);
    const checks: Array<Promise<void>> = [];
    let writes = 0;
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'GET' || !request.url.startsWith('http://sandbox.test/')) return;
      writes++;
      // Read the disk at the very moment the call leaves, before anything else runs.
      const stored = onDisk(h.dataDir).items as unknown as StoredItem[];
      checks.push(
        itemsWritten(request, stored).then((items) => {
          expect(items.length).toBeGreaterThan(0);
          for (const item of items) {
            expect(item, `${request.method} ${request.url} before its item was stored`).toBeDefined();
            expect(Object.keys(item!.snapshot).length).toBeGreaterThan(0);
          }
        }),
      );
    });
    const pause = await h.pause(3);
    await h.resume(pause.id);
    await Promise.all(checks);
    expect(writes).toBeGreaterThan(pause.counts.total / 50);
  });

  /** A second service on a copy of the first one's data dir, as it was on disk at the crash. */
  async function restartAfterCrash(crashed: Harness): Promise<Harness> {
    const dir = dataDirAtCrash(crashed.dataDir);
    // The crashed process is gone: nothing it still had in flight reaches a platform any more.
    server.use(http.all('http://sandbox-a.test/*', () => HttpResponse.error()));
    crashed.sandbox.simulators.forEach((s) => s.faults.clear());
    const restarted = await startHarness(server, { sandbox: crashed.sandbox, clock: crashed.clock, dataDir: dir, sandboxUrl: 'http://sandbox-b.test' });
    harnesses.push(restarted);
    return restarted;
  }

  it('finishes a pause interrupted mid-suspension, without acting twice on what was already done', async () => {
    const a = await startHarness(server, { sandboxUrl: 'http://sandbox-a.test' });
    harnesses.push(a);
    const before = a.state();
    const hootsuite = a.sandbox.simulators.get('hootsuite-acme')!;
    // The first deletes (four run at once) reach Hootsuite but their answers never come back;
    // later ones hang unapplied.
    hootsuite.faults.inject({ kind: 'timeout', method: 'DELETE', times: 4, applied: true, holdMs: 3_000 });
    hootsuite.faults.inject({ kind: 'timeout', method: 'DELETE', times: Infinity, holdMs: 3_000 });
    const started = await a.call('POST', '/v1/pauses', { severity: 3, reason: 'crash test' });
    const pauseId = started.body.pause.id;
    await until(() => hootsuite.requests.filter((r) => r.method === 'DELETE').length >= 4, 'deletes in flight');
    await until(async () => (await a.items(pauseId, '&kind=ad&state=suspended')).length > 0, 'ads suspended');

    const b = await restartAfterCrash(a);
    expect(await b.service.start()).toEqual([pauseId]);
    await b.service.pauses.idle();

    const pause = (await b.call('GET', `/v1/pauses/${pauseId}`)).body;
    expect(pause.state).toBe('active');
    expect(pause.counts.total).toBe(liveIds(before).length);
    expect(pause.counts.byState.suspended).toBe(pause.counts.total);
    expect(liveIds(b.state())).toEqual([]);
    const recovered = (await b.items(pauseId, '&kind=post')).filter((i) => i.note === 'found already suspended on the platform');
    expect(recovered.length).toBe(4);
    const audit = (await b.call('GET', `/v1/audit?pauseId=${pauseId}&limit=10000`)).body.data;
    expect(audit.some((e: { action: string; source: string }) => e.action === 'pause.recovering' && e.source === 'system')).toBe(true);

    await b.resume(pauseId);
    expect(comparableWorld(b.state())).toEqual(comparableWorld(before));
  });

  it('finishes a resume interrupted mid-way without re-creating a post twice', async () => {
    const a = await startHarness(server, { sandboxUrl: 'http://sandbox-a.test' });
    harnesses.push(a);
    const before = a.state();
    const pause = await a.pause(1);
    const hootsuite = a.sandbox.simulators.get('hootsuite-acme')!;
    // Four re-creates happen on Hootsuite but their answers are lost in the crash.
    hootsuite.faults.inject({ kind: 'timeout', method: 'POST', path: /\/v1\/messages$/, times: 4, applied: true, holdMs: 3_000 });
    hootsuite.faults.inject({ kind: 'timeout', method: 'POST', path: /\/v1\/messages$/, times: Infinity, holdMs: 3_000 });
    await a.call('POST', `/v1/pauses/${pause.id}/resume`);
    await until(() => hootsuite.requests.filter((r) => r.method === 'POST').length >= 6, 'creates in flight');
    await a.store.flush();

    const b = await restartAfterCrash(a);
    expect(await b.service.start()).toEqual([pause.id]);
    await b.service.pauses.idle();

    const resumed = (await b.call('GET', `/v1/pauses/${pause.id}`)).body;
    expect(resumed.state).toBe('resumed');
    expect(resumed.counts.byState.restored).toBe(pause.counts.total);
    expect(b.state()['hootsuite-acme']!.length).toBe(before['hootsuite-acme']!.length);
    expect(comparableWorld(b.state())).toEqual(comparableWorld(before));
    const adopted = (await b.items(pause.id)).filter((i) => /adopt/i.test(i.note ?? ''));
    expect(adopted.length).toBe(4);
  });
});
