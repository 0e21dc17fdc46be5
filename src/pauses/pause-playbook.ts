// A pause's checklist: the playbook steps its severity calls for — each with its owner, whom to
// call and who ticked it off — beside its tasks on manual platforms and the pre-approved
// statements. Which steps apply is worked out from the pause's severity each time, so an
// escalation adds its steps at once; the ticks are stored on the pause.
import { z } from 'zod';
import { draft } from '../audit/audit-entry.js';
import { PlaybookContactSchema, PlaybookStatementSchema, PlaybookRoleSchema, type Playbook, type PlaybookStep } from '../config/playbook.js';
import { AppError, notFound } from '../domain/errors.js';
import type { Pause, Stamp } from '../domain/pause.js';
import type { StepDone } from '../domain/step-done.js';
import { TaskSchema } from '../domain/task.js';
import { openTasks } from './tasks.js';

export const StepViewSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    detail: z.string().optional(),
    fromSeverity: z.number().int(),
    owner: PlaybookRoleSchema.pick({ id: true, title: true, people: true }),
    contacts: z.array(PlaybookContactSchema),
    done: z
      .object({ by: z.string().meta({ description: "the actor's name" }), at: z.string(), note: z.string().optional() })
      .nullable()
      .meta({ description: 'who ticked it off, when, with their note; null while it is open' }),
  })
  .meta({ id: 'PlaybookStepView', description: 'a playbook step for a pause, with its owner, its contacts and whether it is done' });
export type StepView = z.infer<typeof StepViewSchema>;

export const PausePlaybookSchema = z
  .object({
    pauseId: z.string(),
    severity: z.number().int(),
    steps: z.array(StepViewSchema).meta({ description: 'in config order, those whose `fromSeverity` is at most the pause’s severity' }),
    tasks: z.array(TaskSchema).meta({ description: 'the tasks on manual platforms, as `GET /v1/pauses/{id}/tasks` shows them' }),
    statements: z.array(PlaybookStatementSchema),
    open: z.number().int().meta({ description: 'steps not done and tasks open' }),
  })
  .meta({ id: 'PausePlaybook', description: "a pause's checklist: its playbook steps, its tasks for people, the pre-approved statements" });
export type PausePlaybook = z.infer<typeof PausePlaybookSchema>;

export const PlaybookCountsSchema = z
  .object({ open: z.number().int(), total: z.number().int() })
  .meta({ description: "the playbook steps the pause's severity calls for, and how many of them are not done yet" });

/** The steps a pause at `severity` carries, in config order. */
export const stepsFor = (playbook: Playbook, severity: number): PlaybookStep[] => playbook.steps.filter((s) => s.fromSeverity <= severity);

const doneOf = (pause: Pick<Pause, 'stepsDone'>, stepId: string): StepDone | undefined => pause.stepsDone.find((d) => d.stepId === stepId);

export function playbookCounts(playbook: Playbook, pause: Pick<Pause, 'severity' | 'stepsDone'>): z.infer<typeof PlaybookCountsSchema> {
  const steps = stepsFor(playbook, pause.severity);
  return { open: steps.filter((s) => !doneOf(pause, s.id)).length, total: steps.length };
}

function stepView(playbook: Playbook, step: PlaybookStep, done: StepDone | undefined): StepView {
  // The config's cross-checks make both lookups certain.
  const { id, title, people } = playbook.roles.find((r) => r.id === step.owner)!;
  return {
    id: step.id,
    title: step.title,
    ...(step.detail !== undefined && { detail: step.detail }),
    fromSeverity: step.fromSeverity,
    owner: { id, title, people },
    contacts: step.contacts.map((c) => playbook.contacts.find((o) => o.id === c)!),
    done: done ? { by: done.actor.name, at: done.at, ...(done.note !== null && { note: done.note }) } : null,
  };
}

export function pausePlaybook(playbook: Playbook, pause: Pause): PausePlaybook {
  const steps = stepsFor(playbook, pause.severity).map((s) => stepView(playbook, s, doneOf(pause, s.id)));
  return {
    pauseId: pause.id,
    severity: pause.severity,
    steps,
    tasks: pause.tasks,
    statements: playbook.statements,
    open: steps.filter((s) => s.done === null).length + openTasks(pause),
  };
}

/**
 * A person ticks a step off: decided from the pause as stored, inside the write that records it.
 * A step above the pause's severity is not one of its steps (404); a step is ticked once (409).
 */
export function markStepDone(playbook: Playbook, pause: Pause, stepId: string, stamp: Stamp, note: string | null) {
  const step = playbook.steps.find((s) => s.id === stepId);
  if (!step) throw notFound('playbook step', stepId);
  if (step.fromSeverity > pause.severity)
    throw new AppError('not_found', `playbook step ${stepId} applies from severity ${step.fromSeverity}; pause ${pause.id} is at severity ${pause.severity}`);
  const already = doneOf(pause, stepId);
  if (already) throw new AppError('conflict', `step ${stepId} was already done by ${already.actor.name} at ${already.at}`, { step: stepView(playbook, step, already) });
  const done: StepDone = { stepId, at: stamp.at, actor: stamp.actor, source: stamp.source, requestId: stamp.requestId, note };
  const ctx = { actor: stamp.actor, source: stamp.source, requestId: stamp.requestId };
  return {
    step: stepView(playbook, step, done),
    pause: { ...pause, stepsDone: [...pause.stepsDone, done], updatedAt: stamp.at },
    audit: [draft(ctx, new Date(stamp.at), { action: 'playbook.step-done', pauseId: pause.id, data: { stepId, title: step.title, ...(note !== null && { note }) } })],
  };
}
