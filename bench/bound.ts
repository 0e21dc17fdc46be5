// The lower bound no service can beat: for each connection, the requests it cannot avoid
// (listing pages at the largest size the platform allows, plus mutations at the bulk size, plus
// the read-backs drift detection needs), against the platform's own limits — its request rate,
// the requests it allows in flight — and its latency. The slowest connection sets the bound.
// And the naive time: one request per item, one at a time, at the measured round trip.
import type { WorldPlan } from './scenarios.js';

export interface ConnectionBound {
  connection: string;
  /** requests the phase cannot do without on this connection */
  requests: number;
  /** the platform limit that binds it, in words */
  limit: string;
  seconds: number;
}

export interface PhaseBound {
  seconds: number;
  /** the connection whose bound is the phase's */
  binding: string;
  connections: ConnectionBound[];
}

/** What the platforms allow (each adapter's README gives the source). */
export const PLATFORM_LIMITS = {
  /** developer.hootsuite.com/docs/api-rate-limits */
  hootsuiteRequestsPerSecond: 20,
  /** GET /v1/messages: limit ≤ 100; a window ≤ 4 weeks, 52 weeks looked ahead */
  hootsuitePage: 100,
  hootsuiteWindows: 13,
  /** mailchimp.com/developer/marketing/docs/fundamentals/#api-limits */
  mailchimpInFlight: 10,
  /** `count` ≤ 1000 */
  mailchimpPage: 1000,
  /** Graph batches take 50 requests; campaign pages of 100 (the adapter's page size) */
  metaBatch: 50,
  metaPage: 100,
  /** standard tier: 9,000 points per ad account per 300 s; a write costs 3 */
  metaPointsPerWindow: 9_000,
  metaWindowS: 300,
  metaWriteCost: 3,
};

const L = PLATFORM_LIMITS;

/**
 * The bound of a pause (`suspend`) or a resume (`restore`) of `world` at `latencyMs`, Meta's
 * campaigns over `metaAccounts`; `after` says, for a resume that follows its pause right away (the
 * bench's case), how long ago the pause began: the resume shares the platforms' windows with it.
 */
export function phaseBound(world: WorldPlan, phase: 'pause' | 'resume', latencyMs: number, metaAccounts: number, after?: { sincePauseS: number }): PhaseBound {
  const latency = latencyMs / 1000;
  const connections: ConnectionBound[] = [];

  // Hootsuite: one request per message either way (DELETE, then POST), plus the listing's pages.
  const messages = world.hootsuite.scheduled;
  // The benchmark's messages span 8 weeks: two windows hold them, the eleven others are one empty page each.
  const listing = L.hootsuiteWindows - 2 + 2 * Math.max(1, Math.ceil(messages / 2 / L.hootsuitePage));
  const hootsuite = messages === 0 ? 0 : messages + (phase === 'pause' ? listing : 0);
  connections.push({ connection: 'hootsuite-acme', requests: hootsuite, limit: `${L.hootsuiteRequestsPerSecond} requests/s`, seconds: hootsuite / L.hootsuiteRequestsPerSecond });

  // Meta: per ad account, pages one after another, then batches (any number in flight: Meta
  // documents no cap); reads back in multiple-id reads of 50 before a resume.
  const perAccount = Math.ceil(world.metaAds.active / metaAccounts);
  const pages = Math.max(1, Math.ceil(perAccount / L.metaPage));
  const batches = Math.ceil(perAccount / L.metaBatch);
  const metaChain = perAccount === 0 ? 0 : phase === 'pause' ? pages + 1 : 2;
  // Points per account: a read costs 1 (a multiple-id read, 1 per id), a write 3.
  const pausePoints = pages + L.metaWriteCost * perAccount;
  const points = phase === 'pause' ? pausePoints : perAccount + L.metaWriteCost * perAccount;
  const pointsWait = Math.max(0, (points - L.metaPointsPerWindow) / L.metaPointsPerWindow) * L.metaWindowS;
  // A resume right after its pause shares Meta's window with it: what does not fit beside the
  // pause's points waits until they leave the window, 300 s after they were spent — at the
  // earliest, had they all been spent the moment the pause began.
  const carried = phase === 'resume' && after && pausePoints + points > L.metaPointsPerWindow ? Math.max(0, L.metaWindowS - after.sincePauseS) : 0;
  connections.push({
    connection: 'meta-ads-acme',
    requests: perAccount === 0 ? 0 : metaAccounts * (phase === 'pause' ? pages + batches : 2 * batches),
    limit:
      `latency of ${metaChain} requests in a row per ad account; ${L.metaPointsPerWindow} points/${L.metaWindowS} s per account` +
      (carried > 0 ? `: ${points} points after the pause's ${pausePoints} wait for the window` : ''),
    seconds: Math.max(metaChain * latency + pointsWait, carried),
  });

  // Mailchimp: 10 in flight; one request per campaign and automation, plus the listing pages and
  // each automation's emails (its snapshot) on the pause, a read-back of the suspended ones in
  // pages on the resume.
  const campaigns = world.mailchimp.scheduled;
  const automations = world.mailchimp.automations;
  const readPages = Math.ceil(campaigns / L.mailchimpPage) + Math.ceil(automations / L.mailchimpPage);
  const mailchimp = campaigns + automations === 0 ? 0 : readPages + 2 * automations + campaigns;
  connections.push({ connection: 'mailchimp-acme', requests: mailchimp, limit: `${L.mailchimpInFlight} in flight`, seconds: (mailchimp * latency) / L.mailchimpInFlight });

  const binding = connections.reduce((a, b) => (b.seconds > a.seconds ? b : a));
  return { seconds: round(binding.seconds), binding: binding.connection, connections: connections.map((c) => ({ ...c, seconds: round(c.seconds) })) };
}

/** One request per item, one at a time: the items of each connection times its measured round trip. */
export function naiveSeconds(items: Record<string, number>, roundTripMs: Record<string, number>): number {
  return round(Object.entries(items).reduce((sum, [connection, n]) => sum + (n * (roundTripMs[connection] ?? 0)) / 1000, 0));
}

const round = (n: number) => Math.round(n * 100) / 100;
