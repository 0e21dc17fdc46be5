// GET /v1/audit beyond test/pauses/invariant-7: paging headers, exports page by page, time zones,
// CSV quoting and formula injection, empty results; reading the log changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/domain/actor.js';
import type { AuditEntry } from '../../src/audit/audit-entry.js';
import { HOUR } from '../support/clock.js';
import { useMsw } from '../support/msw.js';
import { startHarness, type Harness } from '../support/service.js';
import { expectUnchanged, worldOf } from './assertions.js';

describe('GET /v1/audit', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  const all = async (): Promise<AuditEntry[]> => (await h.store.listAudit({ limit: 100_000 })).data;

  it('sends the next cursor in X-Next-Cursor as well, and none on the last page', async () => {
    h = await startHarness(server);
    await h.pause(1);
    const total = (await all()).length;
    const first = await h.call('GET', '/v1/audit?limit=2');
    expect(first.body.nextCursor).toEqual(expect.any(String));
    expect(first.headers.get('x-next-cursor')).toBe(first.body.nextCursor);
    const last = await h.call('GET', `/v1/audit?limit=${total}`);
    expect(last.body.data).toHaveLength(total);
    expect(last.body.nextCursor).toBeNull();
    expect(last.headers.get('x-next-cursor')).toBeNull();
  });

  it('exports NDJSON page by page with X-Next-Cursor, covering the log exactly once', async () => {
    h = await startHarness(server);
    await h.pause(3);
    const lines: AuditEntry[] = [];
    let cursor: string | null = null;
    do {
      const reply: Awaited<ReturnType<Harness['call']>> = await h.call('GET', `/v1/audit?limit=25${cursor ? `&cursor=${cursor}` : ''}`, undefined, { accept: 'application/x-ndjson' });
      expect(reply.status).toBe(200);
      expect(reply.text.endsWith('\n')).toBe(true);
      lines.push(...reply.text.trim().split('\n').map((l) => JSON.parse(l) as AuditEntry));
      cursor = reply.headers.get('x-next-cursor');
    } while (cursor);
    expect(lines).toEqual(await all());
  });

  it('an export without a limit holds the whole log, JSON pages hold 100', async () => {
    h = await startHarness(server);
    await h.resume((await h.pause(3)).id);
    const total = (await all()).length;
    expect(total).toBeGreaterThan(100);
    const json = await h.call('GET', '/v1/audit');
    expect(json.body.data).toHaveLength(100);
    expect(json.headers.get('x-next-cursor')).toBeTruthy();
    const csv = await h.call('GET', '/v1/audit', undefined, { accept: 'text/csv' });
    expect(csv.text.trim().split('\r\n')).toHaveLength(total + 1);
    expect(csv.headers.get('x-next-cursor')).toBeNull();
    const ndjson = await h.call('GET', '/v1/audit?limit=10', undefined, { accept: 'application/x-ndjson' });
    expect(ndjson.text.trim().split('\n')).toHaveLength(10);
  });

  it('streams an export longer than any page, entry by entry from disk', async () => {
    h = await startHarness(server);
    const ctx = { actor: SYSTEM_ACTOR, source: 'system', requestId: 'req_flood' } as const;
    for (let i = 0; i < 6; i++) await h.store.appendAudit(Array.from({ length: 2_500 }, () => ({ action: 'auth.failed' as const, ...ctx, at: h.clock.now().toISOString() })));
    const total = (await h.store.auditHead()).seq;
    expect(total).toBeGreaterThan(15_000);
    const ndjson = await h.call('GET', '/v1/audit', undefined, { accept: 'application/x-ndjson' });
    const seqs = ndjson.text.trim().split('\n').map((l) => JSON.parse(l).seq as number);
    expect(seqs).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(ndjson.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const csv = await h.call('GET', '/v1/audit', undefined, { accept: 'text/csv' });
    expect(csv.text.trim().split('\r\n')).toHaveLength(total + 1);
  });

  it('an empty result is an empty NDJSON body, a CSV with only its header, and an empty JSON page', async () => {
    h = await startHarness(server);
    const url = '/v1/audit?pauseId=pau_none';
    expect((await h.call('GET', url)).body).toEqual({ data: [], nextCursor: null });
    const ndjson = await h.call('GET', url, undefined, { accept: 'application/x-ndjson' });
    expect(ndjson.status).toBe(200);
    expect(ndjson.text).toBe('');
    const csv = await h.call('GET', url, undefined, { accept: 'text/csv' });
    expect(csv.text).toBe('seq,at,action,actor,source,requestId,pauseId,itemId,connectionId,data,hash\r\n');
  });

  it('takes `since` with a time zone offset and keeps entries at exactly that instant', async () => {
    h = await startHarness(server);
    await h.pause(1, { scope: { connections: ['hootsuite-acme'] } });
    h.clock.advance(HOUR);
    const at = h.clock.now();
    const later = await h.pause(2, { scope: { connections: ['meta-ads-acme'] } });
    // The same instant written in UTC+02:00.
    const local = new Date(at.getTime() + 2 * HOUR).toISOString().replace('.000Z', '+02:00');
    const reply = await h.call('GET', `/v1/audit?since=${encodeURIComponent(local)}&limit=10000`);
    expect(reply.status).toBe(200);
    const entries = reply.body.data as AuditEntry[];
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.at === at.toISOString() && e.pauseId === later.id)).toBe(true);
    expect(entries).toEqual((await all()).filter((e) => e.at >= at.toISOString()));
  });

  it('quotes CSV cells with commas and quotes, and defuses cells a spreadsheet would run as formulas', async () => {
    h = await startHarness(server);
    // A request id may start with "-", which a spreadsheet reads as a formula.
    const pause = await h.call('POST', '/v1/pauses?wait=true', { severity: 1, reason: 'say "sorry", then wait', scope: { connections: ['hootsuite-acme'] } }, { 'x-request-id': '-1-1' });
    expect(pause.status).toBe(201);
    const csv = await h.call('GET', `/v1/audit?pauseId=${pause.body.pause.id}`, undefined, { accept: 'text/csv' });
    const rows = csv.text.split('\r\n');
    expect(rows.at(-1)).toBe('');
    const requested = rows.find((r) => r.includes(',pause.requested,'))!;
    // requestId: prefixed with ' so it stays text
    expect(requested).toContain(",'-1-1,");
    // data: JSON with commas and quotes, inside quotes, inner quotes doubled
    const entry = (await all()).find((e) => e.action === 'pause.requested')!;
    expect(requested).toContain(`"${JSON.stringify(entry.data).replaceAll('"', '""')}"`);
    expect(requested.startsWith(`${entry.seq},${entry.at},pause.requested,api-key:${entry.actor.id}:`)).toBe(true);
    expect(requested.endsWith(`,${entry.hash}`)).toBe(true);
  });

  it('JSON is the default for any other Accept', async () => {
    h = await startHarness(server);
    for (const accept of ['*/*', 'text/html', 'application/json']) {
      const reply = await h.call('GET', '/v1/audit', undefined, { accept });
      expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
      expect(reply.body.data.map((e: AuditEntry) => e.action)).toEqual(['api-key.created']);
    }
  });

  it('reading the audit log, in any format, is not itself audited and changes nothing', async () => {
    h = await startHarness(server);
    await h.pause(1);
    const before = await worldOf(h);
    for (const accept of ['application/json', 'application/x-ndjson', 'text/csv']) expect((await h.call('GET', '/v1/audit', undefined, { accept })).status).toBe(200);
    await expectUnchanged(h, before);
  });
});
