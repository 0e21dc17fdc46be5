import type { Clock } from '../adapters/types.js';
import { createApp } from './app.js';
import type { EventsOptions } from './http/routes/events.js';
import { AuditLog } from './audit/audit-log.js';
import type { ConnectionSpec } from './config/load.js';
import type { Config } from './config/schema.js';
import { buildConnections } from './connections/connections.js';
import { CredentialChecks } from './connections/credential-check.js';
import { AuthFailures, type AuthFailureLimits } from './http/auth-failures.js';
import type { Logger } from './logger.js';
import { Notifier, type NotifierTiming } from './notify/notifier.js';
import { resolveTargets } from './notify/targets.js';
import { ConnectionLocks } from './pauses/connection-locks.js';
import type { Engine } from './pauses/engine.js';
import { PausesService } from './pauses/pauses-service.js';
import { Scheduler } from './pauses/scheduler.js';
import { readiness } from './readiness.js';
import type { Store } from './store/store.js';

export interface ServiceParts {
  config: Config;
  specs: readonly ConnectionSpec[];
  env: NodeJS.ProcessEnv;
  store: Store;
  clock: Clock;
  sleep(ms: number): Promise<void>;
  logger: Logger;
  sandboxUrl?: string | undefined;
  /** reverse proxies in front of the service (TRUST_PROXY) */
  trustedProxies?: number;
  authFailureLimits?: AuthFailureLimits;
  /** how soon the notifier acts (tests shorten it) */
  notifyTiming?: Partial<NotifierTiming>;
  /** progress events' timing; tests shorten the heartbeat */
  events?: EventsOptions;
}

/** Wires the service from its parts, without side effects: main.ts and tests both use it. */
export async function composeService(parts: ServiceParts) {
  const { config, store, clock, logger } = parts;
  const audit = new AuditLog(store, clock);
  const connections = buildConnections(parts.specs, {
    env: parts.env,
    ...(parts.sandboxUrl !== undefined && { sandboxUrl: parts.sandboxUrl }),
    timeoutMs: config.execution.requestTimeoutMs,
    clock,
  });
  const engine: Engine = {
    store,
    connections: new Map(connections.map((c) => [c.id, c])),
    manual: config.manual,
    clock,
    retry: { ...config.execution, sleep: parts.sleep },
    locks: new ConnectionLocks(),
    logger,
  };
  const pauses = new PausesService(engine, config.severities, connections, config.resume.missed, config.resume.approvalFrom, config.playbook);
  const scheduler = new Scheduler(store, clock, pauses, logger);
  const credentialChecks = new CredentialChecks(clock);
  const notifier = new Notifier({
    store,
    clock,
    logger,
    config: config.notifications,
    targets: resolveTargets(config.notifications, parts.env, logger),
    timing: { settleMs: 1_000, pollMs: 5_000, ...parts.notifyTiming },
  });
  let started = false;
  const authFailures = new AuthFailures(audit, clock, logger, parts.authFailureLimits);
  const app = createApp({
    store,
    audit,
    pauses,
    severities: config.severities,
    connections,
    manual: config.manual,
    playbook: config.playbook,
    hooks: { config: config.hooks, secrets: { generic: parts.env.GENERIC_WEBHOOK_SECRET || undefined, pagerduty: parts.env.PAGERDUTY_WEBHOOK_SECRET || undefined, slack: parts.env.SLACK_SIGNING_SECRET || undefined } },
    credentialChecks,
    logger,
    authFailures,
    trustedProxies: parts.trustedProxies ?? 0,
    ...(parts.events && { events: parts.events }),
    clock,
    notifier,
    readiness: () => readiness({ store, started, connections, credentialChecks }),
  });
  return {
    app,
    audit,
    pauses,
    connections,
    authFailures,
    notifier,
    scheduler,
    /**
     * Carries out the pending work left by the last run (invariant 2) and the planned starts and
     * ends that fell due while the service was down, then reports ready.
     */
    async start(): Promise<string[]> {
      const recovering = await pauses.recover();
      await scheduler.start();
      for (const connection of connections) void credentialChecks.check(connection);
      // After recovery: messages about the recovered work are composed from where it stands.
      notifier.start();
      started = true;
      return recovering;
    },
    /** stops background jobs (the scheduler, the notifier); pause work is awaited by the caller */
    async stop(): Promise<void> {
      scheduler.stop();
      await notifier.stop();
    },
  };
}
