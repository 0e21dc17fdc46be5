// Fills the sandbox platforms with a WorldPlan through each simulator's typed seeding methods.
// Deterministic (seededRandom), times relative to now and far enough ahead that nothing is due
// during the run: a missed item would be held, not restored (invariant 4), and fail the check.
import type { HootsuiteSimulator } from '../adapters/hootsuite/simulator.js';
import type { SimProfile } from '../adapters/hootsuite/simulator-world.js';
import type { MailchimpSimulator } from '../adapters/mailchimp/simulator.js';
import type { MetaAdsSimulator } from '../adapters/meta-ads/simulator.js';
import { seededRandom } from '../adapters/kit/simulator/seed.js';
import type { Simulator } from '../adapters/kit/simulator/types.js';
import type { Sandbox } from '../src/sandbox/sandbox.js';
import { META_AD_ACCOUNTS } from './config.js';
import type { Scenario } from './scenarios.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const PROFILES: SimProfile[] = [
  { id: '115185509', type: 'FACEBOOKPAGE', socialNetworkId: '177463958820', socialNetworkUsername: 'Acme', externalURL: 'https://www.facebook.com/177463958820' },
  { id: '115185510', type: 'TWITTER', socialNetworkId: '1261768027', socialNetworkUsername: 'acme', externalURL: 'https://x.com/acme' },
  { id: '115185511', type: 'LINKEDINCOMPANY', socialNetworkId: '2414183', socialNetworkUsername: 'Acme Inc.', externalURL: 'https://www.linkedin.com/company/acme' },
  { id: '115185512', type: 'INSTAGRAMBUSINESS', socialNetworkId: '17841400008460056', socialNetworkUsername: 'acme', externalURL: 'https://www.instagram.com/acme' },
];

const COPY = [
  'Meet the Acme Trailblazer 2: lighter frame, longer battery, same lifetime warranty.',
  'Five ways our customers cut their morning routine in half with the Acme Kettle Pro.',
  'Behind the scenes: how we test every Acme backpack for 10,000 zip cycles.',
  'Our spring sale starts Friday: 20% off outdoor gear, free shipping over $50.',
  'Join our live Q&A with the Acme design team this Thursday at 5pm PT.',
];

export function seedWorld(sandbox: Sandbox, scenario: Scenario): void {
  const now = Date.now();
  seedHootsuite(builtSimulator<HootsuiteSimulator>(sandbox, 'hootsuite-acme', 'hootsuite'), scenario, now);
  seedMeta(builtSimulator<MetaAdsSimulator>(sandbox, 'meta-ads-acme', 'meta-ads'), scenario, now);
  seedMailchimp(builtSimulator<MailchimpSimulator>(sandbox, 'mailchimp-acme', 'mailchimp'), scenario, now);
}

// Built on the kit's simulator builder: a plain object with its world, not a class instance.
function builtSimulator<S extends Simulator>(sandbox: Sandbox, id: string, platform: string): S {
  const found = sandbox.simulators.get(id);
  if (found?.platform !== platform) throw new Error(`the default config has no ${id} connection of the expected platform`);
  return found as S;
}

function seedHootsuite(sim: HootsuiteSimulator, { world }: Scenario, now: number): void {
  const random = seededRandom(1);
  for (const p of PROFILES) sim.world.addProfile(p);
  // Whole minutes (what a re-create is normalised to), from 6 hours to ~8 weeks ahead, so the
  // listing walks several of Hootsuite's 4-week windows.
  const start = Math.ceil((now + 6 * HOUR) / MINUTE) * MINUTE;
  const at = (i: number, n: number) => new Date(start + Math.floor((i * 56 * DAY) / Math.max(n, 1) / MINUTE) * MINUTE).toISOString();
  const n = world.hootsuite.scheduled;
  for (let i = 0; i < n; i++) {
    const p = PROFILES[i % PROFILES.length]!;
    const media = p.type === 'INSTAGRAMBUSINESS' ? { media: [{ id: Buffer.from(`https://media.acme.example/ig/${i}.jpg`).toString('base64') }] } : {};
    const tags = random() < 0.4 ? { tags: ['spring-launch'] } : {};
    sim.world.addMessage({ profileId: p.id, state: 'SCHEDULED', text: `${COPY[i % COPY.length]} (#${i})`, scheduledSendTime: at(i, n), ...media, ...tags });
  }
  for (let i = 0; i < world.hootsuite.pendingApproval; i++) {
    sim.world.addMessage({ profileId: PROFILES[0]!.id, state: 'PENDING_APPROVAL', text: `Draft statement ${i}, needs legal review`, scheduledSendTime: at(i, world.hootsuite.pendingApproval), sequenceNumber: i + 1, reviewers: [{ id: '22421144', type: 'MEMBER' }] });
  }
  for (let i = 0; i < world.hootsuite.sent; i++) {
    sim.world.addMessage({ profileId: PROFILES[1]!.id, state: 'SENT', text: `Last week's post ${i}`, scheduledSendTime: new Date(now - (i + 1) * HOUR).toISOString() });
  }
}

function seedMeta(sim: MetaAdsSimulator, { world, metaCallsPerHour }: Scenario, now: number): void {
  const random = seededRandom(2);
  sim.world.setCallBudget(metaCallsPerHour);
  const objectives = ['OUTCOME_AWARENESS', 'OUTCOME_SALES', 'OUTCOME_TRAFFIC', 'OUTCOME_LEADS', 'OUTCOME_ENGAGEMENT'];
  const add = (i: number, status: 'ACTIVE' | 'PAUSED') => {
    const daily = random() < 0.7;
    const budget = String(Math.round(1_000 + random() * 9_000) * 100);
    sim.world.addCampaign({
      account: META_AD_ACCOUNTS[i % META_AD_ACCOUNTS.length]!,
      name: `Campaign ${i} — ${objectives[i % objectives.length]}`,
      objective: objectives[i % objectives.length]!,
      status,
      start_time: new Date(now - (1 + (i % 30)) * DAY),
      stop_time: i % 3 === 0 ? null : new Date(now + (10 + (i % 60)) * DAY),
      ...(daily ? { daily_budget: budget } : { lifetime_budget: budget + '0' }),
    });
  };
  for (let i = 0; i < world.metaAds.active; i++) add(i, 'ACTIVE');
  for (let i = 0; i < world.metaAds.pausedByPeople; i++) add(world.metaAds.active + i, 'PAUSED');
}

function seedMailchimp({ world: mailchimp }: MailchimpSimulator, { world }: Scenario, now: number): void {
  const list = { listId: 'a1b2c3d4e5', listName: 'Acme Newsletter', recipientCount: 48_210 };
  // Quarter hours (Mailchimp refuses other times) from 2 days to ~6 weeks ahead: beyond the
  // 24-hour lead Timewarp needs, so restoring every 7th campaign with Timewarp is accepted.
  const start = Math.ceil((now + 2 * DAY) / (15 * MINUTE)) * 15 * MINUTE;
  const n = world.mailchimp.scheduled;
  for (let i = 0; i < n; i++) {
    const sendAt = new Date(start + Math.floor((i * 40 * DAY) / Math.max(n, 1) / (15 * MINUTE)) * 15 * MINUTE);
    mailchimp.addCampaign({ ...list, status: 'schedule', sendAt, title: `Newsletter ${i}`, subjectLine: `This week at Acme, #${i}`, timewarp: i % 7 === 0 });
  }
  for (let i = 0; i < world.mailchimp.drafts; i++) mailchimp.addCampaign({ ...list, status: 'save', title: `Draft ${i}` });
  for (let i = 0; i < world.mailchimp.automations; i++) {
    mailchimp.addAutomation({ ...list, title: `Welcome series ${i}`, emails: [{ subjectLine: 'Welcome!' }, { subjectLine: 'Our story', delayDays: 2 }] });
  }
  for (let i = 0; i < world.mailchimp.pausedAutomations; i++) {
    mailchimp.addAutomation({ ...list, title: `Win-back ${i} (paused)`, emails: [{ subjectLine: 'We miss you', status: 'paused' }] });
  }
}
