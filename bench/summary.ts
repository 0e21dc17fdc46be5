// The figures of one phase that the issue asks for, in one place: time to silence against the
// platforms' bound and against the naive way, and what the store and the process cost.
import { META_AD_ACCOUNTS } from './config.js';
import { naiveSeconds, phaseBound, type PhaseBound } from './bound.js';
import type { PhaseFigures } from './phase.js';
import type { Scenario } from './scenarios.js';

export interface PhaseSummary {
  wallS: number;
  /** what the platforms' own limits allow at best (bench/bound.ts) */
  boundS: number;
  /** wallS ÷ boundS */
  ratioToBound: number;
  /** one request per item, one at a time, at the measured round trip */
  naiveS: number;
  /** naiveS ÷ wallS */
  naiveOverMeasured: number;
  binding: string;
  bound: PhaseBound;
  bytesWritten: number;
  finalStoreBytes: number;
  rssPeakMiB: number;
  eventLoopP99Ms: number;
  eventLoopMaxMs: number;
  /** requests each connection received */
  requests: Record<string, number>;
}

/** `sincePauseS`: for a resume that follows its pause right away, the seconds since the pause began (it shares the platforms' windows). */
export function summarize(scenario: Scenario, phase: 'pause' | 'resume', f: PhaseFigures, sincePauseS?: number): PhaseSummary {
  const bound = phaseBound(scenario.world, phase, scenario.latencyMs, META_AD_ACCOUNTS.length, sincePauseS === undefined ? undefined : { sincePauseS });
  const roundTrips = Object.fromEntries(Object.entries(f.platforms).map(([id, p]) => [id, p.meanRoundTripMs ?? scenario.latencyMs]));
  const naiveS = naiveSeconds(f.itemsByConnection, roundTrips);
  return {
    wallS: f.wallS,
    boundS: bound.seconds,
    ratioToBound: round(f.wallS / bound.seconds),
    naiveS,
    naiveOverMeasured: round(naiveS / f.wallS),
    binding: bound.binding,
    bound,
    bytesWritten: f.bytesWritten,
    finalStoreBytes: f.dataFileBytes + f.auditFileBytes,
    rssPeakMiB: f.memory.rssPeakMiB,
    eventLoopP99Ms: f.memory.eventLoopP99DelayMs,
    eventLoopMaxMs: f.memory.eventLoopMaxDelayMs,
    requests: Object.fromEntries(Object.entries(f.platforms).map(([id, p]) => [id, p.requests])),
  };
}

const round = (n: number) => Math.round(n * 100) / 100;
