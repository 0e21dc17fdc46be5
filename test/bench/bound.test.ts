// The bench's lower bound: per connection, the requests a phase cannot avoid against the
// platform's own limits; the slowest connection binds. Checked by hand on small worlds.
import { describe, expect, it } from 'vitest';
import { naiveSeconds, phaseBound } from '../../bench/bound.js';
import type { WorldPlan } from '../../bench/scenarios.js';

const world = (hootsuite: number, meta: number, mailchimp: number, automations = 0): WorldPlan =>
  ({ hootsuite: { scheduled: hootsuite }, metaAds: { active: meta }, mailchimp: { scheduled: mailchimp, automations } }) as unknown as WorldPlan;

describe('phaseBound', () => {
  it('binds on Hootsuite at 20 requests a second: a message a request, plus the listing pages on the pause', () => {
    const pause = phaseBound(world(300, 0, 0), 'pause', 40, 6);
    const hootsuite = pause.connections.find((c) => c.connection === 'hootsuite-acme')!;
    // 13 windows of 4 weeks: 2 hold the 300 messages (2 pages each), 11 are one empty page each.
    expect(hootsuite.requests).toBe(300 + 11 + 4);
    expect(pause).toMatchObject({ binding: 'hootsuite-acme', seconds: 15.75 });
    expect(phaseBound(world(300, 0, 0), 'resume', 40, 6).seconds).toBe(15);
  });

  it('binds on Mailchimp at 10 in flight: a request a campaign, pages of 1,000 to read back', () => {
    const resume = phaseBound(world(0, 0, 4_000, 50), 'resume', 40, 6);
    const mailchimp = resume.connections.find((c) => c.connection === 'mailchimp-acme')!;
    expect(mailchimp.requests).toBe(4 + 1 + 100 + 4_000);
    expect(mailchimp.seconds).toBeCloseTo((4_105 * 0.04) / 10, 2);
  });

  it("makes a resume right after its pause wait for Meta's window when both do not fit in it", () => {
    // 1,900 campaigns an account: pause 19 + 5,700 points, resume 1,900 + 5,700: over 9,000.
    const big = world(0, 11_400, 0);
    expect(phaseBound(big, 'resume', 40, 6).seconds).toBeLessThan(1);
    const after = phaseBound(big, 'resume', 40, 6, { sincePauseS: 50 });
    expect(after).toMatchObject({ binding: 'meta-ads-acme', seconds: 250 });
    expect(after.connections.find((c) => c.connection === 'meta-ads-acme')!.limit).toMatch(/7600 points after the pause's 5719 wait for the window/);
    // 950 an account fit beside the pause's: nothing to wait for.
    expect(phaseBound(world(0, 5_700, 0), 'resume', 40, 6, { sincePauseS: 50 }).seconds).toBeLessThan(1);
  });

  it('times the naive way as one request an item, one at a time, at the measured round trip', () => {
    expect(naiveSeconds({ a: 100, b: 10 }, { a: 50, b: 100 })).toBe(6);
  });
});
