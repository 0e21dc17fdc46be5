import { hmacHex } from '../hooks/signature.js';
import type { Delivery } from '../domain/delivery.js';
import type { Target } from './targets.js';

export type SendOutcome = { ok: true } | { ok: false; error: string };

/**
 * Posts one delivery to its target. A webhook is signed as our inbound generic hook checks:
 * `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>`, the delivery id in
 * `X-Webhook-Id`. The error said back never holds the URL (for Slack, a credential).
 */
export async function send(target: Target, delivery: Delivery, timeoutMs: number): Promise<SendOutcome> {
  const body = JSON.stringify(delivery.payload);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'crisis-pause' };
  if (target.kind === 'webhook') {
    headers['x-webhook-id'] = delivery.id;
    headers['x-hub-signature-256'] = `sha256=${hmacHex(target.secret, body)}`;
  }
  try {
    const response = await fetch(target.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
    // Read to the end either way, so the connection is free again (the answers are a few bytes).
    const text = await response.text().catch(() => '');
    if (response.ok) return { ok: true };
    // Slack says why in a short text body (`invalid_payload`, `no_service`): worth keeping.
    const said = text.replace(/\s+/g, ' ').trim().slice(0, 200);
    return { ok: false, error: `HTTP ${response.status}${said ? `: ${said}` : ''}` };
  } catch (error) {
    const e = error as Error & { cause?: { code?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return { ok: false, error: `no answer within ${timeoutMs} ms` };
    return { ok: false, error: `cannot reach it (${e.cause?.code ?? e.name})` };
  }
}
