import type { Clock } from '../../adapters/types.js';
import type { NotificationsConfig } from '../config/notifications.js';
import type { Delivery } from '../domain/delivery.js';
import { newId } from '../domain/ids.js';
import type { Store } from '../store/store.js';
import type { Notice } from './notices.js';
import { summarize, type PauseSummary } from './pause-summary.js';
import { slackMessage } from './slack-message.js';
import type { Target } from './targets.js';
import { webhookBody } from './webhook-body.js';

/**
 * The deliveries of some notices, one per target each, their messages written now from the
 * stored pause (its counts as they stand), ready to send as they are: nothing about a message is
 * decided at sending time but the signature.
 */
export async function composeDeliveries(notices: readonly Notice[], targets: readonly Target[], deps: { store: Store; clock: Clock; config: NotificationsConfig }): Promise<Omit<Delivery, 'seq'>[]> {
  const { store, config } = deps;
  const wanted = notices.filter((n) => config.events.includes(n.event));
  if (targets.length === 0 || wanted.length === 0) return [];
  const summaries = new Map<string, PauseSummary | null>();
  const summaryOf = async (pauseId: string): Promise<PauseSummary | null> => {
    if (!summaries.has(pauseId)) {
      const pause = await store.getPause(pauseId);
      summaries.set(pauseId, pause ? summarize(pause, await store.countItems(pauseId), config.consoleUrl) : null);
    }
    return summaries.get(pauseId)!;
  };
  const now = deps.clock.now().toISOString();
  const out: Omit<Delivery, 'seq'>[] = [];
  for (const notice of wanted) {
    const pause = notice.pauseId ? await summaryOf(notice.pauseId) : null;
    // A resolved incident names no pause: people are shown every pause still in force.
    const others = notice.event === 'incident.resolved' ? await Promise.all((await store.pausesInForce()).slice(0, 20).map((p) => summaryOf(p.id))) : [];
    const inForceNow = others.filter((s): s is PauseSummary => s !== null);
    for (const target of targets) {
      const id = newId('ntf');
      out.push({
        id,
        event: notice.event,
        target: target.name,
        pauseId: notice.pauseId,
        payload: target.kind === 'slack' ? slackMessage(notice, pause, inForceNow) : webhookBody(id, notice, pause, inForceNow),
        state: 'pending',
        attempts: 0,
        maxAttempts: config.retries.attempts,
        nextAttemptAt: now,
        lastError: null,
        createdAt: now,
        deliveredAt: null,
      });
    }
  }
  return out;
}
