// One scenario, in a process of its own (fresh heap, so its memory figures are its own): starts
// the sandbox platforms (another process), seeds them, starts the service, pauses at severity 3
// and resumes over HTTP, checks the platforms' state after each, and hands the figures back.
import { apiClient } from './api-client.js';
import { measurePhase, type PhaseFigures } from './phase.js';
import { summarize, type PhaseSummary } from './summary.js';
import { walkItems, type ReadFigures } from './walk-items.js';
import { pin } from './cpus.js';
import { forkTs, sendUnasked } from './rpc.js';
import { liveCount, scenario as scenarioAt, type Scenario } from './scenarios.js';
import { parseSettings } from './settings.js';
import { BENCH_API_KEY, startService, type Service } from './service.js';
import { checkRestored, checkSuspended, liveKeys, type World } from './world-check.js';

export interface ScenarioResult {
  scenario: Omit<Scenario, 'why'> & { liveItems: number; objects: Record<string, number> };
  /** where the service and the sandbox platforms ran (each on a core of its own when possible) */
  cpus: { service: string; platforms: string };
  pause: PhaseFigures | null;
  resume: PhaseFigures | null;
  /** per phase: time to silence against the bound and the naive way, and the store's costs */
  summary: { pause: PhaseSummary | null; resume: PhaseSummary | null };
  /** reading the paused pause back through the API */
  reads: ReadFigures | null;
  /** empty when the platforms ended exactly as they should */
  problems: string[];
  /** the service's first warnings or errors, if it logged any (retries show up here) */
  logSample: string[];
}

const scenario = scenarioAt(process.argv[2] ?? '', parseSettings([], process.env).settings);
if (!scenario) throw new Error(`no scenario ${process.argv[2]}`);

process.on('disconnect', () => process.exit(1)); // run.ts is gone: stop, and the sandbox with us
const sandbox = forkTs('./sandbox-process.ts', [scenario.name]);
const pinned = { service: pin(process.pid, 'service'), platforms: pin(sandbox.process.pid!, 'platforms') };
const result = await run(scenario).finally(() => sandbox.call('close').catch(() => {}));
await sendUnasked(result);
process.exit(0);

async function run(s: Scenario): Promise<ScenarioResult> {
  const objects = await sandbox.call<Record<string, number>>('seed');
  const { why: _why, ...parameters } = s;
  const out: ScenarioResult = { scenario: { ...parameters, liveItems: liveCount(s.world), objects }, cpus: pinned, pause: null, resume: null, summary: { pause: null, resume: null }, reads: null, problems: [], logSample: [] };
  const before = await sandbox.call<World>('state');
  if (liveKeys(before).size !== liveCount(s.world)) out.problems.push(`seeded ${liveKeys(before).size} live items, planned ${liveCount(s.world)}`);

  const service = await startService(await sandbox.call<string>('url'));
  try {
    const api = apiClient(service.url, BENCH_API_KEY);
    const pauseStarted = performance.now();
    const paused = await measurePhase(service, sandbox, () =>
      api('POST', '/v1/pauses?wait=true', { severity: 3, reason: `benchmark ${s.name}` }),
    );
    out.pause = paused.figures;
    out.summary.pause = summarize(s, 'pause', paused.figures);
    const pauseId: string | undefined = paused.body?.pause?.id;
    if (paused.figures.httpStatus !== 201 || !pauseId) {
      out.problems.push(`pause answered ${paused.figures.httpStatus}: ${JSON.stringify(paused.body).slice(0, 300)}`);
      return out;
    }
    if (!expectStates(out.problems, 'pause', paused.figures, 'suspended', liveCount(s.world))) out.problems.push(...(await explainItems(api, pauseId, 'suspended')));
    out.problems.push(...(await checkDisk(service, pauseId, 'pause', paused.figures)));
    out.problems.push(...checkSuspended(before, await sandbox.call<World>('state')).map((p) => `after the pause: ${p}`));
    out.reads = await walkItems(api, pauseId);
    if (out.reads.items !== paused.figures.items) out.problems.push(`reading the items back gave ${out.reads.items}, not ${paused.figures.items}`);

    // The resume follows at once: it shares the platforms' windows with the pause (bench/bound.ts).
    const sincePauseS = (performance.now() - pauseStarted) / 1000;
    const resumed = await measurePhase(service, sandbox, () => api('POST', `/v1/pauses/${pauseId}/resume?wait=true`, {}));
    out.resume = resumed.figures;
    out.summary.resume = summarize(s, 'resume', resumed.figures, sincePauseS);
    if (resumed.figures.httpStatus !== 200) out.problems.push(`resume answered ${resumed.figures.httpStatus}: ${JSON.stringify(resumed.body).slice(0, 300)}`);
    if (!expectStates(out.problems, 'resume', resumed.figures, 'restored', liveCount(s.world))) out.problems.push(...(await explainItems(api, pauseId, 'restored')));
    out.problems.push(...(await checkDisk(service, pauseId, 'resume', resumed.figures)));
    out.problems.push(...checkRestored(before, await sandbox.call<World>('state')).map((p) => `after the resume: ${p}`));
    out.logSample = service.logged.first;
    return out;
  } finally {
    await service.close();
  }
}

/**
 * Once `?wait=true` has answered, the data file on disk must already hold every item's final
 * state: outcomes are written without waiting, so only the job's closing flush guarantees it.
 */
async function checkDisk(service: Service, pauseId: string, phase: string, figures: PhaseFigures): Promise<string[]> {
  const onDisk = await service.diskItemStates(pauseId);
  const same = JSON.stringify(Object.entries(onDisk).sort()) === JSON.stringify(Object.entries(figures.itemStates).sort());
  return same ? [] : [`${phase}: the data file holds item states ${JSON.stringify(onDisk)}, the API answered ${JSON.stringify(figures.itemStates)}`];
}

/** What the service recorded on the items that did not end as expected: the why of a failed check. */
async function explainItems(api: ReturnType<typeof apiClient>, pauseId: string, expected: string): Promise<string[]> {
  const odd: Array<Record<string, any>> = [];
  let cursor: string | null = null;
  do {
    const page = await api('GET', `/v1/pauses/${pauseId}/items?limit=1000${cursor ? `&cursor=${cursor}` : ''}`);
    odd.push(...((page.body?.data ?? []) as Array<Record<string, any>>).filter((i) => i.state !== expected));
    cursor = page.body?.nextCursor ?? null;
  } while (cursor && odd.length < 5);
  return odd.slice(0, 5).map(
    (i) => `  item ${i.connectionId}/${i.externalId} ${i.state} after ${i.attempts} attempts: ${i.lastError ? `${i.lastError.code} — ${i.lastError.message}` : (i.note ?? 'no error recorded')}`,
  );
}

/** Every item of the pause in `state`, none failed, missed or drifted. */
function expectStates(problems: string[], phase: string, figures: PhaseFigures, state: string, expected: number): boolean {
  const before = problems.length;
  if (figures.items !== expected) problems.push(`${phase}: the pause holds ${figures.items} items, ${expected} were live`);
  const others = Object.entries(figures.itemStates).filter(([k]) => k !== state);
  if (others.length > 0 || figures.itemStates[state] !== expected)
    problems.push(`${phase}: item states ${JSON.stringify(figures.itemStates)}, expected all ${expected} ${state}`);
  return problems.length === before;
}
