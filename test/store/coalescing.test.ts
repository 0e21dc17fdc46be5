// Writes are coalesced: a pause of 10,000 items rewrites its data file a handful of times, not
// 10,000; and the WriteCoalescer's sharing rules, failures and idle().
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATA_FILE, LowdbStore } from '../../src/store/lowdb-store.js';
import { WriteCoalescer } from '../../src/store/write-coalescer.js';
import { itemFixture, pauseFixture, tempDir } from './fixtures.js';

describe('coalesced writes', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('10,000 items inserted then updated one call at a time, concurrently, take far fewer than 10,000 file writes', async () => {
    dir = await tempDir();
    const store = await LowdbStore.open(dir);
    await store.insertPause(pauseFixture('pau_big'));
    const ids = Array.from({ length: 10_000 }, (_, i) => `itm_${i}`);
    // As the engine does: one write-ahead per item, all in flight at once…
    await Promise.all(ids.map((id) => store.insertItems([itemFixture(id, 'pau_big', { state: 'planned' })])));
    const afterInsert = store.fileWrites;
    // …then one outcome per item.
    await Promise.all(ids.map((id) => store.updateItems([itemFixture(id, 'pau_big', { state: 'suspended' })])));
    expect(store.fileWrites).toBeLessThan(50);
    expect(store.fileWrites).toBeGreaterThan(afterInsert);
    const disk = JSON.parse(await readFile(path.join(dir, DATA_FILE), 'utf8'));
    expect(disk.items).toHaveLength(10_000);
    expect(disk.items.every((i: { state: string }) => i.state === 'suspended')).toBe(true);
  });

  it('writes arriving one after another, each awaited, are each written', async () => {
    dir = await tempDir();
    const store = await LowdbStore.open(dir);
    await store.insertPause(pauseFixture('pau_a'));
    for (let i = 0; i < 5; i++) await store.updatePause('pau_a', (p) => ({ ...p, reason: `r${i}` }));
    expect(store.fileWrites).toBe(6);
  });

  it('an in-memory store writes no file', async () => {
    const store = LowdbStore.inMemory();
    await store.insertPause(pauseFixture('pau_a'));
    await store.insertItems([itemFixture('itm_1', 'pau_a')]);
    expect(await store.getItem('itm_1')).toEqual(itemFixture('itm_1', 'pau_a'));
  });
});

describe('WriteCoalescer', () => {
  /** A write that records itself and waits to be let go. */
  function gatedWriter() {
    const writes: Array<() => void> = [];
    let fail = false;
    const coalescer = new WriteCoalescer(
      () =>
        new Promise<void>((resolve, reject) => {
          writes.push(() => (fail ? reject(new Error('disk full')) : resolve()));
        }),
      // No spacing here: these tests hold each write open by hand; spacing has its own test.
      { factor: 0, maxGapMs: 0 },
    );
    const turn = () => new Promise((r) => setImmediate(r));
    /** lets the event loop run until `n` writes have started (or a few turns passed) */
    const started = async (n: number) => {
      for (let i = 0; i < 10 && writes.length < n; i++) await turn();
    };
    return { coalescer, writes, turn, started, failNext: (value: boolean) => (fail = value) };
  }

  it('requests made in one turn share one write; requests during a write share the next one', async () => {
    const { coalescer, writes, turn, started } = gatedWriter();
    const first = [coalescer.request(), coalescer.request(), coalescer.request()];
    await started(1);
    expect(writes).toHaveLength(1);
    const during = [coalescer.request(), coalescer.request()];
    await started(2);
    expect(writes).toHaveLength(1); // the second write waits for the first to finish
    let settled = 0;
    for (const p of [...first, ...during]) void p.then(() => settled++);
    writes[0]!();
    await Promise.all(first);
    await started(2);
    expect(settled).toBe(3);
    expect(writes).toHaveLength(2);
    await turn();
    expect(settled).toBe(3);
    writes[1]!();
    await Promise.all(during);
    expect(settled).toBe(5);
  });

  it('a failed write rejects the requests that shared it, and the next write still runs', async () => {
    const { coalescer, writes, started, failNext } = gatedWriter();
    failNext(true);
    const failing = [coalescer.request(), coalescer.request()];
    await started(1);
    writes[0]!();
    for (const p of failing) await expect(p).rejects.toThrow('disk full');
    failNext(false);
    const next = coalescer.request();
    await started(2);
    expect(writes).toHaveLength(2);
    writes[1]!();
    await expect(next).resolves.toBeUndefined();
  });

  it('idle() resolves only when nothing asked for is left unwritten', async () => {
    const { coalescer, writes, turn, started } = gatedWriter();
    void coalescer.request();
    let idle = false;
    const waiting = coalescer.idle().then(() => (idle = true));
    await started(1);
    void coalescer.request();
    writes[0]!();
    await started(2);
    await turn();
    expect(idle).toBe(false);
    writes[1]!();
    await waiting;
    expect(idle).toBe(true);
    await expect(new WriteCoalescer(async () => {}).idle()).resolves.toBeUndefined();
  });

  it('spaces writes by a few times the last write’s duration, up to a cap', async () => {
    const starts: number[] = [];
    const coalescer = new WriteCoalescer(
      async () => {
        starts.push(performance.now());
        await new Promise((r) => setTimeout(r, 20)); // a write that takes ~20 ms
      },
      { factor: 3, maxGapMs: 40 },
    );
    await coalescer.request();
    await coalescer.request();
    await coalescer.request();
    expect(starts).toHaveLength(3);
    // Each write began at least the capped gap (40 ms, not 3 × 20) after the last one ended.
    expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(20 + 40 - 2);
    expect(starts[2]! - starts[1]!).toBeGreaterThanOrEqual(20 + 40 - 2);
  });
});
