import { z } from 'zod';
import { ActorSchema, SourceSchema } from './actor.js';

/**
 * A playbook step a person ticked off for a pause: which step, who, from where, when, and their
 * note. Stored on the pause, in the same write as its audit entry; a step is ticked once.
 */
export const StepDoneSchema = z.object({
  stepId: z.string(),
  at: z.string(),
  actor: ActorSchema,
  source: SourceSchema,
  requestId: z.string(),
  note: z.string().nullable(),
});
export type StepDone = z.infer<typeof StepDoneSchema>;
