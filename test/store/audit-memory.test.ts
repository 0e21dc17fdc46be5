// The audit log is a disk file read as a stream, never held whole in memory: a flood of entries
// must not grow the service's heap with it (20,000 refused requests once grew it by 350 MB).
import { rm } from 'node:fs/promises';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { LowdbStore } from '../../src/store/lowdb/lowdb-store.js';
import { auditDraft, tempDir } from './fixtures.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const heapUsed = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

describe('the audit log in memory', () => {
  let dir: string;
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keeps 40 MB of entries on disk and a few bytes per thousand of them in memory', async () => {
    dir = await tempDir();
    const store = await LowdbStore.open(dir);
    const padding = 'x'.repeat(2_000);
    const before = heapUsed();
    for (let batch = 0; batch < 40; batch++) {
      await store.appendAudit(Array.from({ length: 500 }, () => ({ ...auditDraft('auth.failed'), data: { path: padding } })));
    }
    await store.flush();
    const grown = heapUsed() - before;
    expect(store.stats.bytesWritten).toBeGreaterThan(40_000_000);
    expect(grown).toBeLessThan(8_000_000);
    let read = 0;
    for await (const entry of store.streamAudit({})) read += entry.data.path === padding ? 1 : 0;
    expect(read).toBe(20_000);
    await store.close();
  });
});
