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
 * PagerDuty v3: `X-PagerDuty-Signature` holds one or more comma-separated `v1=<hex HMAC-SHA256 of
 * the raw body>` (one per secret while a secret is being rotated): any one matching is enough
 * (developer.pagerduty.com/docs/webhooks/webhook-signatures).
 */
export function verifyPagerDutySignature(secret: string, rawBody: Buffer, header: string | undefined): boolean {
  const expected = hmacHex(secret, rawBody);
  const signatures = (header ?? '').split(',').map((s) => s.trim()).filter((s) => s.startsWith('v1='));
  // Every one compared, whatever the first gives: no timing hint of which one matched.
  return signatures.map((s) => sameSecret(s.slice(3).toLowerCase(), expected)).includes(true);
}

/**
 * Slack: `X-Slack-Signature: v0=<hex HMAC-SHA256 of "v0:<X-Slack-Request-Timestamp>:<raw body>">`,
 * refused when the timestamp is more than 5 minutes off (a replayed request)
 * (api.slack.com/authentication/verifying-requests-from-slack).
 */
export function verifySlackSignature(secret: string, rawBody: Buffer, timestamp: string | undefined, header: string | undefined, now: Date): boolean {
  if (!timestamp || !/^\d+$/.test(timestamp) || !header?.startsWith('v0=')) return false;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > 5 * 60) return false;
  return sameSecret(header.slice(3).toLowerCase(), hmacHex(secret, Buffer.concat([Buffer.from(`v0:${timestamp}:`), rawBody])));
}

/**
 * GitHub-style: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>`
 * (docs.github.com/webhooks/using-webhooks/validating-webhook-deliveries).
 */
export function verifyHubSignature(secret: string, rawBody: Buffer, header: string | undefined): boolean {
  if (!header?.startsWith('sha256=')) return false;
  return sameSecret(header.slice('sha256='.length).toLowerCase(), hmacHex(secret, rawBody));
}
