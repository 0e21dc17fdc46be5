// The embedded store's files: journal replay, compaction into a snapshot, what a crash can leave
// behind at any point (a torn line, a journal without its audit lines, a compaction cut short),
// and data it must refuse without touching it.
import { appendFile, copyFile, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AUDIT_FILE, DATA_FILE, LowdbStore } from '../../src/store/lowdb/lowdb-store.js';
import { apiKeyFixture, AT, auditDraft, deliveryFixture, itemFixture, pauseFixture, tempDir } from './fixtures.js';

describe('the lowdb store on disk', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });
  const newDir = async () => {
    const dir = await tempDir();
    dirs.push(dir);
    return dir;
  };
  const files = async (dir: string) => (await readdir(dir)).sort();

  /** A store with a pause of `n` items, some of them moved on. */
  async function fill(store: LowdbStore, n: number, prefix = 'itm') {
    await store.openPause(pauseFixture('pau_a'), { audit: [auditDraft('pause.requested', { pauseId: 'pau_a' })] });
    const { claimed } = await store.claimItems(
      'pau_a',
      Array.from({ length: n }, (_, i) => itemFixture(`${prefix}_${i}`, 'pau_a', { state: 'planned', snapshot: { text: 'x'.repeat(200), i } })),
      () => [auditDraft('items.claimed', { pauseId: 'pau_a' })],
    );
    await store.recordTransitions(claimed.filter((_, i) => i % 2 === 0).map((item) => ({ from: 'planned' as const, item: { ...item, state: 'suspended' as const }, audit: auditDraft('item.suspended', { itemId: item.id }) })));
    return claimed;
  }

  async function everything(store: LowdbStore) {
    const notifications = { mark: await store.notifierMark(), deliveries: await store.listDeliveries({ limit: 1_000 }) };
    return { items: await store.itemsOfPause('pau_a'), pause: await store.getPause('pau_a'), head: await store.auditHead(), audit: (await store.listAudit({ limit: 10_000 })).data, notifications };
  }

  it('replays its journal on open: what was written is there, without any snapshot yet', async () => {
    const dir = await newDir();
    const store = await LowdbStore.open(dir);
    await fill(store, 20);
    await store.insertApiKey(apiKeyFixture('key_1'), []);
    const before = await everything(store);
    await store.close();
    expect(await files(dir)).toEqual([AUDIT_FILE, 'journal-000001.ndjson']);
    const reopened = await LowdbStore.open(dir);
    expect(await everything(reopened)).toEqual(before);
    expect(await reopened.findApiKeyByHash('sha256:key_1')).toEqual(apiKeyFixture('key_1'));
    expect(reopened.notices).toEqual([]);
  });

  it('folds the journal into a snapshot once it outgrows it, drops the old journal, and reads the same back', async () => {
    const dir = await newDir();
    const store = await LowdbStore.open(dir, { compactAfterBytes: 20_000 });
    // The notifier's outbox and mark are folded in too.
    await store.queueDeliveries([deliveryFixture('ntf_1'), deliveryFixture('ntf_2', { state: 'failed' })], { auditSeq: 0, reminders: { pau_a: 2 }, failures: {} }, null);
    await fill(store, 200);
    await store.flush();
    const names = await files(dir);
    expect(names).toContain(DATA_FILE);
    expect(names.filter((n) => n.startsWith('journal-'))).toEqual([expect.not.stringMatching(/000001/)]);
    const before = await everything(store);
    await store.close();
    const reopened = await LowdbStore.open(dir);
    expect(await everything(reopened)).toEqual(before);
    expect(before.notifications.deliveries.data.map((d) => [d.id, d.seq])).toEqual([['ntf_2', 2], ['ntf_1', 1]]);
    expect((await reopened.dueDeliveries('2100-01-01T00:00:00.000Z', 10)).map((d) => d.id)).toEqual(['ntf_1']);
  });

  it('writes in proportion to what changes, not to everything it holds', async () => {
    const dir = await newDir();
    const store = await LowdbStore.open(dir);
    const items = await fill(store, 500);
    await store.flush();
    const held = (await Promise.all((await readdir(dir)).map(async (f) => (await stat(path.join(dir, f))).size))).reduce((a, b) => a + b, 0);
    const before = store.stats.bytesWritten;
    // One small change more: a few hundred bytes of journal, never the whole data again.
    await store.recordTransitions([{ from: 'planned', item: { ...items[1]!, state: 'failed' }, audit: auditDraft('item.suspend-failed', { itemId: items[1]!.id }) }]);
    const written = store.stats.bytesWritten - before;
    expect(held).toBeGreaterThan(50_000);
    expect(written).toBeLessThan(3_000);
    await store.close();
  });

  it('drops a last journal line cut short by a crash (that transaction never committed), and says so', async () => {
    const dir = await newDir();
    const store = await LowdbStore.open(dir);
    await fill(store, 5);
    const before = await everything(store);
    await store.close();
    await appendFile(path.join(dir, 'journal-000001.ndjson'), '{"ops":[{"t":"pause","v":{"id":"pau_');
    const reopened = await LowdbStore.open(dir);
    expect(reopened.notices).toEqual([expect.stringMatching(/journal-000001\.ndjson: dropped an incomplete last transaction left by a crash/)]);
    expect(await everything(reopened)).toEqual(before);
    await reopened.appendAudit([auditDraft('auth.failed')]);
    await reopened.close();
    expect((await everything(await LowdbStore.open(dir))).head.seq).toBe(before.head.seq + 1);
  });

  it('refuses a journal damaged before its end, naming the file and line', async () => {
    const dir = await newDir();
    const store = await LowdbStore.open(dir);
    await fill(store, 5);
    await store.close();
    const file = path.join(dir, 'journal-000001.ndjson');
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    await writeFile(file, [lines[0], 'not json', ...lines.slice(1)].join('\n') + '\n');
    await expect(LowdbStore.open(dir)).rejects.toThrow(`${file}: line 2 is not a journal entry`);
  });

  it('writes audit entries the journal committed but a crash kept from the audit log', async () => {
    const dir = await newDir();
    const store = await LowdbStore.open(dir);
    await fill(store, 5);
    const before = await everything(store);
    await store.close();
    // The crash came after the journal line and before the audit lines.
    const auditFile = path.join(dir, AUDIT_FILE);
    const lines = (await readFile(auditFile, 'utf8')).trim().split('\n');
    await writeFile(auditFile, lines.slice(0, 1).join('\n') + '\n');
    const reopened = await LowdbStore.open(dir);
    expect(reopened.notices).toEqual([expect.stringMatching(/wrote \d+ audit entries the journal held/)]);
    expect(await everything(reopened)).toEqual(before);
  });

  it('survives a crash in the middle of compaction: old journal, new journal and new snapshot all present', async () => {
    const dir = await newDir();
    const store = await LowdbStore.open(dir, { compactAfterBytes: 20_000 });
    await fill(store, 10, 'early');
    await store.flush();
    const early = path.join(dir, 'journal-000001.ndjson');
    const kept = path.join(dir, 'kept.ndjson');
    await copyFile(early, kept);
    await fill2(store);
    await store.flush();
    expect(await files(dir)).toContain(DATA_FILE);
    expect(await files(dir)).not.toContain('journal-000001.ndjson');
    const before = await everything(store);
    await store.close();
    // As if the old journal's deletion never happened.
    await copyFile(kept, early);
    await rm(kept);
    const reopened = await LowdbStore.open(dir);
    expect(await everything(reopened)).toEqual(before);
  });

  async function fill2(store: LowdbStore) {
    const { claimed } = await store.claimItems(
      'pau_a',
      Array.from({ length: 200 }, (_, i) => itemFixture(`late_${i}`, 'pau_a', { state: 'planned', snapshot: { text: 'y'.repeat(200) } })),
      () => [],
    );
    await store.recordTransitions(claimed.map((item) => ({ from: 'planned' as const, item: { ...item, state: 'failed' as const }, audit: auditDraft('item.suspend-failed', { itemId: item.id }) })));
  }

  it('forgets, when it compacts, idempotency records over 24 hours older than the newest', async () => {
    const dir = await newDir();
    const store = await LowdbStore.open(dir, { compactAfterBytes: 20_000 });
    const record = (key: string, createdAt: string) => ({ key, requestHash: 'h', pauseId: 'pau_a', status: 202, createdAt });
    await store.openPause(pauseFixture('pau_a'), { audit: [], idempotency: record('old', '2026-11-19T08:00:00.000Z') });
    await store.changePause('pau_a', () => ({ audit: [], idempotency: record('recent', '2026-11-20T10:00:00.000Z') }));
    await store.changePause('pau_a', () => ({ audit: [], idempotency: record('newest', '2026-11-21T09:00:00.000Z') }));
    await fill2(store);
    await store.flush();
    expect(await files(dir)).toContain(DATA_FILE);
    await store.close();
    const reopened = await LowdbStore.open(dir);
    expect(await reopened.getIdempotency('old')).toBeUndefined();
    expect(await reopened.getIdempotency('recent')).toBeDefined();
    expect(await reopened.getIdempotency('newest')).toBeDefined();
  });

  it.each([
    ['another program’s JSON', { users: [] }, /was written by another version of crisis-pause \(format undefined/],
    ['the format before the journal', { version: 1, pauses: [], items: [], apiKeys: [], idempotency: [] }, /format 1, this one reads 2/],
    ['a pause missing its fields', { version: 2, generation: 1, auditHead: { seq: 0, hash: 'x' }, itemSeq: 0, pauses: [{ id: 'pau_a' }], items: [], apiKeys: [], idempotency: [] }, /does not hold crisis-pause data/],
    ['not JSON at all', '{"version":2,"pauses":[', /is not valid JSON/],
  ])('refuses a snapshot with %s, naming the file, and leaves it untouched', async (_name, content, message) => {
    const dir = await newDir();
    const text = typeof content === 'string' ? content : JSON.stringify(content);
    await writeFile(path.join(dir, DATA_FILE), text);
    const error = await LowdbStore.open(dir).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(path.join(dir, DATA_FILE));
    expect((error as Error).message).toMatch(message);
    expect(await readFile(path.join(dir, DATA_FILE), 'utf8')).toBe(text);
  });

  describe('the audit log', () => {
    const auditFile = (dir: string) => path.join(dir, AUDIT_FILE);

    it('drops a last line cut short by a crash, says so, and appends after it', async () => {
      const dir = await newDir();
      const store = await LowdbStore.open(dir);
      await store.appendAudit([auditDraft('auth.failed')]);
      await store.close();
      // Cut short after the journal kept it: the journal puts it back whole.
      await appendFile(auditFile(dir), '{"seq":2,"id":"aud_x","at":"2026-');
      const reopened = await LowdbStore.open(dir);
      expect(reopened.notices).toEqual([expect.stringMatching(/dropped an incomplete last line left by a crash/)]);
      await reopened.appendAudit([auditDraft('pause.recovering')]);
      await reopened.close();
      const lines = (await readFile(auditFile(dir), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
      expect(lines.map((e) => [e.seq, e.action])).toEqual([[1, 'auth.failed'], [2, 'pause.recovering']]);
    });

    it('refuses a forged or broken line in the middle, naming the line', async () => {
      const dir = await newDir();
      const store = await LowdbStore.open(dir);
      await store.appendAudit([auditDraft('auth.failed'), auditDraft('auth.failed')]);
      await store.close();
      const lines = (await readFile(auditFile(dir), 'utf8')).trim().split('\n');
      await writeFile(auditFile(dir), [lines[0], JSON.stringify({ action: 'forged' }), lines[1]].join('\n') + '\n');
      await expect(LowdbStore.open(dir)).rejects.toThrow(`${auditFile(dir)}: line 2 is not an audit entry`);
    });

    it('refuses an audit log that lost entries the data depends on', async () => {
      const dir = await newDir();
      const store = await LowdbStore.open(dir, { compactAfterBytes: 1 });
      await store.appendAudit([auditDraft('auth.failed'), auditDraft('auth.failed')]);
      await store.appendAudit([auditDraft('auth.failed')]);
      await store.close();
      await writeFile(auditFile(dir), '');
      await expect(LowdbStore.open(dir)).rejects.toThrow(/audit\.ndjson.*(are missing|was changed or lost)/);
    });

    it('skips blank lines', async () => {
      const dir = await newDir();
      const store = await LowdbStore.open(dir);
      await store.appendAudit([auditDraft('auth.failed')]);
      await store.close();
      await appendFile(auditFile(dir), '\n\n');
      const reopened = await LowdbStore.open(dir);
      expect((await reopened.listAudit({ limit: 10 })).data.map((e) => e.action)).toEqual(['auth.failed']);
    });

    it('is read from disk, page by page, far into a long log', async () => {
      const dir = await newDir();
      const store = await LowdbStore.open(dir);
      for (let i = 0; i < 40; i++) await store.appendAudit(Array.from({ length: 50 }, () => auditDraft('auth.failed', {}, AT)));
      const last = await store.listAudit({ limit: 3, cursor: Buffer.from('seq:1997').toString('base64url') });
      expect(last).toEqual({ data: [expect.objectContaining({ seq: 1998 }), expect.objectContaining({ seq: 1999 }), expect.objectContaining({ seq: 2000 })], nextCursor: null });
      await store.close();
    });
  });

  it('refuses a data directory that is a file', async () => {
    const dir = await newDir();
    await writeFile(path.join(dir, 'not-a-dir'), 'x');
    await expect(LowdbStore.open(path.join(dir, 'not-a-dir'))).rejects.toThrow();
  });
});
