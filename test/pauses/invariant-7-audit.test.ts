// Invariant 7: every change of state is audited with actor, source, time and request id, in an
// append-only, hash-chained log.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashEntry } from '../../src/audit/audit-chain.js';
import type { AuditEntry } from '../../src/audit/audit-entry.js';
import { LowdbStore } from '../../src/store/lowdb/lowdb-store.js';
import { DAY } from '../support/clock.js';
import { useMsw } from '../support/msw.js';
import { startHarness, type Harness } from '../support/service.js';

describe('invariant 7: everything is audited', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  const all = async (): Promise<AuditEntry[]> => (await h.call('GET', '/v1/audit?limit=10000')).body.data;

  it('records the pause, each item, the resume, releases and keeps, with who, where and which request', async () => {
    h = await startHarness(server);
    const paused = await h.call('POST', '/v1/pauses?wait=true', { severity: 3, reason: 'bad post' }, { 'x-request-id': 'req-pause-1' });
    const pause = paused.body.pause;
    h.clock.advance(3 * DAY);
    await h.call('POST', `/v1/pauses/${pause.id}/resume?wait=true`, {}, { 'x-request-id': 'req-resume-1' });
    const [missed, other] = await h.items(pause.id, '&state=missed');
    await h.call('POST', `/v1/pauses/${pause.id}/items/${missed!.id}/keep`, undefined, { 'x-request-id': 'req-keep-1' });
    await h.call('POST', `/v1/pauses/${pause.id}/items/${other!.id}/release`, undefined, { 'x-request-id': 'req-release-1' });

    const entries = (await h.call('GET', `/v1/audit?pauseId=${pause.id}&limit=10000`)).body.data as AuditEntry[];
    const actions = entries.map((e) => e.action);
    for (const action of ['pause.requested', 'items.claimed', 'item.suspended', 'pause.active', 'pause.resume-requested', 'item.restored', 'item.missed', 'pause.resumed', 'item.kept', 'item.release-requested'])
      expect(actions).toContain(action);
    expect(actions.filter((a) => a === 'item.suspended')).toHaveLength(pause.counts.total);
    // Every item's creation is traced: the claims name each item they stored.
    const claimed = entries.filter((e) => e.action === 'items.claimed').flatMap((e) => e.data.itemIds as string[]);
    expect(claimed.sort()).toEqual((await h.items(pause.id)).map((i) => i.id).sort());

    for (const entry of entries) {
      expect(entry.actor).toMatchObject({ type: 'api-key', name: 'bootstrap (BOOTSTRAP_API_KEY)' });
      expect(entry.source).toBe('api');
      expect(entry.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
    const byRequest = (id: string) => entries.filter((e) => e.requestId === id).map((e) => e.action);
    expect(byRequest('req-pause-1')).toEqual(expect.arrayContaining(['pause.requested', 'item.suspended', 'pause.active']));
    expect(byRequest('req-resume-1')).toEqual(expect.arrayContaining(['item.restored', 'item.missed', 'pause.resumed']));
    expect(byRequest('req-keep-1')).toEqual(['item.kept']);
    expect(byRequest('req-release-1')).toEqual(['item.release-requested', 'item.restored']);
    const suspendedEntry = entries.find((e) => e.action === 'item.suspended')!;
    expect(suspendedEntry).toMatchObject({ itemId: expect.stringMatching(/^itm_/), connectionId: expect.any(String), data: { from: 'planned', to: 'suspended' } });
  });

  it('chains every entry to the one before by hash, on disk, append-only across restarts', async () => {
    h = await startHarness(server);
    await h.pause(2);
    const entries = await all();
    expect(entries[0]!.seq).toBe(1);
    entries.forEach((entry, i) => {
      const { hash, ...body } = entry;
      expect(hashEntry(body)).toBe(hash);
      if (i > 0) expect(entry.prevHash).toBe(entries[i - 1]!.hash);
      expect(entry.seq).toBe(i + 1);
    });
    await h.store.flush();
    const lines = (await readFile(path.join(h.dataDir, 'audit.ndjson'), 'utf8')).trim().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual(entries);

    const reopened = await LowdbStore.open(h.dataDir);
    expect((await reopened.auditHead()).hash).toBe(entries.at(-1)!.hash);
  });

  it('audits a refused API key without keeping any of it, and refuses the request', async () => {
    h = await startHarness(server);
    const response = await h.call('GET', '/v1/pauses', undefined, { authorization: 'Bearer not-a-real-key-123' });
    expect(response.status).toBe(401);
    const missing = await h.call('GET', '/v1/pauses', undefined, { authorization: '' });
    expect(missing.status).toBe(401);
    // The first refusal from an address in a window is audited at once; later ones are counted
    // and written as one summary when the window ends (here: at shutdown).
    await h.service.authFailures.sweep(true);
    const failures = (await all()).filter((e) => e.action === 'auth.failed');
    expect(failures.map((f) => f.data)).toEqual([
      expect.objectContaining({ reason: 'unknown key' }),
      expect.objectContaining({ count: 1, reasons: { missing: 1 } }),
    ]);
    expect(JSON.stringify(failures)).not.toContain('not-a-real-key-123');
    expect(await readFile(path.join(h.dataDir, 'audit.ndjson'), 'utf8').catch(() => '')).not.toContain('not-a-real-key-123');
  });

  it('filters by pause and by time, pages with a cursor, and exports NDJSON and CSV', async () => {
    h = await startHarness(server);
    const first = await h.pause(1, { scope: { connections: ['hootsuite-acme'] } });
    h.clock.advance(60_000);
    const since = h.clock.now().toISOString();
    const second = await h.pause(2, { scope: { connections: ['meta-ads-acme'] } });
    const onlySecond = (await h.call('GET', `/v1/audit?pauseId=${second.id}`)).body.data as AuditEntry[];
    expect(onlySecond.every((e) => e.pauseId === second.id)).toBe(true);
    const recent = (await h.call('GET', `/v1/audit?since=${encodeURIComponent(since)}&limit=10000`)).body.data as AuditEntry[];
    expect(recent.every((e) => e.at >= since)).toBe(true);
    expect(recent.some((e) => e.pauseId === first.id)).toBe(false);

    const page1 = await h.call('GET', '/v1/audit?limit=3');
    expect(page1.body.data).toHaveLength(3);
    const page2 = await h.call('GET', `/v1/audit?limit=3&cursor=${page1.body.nextCursor}`);
    expect(page2.body.data[0].seq).toBe(4);

    const ndjson = await h.call('GET', `/v1/audit?pauseId=${second.id}`, undefined, { accept: 'application/x-ndjson' });
    expect(ndjson.headers.get('content-type')).toMatch(/application\/x-ndjson/);
    expect(ndjson.text.trim().split('\n').map((l) => JSON.parse(l))).toEqual(onlySecond);
    const csv = await h.call('GET', `/v1/audit?pauseId=${second.id}`, undefined, { accept: 'text/csv' });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const rows = csv.text.trim().split('\r\n');
    expect(rows[0]).toBe('seq,at,action,actor,source,requestId,pauseId,itemId,connectionId,data,hash');
    expect(rows).toHaveLength(onlySecond.length + 1);
  });
});
