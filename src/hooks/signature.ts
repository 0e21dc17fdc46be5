import { createHmac, timingSafeEqual } from 'node:crypto';

/** Hex HMAC-SHA256 of `body` with `secret`, the secret used as given (not decoded). */
export const hmacHex = (secret: string, body: string | Buffer): string => createHmac('sha256', secret).update(body).digest('hex');

/** Equal strings, compared in constant time (never a timing hint of how much of a signature was right). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * GitHub-style: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>`
 * (docs.github.com/webhooks/using-webhooks/validating-webhook-deliveries).
 */
export function verifyHubSignature(secret: string, rawBody: Buffer, header: string | undefined): boolean {
  if (!header?.startsWith('sha256=')) return false;
  return sameSecret(header.slice('sha256='.length).toLowerCase(), hmacHex(secret, rawBody));
}
