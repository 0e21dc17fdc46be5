import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Clock } from '../adapters/types.js';
import type { AuditLog } from './audit/audit-log.js';
import type { Playbook } from './config/playbook.js';
import type { Config, Severity, ManualConnection } from './config/schema.js';
import type { Connection } from './connections/connections.js';
import type { CredentialChecks } from './connections/credential-check.js';
import { AppError } from './domain/errors.js';
import type { AuthFailures } from './http/auth-failures.js';
import { requireApiKey } from './http/auth.js';
import { onError, onNotFound, respondError } from './http/errors.js';
import { openApiDocument } from './http/openapi.js';
import { requestId, type AppEnv } from './http/request-context.js';
import { requestLog } from './http/request-log.js';
import { auditRoutes } from './http/routes/audit.js';
import { catalogRoutes } from './http/routes/catalog.js';
import { consoleRoutes } from './http/routes/console.js';
import { documentationRoutes } from './http/routes/docs.js';
import { eventsRoutes, type EventsOptions } from './http/routes/events.js';
import { healthRoutes } from './http/routes/health.js';
import { pauseRoutes } from './http/routes/pauses.js';
import { playbookRoutes } from './http/routes/playbook.js';
import { taskRoutes } from './http/routes/tasks.js';
import { approvalRoutes } from './http/routes/approvals.js';
import { planRoutes } from './http/routes/plans.js';
import { keyRoutes } from './http/routes/keys.js';
import { meRoutes } from './http/routes/me.js';
import { notificationRoutes } from './http/routes/notifications.js';
import { slackHookRoutes } from './http/routes/hook-slack.js';
import { hookCatalogRoutes, inboundHookRoutes, type HookSecrets } from './http/routes/hooks.js';
import { requireRole } from './http/roles.js';
import type { Logger } from './logger.js';
import type { Notifier } from './notify/notifier.js';
import type { PausesService } from './pauses/pauses-service.js';
import type { Readiness } from './readiness.js';
import type { Store } from './store/store.js';

export interface AppDeps {
  store: Store;
  audit: AuditLog;
  pauses: PausesService;
  severities: readonly Severity[];
  connections: readonly Connection[];
  /** platforms without a usable API: pauses carry tasks for people there */
  manual: readonly ManualConnection[];
  /** the crisis plan: GET /v1/runbook, and each pause's checklist */
  playbook: Playbook;
  /** inbound webhooks: their config and secrets (a hook without its secret is off) */
  hooks: { config: Config['hooks']; secrets: HookSecrets };
  credentialChecks: CredentialChecks;
  logger: Logger;
  readiness: () => Readiness;
  /** refused API keys, counted per client address */
  authFailures: AuthFailures;
  /** reverse proxies in front of the service (TRUST_PROXY); 0: the socket's address is the client's */
  trustedProxies: number;
  clock: Clock;
  /** messages out: the delivery log and retries */
  notifier: Notifier;
  /** progress events' timing (heartbeat, coalescing); the defaults suit production */
  events?: EventsOptions;
}

/** Request bodies above this are refused with 413: a pause request is a few hundred bytes. */
const MAX_BODY_BYTES = 256 * 1024;

/** The HTTP application; no side effects until a server is given its `fetch`. */
export function createApp(deps: AppDeps) {
  const v1 = new OpenAPIHono<AppEnv>()
    .use(requireApiKey({ store: deps.store, failures: deps.authFailures, trustedProxies: deps.trustedProxies }))
    .use(requireRole(deps.store, deps.clock))
    .route('/', catalogRoutes(deps.severities, (s) => deps.pauses.needsApproval(s), deps.connections, deps.manual, deps.credentialChecks, deps.clock))
    .route('/pauses', pauseRoutes(deps.pauses))
    .route('/pauses', taskRoutes(deps.pauses))
    .route('/pauses', approvalRoutes(deps.pauses))
    .route('/', playbookRoutes(deps.playbook, deps.pauses))
    .route('/pauses', planRoutes(deps.pauses))
    .route('/audit', auditRoutes(deps.store))
    .route('/events', eventsRoutes(deps.store, (id) => deps.pauses.getPause(id), deps.logger, deps.events))
    .route('/keys', keyRoutes(deps.store, deps.clock))
    .route('/me', meRoutes())
    .route('/notifications', notificationRoutes(deps.store, deps.notifier))
    .route('/hooks', hookCatalogRoutes(deps.hooks.config, deps.hooks.secrets));

  const app = new OpenAPIHono<AppEnv>();
  app
    .use(requestId)
    .use(requestLog(deps.logger))
    .use(
      bodyLimit({
        maxSize: MAX_BODY_BYTES,
        onError: (c) => respondError(c, new AppError('payload_too_large', `the body is larger than ${MAX_BODY_BYTES / 1024} KiB`)),
      }),
    )
    .route('/', healthRoutes(deps.readiness))
    // Signed instead of carrying an API key: mounted before /v1's key check.
    .route('/v1/hooks', inboundHookRoutes(deps.pauses, deps.audit, deps.severities, deps.hooks.config, deps.hooks.secrets))
    .route('/v1/hooks', slackHookRoutes(deps.pauses, deps.audit, deps.severities, { secret: deps.hooks.secrets.slack, maxSeverity: deps.hooks.config.slack.maxSeverity }, deps.clock, deps.logger))
    .route('/v1', v1)
    .route('/', documentationRoutes(() => openApiDocument(app)))
    .route('/', consoleRoutes())
    .notFound(onNotFound)
    .onError(onError(deps.logger));
  return app;
}
