// Reading credentials off a request the way platforms do.
import type { Context } from 'hono';

/** The bearer token of a request, or null. */
export function bearerToken(c: Context): string | null {
  const match = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '');
  return match?.[1]?.trim() ?? null;
}

/** The password of HTTP Basic credentials (Mailchimp's API key), or null. */
export function basicPassword(c: Context): string | null {
  const match = /^Basic\s+(.+)$/i.exec(c.req.header('authorization') ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1]!.trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : decoded.slice(colon + 1);
}
