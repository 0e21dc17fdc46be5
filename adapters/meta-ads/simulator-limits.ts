// Meta's limits per ad account, on the simulator's clock: the real-time points score of the
// app's access tier (reads 1, writes 3; over the maximum, the account is BLOCKED for the tier's
// block time) and the hourly ads_management Business Use Case budget. Always counted, for the
// usage headers; refused only when the simulator enforces limits.
// https://developers.facebook.com/docs/marketing-apis/rate-limiting
import { SlidingLog } from '../kit/sliding-log.js';
import type { Clock } from '../types.js';
import type { TierLimits } from './adapter-settings.js';

const HOUR_MS = 3_600_000;

export interface LimitsSource {
  tier(): TierLimits;
  /** ACTIVE campaigns of the account, standing in for active ads */
  activeIn(accountDigits: string): number;
  /** a fixed hourly budget for every account, or null for Meta's formula */
  fixedHourlyBudget(): number | null;
}

export type Refusal =
  /** the points maximum was reached, or the account is still blocked: `resetMs` until it lifts */
  | { kind: 'points'; resetMs: number }
  /** the hourly budget is spent: access comes back in `regainMinutes` */
  | { kind: 'buc'; regainMinutes: number };

export type ChargeVerdict = { ok: true } | { ok: false; refusal: Refusal };

export class AccountLimits {
  readonly #points = new Map<string, SlidingLog>();
  readonly #lastCharged = new Map<string, number>();
  readonly #blockedUntil = new Map<string, number>();
  readonly #hourly = new Map<string, SlidingLog>();
  #tier: TierLimits | null = null;
  /** requests that went over the points limit (refused when enforced, else only counted) */
  overLimit = 0;

  constructor(
    private readonly clock: Clock,
    private readonly source: LimitsSource,
  ) {}

  /** Charges `cost` points (and one call of the hourly budget) to an account, unless refused. */
  charge(accountDigits: string, cost: number, enforce: boolean): ChargeVerdict {
    const now = this.clock.now().getTime();
    const tier = this.#currentTier();
    const blockedUntil = this.#blockedUntil.get(accountDigits) ?? 0;
    if (blockedUntil > now) {
      this.overLimit++;
      return { ok: false, refusal: { kind: 'points', resetMs: blockedUntil - now } };
    }
    const points = this.#log(this.#points, accountDigits, tier.points, tier.windowMs);
    if (points.waitFor(cost, now) > 0) {
      this.overLimit++;
      if (enforce) {
        // "when you reach the maximum score … blocked for 300 seconds" (60 on Standard)
        this.#blockedUntil.set(accountDigits, now + tier.blockMs);
        return { ok: false, refusal: { kind: 'points', resetMs: tier.blockMs } };
      }
    }
    const hourly = this.#log(this.#hourly, accountDigits, Number.POSITIVE_INFINITY, HOUR_MS);
    if (enforce && hourly.used(now) >= this.hourlyBudget(accountDigits)) {
      const oldest = hourly.oldestExpiry(now) ?? now + HOUR_MS;
      return { ok: false, refusal: { kind: 'buc', regainMinutes: Math.max(1, Math.ceil((oldest - now) / 60_000)) } };
    }
    points.record(now, cost);
    hourly.record(now, 1);
    this.#lastCharged.set(accountDigits, now);
    return { ok: true };
  }

  /** Points someone else's calls took on the account (another app, another process of ours). */
  spend(accountDigits: string, cost: number): void {
    const tier = this.#currentTier();
    this.#log(this.#points, accountDigits, tier.points, tier.windowMs).record(this.clock.now().getTime(), cost);
    this.#lastCharged.set(accountDigits, this.clock.now().getTime());
  }

  hourlyBudget(accountDigits: string): number {
    return this.source.fixedHourlyBudget() ?? this.source.tier().hourlyBase + 40 * this.source.activeIn(accountDigits);
  }

  /** `X-Ad-Account-Usage`: the share of the points used, the seconds until it is back to zero (or the block lifts), the tier. */
  adAccountUsage(accountDigits: string): string {
    const now = this.clock.now().getTime();
    const tier = this.#currentTier();
    const used = this.#log(this.#points, accountDigits, tier.points, tier.windowMs).used(now);
    const blockedUntil = this.#blockedUntil.get(accountDigits) ?? 0;
    const clearAt = blockedUntil > now ? blockedUntil : used > 0 ? (this.#lastCharged.get(accountDigits) ?? now) + tier.windowMs : now;
    return JSON.stringify({
      acc_id_util_pct: blockedUntil > now ? 100 : Math.min(100, Math.round((used / tier.points) * 10_000) / 100),
      reset_time_duration: Math.ceil((clearAt - now) / 1000),
      ads_api_access_tier: tier.headerValue,
    });
  }

  /** The share of the hourly budget used, for `X-Business-Use-Case-Usage`. */
  hourlyUsagePct(accountDigits: string): number {
    const used = this.#log(this.#hourly, accountDigits, Number.POSITIVE_INFINITY, HOUR_MS).used(this.clock.now().getTime());
    return Math.min(100, Math.round((used / Math.max(1, this.hourlyBudget(accountDigits))) * 100));
  }

  // A change of tier starts the points afresh: the limits are not the same any more.
  #currentTier(): TierLimits {
    const tier = this.source.tier();
    if (this.#tier !== tier) {
      this.#tier = tier;
      this.#points.clear();
      this.#blockedUntil.clear();
    }
    return tier;
  }

  #log(logs: Map<string, SlidingLog>, key: string, limit: number, windowMs: number): SlidingLog {
    let log = logs.get(key);
    if (!log) logs.set(key, (log = new SlidingLog(limit, windowMs)));
    return log;
  }
}
