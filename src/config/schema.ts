import { z } from 'zod';
import { KINDS } from '../../adapters/types.js';
import { MISSED_POLICIES } from '../domain/pause.js';
import { EMPTY_PLAYBOOK, PlaybookSchema, playbookProblems } from './playbook.js';
import { slug } from './slug.js';

const envVarName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'must name an environment variable (A-Z, 0-9, _), never a credential itself');

export const SeveritySchema = z
  .object({
    level: z.number().int().min(1),
    name: slug,
    label: z.string().min(1).optional(),
    description: z.string().optional(),
    kinds: z.array(z.enum(KINDS)).min(1),
  })
  .strict();
export type Severity = z.infer<typeof SeveritySchema>;

export const ConnectionConfigSchema = z
  .object({
    id: slug,
    platform: z.string().min(1),
    name: z.string().min(1).optional(),
    tags: z.array(z.string().min(1)).default([]),
    /** platform account ids: social profiles, ad accounts, audiences (see each adapter) */
    accountIds: z.array(z.string().min(1)).default([]),
    /** adapter credential key → name of the environment variable holding it */
    credentials: z.record(z.string(), envVarName).default({}),
    /** adapter-specific settings, checked against the adapter's own schema */
    settings: z.record(z.string(), z.unknown()).default({}),
    /** talks to the sandbox platforms (npm start, tests) instead of the real ones */
    sandbox: z.boolean().default(false),
    /** overrides the platform's base URL (a proxy, a regional host) */
    baseUrl: z.url().optional(),
    limits: z
      .object({
        requestsPerSecond: z.number().positive().optional(),
        maxInFlight: z.number().int().positive().optional(),
        concurrency: z.number().int().positive().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type ConnectionConfig = z.infer<typeof ConnectionConfigSchema>;

/**
 * A platform the brand publishes on where no usable API exists (Sprout Social, Later, a native
 * scheduler): a pause that covers it opens a task for a person with these steps, and its resume
 * the way back.
 */
export const ManualConnectionSchema = z
  .object({
    id: slug,
    /** the platform's name as people know it: "Sprout Social" */
    platform: z.string().min(1),
    /** the brand as people know it: "Acme" */
    brand: z.string().min(1),
    tags: z.array(z.string().min(1)).default([]),
    /** what the brand publishes there: a pause covers the connection when its kinds meet these */
    kinds: z.array(z.enum(KINDS)).min(1),
    /** who does it, shown on the task */
    owner: z.string().min(1).optional(),
    steps: z.object({ suspend: z.array(z.string().min(1)).min(1), restore: z.array(z.string().min(1)).min(1) }).strict(),
  })
  .strict();
export type ManualConnection = z.infer<typeof ManualConnectionSchema>;

export const ConfigSchema = z
  .object({
    severities: z.array(SeveritySchema).min(1),
    connections: z.array(ConnectionConfigSchema).default([]),
    manual: z.array(ManualConnectionSchema).default([]),
    /** inbound webhooks: each is on only when its secret is set (GENERIC_WEBHOOK_SECRET, …) */
    hooks: z
      .object({
        generic: z
          .object({
            /** the highest severity this hook may set off: a higher one is refused (403) */
            maxSeverity: z.number().int().min(1).default(2),
          })
          .strict()
          .default({ maxSeverity: 2 }),
        pagerduty: z
          .object({
            maxSeverity: z.number().int().min(1).default(3),
            /** an incident's priority (its `summary`, P1…P5) → the severity it sets off; others set off nothing */
            priorities: z.record(z.string().min(1), z.number().int().min(1)).default({ P1: 3, P2: 2, P3: 1 }),
          })
          .strict()
          .default({ maxSeverity: 3, priorities: { P1: 3, P2: 2, P3: 1 } }),
        slack: z.object({ maxSeverity: z.number().int().min(1).default(3) }).strict().default({ maxSeverity: 3 }),
      })
      .strict()
      .default({ generic: { maxSeverity: 2 }, pagerduty: { maxSeverity: 3, priorities: { P1: 3, P2: 2, P3: 1 } }, slack: { maxSeverity: 3 } }),
    /** the crisis plan: carried as a checklist on each pause (GET /v1/pauses/:id/playbook) */
    playbook: PlaybookSchema.default(EMPTY_PLAYBOOK),
    execution: z
      .object({
        /** retries of one platform call after the first attempt */
        retries: z.number().int().min(0).max(20).default(5),
        /** first backoff when the platform gives no wait of its own; doubles each attempt */
        backoffMs: z.number().int().min(0).default(500),
        /** a platform asking for a longer wait than this fails the item (visible, retryable) */
        maxRetryWaitMs: z.number().int().min(0).default(900_000),
        requestTimeoutMs: z.number().int().min(100).default(30_000),
      })
      .strict()
      .default({ retries: 5, backoffMs: 500, maxRetryWaitMs: 900_000, requestTimeoutMs: 30_000 }),
    resume: z
      .object({
        missed: z.enum(MISSED_POLICIES).default('hold'),
        /** from this severity up a resume needs a second lead's approval (fast off, slow on); null: never */
        approvalFrom: z.number().int().min(1).nullable().default(3),
      })
      .strict()
      .default({ missed: 'hold', approvalFrom: 3 }),
  })
  .strict()
  .superRefine((config, ctx) => {
    const levels = config.severities.map((s) => s.level);
    config.severities.forEach((s, i) => {
      if (i > 0 && s.level <= levels[i - 1]!)
        ctx.addIssue({ code: 'custom', path: ['severities', i, 'level'], message: 'levels must be unique and ascending' });
      if (config.severities.findIndex((o) => o.name === s.name) !== i)
        ctx.addIssue({ code: 'custom', path: ['severities', i, 'name'], message: `duplicate severity name "${s.name}"` });
      const lower = config.severities[i - 1];
      // Escalation only ever adds kinds, so each rung must include the one below it.
      if (lower && !lower.kinds.every((k) => s.kinds.includes(k)))
        ctx.addIssue({ code: 'custom', path: ['severities', i, 'kinds'], message: `must include every kind of "${lower.name}"` });
    });
    config.connections.forEach((c, i) => {
      if (config.connections.findIndex((o) => o.id === c.id) !== i)
        ctx.addIssue({ code: 'custom', path: ['connections', i, 'id'], message: `duplicate connection id "${c.id}"` });
    });
    // One namespace: a scope names connections and manual ones alike.
    config.manual.forEach((m, i) => {
      if (config.connections.some((c) => c.id === m.id) || config.manual.findIndex((o) => o.id === m.id) !== i)
        ctx.addIssue({ code: 'custom', path: ['manual', i, 'id'], message: `duplicate connection id "${m.id}"` });
    });
    for (const problem of playbookProblems(config.playbook, levels))
      ctx.addIssue({ code: 'custom', path: ['playbook', ...problem.path], message: problem.message });
  });
export type Config = z.infer<typeof ConfigSchema>;
