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
  /** whose content to seed: the sandbox has one connection per brand and platform */
  brand: Brand;
}

/** A brand of the sandbox: its name, and the handle and domain its content uses. */
export interface Brand {
  name: string;
  /** lower case, for handles and hashtags: `acme` */
  slug: string;
  domain: string;
}

const BRANDS: readonly Brand[] = [
  { name: 'Acme', slug: 'acme', domain: 'acme.example' },
  { name: 'Globex', slug: 'globex', domain: 'globex.example' },
];

/** The brand a sandbox connection serves, by the brand its id ends with (`mailchimp-globex`); Acme otherwise. */
export function brandOf(connectionId: string | undefined): Brand {
  return BRANDS.find((b) => connectionId?.endsWith(`-${b.slug}`)) ?? BRANDS[0]!;
}

/** Seeded text written for Acme, said of `brand`: "Acme" and "acme" become its name and slug. */
export const rebrand = (text: string, brand: Brand): string => (brand.slug === 'acme' ? text : text.replaceAll('Acme', brand.name).replaceAll('acme', brand.slug));

/** Seeded JSON (no Dates) written for Acme, said of `brand`. */
export const rebrandJson = <T>(value: T, brand: Brand): T => (brand.slug === 'acme' ? value : (JSON.parse(rebrand(JSON.stringify(value), brand)) as T));

/** A different start for each brand's random numbers: two brands' weeks do not look alike. */
export const brandSeed = (seed: number, brand: Brand): number => (brand.slug === 'acme' ? seed : (seed ^ [...brand.slug].reduce((h, c) => Math.imul(h, 31) + c.charCodeAt(0), 7)) >>> 0);

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
