// Klaviyo's rate limits on the fake platform's side: per account, fixed windows, burst (1 s) and
// steady (1 min) per endpoint tier — campaigns M (10/s, 150/m), flows S (3/s, 60/m)
// (https://developers.klaviyo.com/en/docs/rate_limits_and_error_handling). Every answer but a 429
// says the steady window's state in RateLimit-Limit / -Remaining / -Reset; a 429 says Retry-After.
import type { Context, Hono, Next } from 'hono';
import { errorResponse, SimError } from './simulator-http.js';

const TIERS = {
  campaigns: { burst: 10, steady: 150 },
  flows: { burst: 3, steady: 60 },
} as const;

interface Window {
  start: number;
  count: number;
}

export function limitRoutes(app: Hono, enforce: boolean, now: () => number = () => performance.now()): void {
  const windows = new Map<string, Window>();
  const take = (key: string, width: number): Window => {
    const t = now();
    let w = windows.get(key);
    if (!w || t - w.start >= width) windows.set(key, (w = { start: t, count: 0 }));
    return w;
  };
  app.use('/api/*', async (c: Context, next: Next) => {
    const tier = new URL(c.req.url).pathname.startsWith('/api/flow') ? 'flows' : 'campaigns';
    const limits = TIERS[tier];
    const burst = take(`${tier}:burst`, 1000);
    const steady = take(`${tier}:steady`, 60_000);
    const resetIn = (w: Window, width: number) => Math.max(1, Math.ceil((w.start + width - now()) / 1000));
    if (enforce && (burst.count >= limits.burst || steady.count >= limits.steady)) {
      const seconds = burst.count >= limits.burst ? resetIn(burst, 1000) : resetIn(steady, 60_000);
      return errorResponse(new SimError(429, 'throttled', 'Request was throttled.', `Request was throttled. Expected available in ${seconds} second${seconds === 1 ? '' : 's'}.`, {}, { 'Retry-After': String(seconds) }));
    }
    burst.count++;
    steady.count++;
    await next();
    if (c.res.status !== 429) {
      c.res.headers.set('RateLimit-Limit', String(limits.steady));
      c.res.headers.set('RateLimit-Remaining', String(Math.max(0, limits.steady - steady.count)));
      c.res.headers.set('RateLimit-Reset', String(resetIn(steady, 60_000)));
    }
    return undefined;
  });
}
