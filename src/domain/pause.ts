import { z } from 'zod';
import { KINDS } from '../../adapters/types.js';
import { ActorSchema, SourceSchema } from './actor.js';
import { ItemErrorSchema } from './item.js';

/** planning → suspending → active → resuming → resumed. */
export const PAUSE_STATES = ['planning', 'suspending', 'active', 'resuming', 'resumed'] as const;
export type PauseState = (typeof PAUSE_STATES)[number];

/** A pause in these states may cover its scope (see `inForce`). */
export const COVERING_STATES: ReadonlySet<PauseState> = new Set(['planning', 'suspending', 'active']);

export const MISSED_POLICIES = ['hold', 'shift', 'now'] as const;
export type MissedPolicy = (typeof MISSED_POLICIES)[number];

export const ScopeSchema = z
  .object({
    connections: z.array(z.string().min(1)).min(1).optional(),
    tags: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict();
export type Scope = z.infer<typeof ScopeSchema>;

/** One connection × kind listing of a pause's plan: failed ones are retried by `retry`. */
export const ListingSchema = z.object({
  connectionId: z.string(),
  kind: z.enum(KINDS),
  state: z.enum(['pending', 'done', 'failed']),
  found: z.number().int(),
  /** live items skipped because another pause already holds them */
  heldElsewhere: z.number().int(),
  error: ItemErrorSchema.nullable(),
});
export type Listing = z.infer<typeof ListingSchema>;

const StampSchema = z.object({
  at: z.string(),
  actor: ActorSchema,
  source: SourceSchema,
  requestId: z.string(),
});

export const EscalationSchema = StampSchema.extend({ from: z.number().int(), to: z.number().int() });

export const ResumeRequestSchema = StampSchema.extend({
  missed: z.enum(MISSED_POLICIES),
  /** null: the whole pause */
  itemIds: z.array(z.string()).nullable(),
});
export type ResumeRecord = z.infer<typeof ResumeRequestSchema>;

export const PauseSchema = z.object({
  id: z.string(),
  severity: z.number().int(),
  severityName: z.string(),
  kinds: z.array(z.enum(KINDS)),
  reason: z.string(),
  scope: ScopeSchema,
  /** the scope resolved when the pause was requested */
  connectionIds: z.array(z.string()),
  state: z.enum(PAUSE_STATES),
  actor: ActorSchema,
  source: SourceSchema,
  requestId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** when suspension last finished */
  activeAt: z.string().nullable(),
  resumedAt: z.string().nullable(),
  escalations: z.array(EscalationSchema),
  listings: z.array(ListingSchema),
  resume: ResumeRequestSchema.nullable(),
});
export type Pause = z.infer<typeof PauseSchema>;

/**
 * Whether a pause covers its scope now: a new trigger for the same scope joins it and items it
 * covers are handed over to it. Once a whole resume is asked for it no longer does, even while
 * the resume waits behind the suspension.
 */
export const inForce = (pause: Pause): boolean => COVERING_STATES.has(pause.state) && pause.resume === null;
