// What SendGrid's tests share: the base URL msw intercepts, an obviously fake API key, the
// connection's contact lists, and a seeded world: live (scheduled) Single Sends over a week plus
// ones a pause must leave alone (drafts, one unscheduled by a person, sent ones).
import type { SendGridSimulator } from '../../adapters/sendgrid/simulator.js';
import type { SimSingleSend } from '../../adapters/sendgrid/simulator-world.js';
import type { Simulator } from '../../adapters/kit/simulator/types.js';
import { HOUR, type ManualClock } from '../support/clock.js';

export const BASE_URL = 'https://api.sendgrid.com';
export const API_KEY = 'SG.fake-test-key.not-a-real-secret-0123456789';
export const MAIN_LIST = '11111111-2222-4333-8444-555555555555';
export const VIP_LIST = '11111111-2222-4333-8444-666666666666';
export const OTHER_BRAND_LIST = '99999999-2222-4333-8444-777777777777';

/** Seven scheduled Single Sends over a week (one to all contacts), and three that are not live. */
export function seedWorld(simulator: Simulator, clock: ManualClock): SimSingleSend[] {
  const sim = simulator as SendGridSimulator;
  const now = clock.now().getTime();
  const at = (hours: number) => new Date(Math.floor((now + hours * HOUR) / 60_000) * 60_000);
  const live = [
    sim.world.addSingleSend({ name: 'Weekly Digest', status: 'scheduled', sendAt: at(3), listIds: [MAIN_LIST], categories: ['newsletter'], subject: 'This week at Acme' }),
    sim.world.addSingleSend({ name: 'VIP Early Access', status: 'scheduled', sendAt: at(20), listIds: [VIP_LIST], categories: ['promotion', 'vip'], subject: 'You’re in early' }),
    sim.world.addSingleSend({ name: 'Sale Opens', status: 'scheduled', sendAt: at(44), listIds: [MAIN_LIST, VIP_LIST], subject: 'Up to 40% off' }),
    sim.world.addSingleSend({ name: 'Gift Guide', status: 'scheduled', sendAt: at(70), all: true, subject: '48 gifts', customUnsubscribeUrl: 'https://acme.example/unsubscribe', suppressionGroupId: null }),
    sim.world.addSingleSend({ name: 'Launch', status: 'scheduled', sendAt: at(96), listIds: [MAIN_LIST], subject: 'Meet the Trailblazer 3', designId: 'd-2f1c0b9a8e7d4c3b' }),
    sim.world.addSingleSend({ name: 'Webinar', status: 'scheduled', sendAt: at(120), listIds: [MAIN_LIST], subject: 'Join us Thursday' }),
    sim.world.addSingleSend({ name: 'Digest 2', status: 'scheduled', sendAt: at(160), listIds: [VIP_LIST], subject: 'Cold-weather edition' }),
  ];
  sim.world.addSingleSend({ name: 'New Year (draft)', status: 'draft', listIds: [MAIN_LIST], subject: 'New year, new deals' });
  sim.world.addSingleSend({ name: 'Unscheduled by Dana', status: 'draft', sendAt: at(30), listIds: [MAIN_LIST], subject: 'Opening in Vancouver' });
  sim.world.addSingleSend({ name: 'Cyber Monday', status: 'triggered', sendAt: at(-20), listIds: [MAIN_LIST], subject: 'Free shipping' });
  return live;
}
