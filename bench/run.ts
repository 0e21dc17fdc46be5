// `npm run bench [scenario…]`: runs the scenarios (default: all), each in its own process,
// writes bench/results.md and bench/results.json, and exits non-zero if any scenario left the
// platforms in a wrong state. See bench/README.md for what is measured and how.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import os from 'node:os';
import { writeReport, type BenchRun } from './report.js';
import { forkTs } from './rpc.js';
import type { ScenarioResult } from './scenario-process.js';
import { SCENARIOS } from './scenarios.js';

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !SCENARIOS.some((s) => s.name === name));
if (unknown.length > 0) {
  console.error(`unknown scenario(s): ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
const chosen = wanted.length > 0 ? SCENARIOS.filter((s) => wanted.includes(s.name)) : SCENARIOS;

const run: BenchRun = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cpus: os.cpus().length,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  platform: `${os.platform()} ${os.release()}`,
  source: sourceVersion(),
  command: `npm run bench${wanted.length > 0 ? ` -- ${wanted.join(' ')}` : ''}`,
  results: [],
};

for (const scenario of chosen) {
  console.log(`▶ ${scenario.name}: ${scenario.title}`);
  const started = performance.now();
  const child = forkTs('./scenario-process.ts', [scenario.name]);
  const result = await child.next<ScenarioResult>().catch((error: Error): ScenarioResult => ({
    scenario: { ...scenario, liveItems: 0, objects: {} },
    pause: null,
    resume: null,
    reads: null,
    problems: [error.message],
    logSample: [],
  }));
  run.results.push(result);
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  const p = result.pause;
  const r = result.resume;
  console.log(
    `  pause ${p ? `${p.wallS} s, ${p.itemsPerS} items/s, ${p.fileWrites} file writes` : '—'}; ` +
      `resume ${r ? `${r.wallS} s, ${r.itemsPerS} items/s, ${r.fileWrites} file writes` : '—'} ` +
      `(${seconds} s in all) ${result.problems.length === 0 ? '✓ platforms as expected' : '✗'}`,
  );
  for (const problem of result.problems) console.log(`  ✗ ${problem}`);
}

const files = await writeReport(run, chosen);
console.log(`results: ${files.join(', ')}`);
process.exit(run.results.every((r) => r.problems.length === 0) ? 0 : 1);

/** The commit measured, and whether the working tree differed from it (figures belong to code). */
function sourceVersion(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
    const diff = git('diff', 'HEAD', '--', 'src', 'adapters', 'config');
    const changes = diff === '' ? '' : ` + uncommitted changes in src/, adapters/ or config/ (diff sha256 ${createHash('sha256').update(diff).digest('hex').slice(0, 12)})`;
    return `${git('rev-parse', '--short', 'HEAD')}${changes}`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}
