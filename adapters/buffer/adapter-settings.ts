// A Buffer connection's settings, and Buffer's per-plan request limits.
import { z } from 'zod';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export const PLAN_NAMES = ['free', 'essentials', 'team'] as const;
export type Plan = (typeof PLAN_NAMES)[number];

export interface PlanLimits {
  label: string;
  /** requests per rolling 15 minutes ("15-min limit": 100 on every plan) */
  perWindow: number;
  /** requests per rolling 24 hours */
  perDay: number;
  /** requests per rolling 30 days */
  perMonth: number;
}

/**
 * "Buffer applies API rate limits per client … how many requests each client can make over a
 * rolling 15-minute, 24-hour, and 30-day window, depend on your Buffer plan": 15-min 100 / 100 /
 * 100, 24-hr 100 / 250 / 500, 30-day 3,000 / 7,500 / 15,000 (Free / Essentials / Team) —
 * https://developers.buffer.com/guides/api-limits.html (checked 2026-12-01).
 */
export const PLANS: Readonly<Record<Plan, PlanLimits>> = {
  free: { label: 'Free', perWindow: 100, perDay: 100, perMonth: 3_000 },
  essentials: { label: 'Essentials', perWindow: 100, perDay: 250, perMonth: 7_500 },
  team: { label: 'Team', perWindow: 100, perDay: 500, perMonth: 15_000 },
};

export const WINDOW_MS = 15 * MINUTE;
export const DAY_MS = DAY;
export const MONTH_MS = 30 * DAY;

/** Buffer ids are MongoDB ObjectIds (scalars OrganizationId, ChannelId, PostId…): 24 hex digits. */
export const OBJECT_ID = /^[0-9a-f]{24}$/;

export const bufferSettingsSchema = z.object({
  /** the Buffer plan of the account the API key belongs to: it sets the quotas we pace to */
  plan: z.enum(PLAN_NAMES).default('free'),
  /** posts per listing page (`first`); Buffer documents no maximum, 100 keeps a page's cost small */
  pageSize: z.number().int().min(1).max(100).default(100),
  /** only these channels (ChannelId); empty: every channel of the organizations */
  channelIds: z.array(z.string().regex(OBJECT_ID, 'a Buffer channel id (24 hex digits)')).default([]),
});
export type BufferSettings = z.infer<typeof bufferSettingsSchema>;

/** "Buffer (Free plan): 100 requests per 15 minutes, 100 per 24 hours, 3,000 per 30 days" */
export function limitsInWords(plan: Plan): string {
  const p = PLANS[plan];
  const n = (v: number) => v.toLocaleString('en');
  return `Buffer (${p.label} plan): ${n(p.perWindow)} requests per 15 minutes, ${n(p.perDay)} per 24 hours, ${n(p.perMonth)} per 30 days`;
}
