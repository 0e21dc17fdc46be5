// Planning: the scheduled Single Sends of a connection, page by page. One search page lists the
// scheduled ones (SendGrid's `page_token` cursor, read from `_metadata.next`); their content —
// what the fingerprint covers: send_to, email_config — is only on each Single Send itself, so
// each listed one is read once (paced by the kit). A Single Send that left `scheduled` or was
// deleted between the page and its read is not live any more, and is not listed.
import { z } from 'zod';
import { AdapterError } from '../kit/adapter-error.js';
import type { PagedListing } from '../kit/pagination.js';
import type { LiveItem } from '../types.js';
import { getSingleSend, searchSingleSends, type SendGridApi } from './api.js';
import { isLive, SCHEDULED, toLiveItem } from './mappers.js';
import type { SingleSend } from './schemas.js';

export interface ListScope {
  pageSize: number;
  /** contact list ids the connection covers; empty = every Single Send of the account */
  listIds: readonly string[];
}

/**
 * A Single Send is the connection's when its lists are: sent to all contacts (the connection's
 * lists among them), to one of its lists, or to segments — a segment's list cannot be told from
 * the Single Send, and leaving a brand's email running in a crisis is worse than pausing one too
 * many (the lead sees every item the plan lists).
 */
export function inScope(s: SingleSend, listIds: readonly string[]): boolean {
  if (listIds.length === 0) return true;
  const to = s.send_to ?? {};
  return to.all === true || (to.list_ids ?? []).some((id) => listIds.includes(id)) || (to.segment_ids ?? []).length > 0;
}

const positionSchema = z.object({
  /** SendGrid's `page_token` of the page to read; null for the first page */
  token: z.string().nullable(),
});
type Position = z.infer<typeof positionSchema>;

export function singleSendListing(api: SendGridApi, scope: ListScope): PagedListing<Position> {
  return {
    position: positionSchema,
    first: () => ({ token: null }),
    cursorOf: (p) => p.token ?? '',
    async fetch(position) {
      const page = await searchSingleSends(api, { statuses: [SCHEDULED], pageSize: scope.pageSize, pageToken: position.token ?? undefined });
      const read = await Promise.all(page.singleSends.filter(isLive).map((s) => readIfThere(api, s.id)));
      const items: LiveItem[] = read.filter((s): s is SingleSend => s !== null && isLive(s) && inScope(s, scope.listIds)).map(toLiveItem);
      return { items, next: page.nextToken === null ? null : { token: page.nextToken } };
    },
  };
}

/** The whole Single Send, or null when SendGrid no longer has it (404). */
export async function readIfThere(api: SendGridApi, id: string): Promise<SingleSend | null> {
  try {
    return await getSingleSend(api, id);
  } catch (error) {
    if (error instanceof AdapterError && error.code === 'not_found') return null;
    throw error;
  }
}
