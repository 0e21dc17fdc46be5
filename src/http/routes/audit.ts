import { Hono } from 'hono';
import type { AuditEntry } from '../../audit/audit-entry.js';
import type { Store } from '../../store/store.js';
import type { AppEnv } from '../request-context.js';
import { AuditQuerySchema, MAX_AUDIT_PAGE } from '../schemas.js';
import { query } from '../validate.js';

const CSV_COLUMNS = ['seq', 'at', 'action', 'actor', 'source', 'requestId', 'pauseId', 'itemId', 'connectionId', 'data', 'hash'] as const;

/** The audit log with filters; `Accept: application/x-ndjson` or `text/csv` exports it. */
export function auditRoutes(store: Store) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const q = query(c, AuditQuerySchema);
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
  });
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
