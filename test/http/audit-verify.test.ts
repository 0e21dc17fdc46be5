// GET /v1/audit/verify recomputes the chain from the log on disk and names the first entry where
// it breaks: an entry changed, one taken out, the end cut off.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useMsw } from '../support/msw.js';
import { startHarness, type Harness } from '../support/service.js';

describe('GET /v1/audit/verify', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  const auditFile = () => path.join(h.dataDir, 'audit.ndjson');
  const lines = async () => (await readFile(auditFile(), 'utf8')).split('\n').filter(Boolean);
  const verify = async () => (await h.call('GET', '/v1/audit/verify')).body;

  it('says the chain holds, with how many entries and its head, and is not itself audited', async () => {
    h = await startHarness(server);
    await h.pause(1);
    const before = await lines();
    const verdict = await verify();
    expect(verdict).toMatchObject({ ok: true, entries: before.length, head: { seq: before.length, hash: JSON.parse(before.at(-1)!).hash } });
    expect(await lines()).toHaveLength(before.length);
  });

  it('names the first entry changed after the fact', async () => {
    h = await startHarness(server);
    await h.pause(1);
    const all = await lines();
    const third = JSON.parse(all[2]!);
    all[2] = JSON.stringify({ ...third, data: { ...third.data, reason: 'nothing happened' } });
    await writeFile(auditFile(), all.join('\n') + '\n');
    expect(await verify()).toEqual({ ok: false, entries: 2, brokenAt: { seq: 3, id: third.id }, reason: 'its content does not match its hash: it was changed' });
  });

  it('names where an entry was taken out, and where the end was cut off', async () => {
    h = await startHarness(server);
    await h.pause(1);
    const all = await lines();
    await writeFile(auditFile(), [...all.slice(0, 3), ...all.slice(4)].join('\n') + '\n');
    const gap = await verify();
    expect(gap).toMatchObject({ ok: false, entries: 3, brokenAt: { seq: 5 } });
    expect(gap.reason).toMatch(/sequence 5 follows 3/);
    await writeFile(auditFile(), all.slice(0, -2).join('\n') + '\n');
    const cut = await verify();
    expect(cut).toMatchObject({ ok: false, entries: all.length - 2, brokenAt: { seq: all.length - 1, id: null } });
    expect(cut.reason).toMatch(/entries were removed from the end/);
  });
});
