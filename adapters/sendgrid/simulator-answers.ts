// The simulator's answers in the shapes SendGrid's description gives them: the short form of the
// list and search pages (`singlesend_response_short`), the whole Single Send
// (`singlesend_response`), and the page envelope with its `_metadata` links. The description
// marks `send_at` nullable only on the whole Single Send and `design_id` nowhere, so a null there
// is left out rather than sent as null.
import type { SimSingleSend } from './simulator-world-data.js';

export function shortForm(s: SimSingleSend): Record<string, unknown> {
  return {
    id: s.id,
    name: s.name,
    // "abtest" is required, nullable: null when the Single Send is not an A/B test
    abtest: null,
    status: s.status,
    categories: s.categories,
    ...(s.send_at !== null && { send_at: s.send_at }),
    is_abtest: s.is_abtest,
    updated_at: s.updated_at,
    created_at: s.created_at,
  };
}

export function fullForm(s: SimSingleSend): Record<string, unknown> {
  const { design_id, ...config } = s.email_config;
  return {
    id: s.id,
    name: s.name,
    status: s.status,
    categories: s.categories,
    send_at: s.send_at,
    send_to: s.send_to,
    email_config: { ...config, ...(design_id !== null && { design_id }) },
    updated_at: s.updated_at,
    created_at: s.created_at,
  };
}

/** Page tokens: opaque to clients; here the id the previous page ended with. */
export const tokenFor = (lastId: string): string => Buffer.from(`after:${lastId}`).toString('base64url');

export function idAfter(token: string): string | null {
  const text = Buffer.from(token, 'base64url').toString('utf8');
  return text.startsWith('after:') && text.length > 6 ? text.slice(6) : null;
}

/** `{result, _metadata: {self, next?, count}}`, links on the URL the page was asked at. */
export function page(url: URL, items: SimSingleSend[], lastId: string | null, count: number): Record<string, unknown> {
  const self = url.toString();
  const nextUrl = new URL(url);
  if (lastId !== null) nextUrl.searchParams.set('page_token', tokenFor(lastId));
  return { result: items.map(shortForm), _metadata: { self, ...(lastId !== null && { next: nextUrl.toString() }), count } };
}
