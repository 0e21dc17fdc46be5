// The README's five-minute tour, run as written (its shell blocks, in order, by bash and curl)
// against the real service, twice in a row: the second run must work as the first did.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProcess, type Running } from '../support/process.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const KEY = 'tour-api-key-0123456789abcdef';

/** The tour's shell blocks, with the key filled in and the service's real addresses for the defaults. */
async function tourScript(base: string, sandbox: string): Promise<string> {
  const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
  const tour = readme.slice(readme.indexOf('## A five-minute tour'), readme.indexOf('## How it behaves'));
  const blocks = [...tour.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
  expect(blocks.length).toBeGreaterThanOrEqual(6);
  return ['set -euo pipefail', ...blocks, 'echo; echo "PAUSE=$PAUSE"']
    .join('\n')
    .replace(/^export KEY=cp_\.\.\..*$/m, `export KEY=${KEY}`)
    .replaceAll('http://127.0.0.1:3000', base)
    .replaceAll('http://127.0.0.1:3001', sandbox);
}

describe('the README tour', () => {
  let service: Running;
  let dataDir: string;
  let workDir: string;
  let script: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'crisis-pause-tour-'));
    workDir = await mkdtemp(path.join(os.tmpdir(), 'crisis-pause-tour-cwd-'));
    service = startProcess('src/main.ts', { PORT: '0', SANDBOX_PORT: '0', DATA_DIR: dataDir, BOOTSTRAP_API_KEY: KEY, LOG_LEVEL: 'warn' });
    const base = await service.waitFor(/listening on (http:\/\/\S+)/);
    const sandbox = await service.waitFor(/sandbox platforms on (http:\/\/\S+)/);
    script = await tourScript(base, sandbox);
  }, 60_000);

  afterAll(async () => {
    await service?.stop('SIGTERM');
    await rm(dataDir, { recursive: true, force: true });
    await rm(workDir, { recursive: true, force: true });
  });

  it('works as written, twice in a row', async () => {
    const pauses: string[] = [];
    for (const run of [1, 2]) {
      const { stdout } = await promisify(execFile)('bash', ['-c', script], { cwd: workDir, maxBuffer: 64 * 1024 * 1024 });
      // (A count may follow a JSON answer on the same line: curl adds no newline.)
      const counts = [...stdout.matchAll(/\b([a-z]+(?:-[a-z]+)*-(?:acme|globex)) (\d+) live/g)].map((m) => [m[1], Number(m[2])] as const);
      // before, during, after: a line per connection each time (every platform, both brands),
      // the middle ones all 0, the last as the first.
      const n = counts.length / 3;
      expect(n, `run ${run}`).toBeGreaterThanOrEqual(22);
      const [before, during, after] = [counts.slice(0, n), counts.slice(n, 2 * n), counts.slice(2 * n)];
      expect(before.every(([, live]) => live > 0), `run ${run}: live items before`).toBe(true);
      expect(during.map(([c]) => c)).toEqual(before.map(([c]) => c));
      expect(during.every(([, live]) => live === 0), `run ${run}: nothing live during the pause`).toBe(true);
      expect(after, `run ${run}: as before after the resume`).toEqual(before);
      const pause = /^PAUSE=(pau_\S+)$/m.exec(stdout)?.[1];
      expect(pause, `run ${run}: the id picked out of the answer`).toBeDefined();
      pauses.push(pause!);
      expect(await readFile(path.join(workDir, 'audit.csv'), 'utf8')).toContain(pause!);
      // The tasks for people were ticked off (step 4b) and audited.
      expect(await readFile(path.join(workDir, 'audit.csv'), 'utf8')).toContain('task.done');
    }
    expect(pauses[1]).not.toBe(pauses[0]);
  }, 120_000);
});
