import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);

/** The process environment the service reads, checked at boot. */
export const EnvSchema = z.object({
  PORT: port.default(3000),
  /** 127.0.0.1 by default; the Docker image sets 0.0.0.0 */
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  CONFIG_FILE: z.string().min(1).optional(),
  BOOTSTRAP_API_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  SANDBOX_PORT: port.default(3001),
  SANDBOX_URL: z.url().optional(),
  SANDBOX_LATENCY_MS: z.coerce.number().int().min(0).default(0),
  /** the secret generic webhooks are signed with (X-Hub-Signature-256); unset: the hook is off */
  GENERIC_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  /** the secret PagerDuty signs its v3 webhooks with (X-PagerDuty-Signature); unset: the hook is off */
  PAGERDUTY_WEBHOOK_SECRET: z.string().min(1).optional(),
  /** Slack's signing secret for the `/crisis` command and its buttons; unset: the hook is off */
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /**
   * How many reverse proxies stand in front of the service: the client address (what refused API
   * keys are counted under) is then read from X-Forwarded-For, that many entries from the right.
   * Unset or 0: the socket's address, and X-Forwarded-For is ignored (anyone can write it).
   * `true` means one proxy, as in most proxy set-ups.
   */
  TRUST_PROXY: z
    .preprocess((v) => (v === 'true' ? 1 : v === 'false' ? 0 : v), z.coerce.number().int('a number of proxies (or true: one)').min(0).max(10))
    .default(0),
});
export type Env = z.infer<typeof EnvSchema>;
