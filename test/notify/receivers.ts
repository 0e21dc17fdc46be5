// Receivers of our notifications at the network edge (msw): a Slack incoming webhook and a
// generic webhook endpoint, each keeping what it got and answering as a test tells it to.
import { http, HttpResponse } from 'msw';
import type { SetupServer } from 'msw/node';
import type { Config } from '../../src/config/schema.js';
import { until } from '../support/until.js';
import type { Harness, HarnessOptions } from '../support/service.js';

/** The URL is the credential of a Slack incoming webhook: it must never be stored or logged. */
export const SLACK_URL = 'https://hooks.slack.test/services/T0CRISIS/B0PAUSE/slackUrlToken0123456789';
export const HOOK_URL = 'https://ops.example.test/crisis-events';
export const HOOK_SECRET = 'outbound-signing-secret-0123456789';
export const CONSOLE_URL = 'https://crisis.example.test';

export interface Received {
  headers: Headers;
  raw: string;
  body: any;
}

export interface Receiver {
  received: Received[];
  /** the statuses of the next answers, in order; 200 once they are used up */
  answer(...statuses: number[]): void;
  /** every answer from now on (null: back to the queue, then 200) */
  always(status: number | null): void;
  /** the `type` of webhook bodies, or the header text of Slack messages */
  titles(): string[];
}

export function receiver(server: SetupServer, url: string): Receiver {
  const received: Received[] = [];
  let queue: number[] = [];
  let fixed: number | null = null;
  server.use(
    http.post(url, async ({ request }) => {
      const raw = await request.text();
      received.push({ headers: request.headers, raw, body: JSON.parse(raw) });
      const status = fixed ?? queue.shift() ?? 200;
      return status === 200 ? HttpResponse.text('ok') : HttpResponse.text(status === 404 ? 'no_service' : 'internal_error', { status });
    }),
  );
  return {
    received,
    answer: (...statuses) => void (queue = statuses),
    always: (status) => void (fixed = status),
    titles: () => received.map((r) => r.body.type ?? r.body.blocks?.[0]?.text?.text),
  };
}

/** Slack and one generic webhook on, links to the console, reminders every 4 hours, 3 attempts 1 s apart. */
export const notifyingOptions = (edit: (n: Config['notifications']) => Config['notifications'] = (n) => n): HarnessOptions => ({
  serviceEnv: { SLACK_WEBHOOK_URL: SLACK_URL, OPS_HOOK_SECRET: HOOK_SECRET },
  config: (c) => ({
    ...c,
    notifications: edit({
      ...c.notifications,
      consoleUrl: CONSOLE_URL,
      webhooks: [{ name: 'ops', url: HOOK_URL, secretEnv: 'OPS_HOOK_SECRET' }],
      retries: { attempts: 3, backoffMs: 1_000 },
    }),
  }),
  notifyTiming: { settleMs: 5, pollMs: 60_000 },
});

/** Lets the notifier finish what the store holds now: a run, and any run asked for meanwhile. */
export async function notified(h: Harness): Promise<void> {
  await h.service.pauses.idle();
  h.service.notifier.kick();
  await h.service.notifier.idle();
}

/** Waits until a receiver got `count` messages. */
export const receivedAll = (r: Receiver, count: number, what = `${count} messages`) => until(() => r.received.length >= count, what);

export const log = async (h: Harness, query = '') => (await h.call('GET', `/v1/notifications?limit=500${query}`)).body.data as Array<Record<string, any>>;
