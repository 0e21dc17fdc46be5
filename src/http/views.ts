import { ManualConnectionSchema } from '../config/schema.js';
// What the routes answer, as zod schemas built from the domain schemas by reference: the handlers
// are typed by them and the OpenAPI document shows them. Where a shape comes from a TypeScript
// type of the core, a type check below fails the build when the two part ways.
import { z } from 'zod';
import { KINDS, SUSPENSION_METHOD_NAMES, type BulkSizes, type Capability, type MethodTraits } from '../../adapters/types.js';
import { AuditEntrySchema } from '../audit/audit-entry.js';
import { SeveritySchema } from '../config/schema.js';
import type { CredentialStatus } from '../connections/credential-check.js';
import { MISSED_POLICIES, PauseSchema } from '../domain/pause.js';
import { ItemViewSchema, PauseViewSchema } from '../pauses/pause-view.js';
import type { previewPause } from '../pauses/pause-preview.js';
import type { Readiness } from '../readiness.js';
import type { ResumeStep } from '../pauses/resume-preview.js';

/** True when A and B are the same type (not merely assignable one way). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const same = <A, B>(proof: Same<A, B>): Same<A, B> => proof;

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable().meta({ description: 'pass as `cursor` for the next page; null on the last' }) });

export const HealthSchema = z.object({ status: z.literal('ok') });
export const ReadinessSchema = z
  .discriminatedUnion('status', [
    z.object({ status: z.literal('ready') }),
    z.object({
      status: z.literal('degraded'),
      connections: z.array(z.object({ id: z.string(), code: z.string(), message: z.string() })).meta({ description: 'connections that cannot be used: bad settings, credentials missing or refused' }),
    }),
    z.object({ status: z.literal('starting') }),
    z.object({ status: z.literal('unavailable'), reason: z.string() }),
  ])
  .meta({ id: 'Readiness' });
same<z.infer<typeof ReadinessSchema>, Readiness>(true);

export const SeveritiesSchema = z.object({
  data: z.array(SeveritySchema.extend({ resumeNeedsApproval: z.boolean().meta({ description: "a resume of a pause at this severity waits for a second lead's approval" }) })),
});

const MethodTraitsSchema = z.object({
  keepsId: z.boolean(),
  idempotentRestore: z.boolean(),
  absentMeans: z.enum(['suspended', 'gone']),
  changeableWhileSuspended: z.boolean(),
  description: z.string(),
});
const CapabilitySchema = z.object({ kind: z.enum(KINDS), method: z.enum(SUSPENSION_METHOD_NAMES), objectType: z.string() });
same<z.infer<typeof MethodTraitsSchema>, MethodTraits>(true);
const BulkSchema = z.object({ suspend: z.number().int(), restore: z.number().int(), inspect: z.number().int() });
const CredentialStatusSchema = z.object({ ok: z.boolean(), checkedAt: z.string(), code: z.string().optional(), message: z.string().optional() });
same<z.infer<typeof CapabilitySchema>, Capability>(true);
same<z.infer<typeof BulkSchema>, BulkSizes>(true);
same<z.infer<typeof CredentialStatusSchema>, CredentialStatus>(true);

export const ConnectionViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    platform: z.string(),
    platformName: z.string(),
    tags: z.array(z.string()),
    accountIds: z.array(z.string()),
    sandbox: z.boolean(),
    kinds: z.array(z.enum(KINDS)),
    capabilities: z.array(CapabilitySchema.extend({ methodTraits: MethodTraitsSchema })),
    bulk: BulkSchema,
    unusable: z
      .object({ code: z.enum(['settings_invalid', 'credentials_missing']), message: z.string() })
      .nullable()
      .meta({ description: 'null when usable; else why no call can be made on it (its items fail, retryably)' }),
    credentials: CredentialStatusSchema.meta({ description: 'a live check of the credentials, kept a minute' }),
    waiting: z
      .object({ until: z.string(), reason: z.string() })
      .nullable()
      .meta({ description: "while the platform's limits hold calls back: until when, and which limit" }),
  })
  .meta({ id: 'Connection' });
export type ConnectionView = z.infer<typeof ConnectionViewSchema>;
export const ConnectionsSchema = z.object({ data: z.array(ConnectionViewSchema), manual: z.array(ManualConnectionSchema.meta({ id: 'ManualConnection' })) });

export const PausePageSchema = page(PauseViewSchema);
export const ItemPageSchema = page(ItemViewSchema);
// `data` is any JSON object; its recursive schema (JsonValue) would send the generator round in
// circles, so the document says "an object" and leaves its values open.
export const AuditPageSchema = page(
  AuditEntrySchema.extend({ data: z.record(z.string(), z.unknown()).meta({ description: 'what happened, as a JSON object' }) }).meta({ id: 'AuditEntry' }),
);
export const ItemAnswerSchema = z.object({ item: ItemViewSchema });

export const PauseAnswerSchema = z.object({
  outcome: z
    .enum(['created', 'planned', 'joined', 'escalated', 'replayed'])
    .meta({ description: 'planned: stored to start by itself at `startsAt`; replayed: an Idempotency-Key seen before; the answer of then' }),
  pause: PauseViewSchema,
});

const PlanSchema = PauseSchema.pick({ severity: true, severityName: true, kinds: true, connectionIds: true, manualIds: true, listings: true, tasks: true })
  .extend({
    dryRun: z.literal(true),
    complete: z.boolean().meta({ description: 'false when a listing failed: the real pause could not silence those connections either' }),
    total: z.number().int(),
    quotas: z
      .array(
        z.object({
          connectionId: z.string(),
          requests: z.number().int(),
          allowedNow: z.number().int(),
          fitsNow: z.boolean(),
          finishesAt: z.string(),
          limits: z.string(),
        }),
      )
      .meta({ description: "connections with small quotas (per window, per day): whether the pause fits in them now, and when it would finish; a pause that does not fit goes on as they allow" }),
    items: z.array(ItemViewSchema.omit({ id: true, pauseId: true })),
  })
  .meta({ id: 'Plan', description: 'what the pause would suspend; nothing was changed' });
same<z.infer<typeof PlanSchema>, Awaited<ReturnType<typeof previewPause>>>(true);
export const PauseDryRunSchema = z.object({ outcome: z.literal('dry-run'), plan: PlanSchema });

export const WorkAnswerSchema = z.object({
  outcome: z.enum(['started', 'already', 'awaiting-approval']).meta({ description: 'already: the pause was resumed (or asked to be) before; awaiting-approval: a second lead must approve this resume (POST /v1/pauses/{id}/resume/approve)' }),
  pause: PauseViewSchema,
});

const ResumeStepSchema = z.object({
  itemId: z.string(),
  connectionId: z.string(),
  kind: z.enum(KINDS),
  externalId: z.string(),
  title: z.string(),
  action: z.enum(['restore', 'hold', 'hand-over', 'leave', 'skip', 'already-back', 'unknown']),
  scheduledAt: z.string().nullable().optional(),
  reason: z.string().optional(),
});
same<z.infer<typeof ResumeStepSchema>, ResumeStep>(true);
export const ResumeDryRunSchema = z.object({ outcome: z.literal('dry-run'), missed: z.enum(MISSED_POLICIES), steps: z.array(ResumeStepSchema) });
