// Listings that go on from the last good page. A platform describes how to fetch one page from a
// position (its cursor, offset, window…) and where the next page starts; this turns that into
// `listLive(kind, from?)`, whose every page carries `next`: an opaque token from which
// `listLive(kind, next)` lists the pages after it, and nothing before.
import { z } from 'zod';
import type { Kind, ListPage, LiveItem } from '../types.js';
import { AdapterError } from './adapter-error.js';
import { canonicalJson } from './fingerprint.js';

export interface PageAt<P> {
  items: LiveItem[];
  /** where the next page starts, or null after the last */
  next: P | null;
}

export interface PagedListing<P> {
  /** zod schema of a position: a token handed back is checked against it */
  position: z.ZodType<P>;
  /** where a fresh listing starts, or null when there is nothing to list */
  first(): P | null;
  fetch(position: P): Promise<PageAt<P>>;
  /**
   * The vendor's cursor in a position, for loop detection: a cursor met twice in one listing
   * fails it loudly instead of looping for ever. Default: the whole position.
   */
  cursorOf?(position: P): string;
}

const TOKEN_VERSION = 1;
const tokenSchema = z.object({ v: z.literal(TOKEN_VERSION), platform: z.string(), kind: z.string(), at: z.unknown() });

/** A page's `next`: the position, with whose listing it is, in base64url JSON. */
export function encodeNext(platform: string, kind: Kind, position: unknown): string {
  return Buffer.from(JSON.stringify({ v: TOKEN_VERSION, platform, kind, at: position })).toString('base64url');
}

export function decodeNext<P>(platform: string, kind: Kind, token: string, schema: z.ZodType<P>): P {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    raw = null;
  }
  const envelope = tokenSchema.safeParse(raw);
  const position = envelope.success && envelope.data.platform === platform && envelope.data.kind === kind ? schema.safeParse(envelope.data.at) : null;
  if (!position?.success) {
    throw new AdapterError({
      code: 'invalid_request',
      message: `${platform}: not a position in a ${kind} listing of this platform`,
      retryable: false,
      ambiguous: false,
    });
  }
  return position.data;
}

/** The pages of one kind's listing, from its start or from a page's `next`. */
export async function* listPages<P>(platform: string, kind: Kind, listing: PagedListing<P>, from?: string): AsyncGenerator<ListPage> {
  let position = from === undefined ? listing.first() : decodeNext(platform, kind, from, listing.position);
  const cursorOf = listing.cursorOf ?? ((p: P) => canonicalJson(p));
  const seen = new Set<string>();
  while (position !== null) {
    seen.add(cursorOf(position));
    const page = await listing.fetch(position);
    if (page.next !== null && seen.has(cursorOf(page.next))) {
      throw new AdapterError({
        code: 'unexpected_response',
        message: `${platform}: the ${kind} listing returned the same page cursor twice`,
        retryable: true,
        ambiguous: false,
      });
    }
    yield { items: page.items, next: page.next === null ? null : encodeNext(platform, kind, page.next) };
    position = page.next;
  }
}

/** One kind's listing, its position type hidden: made by `paged`. */
export type KindListing = (platform: string, kind: Kind, from?: string) => AsyncGenerator<ListPage>;

/** A kind's listing from a maker of PagedListing, called per listing (so it can read the clock). */
export const paged =
  <P>(make: () => PagedListing<P>): KindListing =>
  (platform, kind, from) =>
    listPages(platform, kind, make(), from);

/** `listLive` for an adapter: the listing of each kind it lists; other kinds list nothing. */
export function pagedListLive(platform: string, listings: Partial<Record<Kind, KindListing>>) {
  return (kind: Kind, from?: string): AsyncIterable<ListPage> => listings[kind]?.(platform, kind, from) ?? noPages();
}

async function* noPages(): AsyncGenerator<ListPage> {
  // this platform has nothing of that kind
}
