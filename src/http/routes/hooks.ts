import { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AuditLog } from '../../audit/audit-log.js';
import type { Config, Severity } from '../../config/schema.js';
import type { RequestContext } from '../../domain/actor.js';
import { AppError } from '../../domain/errors.js';
import { ScopeSchema } from '../../domain/pause.js';
import { verifyHubSignature } from '../../hooks/signature.js';
import type { PausesService } from '../../pauses/pauses-service.js';
import { endpoint } from '../endpoint.js';
import type { AppEnv } from '../request-context.js';
import { jsonResponse } from '../responses.js';
import { jsonBody } from '../validate.js';
import { PauseAnswerSchema } from '../views.js';

type HooksConfig = Config['hooks'];

export interface HookSecrets {
  generic?: string | undefined;
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
      const secret = secrets.generic;
      if (!secret) throw new AppError('not_found', 'the generic webhook is off: GENERIC_WEBHOOK_SECRET is not set');
      const raw = Buffer.from(await c.req.arrayBuffer());
      const ctx: RequestContext = { actor: { type: 'webhook', id: 'generic', name: 'generic webhook' }, source: 'webhook:generic', requestId: c.get('requestId') };
      const refuse = async (error: AppError, reason: string) => {
        await audit.record(ctx, [{ action: 'webhook.refused', data: { hook: 'generic', deliveryId: headers['x-webhook-id'], reason } }]);
        throw error;
      };
      if (!verifyHubSignature(secret, raw, c.req.header('x-hub-signature-256'))) await refuse(new AppError('unauthorized', 'the signature does not match the body'), 'bad signature');
      const body = await jsonBody(c, GenericHookSchema);
      const ceiling = hooks.generic.maxSeverity;
      const level = typeof body.severity === 'number' ? body.severity : severities.find((s) => s.name === body.severity)?.level;
      if (level !== undefined && level > ceiling) await refuse(new AppError('forbidden', `this hook may set off severities up to ${ceiling}, not ${level}`), `severity ${level} above ${ceiling}`);
      await audit.record(ctx, [{ action: 'webhook.received', data: { hook: 'generic', deliveryId: headers['x-webhook-id'], severity: body.severity } }]);
      // The delivery id is the Idempotency-Key: a retried delivery gets the first answer back.
      const result = await pauses.requestPause({ severity: body.severity, reason: body.reason, scope: body.scope, dryRun: false }, ctx, headers['x-webhook-id']);
      if (result.kind === 'dry-run') throw new AppError('internal', 'a webhook never asks for a dry run');
      const status = (result.kind === 'replayed' ? result.status : result.kind === 'created' ? 202 : 200) === 202 ? 202 : 200;
      return c.json({ outcome: result.kind, pause: result.pause }, status);
    },
  );
  return app;
}

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
    (c) => c.json({ data: [{ hook: 'generic', path: '/v1/hooks/generic', on: Boolean(secrets.generic), maxSeverity: hooks.generic.maxSeverity, secretVariable: 'GENERIC_WEBHOOK_SECRET' }] }),
  );
  return app;
}
