import { z } from 'zod';
import { KINDS } from '../../adapters/types.js';
import { ActorSchema, SourceSchema } from './actor.js';

/**
 * A task is a step a person must take because a pause covers a platform we cannot reach by API
 * (a manual connection): "Pause all publishing in Sprout Social for Acme", then on resume the way
 * back. It is part of the pause, stored with it in the write that opens it; a pause with an open
 * task is never reported complete.
 */
export const TASK_STATES = ['open', 'done', 'skipped'] as const;
export type TaskState = (typeof TASK_STATES)[number];

/** `suspend`: stop publishing there; `restore`: the way back, opened by a whole resume. */
export const TASK_DIRECTIONS = ['suspend', 'restore'] as const;

export const TaskClosedSchema = z.object({
  at: z.string(),
  actor: ActorSchema,
  source: SourceSchema,
  requestId: z.string(),
  /** done: what the person says they did (optional); skipped: why (required) */
  note: z.string().nullable(),
});

export const TaskSchema = z.object({
  id: z.string(),
  connectionId: z.string(),
  direction: z.enum(TASK_DIRECTIONS),
  /** the kinds of the pause this task covers on that platform */
  kinds: z.array(z.enum(KINDS)),
  title: z.string(),
  steps: z.array(z.string()),
  state: z.enum(TASK_STATES),
  createdAt: z.string(),
  /** who ticked it off (done or skipped), when, and their note */
  closed: TaskClosedSchema.nullable(),
});
export type Task = z.infer<typeof TaskSchema>;
