// LowdbStore on disk: what was written is there after reopening the same directory; every awaited
// write is on disk when it resolves; the data file is replaced atomically.
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../src/audit/audit-log.js';
import { SYSTEM_ACTOR } from '../../src/domain/actor.js';
import { AUDIT_FILE, DATA_FILE, LowdbStore } from '../../src/store/lowdb-store.js';
import { ManualClock } from '../support/clock.js';
import { apiKeyFixture, AT, itemFixture, pauseFixture, tempDir } from './fixtures.js';

describe('LowdbStore persistence', () => {
  let dir: string;
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const onDisk = async () => JSON.parse(await readFile(path.join(dir, DATA_FILE), 'utf8'));

  it('keeps pauses, items, API keys, idempotency records and the audit across open()', async () => {
    dir = await tempDir();
    const store = await LowdbStore.open(dir);
    const ctx = { actor: SYSTEM_ACTOR, source: 'system', requestId: 'req_1' };
    await store.insertPause(pauseFixture('pau_a'));
    await store.insertPause(pauseFixture('pau_b', { state: 'resumed' }));
    await store.insertItems([itemFixture('itm_1', 'pau_a'), itemFixture('itm_2', 'pau_a', { kind: 'post', state: 'failed' })]);
    await store.updateItems([itemFixture('itm_1', 'pau_a', { state: 'restored' })]);
    await store.updatePause('pau_a', (p) => ({ ...p, reason: 'changed' }));
    await store.insertApiKey(apiKeyFixture('key_1'));
    await store.putIdempotency({ key: 'key_1:incident-1', requestHash: 'sha256:r', pauseId: 'pau_a', status: 202, createdAt: AT });
    const audit = await AuditLog.open(store, new ManualClock());
    await audit.record(ctx, [{ action: 'pause.requested', pauseId: 'pau_a' }, { action: 'item.suspended', pauseId: 'pau_a', itemId: 'itm_1' }]);
    const entries = (await store.listAudit({ limit: 100 })).data;
    await store.close();

    const reopened = await LowdbStore.open(dir);
    expect(await reopened.getPause('pau_a')).toEqual(pauseFixture('pau_a', { reason: 'changed' }));
    expect((await reopened.listPauses({ limit: 10 })).data.map((p) => p.id)).toEqual(['pau_b', 'pau_a']);
    expect(await reopened.itemsOfPause('pau_a')).toEqual([itemFixture('itm_1', 'pau_a', { state: 'restored' }), itemFixture('itm_2', 'pau_a', { state: 'failed' })]);
    expect(await reopened.findApiKeyByHash('sha256:key_1')).toEqual(apiKeyFixture('key_1'));
    expect(await reopened.countApiKeys()).toBe(1);
    expect(await reopened.getIdempotency('key_1:incident-1')).toMatchObject({ pauseId: 'pau_a', status: 202 });
    expect((await reopened.listAudit({ limit: 100 })).data).toEqual(entries);
    expect(await reopened.lastAudit()).toEqual(entries.at(-1));
    // Indexes are rebuilt: the holder lookup works on what was read back.
    expect((await reopened.findHolder('hootsuite-acme', 'ext-itm_2'))?.id).toBe('itm_2');
    // The audit chain continues where it stopped.
    const next = await AuditLog.open(reopened, new ManualClock());
    await next.record(ctx, [{ action: 'pause.resumed', pauseId: 'pau_a' }]);
    const [, , third] = (await reopened.listAudit({ limit: 100 })).data;
    expect(third).toMatchObject({ seq: 3, prevHash: entries[1]!.hash });
  });

  it('opens an empty directory (and creates a missing one) as an empty store', async () => {
    dir = await tempDir();
    const store = await LowdbStore.open(path.join(dir, 'nested', 'data'));
    expect((await store.listPauses({ limit: 10 })).data).toEqual([]);
    expect(await store.lastAudit()).toBeUndefined();
    expect(await store.countApiKeys()).toBe(0);
    expect(store.fileWrites).toBe(0);
  });

  it('has every awaited write on disk when its promise resolves', async () => {
    dir = await tempDir();
    const store = await LowdbStore.open(dir);
    await store.insertPause(pauseFixture('pau_a', { state: 'planning' }));
    expect((await onDisk()).pauses).toEqual([pauseFixture('pau_a', { state: 'planning' })]);
    await store.insertItems([itemFixture('itm_1', 'pau_a', { state: 'planned' })]);
    // The write-ahead barrier: the snapshot is durable before anything else happens.
    expect((await onDisk()).items[0]).toMatchObject({ id: 'itm_1', state: 'planned', snapshot: { text: 'text of itm_1' } });
    // Concurrent writes: each one, once awaited, finds itself on disk.
    await Promise.all(
      ['suspended', 'failed', 'restored'].map(async (state, i) => {
        await store.insertItems([itemFixture(`itm_c${i}`, 'pau_a', { state: state as 'suspended' })]);
        const item = (await onDisk()).items.find((x: { id: string }) => x.id === `itm_c${i}`);
        expect(item?.state).toBe(state);
      }),
    );
    await store.updatePause('pau_a', (p) => ({ ...p, state: 'suspending' }));
    expect((await onDisk()).pauses[0].state).toBe('suspending');
    await store.appendAudit([]);
    const audit = await AuditLog.open(store, new ManualClock());
    await audit.record({ actor: SYSTEM_ACTOR, source: 'system', requestId: 'req_1' }, [{ action: 'pause.active' }]);
    const lines = (await readFile(path.join(dir, AUDIT_FILE), 'utf8')).trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).action)).toEqual(['pause.active']);
  });

  it('replaces the data file atomically: every read parses, no temp file is left behind', async () => {
    dir = await tempDir();
    const store = await LowdbStore.open(dir);
    await store.insertPause(pauseFixture('pau_a'));
    let reading = true;
    let reads = 0;
    // A reader racing the writer only ever sees a whole file, old or new.
    const reader = (async () => {
      while (reading) {
        const text = await readFile(path.join(dir, DATA_FILE), 'utf8');
        expect(() => JSON.parse(text)).not.toThrow();
        reads++;
      }
    })();
    for (let round = 0; round < 40; round++)
      await Promise.all(Array.from({ length: 50 }, (_, i) => store.insertItems([itemFixture(`itm_${round}_${i}`, 'pau_a', { snapshot: { text: 'x'.repeat(2_000) } })])));
    reading = false;
    await reader;
    expect(reads).toBeGreaterThan(0);
    await store.close();
    expect((await readdir(dir)).sort()).toEqual([DATA_FILE]);
    expect((await onDisk()).items).toHaveLength(2_000);
  });
});
