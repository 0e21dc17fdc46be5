// Measures one phase (the pause, or the resume) from the outside: one HTTP call with
// ?wait=true, timed from request to answer, with what it cost in file writes, memory, CPU and
// platform requests.
import type { Child } from './rpc.js';
import { startMemorySampler, type MemoryFigures } from './memory-sampler.js';
import { maxInAnySecond, meanRate } from './rate-window.js';
import type { Service } from './service.js';
import type { ConnectionTraffic } from './traffic.js';

export interface PlatformFigures {
  requests: number;
  byMethod: Record<string, number>;
  byStatus: Record<string, number>;
  throttled: number;
  /** of those, how many came in the phase's first second (a burst) */
  throttledInFirstSecond: number;
  maxInFlight: number;
  /** the most requests that arrived within any one second */
  maxPerSecond: number;
  /** requests per second from this platform's first request of the phase to its last */
  meanPerSecond: number | null;
  /** seconds from the start of the phase to this platform's last request */
  doneAtS: number | null;
  /** the mean time a request took, arrival to answer, ms */
  meanRoundTripMs: number | null;
  simulatorLog?: number;
  /** requests that arrived in each second of the phase, and how many of them were throttled */
  perSecond: number[];
  throttledPerSecond: number[];
}

export interface PhaseFigures {
  httpStatus: number;
  wallS: number;
  items: number;
  itemsPerS: number;
  /** the item states the service reports at the end of the phase */
  itemStates: Record<string, number>;
  /** items per connection */
  itemsByConnection: Record<string, number>;
  pauseState: string;
  fileWrites: number;
  /** bytes the store wrote to DATA_DIR during the phase: journal, audit log, snapshots */
  bytesWritten: number;
  writesRequested: number;
  dataFileBytes: number;
  auditFileBytes: number;
  cpuUserS: number;
  cpuSystemS: number;
  memory: MemoryFigures;
  platforms: Record<string, PlatformFigures>;
  logged: { warn: number; error: number };
}

export async function measurePhase(service: Service, sandbox: Child, call: () => Promise<{ status: number; body: any }>): Promise<{ figures: PhaseFigures; body: any }> {
  await sandbox.call('traffic'); // start counting afresh
  const writes0 = service.fileWrites();
  const bytes0 = service.bytesWritten();
  const requested0 = service.writesRequested();
  const logged0 = { ...service.logged };
  const stopSampler = startMemorySampler();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();

  const answer = await call();

  const wallS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const memory = stopSampler();
  const traffic = await sandbox.call<Record<string, ConnectionTraffic>>('traffic');
  const pause = answer.body?.pause;
  const items: number = pause?.counts?.total ?? 0;
  return {
    body: answer.body,
    figures: {
      httpStatus: answer.status,
      wallS: round(wallS, 2),
      items,
      itemsPerS: round(items / wallS, 1),
      itemStates: Object.fromEntries(Object.entries((pause?.counts?.byState ?? {}) as Record<string, number>).filter(([, n]) => n > 0)),
      itemsByConnection: Object.fromEntries(Object.entries((pause?.counts?.byConnection ?? {}) as Record<string, { total: number }>).map(([id, c]) => [id, c.total])),
      pauseState: pause?.state ?? '(none)',
      fileWrites: service.fileWrites() - writes0,
      bytesWritten: service.bytesWritten() - bytes0,
      writesRequested: service.writesRequested() - requested0,
      dataFileBytes: await service.dataFileBytes(),
      auditFileBytes: await service.auditFileBytes(),
      cpuUserS: round(cpu.user / 1e6, 2),
      cpuSystemS: round(cpu.system / 1e6, 2),
      memory,
      platforms: Object.fromEntries(Object.entries(traffic).map(([id, t]) => [id, platformFigures(t)])),
      logged: { warn: service.logged.warn - logged0.warn, error: service.logged.error - logged0.error },
    },
  };
}

function platformFigures(t: ConnectionTraffic): PlatformFigures {
  const { arrivals, throttledArrivals, totalMs, ...rest } = t;
  const first = arrivals[0] ?? 0;
  return {
    ...rest,
    throttledInFirstSecond: throttledArrivals.filter((at) => at - first < 1000).length,
    maxPerSecond: maxInAnySecond(arrivals),
    meanPerSecond: meanRate(arrivals),
    doneAtS: arrivals.length > 0 ? round(arrivals.at(-1)! / 1000, 2) : null,
    meanRoundTripMs: t.requests > 0 ? round(totalMs / t.requests, 2) : null,
    perSecond: histogram(arrivals),
    throttledPerSecond: histogram(throttledArrivals, arrivals.at(-1)),
  };
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

function histogram(arrivalsMs: readonly number[], lastMs = arrivalsMs.at(-1)): number[] {
  const seconds = lastMs === undefined ? 0 : Math.floor(lastMs / 1000) + 1;
  const out = new Array<number>(seconds).fill(0);
  for (const at of arrivalsMs) out[Math.floor(at / 1000)]!++;
  return out;
}
