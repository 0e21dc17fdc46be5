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
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});
export type Env = z.infer<typeof EnvSchema>;
