// Mailchimp: what a pause and a resume cost in requests. A suspend is one request a campaign (no
// read-back: `save` and `paused` are one status to us); an inspect of many suspended campaigns
// reads them through list pages of the two statuses our suspension leaves, cut down to the fields
// an observation needs, and reads one by one only those not on them (scheduled again, sent,
// deleted); a page is cut down to a fraction of its whole size.
import { beforeEach, describe, expect, it } from 'vitest';
import { campaignListSchema } from '../../adapters/mailchimp/schemas.js';
import { campaignObservation, OBSERVED_CAMPAIGN_FIELDS } from '../../adapters/mailchimp/mappers-observation.js';
import { BULK } from '../../adapters/mailchimp/operations.js';
import { LOOKUP_PAGE_SIZE } from '../../adapters/mailchimp/operations-inspect.js';
import type { MailchimpSimulator } from '../../adapters/mailchimp/simulator.js';
import { schedule } from '../../adapters/mailchimp/simulator-world-rules.js';
import type { AdapterClient, ItemRef, LiveItem } from '../../adapters/types.js';
import { DAY, HOUR, ManualClock } from '../support/clock.js';
import { listAll as listLive, toRef } from './live-items.js';
import { BASE_URL, useMailchimp } from './mailchimp-fixture.js';

const API_KEY = '7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f-us14';

describe('mailchimp requests per campaign', () => {
  const mc = useMailchimp(API_KEY);
  let clock: ManualClock;
  let sim: MailchimpSimulator;
  let client: AdapterClient;
  beforeEach(() => ({ clock, sim, client } = mc));

  const at = (ms: number): Date => new Date(clock.now().getTime() + ms);
  /** `n` scheduled campaigns, listed: what a pause plans. */
  const scheduled = async (n: number): Promise<LiveItem[]> => {
    for (let i = 0; i < n; i++) sim.world.addCampaign({ sendAt: at(2 * DAY + i * 15 * 60_000), title: `Newsletter ${i}` });
    return listLive(client, 'email');
  };
  const suspendAll = async (items: LiveItem[]): Promise<void> => {
    const outcomes = await Promise.all(items.map((i) => client.suspend([toRef(i)])));
    expect(outcomes.flat().filter((o) => o.kind !== 'ok')).toEqual([]);
  };
  /** Requests from the `from`-th on, as `METHOD path`, and the query of each list request. */
  const sentSince = (from: number) => sim.requests.slice(from).map((r) => `${r.method} ${r.path}`);
  const listQueries = (from: number) => sim.requests.slice(from).filter((r) => r.path === '/3.0/campaigns').map((r) => new URLSearchParams(r.query));
  const reads = (from: number) => sentSince(from).filter((r) => /^GET \/3\.0\/campaigns\/[^/]+$/.test(r));

  for (const shown of ['save', 'paused'] as const) {
    it(`suspends N campaigns with exactly N requests, one unschedule each (Mailchimp shows them ${shown})`, async () => {
      sim.world.setUnscheduledStatus(shown);
      const items = await scheduled(40);
      const from = sim.requests.length;
      await suspendAll(items);
      expect(sentSince(from)).toHaveLength(40);
      expect(sentSince(from).every((r) => /^POST \/3\.0\/campaigns\/[^/]+\/actions\/unschedule$/.test(r))).toBe(true);
      expect(sim.state().filter((r) => r.status === shown)).toHaveLength(40);
    });

    it(`inspects N suspended campaigns with about N/${LOOKUP_PAGE_SIZE} list requests, cut down to the observed fields (Mailchimp shows them ${shown})`, async () => {
      sim.world.setUnscheduledStatus(shown);
      const items = await scheduled(BULK.inspect);
      await suspendAll(items);
      // Drafts and paused campaigns of people's own share the pages.
      for (let i = 0; i < 120; i++) sim.world.addCampaign({ status: 'save', title: `Draft ${i}` });
      for (let i = 0; i < 5; i++) sim.world.addCampaign({ status: 'paused', title: `Paused by a person ${i}` });

      const from = sim.requests.length;
      const seen = await client.inspect(items.map(toRef));
      // 625 campaigns of one status and 5 of the other: 3 pages and 1, never a request a campaign.
      const pages = Math.ceil((BULK.inspect + 125) / LOOKUP_PAGE_SIZE) + 1;
      expect(sentSince(from)).toHaveLength(pages);
      expect(reads(from)).toEqual([]);
      for (const query of listQueries(from)) {
        expect(['save', 'paused']).toContain(query.get('status'));
        expect(query.get('count')).toBe(String(LOOKUP_PAGE_SIZE));
        expect(query.get('fields')!.split(',')).toEqual([...OBSERVED_CAMPAIGN_FIELDS.map((f) => `campaigns.${f}`), 'total_items']);
        expect(query.has('exclude_fields')).toBe(false);
      }
      expect(seen.map((o) => o.externalId)).toEqual(items.map((i) => i.externalId));
      for (const [n, item] of items.entries()) {
        expect(seen[n]).toEqual({ externalId: item.externalId, found: true, live: false, status: 'save', fingerprint: item.fingerprint, scheduledAt: null });
      }
      // What a page shows of a campaign is what reading it whole shows.
      for (const item of items.slice(0, 5)) expect((await client.inspect([toRef(item)]))[0]).toEqual(seen[items.indexOf(item)]);
    });
  }

  it('reads one by one only the campaigns not on those pages: scheduled again, sent, deleted', async () => {
    const items = await scheduled(300);
    await suspendAll(items);
    const [again, sent, deleted, edited] = items.slice(10, 14).map((i) => i.externalId) as [string, string, string, string];
    // People, in the Mailchimp app, while the campaigns are suspended:
    schedule(sim.world, again, { schedule_time: at(3 * DAY).toISOString() });
    sim.world.changeCampaign(sim.world.findCampaign(sent), (c) => Object.assign(c, { status: 'sent', sendTime: clock.now().toISOString() })); // "Send now"
    sim.world.removeCampaign(deleted);
    sim.world.changeCampaign(sim.world.findCampaign(edited), (c) => (c.settings.subject_line = 'A new subject'));

    const from = sim.requests.length;
    const seen = new Map((await client.inspect(items.map(toRef))).map((o) => [o.externalId, o]));
    expect(reads(from).sort()).toEqual([again, sent, deleted].map((id) => `GET /3.0/campaigns/${id}`).sort());
    expect(listQueries(from).length).toBeLessThanOrEqual(Math.ceil(300 / LOOKUP_PAGE_SIZE) + 1);
    expect(seen.get(again)).toMatchObject({ found: true, live: true, status: 'schedule', scheduledAt: at(3 * DAY).toISOString() });
    expect(seen.get(sent)).toMatchObject({ found: true, live: false, status: 'sent' });
    expect(seen.get(deleted)).toEqual({ externalId: deleted, found: false, live: false, status: null, fingerprint: null, scheduledAt: null });
    const edit = seen.get(edited)!;
    expect(edit).toMatchObject({ found: true, live: false, status: 'save' });
    expect(edit.fingerprint).not.toBe(items[13]!.fingerprint);
    expect([...seen.values()].filter((o) => o.found && !o.live && o.status === 'save')).toHaveLength(297);
  });

  it('reads a couple of campaigns one by one: pages would cost more', async () => {
    const items = await scheduled(2);
    await suspendAll(items);
    const from = sim.requests.length;
    await client.inspect(items.map(toRef));
    expect(sentSince(from).sort()).toEqual(items.map((i) => `GET /3.0/campaigns/${i.externalId}`).sort());
  });

  it('stops walking pages when the pages left would cost more than reading the missing campaigns one by one', async () => {
    const items = await scheduled(5);
    await suspendAll(items);
    // An account with 2,000 newer drafts: ours come last, newest first; after the first page,
    // 8 pages left to find 5 campaigns.
    clock.advance(HOUR);
    for (let i = 0; i < 2_000; i++) sim.world.addCampaign({ status: 'save', title: `Idea ${i}` });
    const from = sim.requests.length;
    const seen = await client.inspect(items.map(toRef));
    expect(listQueries(from)).toHaveLength(2); // the first page of each status
    expect(reads(from)).toHaveLength(5);
    expect(seen.every((o) => o.found && o.status === 'save')).toBe(true);
  });

  it('inspects one-off campaigns, RSS campaigns and automations in one call, each in its order', async () => {
    const campaigns = await scheduled(6);
    const rss = sim.world.addCampaign({ type: 'rss', status: 'sending', title: 'Blog roundup' });
    const automation = sim.world.addAutomation({ title: 'Welcome', emails: [{ subjectLine: 'Welcome!' }] });
    const items = await listLive(client, 'email');
    expect(items).toHaveLength(8);
    await suspendAll(items);
    const refs: ItemRef[] = items.map(toRef).reverse();
    const from = sim.requests.length;
    const seen = await client.inspect(refs);
    expect(seen.map((o) => o.externalId)).toEqual(refs.map((r) => r.externalId));
    expect(seen.find((o) => o.externalId === rss.id)).toMatchObject({ found: true, status: 'paused', live: false });
    expect(seen.find((o) => o.externalId === automation.id)).toMatchObject({ found: true, status: 'paused', live: false });
    for (const c of campaigns) expect(seen.find((o) => o.externalId === c.externalId)).toMatchObject({ status: 'save', fingerprint: c.fingerprint });
    // Two list pages for the seven campaigns; the automation is read with its emails.
    expect(sentSince(from).sort()).toEqual(['GET /3.0/automations/' + automation.id, `GET /3.0/automations/${automation.id}/emails`, 'GET /3.0/campaigns', 'GET /3.0/campaigns'].sort());
  });

  it('asks for a page cut down to a fraction of the whole campaigns', async () => {
    // What the adapter parses at once holds the event loop (the bench reports its stalls): a page
    // of 250 cut down to the observed fields is a third of the same page whole.
    for (let i = 0; i < LOOKUP_PAGE_SIZE; i++) sim.world.addCampaign({ status: 'save', title: `Draft ${i}`, segmentOpts: { match: 'any', conditions: [{ field: 'interests', op: 'interestcontains', value: ['a', 'b'] }] } });
    const fields = [...OBSERVED_CAMPAIGN_FIELDS.map((f) => `campaigns.${f}`), 'total_items'].join(',');
    const auth = { Authorization: `Basic ${Buffer.from(`x:${API_KEY}`).toString('base64')}` };
    const page = (query: string) => sim.fetch(new Request(`${BASE_URL}/3.0/campaigns?status=save&count=${LOOKUP_PAGE_SIZE}&${query}`, { headers: auth })).then((r) => r.text());
    const cut = await page(`fields=${fields}`);
    const whole = await page('exclude_fields=_links');
    const campaigns = campaignListSchema.parse(JSON.parse(cut)).campaigns;
    expect(campaigns).toHaveLength(LOOKUP_PAGE_SIZE);
    expect(cut.length).toBeLessThan(whole.length / 2.5);
    // …and still shows all an observation reads: the same as the whole campaign.
    const full = campaignListSchema.parse(JSON.parse(whole)).campaigns;
    for (const [n, c] of campaigns.entries()) expect(campaignObservation(c)).toEqual(campaignObservation(full[n]!));
  });
});
