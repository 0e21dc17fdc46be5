// Business Use Case (ads_management) call budgets: per ad account, per rolling hour, measured on
// the simulator's clock. Meta's formula for the development tier is 300 + 40 × active ads per
// hour; the simulator counts ACTIVE campaigns as a stand-in for active ads.
// https://developers.facebook.com/docs/graph-api/overview/rate-limiting#ads-management
import type { Clock } from '../types.js';

const HOUR_MS = 3_600_000;

export type BudgetVerdict = { ok: true; usagePct: number } | { ok: false; regainMinutes: number };

export class CallBudget {
  readonly #calls = new Map<string, number[]>();
  /** fixed calls per hour for every account; null = Meta's formula */
  perHour: number | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly activeCampaigns: (accountId: string) => number,
  ) {}

  limitFor(accountId: string): number {
    return this.perHour ?? 300 + 40 * this.activeCampaigns(accountId);
  }

  /** Counts one call against the account, unless the account is over its budget. */
  take(accountId: string): BudgetVerdict {
    const now = this.clock.now().getTime();
    const calls = (this.#calls.get(accountId) ?? []).filter((t) => t > now - HOUR_MS);
    this.#calls.set(accountId, calls);
    const limit = this.limitFor(accountId);
    if (calls.length >= limit) {
      const oldest = calls[0] ?? now;
      return { ok: false, regainMinutes: Math.max(1, Math.ceil((oldest + HOUR_MS - now) / 60_000)) };
    }
    calls.push(now);
    return { ok: true, usagePct: Math.min(100, Math.round((calls.length / limit) * 100)) };
  }

  /** The X-Business-Use-Case-Usage header value for one account. */
  static header(accountDigits: string, usagePct: number, regainMinutes: number): string {
    return JSON.stringify({
      [accountDigits]: [
        {
          type: 'ads_management',
          call_count: usagePct,
          total_cputime: Math.round(usagePct / 4),
          total_time: Math.round(usagePct / 4),
          estimated_time_to_regain_access: regainMinutes,
        },
      ],
    });
  }
}
