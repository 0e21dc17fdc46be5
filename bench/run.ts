// `npm run bench [scenario…] [--latency=<ms>] [--scale=<factor>]`: runs the scenarios (default:
// all), each in its own process, writes bench/results.md and bench/results.json, and exits
// non-zero if any scenario left the platforms in a wrong state or missed a target. See
// bench/README.md for what is measured and how.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import os from 'node:os';
import { writeReport, type BenchRun } from './report.js';
import { forkTs } from './rpc.js';
import type { ScenarioResult } from './scenario-process.js';
import { scenario, SCENARIO_NAMES } from './scenarios.js';
import { parseSettings, settingsEnv } from './settings.js';

const { settings, scenarios: wanted } = parseSettings(process.argv.slice(2), process.env);
const unknown = wanted.filter((name) => !SCENARIO_NAMES.includes(name));
if (unknown.length > 0) {
  console.error(`unknown scenario(s): ${unknown.join(', ')}; known: ${SCENARIO_NAMES.join(', ')}`);
  process.exit(2);
}
// The scenario processes read the settings from their environment.
Object.assign(process.env, settingsEnv(settings));
const chosen = (wanted.length > 0 ? wanted : SCENARIO_NAMES).map((name) => scenario(name, settings)!);

const run: BenchRun = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cpus: os.cpus().length,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  platform: `${os.platform()} ${os.release()}`,
  source: sourceVersion(),
  command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  settings,
  results: [],
};

for (const scenario of chosen) {
  console.log(`▶ ${scenario.name}: ${scenario.title}`);
  const started = performance.now();
  const child = forkTs('./scenario-process.ts', [scenario.name]);
  const result = await child.next<ScenarioResult>().catch((error: Error): ScenarioResult => ({
    scenario: { ...scenario, liveItems: 0, objects: {} },
    cpus: { service: 'unknown', platforms: 'unknown' },
    pause: null,
    resume: null,
    summary: { pause: null, resume: null },
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
