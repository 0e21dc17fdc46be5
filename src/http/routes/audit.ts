import { OpenAPIHono } from '@hono/zod-openapi';
import { stream } from 'hono/streaming';
import { z } from 'zod';
import type { AuditEntry } from '../../audit/audit-entry.js';
import { verifyChain } from '../../audit/audit-verify.js';
import type { Store } from '../../store/store.js';
import { endpoint } from '../endpoint.js';
import type { AppEnv } from '../request-context.js';
import { jsonResponse, REQUEST_ID_HEADER } from '../responses.js';
import { AuditQuerySchema } from '../schemas.js';
import { AuditPageSchema } from '../views.js';

const CSV_COLUMNS = ['seq', 'at', 'action', 'actor', 'source', 'requestId', 'pauseId', 'itemId', 'connectionId', 'data', 'hash'] as const;

const NEXT_CURSOR = { 'X-Next-Cursor': { description: 'exports: the cursor of the rest, when there is more', schema: { type: 'string' as const } } };

/** The audit log with filters; `Accept: application/x-ndjson` or `text/csv` exports it. */
export function auditRoutes(store: Store) {
  const app = new OpenAPIHono<AppEnv>();
  endpoint(
    app,
    {
      method: 'get',
      path: '/',
      summary: 'The audit log, oldest first',
      description:
        'Every change with who, from where and under which request, hash-chained. `Accept: application/x-ndjson` or `text/csv` exports it: without a `limit`, every matching entry, streamed from disk; with one, a page, `X-Next-Cursor` pointing at the rest.',
      tags: ['audit'],
      query: AuditQuerySchema,
      responses: {
        200: {
          description: 'a page of audit entries',
          headers: { ...REQUEST_ID_HEADER, ...NEXT_CURSOR },
          content: {
            'application/json': { schema: AuditPageSchema },
            'application/x-ndjson': { schema: z.string().meta({ description: 'one AuditEntry as JSON per line' }) },
            'text/csv': { schema: z.string().meta({ description: `columns: ${CSV_COLUMNS.join(', ')}` }) },
          },
        },
      },
    },
    async (c, { query: q }) => {
      const accept = c.req.header('accept') ?? '';
      const format = accept.includes('application/x-ndjson') ? 'ndjson' : accept.includes('text/csv') ? 'csv' : 'json';
      const filter = { ...(q.pauseId && { pauseId: q.pauseId }), ...(q.since && { since: new Date(q.since).toISOString() }) };
      if (format !== 'json') c.header('Content-Type', CONTENT_TYPES[format]);
      if (format !== 'json' && c.req.query('limit') === undefined && q.cursor === undefined) {
        // The whole export, streamed from disk entry by entry: never the whole log in memory.
        return stream(c, async (out) => {
          if (format === 'csv') await out.write(CSV_HEADER);
          for await (const entry of store.streamAudit(filter)) await out.write(lineOf(entry, format));
        });
      }
      const page = await store.listAudit({ limit: q.limit, ...filter, ...(q.cursor && { cursor: q.cursor }) });
      if (page.nextCursor) c.header('X-Next-Cursor', page.nextCursor);
      if (format === 'json') return c.json(page);
      return c.body((format === 'csv' ? CSV_HEADER : '') + page.data.map((e) => lineOf(e, format)).join(''), 200);
    },
  );
  endpoint(
    app,
    {
      method: 'get',
      path: '/verify',
      summary: 'Verify the audit chain',
      description:
        "Recomputes every entry's hash from its canonical JSON and the previous entry's hash, from the log on disk, and checks the last one is the store's recorded head. `ok: false` names the first entry where the chain breaks and why. Not itself audited.",
      tags: ['audit'],
      responses: { 200: jsonResponse('the verdict', ChainVerdictSchema) },
    },
    async (c) => c.json(await verifyChain(store.streamAudit({}), await store.auditHead())),
  );
  return app;
}

const ChainVerdictSchema = z
  .discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), entries: z.number().int(), head: z.object({ seq: z.number().int(), hash: z.string() }) }),
    z.object({
      ok: z.literal(false),
      entries: z.number().int().meta({ description: 'entries verified before the break' }),
      brokenAt: z.object({ seq: z.number().int(), id: z.string().nullable() }),
      reason: z.string(),
    }),
  ])
  .meta({ id: 'ChainVerdict' });

const CONTENT_TYPES = { ndjson: 'application/x-ndjson; charset=utf-8', csv: 'text/csv; charset=utf-8' } as const;
const CSV_HEADER = CSV_COLUMNS.join(',') + '\r\n';

/** One entry of an export: an NDJSON line, or a CSV row. */
const lineOf = (entry: AuditEntry, format: 'ndjson' | 'csv'): string => (format === 'csv' ? csvRow(entry) + '\r\n' : JSON.stringify(entry) + '\n');

function csvRow(entry: AuditEntry): string {
  const cell = (value: unknown): string => {
    let text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
    // A leading = + - @ would run as a formula in a spreadsheet (CSV injection).
    if (/^[=+\-@]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return CSV_COLUMNS.map((column) => cell(column === 'actor' ? `${entry.actor.type}:${entry.actor.id}:${entry.actor.name}` : entry[column])).join(',');
}
