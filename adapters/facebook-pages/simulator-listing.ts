// `GET /{v}/{page-id}/scheduled_posts`: the Page's posts still to go out, soonest first, cursor
// paged; and the `fields=` selection every read takes (with `attachments{…}` expansion). A page
// is read from the Page's time index where its cursor (or now) starts.
// https://developers.facebook.com/docs/graph-api/reference/page/scheduled_posts/
import type { Context } from 'hono';
import { invalidParam, unsupported } from './simulator-errors.js';
import type { GraphEnv } from './simulator-routes.js';
import { postAsGraph, SIM_ATTACHMENT_FIELDS, SIM_POST_FIELDS, type SimPost } from './simulator-world-data.js';
import type { Cursor } from './simulator-world-index.js';
import type { FacebookPagesWorld } from './simulator-world.js';

const DEFAULT_LIMIT = 25;
/** Graph caps edge pages at 100 objects. */
const MAX_LIMIT = 100;

/** A `fields=` selection: top-level names, with the sub-fields of an expanded edge. */
export type Selection = Map<string, readonly string[] | null>;

export function scheduledPostsEdge(c: Context<GraphEnv>, world: FacebookPagesWorld, now: () => Date): Response {
  const pageId = c.req.param('node') ?? '';
  if (!world.page(pageId)) return unsupported('get', pageId);
  const params = c.var.params;
  const fields = parseFields(params['fields'], 'PagePost');
  if (fields instanceof Response) return fields;
  const limit = params['limit'] === undefined ? DEFAULT_LIMIT : Number(params['limit']);
  if (!Number.isInteger(limit) || limit < 1) return invalidParam('Param limit must be a positive integer');
  let cursor: Cursor | null = null;
  if (params['after'] !== undefined) {
    cursor = decodeCursor(params['after']);
    if (!cursor) return invalidParam('Invalid cursor');
  }
  const size = Math.min(limit, MAX_LIMIT);
  const page: SimPost[] = [];
  let more = false;
  for (const post of world.upcoming(pageId, cursor)) {
    if (page.length === size) {
      more = true;
      break;
    }
    page.push(post);
  }
  const at = now();
  const body: Record<string, unknown> = { data: page.map((p) => postView(p, fields, at, c.var.cdnRoot)) };
  if (page.length > 0) {
    const cursors = { before: encodeCursor(page[0]!), after: encodeCursor(page.at(-1)!) };
    const paging: Record<string, unknown> = { cursors };
    if (more) {
      const next = new URL(c.req.url);
      next.searchParams.delete('access_token');
      next.searchParams.delete('appsecret_proof');
      next.searchParams.set('limit', String(limit));
      next.searchParams.set('after', cursors.after);
      paging['next'] = next.toString();
    }
    body['paging'] = paging;
  }
  return c.json(body);
}

/** `id,message,attachments{type,unshimmed_url}`: unknown fields are refused as Graph does. */
export function parseFields(raw: string | undefined, nodeType: string): Selection | Response {
  const selection: Selection = new Map();
  if (!raw) return selection.set('id', null);
  for (const part of raw.match(/[^,{}]+(\{[^}]*\})?/g) ?? []) {
    const [, name = '', sub] = /^\s*([a-z_]+)\s*(?:\{([^}]*)\})?\s*$/.exec(part) ?? [];
    if (name === 'attachments') {
      const subs = sub === undefined ? [...SIM_ATTACHMENT_FIELDS] : sub.split(',').map((s) => s.trim()).filter(Boolean);
      const unknown = subs.find((s) => !(SIM_ATTACHMENT_FIELDS as readonly string[]).includes(s));
      if (unknown) return invalidParam(`Tried accessing nonexisting field (${unknown}) on node type (StoryAttachment)`);
      selection.set(name, subs);
    } else if ((SIM_POST_FIELDS as readonly string[]).includes(name) && sub === undefined) selection.set(name, null);
    else return invalidParam(`Tried accessing nonexisting field (${name || part}) on node type (${nodeType})`);
  }
  return selection;
}

export function postView(post: SimPost, fields: Selection, now: Date, cdnRoot?: string): Record<string, unknown> {
  const full = postAsGraph(post, now, cdnRoot) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [name, subs] of fields) {
    if (full[name] === undefined) continue;
    if (name === 'attachments' && subs) {
      const data = (full[name] as { data: Array<Record<string, unknown>> }).data;
      out[name] = { data: data.map((a) => Object.fromEntries(subs.filter((s) => a[s] !== undefined).map((s) => [s, a[s]]))) };
    } else out[name] = full[name];
  }
  return out;
}

function encodeCursor(post: SimPost): string {
  return Buffer.from(`${post.scheduled_publish_time ?? 0}:${post.id}`, 'utf8').toString('base64');
}

function decodeCursor(raw: string): Cursor | null {
  const match = /^(\d+):(\d+_\d+)$/.exec(Buffer.from(raw, 'base64').toString('utf8'));
  return match ? { time: Number(match[1]), id: match[2]! } : null;
}
