import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import type { Clock } from '../../../adapters/types.js';
import type { AuditLog } from '../../audit/audit-log.js';
import type { Severity } from '../../config/schema.js';
import type { RequestContext } from '../../domain/actor.js';
import { AppError } from '../../domain/errors.js';
import { verifySlackSignature } from '../../hooks/signature.js';
import { ACTIONS, confirmPause, confirmResume, done, ephemeral, HELP, status, type SlackMessage } from '../../hooks/slack-messages.js';
import type { Logger } from '../../logger.js';
import type { PausesService } from '../../pauses/pauses-service.js';
import { endpoint } from '../endpoint.js';
import type { AppEnv } from '../request-context.js';
import { jsonResponse } from '../responses.js';

const InteractionSchema = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id: z.string(), username: z.string().optional(), name: z.string().optional() }),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional(), action_ts: z.string() })).min(1),
  response_url: z.string().optional(),
});

export interface SlackHook {
  secret: string | undefined;
  maxSeverity: number;
}

/**
 * `/crisis` in Slack: `status`, `pause <severity> <reason>`, `resume`. Every request is checked
 * against Slack's signature (and its timestamp, 5 minutes at most) on the raw body. A pause or a
 * resume only asks for confirmation; the button's press (an interactive payload, same signature)
 * acts, with the Slack user as the actor. Answers come at once: Slack waits 3 seconds at most.
 */
export function slackHookRoutes(pauses: PausesService, audit: AuditLog, severities: readonly Severity[], hook: SlackHook, clock: Clock, logger: Logger) {
  const app = new OpenAPIHono<AppEnv>();
  endpoint(
    app,
    {
      method: 'post',
      path: '/slack',
      summary: 'The /crisis Slack command and its confirmation buttons',
      description:
        'Form-encoded as Slack sends it (a slash command, or `payload` for a button), signed `X-Slack-Signature: v0=<hex HMAC-SHA256 of "v0:<X-Slack-Request-Timestamp>:<raw body>">` with SLACK_SIGNING_SECRET; a timestamp more than 5 minutes off is refused. Off (404) while the secret is not set.',
      tags: ['hooks'],
      auth: false,
      responses: { 200: jsonResponse('the message Slack shows', z.object({ response_type: z.enum(['ephemeral', 'in_channel']), text: z.string() }).loose()) },
      errors: [401, 404],
    },
    async (c) => {
      if (!hook.secret) throw new AppError('not_found', 'the Slack hook is off: SLACK_SIGNING_SECRET is not set');
      const raw = Buffer.from(await c.req.arrayBuffer());
      const base: RequestContext = { actor: { type: 'webhook', id: 'slack', name: 'slack webhook' }, source: 'slack', requestId: c.get('requestId') };
      if (!verifySlackSignature(hook.secret, raw, c.req.header('x-slack-request-timestamp'), c.req.header('x-slack-signature'), clock.now())) {
        await audit.record(base, [{ action: 'webhook.refused', data: { hook: 'slack', reason: 'bad signature or stale timestamp' } }]);
        throw new AppError('unauthorized', 'the signature does not match the body, or the request is too old');
      }
      const form = new URLSearchParams(raw.toString('utf8'));
      const payload = form.get('payload');
      if (payload !== null) return c.json(await interaction(c, payload));
      const user = { id: form.get('user_id') ?? 'unknown', name: form.get('user_name') ?? 'unknown' };
      return c.json(await command(form.get('text') ?? '', { ...base, actor: { type: 'slack', id: user.id, name: user.name } }));
    },
  );

  async function command(text: string, ctx: RequestContext): Promise<SlackMessage> {
    const [verb = 'status', first, ...rest] = text.trim().split(/\s+/).filter(Boolean);
    await audit.record(ctx, [{ action: 'webhook.received', data: { hook: 'slack', command: verb } }]);
    if (verb === 'status') return status(await pauses.pausesInForce(), (await pauses.listPauses({ state: 'planned', limit: 20 })).data);
    if (verb === 'resume') {
      const inForce = await pauses.pausesInForce();
      if (inForce.length === 0) return ephemeral('Nothing is paused.');
      if (inForce.length > 1) return ephemeral(`${inForce.length} pauses are in force: resume the one you mean in the console or the API.`);
      return confirmResume(inForce[0]!);
    }
    if (verb !== 'pause') return HELP;
    const severity = severities.find((s) => String(s.level) === first || s.name === first);
    const reason = rest.join(' ').trim();
    if (!severity) return ephemeral(`Unknown severity "${first ?? ''}": ${severities.map((s) => `${s.level} ${s.name}`).join(', ')}.`);
    if (severity.level > hook.maxSeverity) return ephemeral(`Slack may set off severities up to ${hook.maxSeverity}; ask in the console for ${severity.level}.`);
    if (reason === '' || reason.length > 1500) return ephemeral('Say why, in a few words: `/crisis pause <severity> <reason>`.');
    return confirmPause(severity, reason);
  }

  async function interaction(c: Context<AppEnv>, payload: string): Promise<SlackMessage> {
    const parsed = InteractionSchema.safeParse(safeJson(payload));
    if (!parsed.success) throw new AppError('invalid_request', 'not a Slack block_actions payload');
    const { user, actions, response_url: responseUrl } = parsed.data;
    const action = actions[0]!;
    const ctx: RequestContext = { actor: { type: 'slack', id: user.id, name: user.username ?? user.name ?? user.id }, source: 'slack', requestId: c.get('requestId') };
    await audit.record(ctx, [{ action: 'webhook.received', data: { hook: 'slack', action: action.action_id } }]);
    let message: SlackMessage;
    if (action.action_id === ACTIONS.confirmPause) {
      const asked = z.object({ severity: z.number().int(), reason: z.string().min(1) }).parse(safeJson(action.value ?? ''));
      if (asked.severity > hook.maxSeverity) throw new AppError('forbidden', `Slack may set off severities up to ${hook.maxSeverity}`);
      // The button press's own timestamp keys it: Slack retrying the delivery never pauses twice.
      const result = await pauses.requestPause({ severity: asked.severity, reason: asked.reason, dryRun: false }, ctx, `slack:${action.action_ts}`);
      message = result.kind === 'dry-run' ? ephemeral('Nothing done.') : done(`:rotating_light: ${ctx.actor.name} paused at *${result.pause.severityName}* (${result.pause.severity}): ${asked.reason} (${result.kind}, \`${result.pause.id}\`)`);
    } else if (action.action_id === ACTIONS.confirmResume) {
      const result = await pauses.requestResume(action.value ?? '', { dryRun: false }, ctx);
      message = result.kind === 'dry-run' ? ephemeral('Nothing done.') : done(`:white_check_mark: ${ctx.actor.name} asked to resume \`${result.pause.id}\` (${result.kind}). Keep your guard up.`);
    } else message = { ...ephemeral('Cancelled: nothing was done.'), replace_original: true };
    // Slack shows what a button did through the response URL it gave (a Slack host only).
    if (responseUrl && /^https:\/\/hooks\.slack\.com\//.test(responseUrl))
      void fetch(responseUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message) }).catch((error: Error) =>
        logger.warn('could not post the answer to Slack', { err: error.message }),
      );
    return message;
  }
  return app;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
