// Query `posts` as Buffer answers it: input {organizationId, filter {status, channelIds, dueAt,
// dueAtPresence, createdAt}, sort}, Relay `first`/`after`, edges with opaque cursors, pageInfo.
// A page is read from the organization's sorted indexes from where the cursor starts, never the
// whole world. Sorting by dueAt ascending is what the adapter asks; other sorts are refused (the
// simulator does not model them: a request for one fails loudly rather than quietly misleading).
import { GraphQLError } from 'graphql';
import type { SimPost } from './simulator-world-data.js';
import { compareKeys, keyOf } from './simulator-world-index.js';
import type { BufferWorld } from './simulator-world.js';
import { POST_STATUSES } from './schemas.js';

export interface PostsArgs {
  input: {
    organizationId: string;
    filter?: { channelIds?: string[] | null; status?: string[] | null; dueAt?: { start?: string | null; end?: string | null } | null; dueAtPresence?: string | null } | null;
    sort?: Array<{ field: string; direction: string }> | null;
  };
  first?: number | null;
  after?: string | null;
}

/** Buffer documents no maximum for `first`; the simulator's (assumed) bounds: 1 to 100, default 20. */
const DEFAULT_FIRST = 20;
const MAX_FIRST = 100;

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

export const cursorOf = (p: SimPost): string => Buffer.from(`by"${keyOf(p).at}:${p.id}"`).toString('base64');
function decodeCursor(cursor: string): { at: number; id: string } {
  const match = /^by"(\d+):([0-9a-f]{24})"$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  if (!match) throw badInput('Invalid cursor');
  return { at: Number(match[1]), id: match[2]! };
}

export function listPosts(world: BufferWorld, args: PostsArgs) {
  const { organizationId, filter, sort } = args.input;
  if (!world.organization(organizationId)) throw new GraphQLError('Organization not found', { extensions: { code: 'NOT_FOUND' } });
  if (sort && sort.some((s) => s.field !== 'dueAt' || s.direction !== 'asc')) throw badInput('the simulator lists by dueAt ascending only');
  const first = args.first ?? DEFAULT_FIRST;
  if (first < 1 || first > MAX_FIRST) throw badInput(`first must be between 1 and ${MAX_FIRST}`);
  const from = args.after ? decodeCursor(args.after) : null;
  const channels = filter?.channelIds?.length ? new Set(filter.channelIds) : null;
  const start = filter?.dueAt?.start ? Date.parse(filter.dueAt.start) : null;
  const end = filter?.dueAt?.end ? Date.parse(filter.dueAt.end) : null;
  const presence = filter?.dueAtPresence ?? null;

  world.advance();
  const statuses = filter?.status?.length ? [...new Set(filter.status)] : [...POST_STATUSES];
  // Up to first + 1 from each status's index, merged: enough to fill the page and know if more follow.
  const found: SimPost[] = [];
  for (const status of statuses) {
    const index = world.posts.inOrder(organizationId, status);
    const lower = from ?? (start !== null ? { at: start, id: '' } : null);
    let i = lower ? index.lowerBound((p) => (compareKeys(keyOf(p), lower) < (from ? 1 : 0) ? -1 : 1)) : 0;
    for (let taken = 0; taken <= first && i < index.size; i++) {
      const p = index.at(i)!;
      const at = keyOf(p).at;
      if (end !== null && at > end) break;
      if (start !== null && at < start) continue;
      if (channels && !channels.has(p.channelId)) continue;
      if (presence === 'present' ? p.dueAt === null : presence === 'absent' ? p.dueAt !== null : false) continue;
      found.push(p);
      taken++;
    }
  }
  found.sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
  const page = found.slice(0, first);
  const edges = page.map((p) => ({ node: structuredClone(p), cursor: cursorOf(p) }));
  return {
    edges,
    pageInfo: { startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null, hasPreviousPage: false, hasNextPage: found.length > first },
  };
}
