import { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AuditEntry } from '../../audit/audit-entry.js';
import type { Store } from '../../store/store.js';
import { endpoint } from '../endpoint.js';
import type { AppEnv } from '../request-context.js';
import { REQUEST_ID_HEADER } from '../responses.js';
import { AuditQuerySchema, MAX_AUDIT_PAGE } from '../schemas.js';
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
      description: `Every change with who, from where and under which request, hash-chained. \`Accept: application/x-ndjson\` or \`text/csv\` exports up to ${MAX_AUDIT_PAGE.toLocaleString('en')} entries an answer (without a \`limit\`), \`X-Next-Cursor\` pointing at the rest.`,
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
      const exporting = accept.includes('application/x-ndjson') || accept.includes('text/csv');
      // An export without a limit takes as much as one answer allows; X-Next-Cursor says if more.
      const limit = exporting && c.req.query('limit') === undefined ? MAX_AUDIT_PAGE : q.limit;
      const page = await store.listAudit({
        limit,
        ...(q.pauseId && { pauseId: q.pauseId }),
        ...(q.since && { since: new Date(q.since).toISOString() }),
        ...(q.cursor && { cursor: q.cursor }),
      });
      if (page.nextCursor) c.header('X-Next-Cursor', page.nextCursor);
      if (accept.includes('application/x-ndjson'))
        return c.body(page.data.map((e) => JSON.stringify(e)).join('\n') + (page.data.length ? '\n' : ''), 200, {
          'Content-Type': 'application/x-ndjson; charset=utf-8',
        });
      if (accept.includes('text/csv'))
        return c.body([CSV_COLUMNS.join(','), ...page.data.map(csvRow)].join('\r\n') + '\r\n', 200, {
          'Content-Type': 'text/csv; charset=utf-8',
        });
      return c.json(page);
    },
  );
  return app;
}

function csvRow(entry: AuditEntry): string {
  const cell = (value: unknown): string => {
    let text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
    // A leading = + - @ would run as a formula in a spreadsheet (CSV injection).
    if (/^[=+\-@]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return CSV_COLUMNS.map((column) => cell(column === 'actor' ? `${entry.actor.type}:${entry.actor.id}:${entry.actor.name}` : entry[column])).join(',');
}
