// Request schemas: the single source of truth for validation and for the OpenAPI document.
import { z } from 'zod';
import { KINDS } from '../../adapters/types.js';
import { ITEM_STATES } from '../domain/item.js';
import { MISSED_POLICIES, PAUSE_STATES, ScopeSchema } from '../domain/pause.js';

export const PauseRequestSchema = z
  .object({
    /** a level (3) or a name ("red-alert") from the ladder */
    severity: z.union([z.number().int().min(1), z.string().min(1).max(64)]),
    reason: z.string().trim().min(1, 'say why: the reason is audited and shown to responders').max(2000),
    scope: ScopeSchema.optional(),
    dryRun: z.boolean().default(false),
    startsAt: z.iso
      .datetime({ offset: true })
      .optional()
      .meta({ description: 'a planned pause: it starts by itself then (in the future, at most a year ahead); stored as `planned` until then, holding nothing' }),
    endsAt: z.iso
      .datetime({ offset: true })
      .optional()
      .meta({ description: 'its resume is requested by itself then (after `startsAt`, or after now): from `resume.approvalFrom` up it awaits a second lead' }),
  })
  .strict();

export const CancelRequestSchema = z.object({ reason: z.string().trim().min(1).max(2000).optional().meta({ description: 'why it is cancelled, for the audit' }) }).strict();

export const ResumeRequestSchema = z
  .object({
    items: z.array(z.string().min(1)).min(1).max(10_000).optional(),
    missed: z.enum(MISSED_POLICIES).optional(),
    dryRun: z.boolean().default(false),
  })
  .strict();

export const ReleaseRequestSchema = z.object({ scheduledAt: z.iso.datetime({ offset: true }).optional() }).strict();

export const EmptySchema = z.object({}).strict();

export const TaskDoneRequestSchema = z.object({ note: z.string().trim().min(1).max(2000).optional().meta({ description: 'what was done, for the audit' }) }).strict();
export const TaskSkipRequestSchema = z.object({ reason: z.string().trim().min(1).max(2000).meta({ description: 'why this task is not done' }) }).strict();

const limit = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);

export const PauseListQuerySchema = z.object({
  state: z.enum(PAUSE_STATES).optional(),
  limit: limit(200, 50),
  cursor: z.string().min(1).optional(),
});

export const ItemListQuerySchema = z.object({
  state: z.enum(ITEM_STATES).optional(),
  kind: z.enum(KINDS).optional(),
  connection: z.string().min(1).optional(),
  limit: limit(1000, 100),
  cursor: z.string().min(1).optional(),
});

export const MAX_AUDIT_PAGE = 10_000;

export const AuditQuerySchema = z.object({
  pauseId: z.string().min(1).optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  limit: limit(MAX_AUDIT_PAGE, 100),
  cursor: z.string().min(1).optional(),
});

export const WaitQuerySchema = z.object({
  wait: z.enum(['true', 'false']).optional().meta({ description: 'true: answer once the work is done instead of at once' }),
});

export const PauseParamsSchema = z.object({ id: z.string().min(1).meta({ description: 'the pause id (`pau_…`)' }) });
export const ItemParamsSchema = PauseParamsSchema.extend({ itemId: z.string().min(1).meta({ description: 'the item id (`itm_…`)' }) });
export const TaskParamsSchema = PauseParamsSchema.extend({ taskId: z.string().min(1).meta({ description: 'the task id (`tsk_…`)' }) });
export const StepParamsSchema = PauseParamsSchema.extend({ stepId: z.string().min(1).meta({ description: "the step's id in the playbook (`judge`)" }) });

export const IdempotencyHeadersSchema = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,255}$/, 'Idempotency-Key must be 1–255 letters, digits or . _ : -')
    .optional()
    .meta({ description: 'makes a retried request safe: the same key with the same request returns the first answer for 24 hours; with another request, 422' }),
});

export const StrictQuerySchema = z.object({
  strict: z.enum(['true', 'false']).optional().meta({ description: 'true: answer 503 for `degraded` too' }),
});
