import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { isIPv6 } from 'node:net';

/**
 * The address a request came from, as the key its refused attempts are counted under.
 *
 * The socket's peer address, unless `trustedProxies` (TRUST_PROXY) says how many reverse proxies
 * stand in front of the service: then the address the outermost of them saw, counted from the
 * right of X-Forwarded-For (entries further left are whatever the client chose to send). An IPv6
 * address counts as its /64: one client usually holds a whole /64 and could rotate through it.
 * Requests that never crossed a socket (`app.request()` in tests) come from `unknown`.
 */
export function clientAddress(c: Context, trustedProxies: number): string {
  if (trustedProxies > 0) {
    const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const seen = hops[hops.length - trustedProxies];
    if (seen) return normalize(seen);
  }
  let address: string | undefined;
  try {
    address = getConnInfo(c).remote.address;
  } catch {
    address = undefined; // no Node socket behind this request
  }
  return address ? normalize(address) : 'unknown';
}

function normalize(address: string): string {
  const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, ''); // IPv4 mapped into IPv6
  if (!isIPv6(plain)) return plain.slice(0, 64);
  return `${expand(plain).slice(0, 4).join(':')}::/64`;
}

/** The eight groups of an IPv6 address, `::` filled in. */
function expand(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...fill, ...right].map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''));
}
