import type { NotificationsConfig } from '../config/notifications.js';
import type { Logger } from '../logger.js';

/**
 * Where messages go, resolved at start from config and the environment. URLs and secrets live
 * here, in memory only: the outbox stores a target's `name`, never its URL (a Slack webhook URL
 * is itself a credential).
 */
export type Target = { name: 'slack'; kind: 'slack'; url: string } | { name: `webhook:${string}`; kind: 'webhook'; url: string; secret: string };

export function resolveTargets(config: NotificationsConfig, env: NodeJS.ProcessEnv, logger: Logger): Target[] {
  const targets: Target[] = [];
  const slackUrl = config.slack ? env[config.slack.webhookUrlEnv] : undefined;
  if (config.slack && slackUrl) targets.push({ name: 'slack', kind: 'slack', url: slackUrl });
  for (const hook of config.webhooks) {
    const url = hook.url ?? env[hook.urlEnv!];
    const secret = env[hook.secretEnv];
    const missing = [...(url ? [] : [hook.urlEnv]), ...(secret ? [] : [hook.secretEnv])];
    // Configured but without its variables: off, and said, since someone expects messages there.
    if (missing.length > 0) logger.warn('notification webhook is off: its variables are not set', { webhook: hook.name, missing });
    else targets.push({ name: `webhook:${hook.name}`, kind: 'webhook', url: url!, secret: secret! });
  }
  return targets;
}
