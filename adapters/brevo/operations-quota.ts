// The quota forecast a pause's dry run shows: Brevo's hourly limit is small (100 requests an
// hour on every plan but Professional and Enterprise), so a pause of many campaigns takes hours.
// Requests per campaign: suspend 1 (a PUT); restore 3 (the core's read-back GET, the PUT of the
// send time, our read-back GET). Listing pages come on top, at the page size. The forecast
// assumes the hour starts fresh: the connection's earlier requests of the hour are not known here.
import type { QuotaForecast, QuotaNeed } from '../types.js';

const HOUR_MS = 60 * 60 * 1000;
const PER_ITEM = { suspend: 1, restore: 3 } as const;

export function quotaForecast(need: QuotaNeed, limits: { perHour: number; pageSize: number; now: Date }): QuotaForecast {
  const listing = need.operation === 'suspend' ? Math.max(1, Math.ceil(need.items / limits.pageSize)) : 0;
  const requests = listing + need.items * PER_ITEM[need.operation];
  const allowedNow = limits.perHour;
  const fitsNow = requests <= allowedNow;
  const hours = fitsNow ? 0 : Math.floor((requests - 1) / limits.perHour);
  return {
    requests,
    allowedNow,
    fitsNow,
    finishesAt: new Date(limits.now.getTime() + hours * HOUR_MS),
    limits: `Brevo: ${limits.perHour.toLocaleString('en-US')} requests per hour on email campaigns`,
  };
}
