import { z } from 'zod';
import { KINDS } from '../../adapters/types.js';
import { ActorSchema, SourceSchema } from './actor.js';
import { ItemErrorSchema } from './item.js';
import { StepDoneSchema } from './step-done.js';
import { TaskSchema } from './task.js';

/**
 * suspending → active → resuming → resumed. A pause reads `suspending` or `resuming` while any of
 * its work is pending or running, and `awaiting-approval` while a resume waits for a second lead
 * (see `src/pauses/pause-lifecycle.ts`, the one place that moves it). A planned pause waits in
 * `planned`, holding nothing, until its start; cancelled before, it ends `cancelled`; started
 * while another pause in force covers the same connections, it joins (or escalates) that one and
 * ends `joined`.
 */
export const PAUSE_STATES = ['planned', 'suspending', 'active', 'awaiting-approval', 'resuming', 'resumed', 'cancelled', 'joined'] as const;
export type PauseState = (typeof PAUSE_STATES)[number];

export const MISSED_POLICIES = ['hold', 'shift', 'now'] as const;
export type MissedPolicy = (typeof MISSED_POLICIES)[number];

export const ScopeSchema = z
  .object({
    connections: z.array(z.string().min(1)).min(1).optional(),
    tags: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict();
export type Scope = z.infer<typeof ScopeSchema>;

/** One connection × kind listing of a pause's plan. */
export const ListingSchema = z.object({
  connectionId: z.string(),
  kind: z.enum(KINDS),
  state: z.enum(['done', 'failed']),
  /** live items this pause took */
  found: z.number().int(),
  /** live items skipped because another pause already holds them */
  heldElsewhere: z.number().int(),
  error: ItemErrorSchema.nullable(),
  /** where a failed listing goes on from (the `next` of its last good page); null: from the start */
  resumeFrom: z.string().nullable(),
});
export type Listing = z.infer<typeof ListingSchema>;

/** Who asked for something, from where, when, under which request. */
export const StampSchema = z.object({
  at: z.string(),
  actor: ActorSchema,
  source: SourceSchema,
  requestId: z.string(),
});
export type Stamp = z.infer<typeof StampSchema>;

export const EscalationSchema = StampSchema.extend({ from: z.number().int(), to: z.number().int() });

/**
 * A resume that waits for a second lead's approval (fast off, slow on): who asked, and what they
 * asked for. Approved, it becomes the resume work; withdrawn, it is gone. The pause stays in force.
 */
export const ApprovalSchema = StampSchema.extend({
  id: z.string(),
  /** null: the whole pause */
  itemIds: z.array(z.string()).nullable(),
  missed: z.enum(MISSED_POLICIES),
});
export type Approval = z.infer<typeof ApprovalSchema>;

/** A whole-pause resume: once asked for, the pause no longer covers its scope. */
export const ResumeRecordSchema = StampSchema.extend({ missed: z.enum(MISSED_POLICIES) });
export type ResumeRecord = z.infer<typeof ResumeRecordSchema>;

/**
 * A pause known in advance (a day of mourning, a verdict): it starts by itself at `startsAt` and
 * at `endsAt` its resume is requested, through the two-person rule where the severity needs it.
 * What has been carried out is stored, so a restart neither misses nor repeats a step.
 */
export const ScheduleSchema = z.object({
  /** null: the pause started when requested; only its end is planned */
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  /** when the service started it (null: not yet, or it started when requested) */
  startedAt: z.string().nullable(),
  /** when the service asked for its resume: once, even if that resume is later withdrawn */
  endRequestedAt: z.string().nullable(),
  /** who cancelled it before its start (the service itself when its whole window passed while it was down) */
  cancelled: StampSchema.nullable(),
  /** the pause in force its start joined or escalated instead of opening its own */
  joinedPauseId: z.string().nullable(),
});
export type Schedule = z.infer<typeof ScheduleSchema>;

const workBase = {
  id: z.string(),
  requested: StampSchema,
  /** set when a job first takes it up: found set at start-up, it was interrupted by a crash */
  startedAt: z.string().nullable(),
};

/**
 * Pending work: what a request asked the pause to do, stored in the same write that accepts the
 * request. Jobs carry it out oldest first and decide from the stored state when they run.
 */
export const WorkSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('suspend'), kinds: z.array(z.enum(KINDS)), ...workBase }),
  z.object({ kind: z.literal('escalate'), kinds: z.array(z.enum(KINDS)), from: z.number().int(), to: z.number().int(), ...workBase }),
  /** `itemIds` null: the whole pause */
  z.object({ kind: z.literal('resume'), itemIds: z.array(z.string()).nullable(), missed: z.enum(MISSED_POLICIES), ...workBase }),
  /** suspends again what failed, or restores again what failed to come back: chosen when it runs */
  z.object({ kind: z.literal('retry'), ...workBase }),
  /** a person puts one item back, at its own time or `at` */
  z.object({ kind: z.literal('release'), itemId: z.string(), at: z.string().nullable(), ...workBase }),
]);
export type Work = z.infer<typeof WorkSchema>;
export type WorkKind = Work['kind'];

export const PauseSchema = z.object({
  id: z.string(),
  severity: z.number().int(),
  severityName: z.string(),
  kinds: z.array(z.enum(KINDS)),
  reason: z.string(),
  scope: ScopeSchema,
  /** the scope resolved when the pause was requested, sorted */
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
  /** the whole-pause resume, once asked for */
  resume: ResumeRecordSchema.nullable(),
  /** pending work, oldest first: the first runs */
  work: z.array(WorkSchema),
  /** the manual connections the scope covers (no API: the pause carries tasks for people) */
  manualIds: z.array(z.string()).default([]),
  /** steps for people on manual connections, opened with the pause, an escalation or the resume */
  tasks: z.array(TaskSchema).default([]),
  /** a resume waiting for a second lead's approval */
  approval: ApprovalSchema.nullable().default(null),
  /** the playbook steps people ticked off for this pause (which steps apply follows its severity) */
  stepsDone: z.array(StepDoneSchema).default([]),
  /** null: an ordinary pause, neither its start nor its end planned */
  schedule: ScheduleSchema.nullable().default(null),
});
export type Pause = z.infer<typeof PauseSchema>;

/** Planned pauses hold nothing yet; the others are over. */
const NOT_IN_FORCE: ReadonlySet<PauseState> = new Set(['planned', 'resumed', 'cancelled', 'joined']);

/**
 * Whether a pause covers its scope now: a new trigger for the same scope joins it and items it
 * covers are handed over to it. Once a whole resume is asked for it no longer does.
 */
export const inForce = (pause: Pause): boolean => pause.resume === null && !NOT_IN_FORCE.has(pause.state);

/** Two pauses with the same key cover the same connections, manual ones included. */
export const scopeKey = (pause: Pick<Pause, 'connectionIds' | 'manualIds'>): string => [...pause.connectionIds, ...pause.manualIds].sort().join(',');

/**
 * When a plan's next step is due: a planned pause's start, or the planned end of a pause in force
 * whose resume nobody asked for yet; null when it has none left.
 */
export function nextStepAt(pause: Pause): string | null {
  if (!pause.schedule) return null;
  if (pause.state === 'planned') return pause.schedule.startsAt;
  return inForce(pause) && pause.schedule.endRequestedAt === null ? pause.schedule.endsAt : null;
}
