import type { JsonObject } from '../../adapters/types.js';
import { headline } from './headline.js';
import type { Notice } from './notices.js';
import type { PauseSummary } from './pause-summary.js';

/**
 * A generic webhook's JSON: `id` is the delivery's (also in `X-Webhook-Id`: a receiver drops a
 * message it got twice), `type` the event a receiver switches on.
 */
export function webhookBody(id: string, notice: Notice, pause: PauseSummary | null, inForce: readonly PauseSummary[] = []): JsonObject {
  return {
    id,
    type: notice.event,
    occurredAt: notice.at,
    title: headline(notice, pause),
    actor: notice.actor,
    source: notice.source,
    pause: pause as unknown as JsonObject | null,
    detail: notice.detail,
    ...(notice.event === 'incident.resolved' && { pausesInForce: inForce as unknown as JsonObject[] }),
  };
}
