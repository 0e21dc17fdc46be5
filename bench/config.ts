// The configuration the benchmark runs: the default one's Acme connections on Hootsuite, Meta and
// Mailchimp (their platform limits; the other platforms have their own adapter tests), with the Meta connection covering several ad accounts. Meta limits each ad account
// by points (9,000 per 5 minutes on the standard tier, a write costing 3): 5,700 campaigns in one
// account would spend most of the run waiting for Meta's windows, which no service can beat; a
// brand running that many campaigns spreads them over several accounts, each with its own points.
import { defaultConfigFile, loadConfigFile } from '../src/config/load.js';
import type { Config } from '../src/config/schema.js';

export const META_AD_ACCOUNTS = Array.from({ length: 6 }, (_, i) => `act_${1_000_000_001 + i}`);

/** The connections the bench's worlds are planned for (bench/scenarios.ts): Acme's on the three platforms. */
export const BENCH_CONNECTIONS = ['hootsuite-acme', 'meta-ads-acme', 'mailchimp-acme'];

export function benchConfig(): Config {
  const config = loadConfigFile(defaultConfigFile());
  return {
    ...config,
    manual: [],
    // The bench drives the service with one key: no second lead approves its resume.
    resume: { ...config.resume, approvalFrom: null },
    connections: config.connections
      .filter((c) => BENCH_CONNECTIONS.includes(c.id))
      .map((c) => (c.platform === 'meta-ads' ? { ...c, accountIds: META_AD_ACCOUNTS } : c)),
  };
}
