// Writes the run as bench/results.json (everything measured) and bench/results.md (the same
// figures for people: the headline first, then one section per scenario).
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { PhaseFigures } from './phase.js';
import type { ScenarioResult } from './scenario-process.js';
import type { Scenario } from './scenarios.js';
import type { BenchSettings } from './settings.js';

export interface BenchRun {
  date: string;
  node: string;
  cpu: string;
  cpus: number;
  memoryGiB: number;
  platform: string;
  /** the commit measured */
  source: string;
  command: string;
  settings: BenchSettings;
  results: ScenarioResult[];
}

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

export async function writeReport(run: BenchRun, scenarios: readonly Scenario[]): Promise<string[]> {
  const json = here('./results.json');
  const md = here('./results.md');
  await writeFile(json, JSON.stringify(run, null, 2) + '\n');
  await writeFile(md, markdown(run, scenarios));
  return ['bench/results.json', 'bench/results.md'];
}

function markdown(run: BenchRun, scenarios: readonly Scenario[]): string {
  const lines: string[] = [
    '# Benchmark results',
    '',
    `Written by \`${run.command}\` on ${run.date}, source ${run.source}. Node ${run.node}, ${run.cpu} (${run.cpus} cores), ${run.memoryGiB} GiB, ${run.platform}.`,
    '',
    'The service is composed as `npm start` composes it (default config and platform limits, lowdb file store, real clock and',
    'sleep) and driven over HTTP on loopback: `POST /v1/pauses?wait=true` at severity 3, then `POST /v1/pauses/:id/resume?wait=true`.',
    'The sandbox platforms run in a separate process with `enforceLimits: true`; memory and CPU figures are the service process alone.',
    'Every run checks the platforms themselves: all live items suspended after the pause, untouched the rest, and after the resume',
    'the platforms’ state equal to the state before (ids of re-created Hootsuite messages aside), and the data file on disk',
    'holding the final item states once `?wait=true` has answered. See `bench/README.md`.',
    '',
  ];
  lines.splice(3, 0, `Settings: platform latency **${run.settings.latencyMs} ms**, world scale **×${run.settings.scale}**.`);
  lines.push(...timeToSilence(run.results));
  const tenK = run.results.find((r) => r.scenario.name === '10k');
  if (tenK?.pause && tenK.resume) lines.push(...headline(tenK.pause, tenK.resume));
  for (const result of run.results) lines.push(...section(result, scenarios.find((s) => s.name === result.scenario.name)));
  return lines.join('\n') + '\n';
}

/** The speed targets: within 1.5 × the bound at 10k, the naive way ≥ 15 × slower, 20k's ratio within 10 % of 10k's. */
export const SPEED = { ratioToBound: 1.5, naiveOverMeasured: 15, growth: 0.1 };

function timeToSilence(results: readonly ScenarioResult[]): string[] {
  const rows = results.flatMap((r) =>
    (['pause', 'resume'] as const).flatMap((phase) => {
      const s = r.summary[phase];
      if (!s) return [];
      return [`| ${r.scenario.name} | ${phase} | ${s.wallS} s | ${s.boundS} s (${s.binding}) | **${s.ratioToBound.toFixed(2)} ×** | ${s.naiveS} s | ${s.naiveOverMeasured.toFixed(1)} × |`];
    }),
  );
  if (rows.length === 0) return [];
  const ratio = (name: string, phase: 'pause' | 'resume') => results.find((r) => r.scenario.name === name)?.summary[phase]?.ratioToBound;
  const checks: string[] = [];
  for (const phase of ['pause', 'resume'] as const) {
    const tenK = results.find((r) => r.scenario.name === '10k')?.summary[phase];
    if (tenK) {
      checks.push(`| 10k ${phase}: time ÷ bound | ${tenK.ratioToBound.toFixed(2)} × | ≤ ${SPEED.ratioToBound} | ${tenK.ratioToBound <= SPEED.ratioToBound ? 'met' : '**missed**'} |`);
      checks.push(`| 10k ${phase}: naive ÷ time | ${tenK.naiveOverMeasured.toFixed(1)} × | ≥ ${SPEED.naiveOverMeasured} | ${tenK.naiveOverMeasured >= SPEED.naiveOverMeasured ? 'met' : '**missed**'} |`);
    }
    const [a, b] = [ratio('10k', phase), ratio('20k', phase)];
    if (a !== undefined && b !== undefined) {
      const growth = b / a - 1;
      checks.push(`| 20k ${phase} ratio against 10k's | ${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)} % | ≤ +${SPEED.growth * 100} % | ${growth <= SPEED.growth ? 'met' : '**missed**'} |`);
    }
  }
  return [
    '## Headline: time to silence, against what the platforms allow',
    '',
    'From the request to the answer of `?wait=true`. The bound is what no service can beat: for each connection the requests it',
    'cannot avoid against the platform’s own rate, in-flight limit and latency (`bench/bound.ts`); the slowest connection sets it.',
    'Naive: one request per item, one at a time, at the round trip measured in the run.',
    '',
    '| scenario | phase | time | bound (binding) | time ÷ bound | naive | naive ÷ time |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    ...(checks.length > 0 ? ['| target | measured | limit | |', '|---|---:|---:|---|', ...checks, ''] : []),
  ];
}

/** The store's targets, each measured over the pause and the resume of the 10k scenario. */
export const TARGETS = { writtenPerFinalByte: 20, stallP99Ms: 20, stallMaxMs: 50, peakRssMiB: 250 };

export function targetChecks(pause: PhaseFigures, resume: PhaseFigures) {
  const written = pause.bytesWritten + resume.bytesWritten;
  const finalBytes = resume.dataFileBytes + resume.auditFileBytes;
  const p99 = Math.max(pause.memory.eventLoopP99DelayMs, resume.memory.eventLoopP99DelayMs);
  const max = Math.max(pause.memory.eventLoopMaxDelayMs, resume.memory.eventLoopMaxDelayMs);
  const rss = Math.max(pause.memory.rssPeakMiB, resume.memory.rssPeakMiB);
  return [
    { what: 'bytes written to DATA_DIR ÷ final data size', value: written / finalBytes, limit: TARGETS.writtenPerFinalByte, text: `${gb(written)} ÷ ${mb(finalBytes)} = ${(written / finalBytes).toFixed(1)} ×` },
    { what: 'event-loop stall, p99', value: p99, limit: TARGETS.stallP99Ms, text: `${p99} ms` },
    { what: 'event-loop stall, longest', value: max, limit: TARGETS.stallMaxMs, text: `${max} ms` },
    { what: "service's peak RSS", value: rss, limit: TARGETS.peakRssMiB, text: `${rss} MiB` },
  ];
}

function headline(pause: PhaseFigures, resume: PhaseFigures): string[] {
  const checks = targetChecks(pause, resume);
  return [
    '## Headline: the store at 10,000 items (pause and resume together)',
    '',
    '| target | measured | limit | |',
    '|---|---:|---:|---|',
    ...checks.map((c) => `| ${c.what} | ${c.text} | ≤ ${c.limit} | ${c.value <= c.limit ? 'met' : '**missed**'} |`),
    '',
    `Pause: ${pause.wallS} s, ${pause.fileWrites.toLocaleString('en')} writes to disk carrying ${pause.writesRequested.toLocaleString('en')} durable changes. ` +
      `Resume: ${resume.wallS} s, ${resume.fileWrites.toLocaleString('en')} writes carrying ${resume.writesRequested.toLocaleString('en')}.`,
    '',
  ];
}

function section(result: ScenarioResult, scenario: Scenario | undefined): string[] {
  const s = result.scenario;
  const w = s.world;
  const out = [
    `## \`${s.name}\`: ${s.title}`,
    '',
    scenario?.why ?? '',
    '',
    `World: Hootsuite ${w.hootsuite.scheduled} scheduled (+ ${w.hootsuite.pendingApproval} awaiting approval, ${w.hootsuite.sent} sent); ` +
      `Meta ${w.metaAds.active} active campaigns (+ ${w.metaAds.pausedByPeople} paused by people); ` +
      `Mailchimp ${w.mailchimp.scheduled} scheduled campaigns and ${w.mailchimp.automations} automations (+ ${w.mailchimp.drafts} drafts, ${w.mailchimp.pausedAutomations} paused automations). ` +
      `**${s.liveItems.toLocaleString('en')} live items.** Platform latency ${s.latencyMs} ms, scale ×${s.scale}; service on ${result.cpus.service}, platforms on ${result.cpus.platforms}; Meta budget ${s.metaCallsPerHour === null ? "Meta's formula for the app's tier, + 40 × active campaigns" : s.metaCallsPerHour.toLocaleString('en')} calls/hour/ad account.`,
    '',
    result.problems.length === 0
      ? '**Check: passed** — every live item suspended by the pause, nothing else touched; after the resume the platforms equal the state before; after each phase the data file on disk holds the item states the API reported.'
      : `**Check: FAILED**\n\n${result.problems.map((p) => `- ${p}`).join('\n')}`,
    '',
  ];
  const phases = [
    ['pause', result.pause],
    ['resume', result.resume],
  ] as const;
  const present = phases.filter((p): p is readonly ['pause' | 'resume', PhaseFigures] => p[1] !== null);
  if (present.length === 0) return out;
  const row = (label: string, value: (f: PhaseFigures) => string) => `| ${label} | ${present.map(([, f]) => value(f)).join(' | ')} |`;
  out.push(
    `| | ${present.map(([name]) => name).join(' | ')} |`,
    `|---|${present.map(() => '---:').join('|')}|`,
    row('wall time', (f) => `${f.wallS} s`),
    row('items', (f) => `${f.items.toLocaleString('en')} (${Object.entries(f.itemStates).map(([k, n]) => `${n} ${k}`).join(', ')})`),
    row('items per second', (f) => `**${f.itemsPerS}**`),
    row('writes to disk (durable changes they carried)', (f) => `${f.fileWrites.toLocaleString('en')} (${f.writesRequested.toLocaleString('en')})`),
    row('bytes written to DATA_DIR', (f) => `**${gb(f.bytesWritten)}**`),
    row('store files / audit log after', (f) => `${mb(f.dataFileBytes)} / ${mb(f.auditFileBytes)}`),
    row('service CPU (user + system)', (f) => `${(f.cpuUserS + f.cpuSystemS).toFixed(1)} s (${Math.round(((f.cpuUserS + f.cpuSystemS) / f.wallS) * 100)}% of one core)`),
    row('peak RSS (start)', (f) => `${f.memory.rssPeakMiB} MiB (${f.memory.rssStartMiB})`),
    row('peak heap used (start)', (f) => `${f.memory.heapPeakMiB} MiB (${f.memory.heapStartMiB})`),
    row('event loop blocked, longest / p99', (f) => `${f.memory.eventLoopMaxDelayMs} ms / ${f.memory.eventLoopP99DelayMs} ms`),
    row('warnings / errors logged', (f) => `${f.logged.warn} / ${f.logged.error}`),
    '',
    'Requests each platform received:',
    '',
    '| phase | platform | requests | by method | by status | throttled (first second) | most in any 1 s | mean per s | most in flight | last request at |',
    '|---|---|---:|---|---|---:|---:|---:|---:|---:|',
  );
  for (const [name, f] of present) {
    for (const [id, p] of Object.entries(f.platforms).sort(([a], [b]) => a.localeCompare(b))) {
      out.push(
        `| ${name} | ${id} | ${p.requests.toLocaleString('en')} | ${pairs(p.byMethod)} | ${pairs(p.byStatus)} | ${p.throttled} (${p.throttledInFirstSecond}) | ${p.maxPerSecond} | ${p.meanPerSecond ?? '—'} | ${p.maxInFlight} | ${p.doneAtS ?? '—'} s |`,
      );
    }
  }
  for (const [name, f] of present) out.push('', boundBy(name, f));
  for (const phase of ['pause', 'resume'] as const) {
    const summary = result.summary[phase];
    if (!summary) continue;
    out.push(
      '',
      `The ${phase}'s bound, per connection: ` +
        summary.bound.connections.map((c) => `${c.connection} ${c.requests.toLocaleString('en')} requests at ${c.limit} → ${c.seconds} s`).join('; ') +
        `. Binding: ${summary.binding}.`,
    );
  }
  if (result.reads) {
    const r = result.reads;
    out.push('', `Reading the pause back through the API after the pause: \`GET /v1/pauses/:id\` in ${r.pauseGetMs} ms; all ${r.items.toLocaleString('en')} items in ${r.pages} pages of ${r.pageLimit} in ${r.walkS} s.`);
  }
  if (result.logSample.length > 0) out.push('', 'First lines the service logged:', '', ...result.logSample.map((l) => `    ${l}`));
  out.push('');
  return out;
}

/** Which platform's last request came last, and what Hootsuite's 20/s alone would have allowed. */
function boundBy(phase: string, f: PhaseFigures): string {
  const last = Object.entries(f.platforms).sort(([, a], [, b]) => (b.doneAtS ?? 0) - (a.doneAtS ?? 0))[0];
  const hootsuite = f.platforms['hootsuite-acme'];
  const floor = hootsuite && hootsuite.requests > 0 ? ((hootsuite.requests - hootsuite.throttled) / 20).toFixed(1) : null;
  return (
    `The ${phase}: ${f.items.toLocaleString('en')} items in ${f.wallS} s; ` +
    (last ? `last platform to finish: ${last[0]} (last request at ${last[1].doneAtS} s)` : 'no platform requests') +
    (floor ? `; Hootsuite's floor for the ${(hootsuite!.requests - hootsuite!.throttled).toLocaleString('en')} requests it accepted, at 20/s: ${floor} s, it took ${hootsuite!.doneAtS} s.` : '.')
  );
}

const pairs = (r: Record<string, number>) => Object.entries(r).map(([k, n]) => `${k} ${n.toLocaleString('en')}`).join(', ');
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
const gb = (bytes: number) => (bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${(bytes / 1e6).toFixed(1)} MB`);
