// One seeding signature for every platform: `seed(world, context)`, deterministic and relative
// to the clock. A platform's seed.ts exports one such function; the builder calls it for
// `seed: 'sandbox'` when no saved world was loaded.
import type { Clock } from '../../types.js';

export interface SeedContext {
  clock: Clock;
  /** the connection's account ids (profiles, ad accounts, audiences); may be empty */
  accountIds: readonly string[];
  /** deterministic pseudo-random numbers in [0, 1) */
  random: () => number;
}

export type SimulatorSeed<W> = (world: W, context: SeedContext) => void;

/** Deterministic pseudo-random numbers (mulberry32) for realistic seeded content. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
