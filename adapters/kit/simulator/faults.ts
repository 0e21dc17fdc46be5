// Faults injected into a simulator: tests, drills and the benchmark arm them, requests use them up.
import type { FaultRule } from './types.js';

type Armed = FaultRule & { times: number; after: number };

export class Faults {
  readonly #rules: Armed[] = [];

  /** @param variants the platform's throttle signals a `rate-limit` fault may pick, default first */
  constructor(readonly variants: readonly string[] = []) {}

  inject(rule: FaultRule): void {
    if (rule.variant !== undefined && !this.variants.includes(rule.variant)) {
      const known = this.variants.length > 0 ? this.variants.join(', ') : 'none';
      throw new Error(`unknown throttle variant "${rule.variant}" (this platform has: ${known})`);
    }
    if (rule.variant !== undefined && rule.kind !== 'rate-limit') throw new Error('only a rate-limit fault picks a throttle variant');
    this.#rules.push({ ...rule, times: rule.times ?? 1, after: rule.after ?? 0 });
  }

  clear(): void {
    this.#rules.length = 0;
  }

  /**
   * The rule this request triggers, if any; uses up one of its times. `readAs`: the method the
   * simulator's `faultMethod` says the request is besides its own (`GET` for a read sent as a
   * POST), so a rule for either hits it.
   */
  take(method: string, path: string, readAs?: string): FaultRule | undefined {
    for (const rule of this.#rules) {
      if (rule.method && rule.method !== method && rule.method !== readAs) continue;
      if (rule.path && !rule.path.test(path)) continue;
      if (rule.after > 0) {
        rule.after--;
        continue;
      }
      if (rule.times <= 0) continue;
      rule.times--;
      return rule;
    }
    return undefined;
  }
}
