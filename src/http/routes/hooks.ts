import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import type { AuditLog } from '../../audit/audit-log.js';
import type { Config, Severity } from '../../config/schema.js';
import type { RequestContext } from '../../domain/actor.js';
import { AppError } from '../../domain/errors.js';
import { ScopeSchema, type Scope } from '../../domain/pause.js';
import { decide, PagerDutyEventSchema } from '../../hooks/pagerduty.js';
import { verifyHubSignature, verifyPagerDutySignature } from '../../hooks/signature.js';
import type { PausesService } from '../../pauses/pauses-service.js';
import { endpoint } from '../endpoint.js';
import type { AppEnv } from '../request-context.js';
import { jsonResponse } from '../responses.js';
import { jsonBody } from '../validate.js';
import { PauseAnswerSchema } from '../views.js';

type HooksConfig = Config['hooks'];

export interface HookSecrets {
  generic?: string | undefined;
  pagerduty?: string | undefined;
  slack?: string | undefined;
}

const GenericHookSchema = z
  .object({
    severity: z.union([z.number().int().min(1), z.string().min(1)]),
    reason: z.string().trim().min(1).max(2000),
    scope: ScopeSchema.optional(),
  })
  .strict();

const DeliveryHeadersSchema = z.object({ 'x-webhook-id': z.string().regex(/^[A-Za-z0-9._:-]{1,200}$/).meta({ description: "the delivery's id: a retried delivery with the same id never pauses twice" }) });

/**
 * Inbound webhooks from other tools, signed instead of carrying an API key. A hook whose secret
 * is not set is off (404). A wrong or missing signature is refused (401) and audited; a delivery
 * seen before answers as it did (deduplicated by its id, like an Idempotency-Key); a severity
 * above the hook's ceiling is refused (403).
 */
export function inboundHookRoutes(pauses: PausesService, audit: AuditLog, severities: readonly Severity[], hooks: HooksConfig, secrets: HookSecrets) {
  const app = new OpenAPIHono<AppEnv>();

  /** The steps every hook shares once it has read its delivery: check, audit, pause. */
  async function trigger(c: Context<AppEnv>, hook: HookName, deliveryId: string, ask: { severity: number | string; reason: string; scope?: Scope | undefined }) {
    const ctx = hookContext(c, hook);
    const ceiling = hooks[hook].maxSeverity;
    const level = typeof ask.severity === 'number' ? ask.severity : severities.find((s) => s.name === ask.severity)?.level;
    if (level !== undefined && level > ceiling) {
      await audit.record(ctx, [{ action: 'webhook.refused', data: { hook, deliveryId, reason: `severity ${level} above ${ceiling}` } }]);
      throw new AppError('forbidden', `this hook may set off severities up to ${ceiling}, not ${level}`);
    }
    await audit.record(ctx, [{ action: 'webhook.received', data: { hook, deliveryId, severity: ask.severity } }]);
    // The delivery id is the Idempotency-Key: a retried delivery gets the first answer back.
    const result = await pauses.requestPause({ ...ask, dryRun: false }, ctx, `${hook}:${deliveryId}`);
    if (result.kind === 'dry-run') throw new AppError('internal', 'a webhook never asks for a dry run');
    const status = (result.kind === 'replayed' ? result.status : result.kind === 'created' ? 202 : 200) === 202 ? 202 : 200;
    return c.json({ outcome: result.kind, pause: result.pause }, status);
  }

  /** The raw body, once its signature is checked; a refusal is audited. */
  async function signedBody(c: Context<AppEnv>, hook: HookName, deliveryId: string, verify: (secret: string, raw: Buffer) => boolean): Promise<void> {
    const secret = secrets[hook];
    if (!secret) throw new AppError('not_found', `the ${hook} webhook is off: ${SECRET_VARIABLES[hook]} is not set`);
    if (verify(secret, Buffer.from(await c.req.arrayBuffer()))) return;
    await audit.record(hookContext(c, hook), [{ action: 'webhook.refused', data: { hook, deliveryId, reason: 'bad signature' } }]);
    throw new AppError('unauthorized', 'the signature does not match the body');
  }

  endpoint(
    app,
    {
      method: 'post',
      path: '/generic',
      summary: 'Pause from any tool (social listening, monitoring, scripts)',
      description:
        'JSON `{severity, reason, scope?}`, signed GitHub-style: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>` with GENERIC_WEBHOOK_SECRET; the delivery id in `X-Webhook-Id`. Off (404) while the secret is not set. Answers as `POST /v1/pauses` does without `?wait=true`.',
      tags: ['hooks'],
      auth: false,
      headers: DeliveryHeadersSchema,
      responses: {
        200: jsonResponse('joined or escalated the pause in force, or a delivery seen before', PauseAnswerSchema),
        202: jsonResponse('created; the suspension goes on', PauseAnswerSchema),
      },
      errors: [401, 403, 404, 422],
    },
    async (c, { headers }) => {
      const id = headers['x-webhook-id'];
      await signedBody(c, 'generic', id, (secret, raw) => verifyHubSignature(secret, raw, c.req.header('x-hub-signature-256')));
      return trigger(c, 'generic', id, await jsonBody(c, GenericHookSchema));
    },
  );

  endpoint(
    app,
    {
      method: 'post',
      path: '/pagerduty',
      summary: 'Pause from a PagerDuty incident (v3 webhooks)',
      description:
        "`X-PagerDuty-Signature`: one or more `v1=<hex HMAC-SHA256 of the raw body>` with PAGERDUTY_WEBHOOK_SECRET (as given), any one matching. `incident.triggered`, `incident.priority_updated` and `incident.escalated` set off the severity the incident's priority maps to (`hooks.pagerduty.priorities`, default P1 → 3, P2 → 2, P3 → 1); `incident.resolved` is noted and notified (Slack, outbound webhooks: the pauses still in force) and never resumes. Deduplicated by `event.id`.",
      tags: ['hooks'],
      auth: false,
      responses: {
        200: jsonResponse('joined or escalated the pause in force, a delivery seen before, or an event that sets nothing off (`outcome: "noted"`)', PauseAnswerSchema.or(NotedSchema)),
        202: jsonResponse('created; the suspension goes on', PauseAnswerSchema),
      },
      errors: [400, 401, 403, 404, 413, 415, 422],
    },
    async (c) => {
      await signedBody(c, 'pagerduty', '(unread)', (secret, raw) => verifyPagerDutySignature(secret, raw, c.req.header('x-pagerduty-signature')));
      const payload = await jsonBody(c, PagerDutyEventSchema);
      const decision = decide(payload, hooks.pagerduty.priorities);
      if (decision.kind === 'note') {
        await audit.record(hookContext(c, 'pagerduty'), [{ action: 'webhook.received', data: { hook: 'pagerduty', deliveryId: payload.event.id, event: payload.event.event_type, noted: decision.why } }]);
        return c.json({ outcome: 'noted' as const, reason: decision.why }, 200);
      }
      return trigger(c, 'pagerduty', payload.event.id, { severity: decision.severity, reason: decision.reason });
    },
  );
  return app;
}

type HookName = 'generic' | 'pagerduty';
const SECRET_VARIABLES: Record<HookName | 'slack', string> = { generic: 'GENERIC_WEBHOOK_SECRET', pagerduty: 'PAGERDUTY_WEBHOOK_SECRET', slack: 'SLACK_SIGNING_SECRET' };
const NotedSchema = z.object({ outcome: z.literal('noted'), reason: z.string() });

const hookContext = (c: Context<AppEnv>, hook: HookName): RequestContext => ({
  actor: { type: 'webhook', id: hook, name: `${hook} webhook` },
  source: `webhook:${hook}`,
  requestId: c.get('requestId'),
});

/** `GET /v1/hooks`: each inbound hook, on or off, with the highest severity it may set off. */
export function hookCatalogRoutes(hooks: HooksConfig, secrets: HookSecrets) {
  const app = new OpenAPIHono<AppEnv>();
  endpoint(
    app,
    {
      method: 'get',
      path: '/',
      summary: 'The inbound webhooks, on or off',
      tags: ['hooks'],
      responses: { 200: jsonResponse('each hook', z.object({ data: z.array(z.object({ hook: z.string(), path: z.string(), on: z.boolean(), maxSeverity: z.number().int(), secretVariable: z.string() })) })) },
    },
    (c) =>
      c.json({
        data: (['generic', 'pagerduty', 'slack'] as const).map((hook) => ({ hook, path: `/v1/hooks/${hook}`, on: Boolean(secrets[hook]), maxSeverity: hooks[hook].maxSeverity, secretVariable: SECRET_VARIABLES[hook] })),
      }),
  );
  return app;
}
