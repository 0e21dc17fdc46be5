import { OpenAPIHono } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import type { AuditEntry } from '../../audit/audit-entry.js';
import type { Logger } from '../../logger.js';
import type { Store } from '../../store/store.js';
import { seqCursor } from '../../store/paging.js';
import { endpoint } from '../endpoint.js';
import { ProgressFeed, type PauseLookup } from '../progress-feed.js';
import type { AppEnv } from '../request-context.js';
import { REQUEST_ID_HEADER } from '../responses.js';

export interface EventsOptions {
  /** a comment line this often keeps a quiet stream alive through proxies */
  heartbeatMs: number;
  /** a pause's view at most once per this many ms */
  coalesceMs: number;
}

export const DEFAULT_EVENTS: EventsOptions = { heartbeatMs: 15_000, coalesceMs: 300 };

/** Entries read back per page when a reconnect replays what it missed. */
const REPLAY_PAGE = 500;

const EventsHeadersSchema = z.object({
  'last-event-id': z
    .string()
    .regex(/^\d{1,15}$/, 'Last-Event-ID must be the id (an audit seq) of an event this stream sent')
    .optional()
    .meta({ description: 'the last event id received: every audit entry after it is replayed from the log before live ones, so a reconnect loses nothing' }),
});

const STREAM_DESCRIPTION = [
  'Server-sent events, each derived from the audit log once an entry is durable:',
  '`ready` (id: the audit seq the stream starts after; data `{"seq"}`),',
  '`audit` (id: the entry\'s seq; data: the AuditEntry),',
  '`pause` (no id; data: the PauseView with its counts, at most a few a second per pause).',
  'A `: heartbeat` comment line comes every 15 s.',
].join(' ');

/**
 * GET /v1/events: progress of pauses and resumes as server-sent events. The stream subscribes to
 * the store's durable audit entries before it replays what the client missed, so an entry is
 * either in the replay or among the live ones, never in neither.
 */
export function eventsRoutes(store: Store, lookup: PauseLookup, logger: Logger, options: EventsOptions = DEFAULT_EVENTS) {
  const app = new OpenAPIHono<AppEnv>();
  endpoint(
    app,
    {
      method: 'get',
      path: '/',
      summary: 'Progress events (server-sent events)',
      description: STREAM_DESCRIPTION,
      tags: ['events'],
      headers: EventsHeadersSchema,
      responses: {
        200: { description: 'an endless text/event-stream', headers: REQUEST_ID_HEADER, content: { 'text/event-stream': { schema: z.string() } } },
      },
    },
    (c, { headers }) => {
      const lastEventId = headers['last-event-id'];
      c.header('X-Accel-Buffering', 'no'); // nginx would otherwise hold events back
      return streamSSE(c, async (stream) => {
        let live: AuditEntry[] | null = [];
        let feed: ProgressFeed | null = null;
        const unsubscribe = store.onAudit((entries) => (feed && live === null ? feed.entries(entries) : live?.push(...entries)));
        const aborted = new Promise<void>((resolve) => stream.onAbort(resolve));
        try {
          const from = lastEventId !== undefined ? Number(lastEventId) : (await store.auditHead()).seq;
          feed = new ProgressFeed(stream, lookup, { coalesceMs: options.coalesceMs, maxBacklog: 10_000 }, logger, from);
          await stream.writeSSE({ event: 'ready', id: String(from), data: JSON.stringify({ seq: from }) });
          if (lastEventId !== undefined) {
            for (let cursor: string | null = seqCursor(from); cursor !== null && !stream.aborted; ) {
              const page = await store.listAudit({ limit: REPLAY_PAGE, cursor });
              feed.entries(page.data);
              await feed.drained();
              cursor = page.nextCursor;
            }
          }
          const caughtUp: AuditEntry[] = live;
          live = null;
          feed.entries(caughtUp);
          while (!stream.aborted && !stream.closed) {
            await Promise.race([stream.sleep(options.heartbeatMs), aborted]);
            feed.heartbeat();
          }
        } finally {
          unsubscribe();
          feed?.close();
        }
      });
    },
  );
  return app;
}
