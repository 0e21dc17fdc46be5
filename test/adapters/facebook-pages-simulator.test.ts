// The facebook-pages simulator enforces what Graph enforces on the calls the adapter makes (a
// lenient simulator lets a test pass that production fails), and seeds each Page its own week.
import { describe, expect, it } from 'vitest';
import { ACME_PAGE, GLOBEX_PAGE } from '../../adapters/facebook-pages/seed.js';
import { createFacebookPagesSimulator } from '../../adapters/facebook-pages/simulator.js';
import { DAY, HOUR, MINUTE, ManualClock } from '../support/clock.js';
import { PAGE, TOKEN } from './facebook-pages-fixture.js';

const clock = new ManualClock();
const BASE = 'https://graph.facebook.com/v25.0';

function simulator(seed: 'empty' | 'sandbox' = 'empty', accountIds = [PAGE]) {
  return createFacebookPagesSimulator({ clock, credentials: { accessToken: TOKEN }, accountIds, seed });
}

async function call(sim: ReturnType<typeof simulator>, method: string, path: string, params: Record<string, string> = {}) {
  const form = new URLSearchParams({ access_token: TOKEN, ...params });
  const response = await sim.fetch(
    method === 'GET' || method === 'DELETE'
      ? new Request(`${BASE}${path}?${new URLSearchParams(params)}`, { method, headers: { authorization: `Bearer ${TOKEN}` } })
      : new Request(`${BASE}${path}`, { method, body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
  );
  return { status: response.status, body: (await response.json()) as { error?: { code: number; error_subcode?: number; message: string; fbtrace_id: string }; id?: string } };
}

const at = (ms: number) => String(Math.floor((clock.now().getTime() + ms) / 1000));

describe('facebook-pages simulator rules', () => {
  it.each([
    ['no message and no link', { published: 'false', scheduled_publish_time: at(DAY) }, /Missing message or attachment/],
    ['a schedule on a published post', { message: 'x', scheduled_publish_time: at(DAY) }, /cannot specify a scheduled publish time on a published post/],
    ['a time 9 minutes ahead', { message: 'x', published: 'false', scheduled_publish_time: at(9 * MINUTE) }, /at least 10 minutes/],
    ['a time 7 months ahead', { message: 'x', published: 'false', scheduled_publish_time: at(212 * DAY) }, /scheduled publish time is invalid/],
    ['a time that is no time', { message: 'x', published: 'false', scheduled_publish_time: 'next tuesday' }, /UNIX timestamp/],
    ['published that is not a boolean', { message: 'x', published: 'maybe' }, /published must be a boolean/],
    ['a link that is not a URL', { link: 'acme dot example' }, /link must be a valid URL/],
    ['targeting that is not an object', { message: 'x', targeting: '[1,2]' }, /targeting must be a JSON object/],
    ['a call to action without a type', { message: 'x', call_to_action: '{"value":{}}' }, /call_to_action\[type\]/],
    ['a place that is not an id', { message: 'x', place: 'Vancouver' }, /place must be a valid place ID/],
  ])('refuses a /feed post with %s (#100), and creates nothing', async (_name, params, message) => {
    const sim = simulator();
    const { status, body } = await call(sim, 'POST', `/${PAGE}/feed`, params);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 100, message: expect.stringMatching(message), fbtrace_id: expect.any(String) });
    expect(sim.state()).toEqual([]);
  });

  it('accepts an ISO time as Meta does, and an unpublished post without a time is a draft', async () => {
    const sim = simulator();
    const iso = new Date(clock.now().getTime() + 2 * HOUR).toISOString();
    const scheduled = await call(sim, 'POST', `/${PAGE}/feed`, { message: 'x', published: 'false', scheduled_publish_time: iso });
    const draft = await call(sim, 'POST', `/${PAGE}/feed`, { message: 'y', published: 'false' });
    expect(scheduled.body.id).toMatch(new RegExp(`^${PAGE}_\\d+$`));
    const rows = new Map(sim.state().map((r) => [r.id, r]));
    expect(rows.get(scheduled.body.id!)).toMatchObject({ status: 'SCHEDULED', live: true, scheduledAt: iso.replace(/\.\d{3}Z$/, '.000Z') });
    expect(rows.get(draft.body.id!)).toMatchObject({ status: 'DRAFT', live: false, scheduledAt: null });
  });

  it("answers Graph's errors: no token 104, unknown object 100/33, unknown field, bad cursor, batch over 50", async () => {
    const sim = simulator();
    const anonymous = await sim.fetch(new Request(`${BASE}/${PAGE}`));
    expect(((await anonymous.json()) as { error: { code: number } }).error.code).toBe(104);
    expect((await call(sim, 'DELETE', `/${PAGE}_123`)).body.error).toMatchObject({ code: 100, error_subcode: 33 });
    expect((await call(sim, 'GET', `/${PAGE}/scheduled_posts`, { fields: 'id,link' })).body.error?.message).toMatch(/nonexisting field \(link\)/);
    expect((await call(sim, 'GET', `/${PAGE}/scheduled_posts`, { fields: 'attachments{description_tags}' })).body.error?.message).toMatch(/StoryAttachment/);
    expect((await call(sim, 'GET', `/${PAGE}/scheduled_posts`, { after: 'bm9wZQ' })).body.error?.message).toMatch(/Invalid cursor/);
    const batch = JSON.stringify(Array.from({ length: 51 }, () => ({ method: 'GET', relative_url: `v25.0/${PAGE}` })));
    expect((await call(sim, 'POST', '', { batch })).body.error?.message).toMatch(/Maximum batch size is 50/);
  });

  it('publishes a scheduled post when its time comes', async () => {
    const sim = simulator();
    const { body } = await call(sim, 'POST', `/${PAGE}/feed`, { message: 'x', published: 'false', scheduled_publish_time: at(HOUR) });
    clock.advance(HOUR);
    expect(sim.state().find((r) => r.id === body.id)).toMatchObject({ status: 'PUBLISHED', live: false });
    expect((await call(sim, 'GET', `/${PAGE}/scheduled_posts`)).body).toEqual({ data: [] });
  });
});

describe('facebook-pages sandbox seed', () => {
  it("gives Acme's and Globex's Pages each their own week: live posts and posts to leave alone", () => {
    const acme = simulator('sandbox', [ACME_PAGE]);
    const globex = simulator('sandbox', [GLOBEX_PAGE]);
    for (const sim of [acme, globex]) {
      const rows = sim.state();
      expect(rows.filter((r) => r.live).length).toBeGreaterThanOrEqual(8);
      expect(rows.some((r) => r.status === 'PUBLISHED')).toBe(true);
      expect(rows.some((r) => r.status === 'DRAFT')).toBe(true);
      for (const r of rows.filter((x) => x.live)) expect(Date.parse(r.scheduledAt!) - clock.now().getTime()).toBeLessThanOrEqual(8 * DAY);
    }
    const prints = (sim: ReturnType<typeof simulator>) => new Set(sim.state().map((r) => r.fingerprint));
    expect([...prints(acme)].some((f) => prints(globex).has(f))).toBe(false);
    // deterministic
    expect(simulator('sandbox', [ACME_PAGE]).state()).toEqual(acme.state());
  });
});
