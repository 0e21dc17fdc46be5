// The benchmark's settings: `npm run bench -- [scenario…] [--latency=<ms>] [--scale=<factor>]`
// (or BENCH_LATENCY_MS / BENCH_SCALE). Real platforms answer in tens of milliseconds: at 0 ms
// the bottlenecks that matter (waiting on platforms, pacing, stalls) hide, so 40 ms is the default.
export interface BenchSettings {
  /** added by the sandbox to every platform request */
  latencyMs: number;
  /** multiplies every count of each scenario's world */
  scale: number;
}

export const DEFAULT_SETTINGS: BenchSettings = { latencyMs: 40, scale: 1 };

export function parseSettings(args: readonly string[], env: NodeJS.ProcessEnv): { settings: BenchSettings; scenarios: string[] } {
  const settings = { ...DEFAULT_SETTINGS };
  if (env.BENCH_LATENCY_MS) settings.latencyMs = number('BENCH_LATENCY_MS', env.BENCH_LATENCY_MS, 0);
  if (env.BENCH_SCALE) settings.scale = number('BENCH_SCALE', env.BENCH_SCALE, 0.001);
  const scenarios: string[] = [];
  for (const arg of args) {
    const option = /^--(latency|scale)=(.+)$/.exec(arg);
    if (!option) scenarios.push(arg);
    else if (option[1] === 'latency') settings.latencyMs = number('--latency', option[2]!, 0);
    else settings.scale = number('--scale', option[2]!, 0.001);
  }
  return { settings, scenarios };
}

/** The settings as the child processes read them. */
export const settingsEnv = (s: BenchSettings): Record<string, string> => ({ BENCH_LATENCY_MS: String(s.latencyMs), BENCH_SCALE: String(s.scale) });

function number(name: string, text: string, min: number): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n < min) throw new Error(`${name} must be a number ≥ ${min}, got ${JSON.stringify(text)}`);
  return n;
}
