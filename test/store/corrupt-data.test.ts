// open() refuses a data directory that does not hold crisis-pause data, saying which file and where.
import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../src/audit/audit-log.js';
import { SYSTEM_ACTOR } from '../../src/domain/actor.js';
import { AUDIT_FILE, DATA_FILE, LowdbStore } from '../../src/store/lowdb-store.js';
import { ManualClock } from '../support/clock.js';
import { pauseFixture, tempDir } from './fixtures.js';

describe('LowdbStore.open on bad data', () => {
  let dir: string;
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const dataFile = () => path.join(dir, DATA_FILE);
  const auditFile = () => path.join(dir, AUDIT_FILE);

  it.each([
    ['another program’s JSON', { users: [] }],
    ['a future version', { version: 2, pauses: [], items: [], apiKeys: [], idempotency: [] }],
    ['a pause missing its fields', { version: 1, pauses: [{ id: 'pau_a' }], items: [], apiKeys: [], idempotency: [] }],
    ['an array', []],
  ])('refuses %s, naming the file', async (_name, content) => {
    dir = await tempDir();
    await writeFile(dataFile(), JSON.stringify(content));
    await expect(LowdbStore.open(dir)).rejects.toThrow(`${dataFile()} does not hold crisis-pause data: `);
  });

  it('refuses a data file that is not JSON at all, naming the file', async () => {
    dir = await tempDir();
    await writeFile(dataFile(), '{"version":1,"pauses":[');
    await expect(LowdbStore.open(dir)).rejects.toThrow(`${dataFile()} is not valid JSON`);
  });

  it('refuses an audit line that is not an audit entry, naming the line', async () => {
    dir = await tempDir();
    const store = await LowdbStore.open(dir);
    const audit = await AuditLog.open(store, new ManualClock());
    await audit.record({ actor: SYSTEM_ACTOR, source: 'system', requestId: 'req_1' }, [{ action: 'a' }, { action: 'b' }]);
    await store.close();
    const lines = (await readFile(auditFile(), 'utf8')).trim().split('\n');
    await writeFile(auditFile(), [lines[0], JSON.stringify({ action: 'forged' }), lines[1]].join('\n') + '\n');
    await expect(LowdbStore.open(dir)).rejects.toThrow(`${auditFile()}: line 2 is not an audit entry`);
  });

  it('drops a last audit line cut short by a crash, says so, and goes on appending after it', async () => {
    dir = await tempDir();
    const store = await LowdbStore.open(dir);
    const audit = await AuditLog.open(store, new ManualClock());
    await audit.record({ actor: SYSTEM_ACTOR, source: 'system', requestId: 'req_1' }, [{ action: 'a' }]);
    await store.close();
    await appendFile(auditFile(), '{"seq":2,"id":"aud_x","at":"2026-');
    const reopened = await LowdbStore.open(dir);
    expect(reopened.notices).toEqual([expect.stringMatching(/dropped an incomplete last line left by a crash/)]);
    expect((await reopened.listAudit({ limit: 10 })).data.map((e) => e.action)).toEqual(['a']);
    const next = await AuditLog.open(reopened, new ManualClock());
    await next.record({ actor: SYSTEM_ACTOR, source: 'system', requestId: 'req_2' }, [{ action: 'b' }]);
    await reopened.close();
    const lines = (await readFile(auditFile(), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((e) => [e.seq, e.action])).toEqual([[1, 'a'], [2, 'b']]);
  });

  it('refuses an audit line that is not JSON in the middle of the log, naming the line', async () => {
    dir = await tempDir();
    const store = await LowdbStore.open(dir);
    const audit = await AuditLog.open(store, new ManualClock());
    await audit.record({ actor: SYSTEM_ACTOR, source: 'system', requestId: 'req_1' }, [{ action: 'a' }]);
    await store.close();
    const good = await readFile(auditFile(), 'utf8');
    await appendFile(auditFile(), '{"seq":2,"id":"aud_x","at":"2026-\n' + good);
    await expect(LowdbStore.open(dir)).rejects.toThrow(`${auditFile()}: line 2 is not an audit entry`);
  });

  it('skips blank lines in the audit log', async () => {
    dir = await tempDir();
    const store = await LowdbStore.open(dir);
    const audit = await AuditLog.open(store, new ManualClock());
    await audit.record({ actor: SYSTEM_ACTOR, source: 'system', requestId: 'req_1' }, [{ action: 'a' }]);
    await store.close();
    await appendFile(auditFile(), '\n\n');
    expect((await (await LowdbStore.open(dir)).listAudit({ limit: 10 })).data.map((e) => e.action)).toEqual(['a']);
  });

  it('refuses a data directory that is a file', async () => {
    dir = await tempDir();
    await writeFile(path.join(dir, 'not-a-dir'), 'x');
    await expect(LowdbStore.open(path.join(dir, 'not-a-dir'))).rejects.toThrow();
  });

  it('does not touch a data file it refused', async () => {
    dir = await tempDir();
    const content = JSON.stringify({ version: 1, pauses: [pauseFixture('pau_a'), { id: 'broken' }], items: [], apiKeys: [], idempotency: [] });
    await writeFile(dataFile(), content);
    await expect(LowdbStore.open(dir)).rejects.toThrow(/does not hold crisis-pause data/);
    expect(await readFile(dataFile(), 'utf8')).toBe(content);
  });
});
