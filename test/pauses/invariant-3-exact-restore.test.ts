// Invariant 3: resume puts back exactly what was suspended; drifted items are reported, never overwritten.
import { afterEach, describe, expect, it } from 'vitest';
import { useMsw } from '../support/msw.js';
import { setMetaCampaign } from '../support/platform.js';
import { comparableWorld, startHarness, type Harness } from '../support/service.js';

describe('invariant 3: exact restore', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  it('after pause then resume the platforms hold what they held before, re-created ids recorded', async () => {
    h = await startHarness(server);
    const before = h.state();
    const pause = await h.pause(3);
    const resumed = await h.resume(pause.id);
    expect(resumed.state).toBe('resumed');
    expect(resumed.counts.byState.restored).toBe(pause.counts.total);
    expect(comparableWorld(h.state())).toEqual(comparableWorld(before));

    const posts = await h.items(pause.id, '&kind=post');
    expect(posts.length).toBeGreaterThan(0);
    const hootsuiteNow = h.state()['hootsuite-acme']!.map((r) => r.id);
    for (const post of posts) {
      expect(post.newExternalId).toBeTruthy();
      expect(post.newExternalId).not.toBe(post.externalId);
      expect(hootsuiteNow).toContain(post.newExternalId);
      expect(post.restoredScheduledAt).toBe(post.scheduledAt);
    }
  });

  it('reports a campaign whose budget a person changed while suspended, and leaves it alone', async () => {
    h = await startHarness(server);
    const pause = await h.pause(2);
    const ads = await h.items(pause.id, '&kind=ad');
    const changed = ads[0]!;
    await setMetaCampaign(h.sandbox, changed.externalId, { daily_budget: '123456' });
    const drifted = h.state()['meta-ads-acme']!.find((r) => r.id === changed.externalId)!;

    const resumed = await h.resume(pause.id);
    expect(resumed.counts.byState.drifted).toBe(1);
    expect(resumed.counts.byState.restored).toBe(pause.counts.total - 1);
    const item = (await h.items(pause.id, '&state=drifted'))[0]!;
    expect(item.externalId).toBe(changed.externalId);
    expect(item.note).toMatch(/content was changed/);
    // Not overwritten: still paused, with the person's budget.
    expect(h.state()['meta-ads-acme']!.find((r) => r.id === changed.externalId)).toEqual(drifted);
  });

  it('reports a campaign a person set to another status while suspended', async () => {
    h = await startHarness(server);
    const pause = await h.pause(2);
    const ad = (await h.items(pause.id, '&kind=ad'))[1]!;
    await setMetaCampaign(h.sandbox, ad.externalId, { status: 'ARCHIVED' });
    await h.resume(pause.id);
    const item = (await h.items(pause.id, '&state=drifted'))[0]!;
    expect(item.externalId).toBe(ad.externalId);
    expect(item.note).toMatch(/ARCHIVED/);
    expect(h.state()['meta-ads-acme']!.find((r) => r.id === ad.externalId)!.status).toBe('ARCHIVED');
  });

  it('counts a campaign a person already re-activated as back, without touching it', async () => {
    h = await startHarness(server);
    const pause = await h.pause(2);
    const ad = (await h.items(pause.id, '&kind=ad'))[0]!;
    await setMetaCampaign(h.sandbox, ad.externalId, { status: 'ACTIVE' });
    const batchesBefore = h.sandbox.simulators.get('meta-ads-acme')!.requests.filter((r) => r.method === 'POST').length;
    await h.resume(pause.id);
    const item = (await h.items(pause.id)).find((i) => i.externalId === ad.externalId)!;
    expect(item.state).toBe('restored');
    expect(item.note).toMatch(/already back/);
    // The other campaigns went back in one batch that did not name this one.
    const batches = h.sandbox.simulators.get('meta-ads-acme')!.requests.filter((r) => r.method === 'POST').slice(batchesBefore);
    expect(batches.length).toBeGreaterThan(0);
    for (const batch of batches) expect(decodeURIComponent(batch.body)).not.toContain(ad.externalId);
  });

  it('resumes only the items asked for, and the pause stays active', async () => {
    h = await startHarness(server);
    const pause = await h.pause(3);
    const [first, second] = await h.items(pause.id, '&kind=email');
    const partial = await h.resume(pause.id, { items: [first!.id, second!.id] });
    expect(partial.state).toBe('active');
    expect(partial.counts.byState.restored).toBe(2);
    const live = h.state()['mailchimp-acme']!.filter((r) => r.live).map((r) => r.id).sort();
    expect(live).toEqual([first!.externalId, second!.externalId].sort());
    const rest = await h.resume(pause.id);
    expect(rest.state).toBe('resumed');
    expect(rest.counts.byState.restored).toBe(pause.counts.total);
  });

  it('a resume dry run says what would happen and changes nothing', async () => {
    h = await startHarness(server);
    const pause = await h.pause(3);
    const during = h.state();
    const response = await h.call('POST', `/v1/pauses/${pause.id}/resume`, { dryRun: true });
    expect(response.status).toBe(200);
    expect(response.body.steps).toHaveLength(pause.counts.total);
    expect(new Set(response.body.steps.map((s: { action: string }) => s.action))).toEqual(new Set(['restore']));
    expect(h.state()).toEqual(during);
    expect((await h.call('GET', `/v1/pauses/${pause.id}`)).body.state).toBe('active');
  });
});
