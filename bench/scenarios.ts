// The benchmark's scenarios: what each world holds and why; the platforms' latency and the
// world's scale are the run's settings (bench/settings.ts).
// Figures for Hootsuite are kept small on purpose: its API allows 20 requests per second and a
// message costs two requests over a pause and a resume (DELETE, then POST to re-create), so 300
// messages already take ~30 s of the run.
import type { BenchSettings } from './settings.js';

/** How many objects of each sort the sandbox platforms hold before the pause. */
export interface WorldPlan {
  hootsuite: {
    /** SCHEDULED messages: live */
    scheduled: number;
    /** waiting for a person's approval: not live, must stay untouched */
    pendingApproval: number;
    /** already published: not live */
    sent: number;
  };
  metaAds: {
    /** ACTIVE campaigns: live */
    active: number;
    /** PAUSED by a person in Ads Manager: must never be touched nor resumed (invariant 1) */
    pausedByPeople: number;
  };
  mailchimp: {
    /** scheduled one-off campaigns: live */
    scheduled: number;
    /** classic automations sending: live */
    automations: number;
    /** drafts (`save`): not live */
    drafts: number;
    /** automations a person paused: not live */
    pausedAutomations: number;
  };
}

export interface Scenario {
  name: string;
  title: string;
  /** why the scenario exists and why its figures are what they are (printed in results.md) */
  why: string;
  /** added by the sandbox to every platform request (the --latency setting) */
  latencyMs: number;
  /** the --scale setting the world was multiplied by */
  scale: number;
  world: WorldPlan;
  /**
   * Meta's ads_management budget per ad account per hour. The simulator's default is Meta's
   * formula for the app's tier, counted live: 300 (development) or 100,000 (standard) + 40 ×
   * active campaigns, so pausing thousands of campaigns shrinks it. A brand with thousands of
   * campaigns runs on Standard access (developers.facebook.com/docs/marketing-apis/rate-limiting);
   * we use its floor (no active ads left), which every moment of a pause and resume stays above.
   * The real-time points limit of the tier (9,000 points per 300 s on standard, a write 3) also
   * applies: a Graph batch of 50 writes costs 150 points. null: the simulator's formula.
   */
  metaCallsPerHour: number | null;
}

type ScenarioPlan = Omit<Scenario, 'latencyMs' | 'scale'>;

const STANDARD_TIER_FLOOR = 100_000;

const NON_LIVE = {
  hootsuite: { pendingApproval: 10, sent: 20 },
  metaAds: { pausedByPeople: 200 },
  mailchimp: { drafts: 150, pausedAutomations: 10 },
};

/** The world: 10,000 live items. Growth is shown at a tenth and at twice its size. */
const TEN_K: ScenarioPlan = {
  name: '10k',
  title: 'A pause of 10,000 live items across the three platforms',
  why:
    "The issue's figure. 300 Hootsuite messages (its 20 requests/s make each message cost ~0.1 s over pause and resume, " +
    'so 300 already bound the run at ~30 s), 5,700 Meta campaigns over six ad accounts (Graph batches of 50) and ' +
    '3,950 scheduled Mailchimp campaigns + 50 automations (one request per object, 10 in flight allowed). ' +
    'Plus items people paused, drafts, approvals and sent posts, which must stay untouched.',
  world: {
    hootsuite: { scheduled: 300, ...NON_LIVE.hootsuite },
    metaAds: { active: 5_700, ...NON_LIVE.metaAds },
    mailchimp: { scheduled: 3_950, automations: 50, ...NON_LIVE.mailchimp },
  },
  metaCallsPerHour: STANDARD_TIER_FLOOR,
};

const scaled = (plan: ScenarioPlan, name: string, factor: number, title: string): ScenarioPlan => ({
  ...plan,
  name,
  title,
  why: `The 10k world times ${factor}, every count alike: the time to silence should grow with the world, its ratio to the bound stay put.`,
  world: scaleWorld(plan.world, factor),
});

const PLANS: readonly ScenarioPlan[] = [
  scaled(TEN_K, '1k', 0.1, 'A pause of 1,000 live items: the 10k world at a tenth'),
  TEN_K,
  scaled(TEN_K, '20k', 2, 'A pause of 20,000 live items: the 10k world twice over'),
  {
    name: 'hootsuite-rate',
    title: "300 Hootsuite messages: bound by Hootsuite's 20 requests/second",
    why:
      'Only Hootsuite holds live items, so the wall time is the Hootsuite lane alone. With one request per message ' +
      'to pause and one to resume, the floor is (requests ÷ 20) seconds; the sandbox answers 429 (Hootsuite code 1003) to ' +
      'the 21st request in a second, so any 429 means the pacing let a burst through.',
    world: {
      hootsuite: { scheduled: 300, ...NON_LIVE.hootsuite },
      metaAds: { active: 0, pausedByPeople: 0 },
      mailchimp: { scheduled: 0, automations: 0, drafts: 0, pausedAutomations: 0 },
    },
    metaCallsPerHour: STANDARD_TIER_FLOOR,
  },
];

export const SCENARIO_NAMES = PLANS.map((p) => p.name);

/** A scenario at the run's settings: its world multiplied by `scale`, served at `latencyMs`. */
export function scenario(name: string, settings: BenchSettings): Scenario | undefined {
  const plan = PLANS.find((p) => p.name === name);
  if (!plan) return undefined;
  return { ...plan, world: scaleWorld(plan.world, settings.scale), latencyMs: settings.latencyMs, scale: settings.scale };
}

function scaleWorld(world: WorldPlan, factor: number): WorldPlan {
  const times = <T extends Record<string, number>>(counts: T): T => Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, Math.round(n * factor)])) as T;
  return { hootsuite: times(world.hootsuite), metaAds: times(world.metaAds), mailchimp: times(world.mailchimp) };
}

export const liveCount = (w: WorldPlan): number => w.hootsuite.scheduled + w.metaAds.active + w.mailchimp.scheduled + w.mailchimp.automations;
