// linkedin-ads writes: LinkedIn's 429s honoured (waited out, never failed), per-entity failures
// in a batch answer, exact restores, drift seen while suspended, and retries without double effect.
import { beforeEach, describe, expect, it } from 'vitest';
import { linkedInAds } from '../../adapters/linkedin-ads/adapter.js';
import { INFRA_THROTTLE_WAIT_MS } from '../../adapters/linkedin-ads/signals.js';
import { createLinkedInAdsSimulator, type LinkedInAdsSimulator } from '../../adapters/linkedin-ads/simulator.js';
import type { AdapterClient, LiveItem, Outcome, RestoreRequest } from '../../adapters/types.js';
import { retryBatch } from '../../src/pauses/with-retries.js';
import { ManualClock } from '../support/clock.js';
import { routeToSimulator, useMsw } from '../support/msw.js';
import { listAll, toRef } from './live-items.js';

const BASE_URL = 'https://api.linkedin.com';
const TOKEN = 'AQVfakeLinkedInTokenForWrites00000000002';
const ACCOUNT = '508100001';

const errorsOf = (outcomes: Outcome[]) => outcomes.flatMap((o) => (o.kind === 'error' ? [o] : []));
const restoreOf = (i: LiveItem, mayExist = false): RestoreRequest => ({ ...toRef(i), scheduledAt: null, mayExist });

describe('linkedin-ads writes', () => {
  const server = useMsw();
  let clock: ManualClock;
  let sim: LinkedInAdsSimulator;
  let client: AdapterClient;
  let listed: LiveItem[];

  beforeEach(async () => {
    clock = new ManualClock();
    sim = createLinkedInAdsSimulator({ clock, credentials: { accessToken: TOKEN }, accountIds: [ACCOUNT], seed: 'empty' });
    routeToSimulator(server, BASE_URL, sim);
    client = linkedInAds.connect({ connectionId: 'li-writes', accountIds: [ACCOUNT], settings: { apiVersion: '202610', pageSize: 100 }, credentials: { accessToken: TOKEN }, timeoutMs: 2_000, clock });
    for (let i = 0; i < 6; i++) sim.world.addCampaign({ name: `Campaign ${i}`, dailyBudget: { amount: `${50 + i}.00`, currencyCode: 'USD' } });
    listed = await listAll(client, 'ad');
  });

  it('sends one BATCH_PARTIAL_UPDATE per call, ids as a Rest.li list and a $set patch per entity', async () => {
    const outcomes = await client.suspend(listed.map(toRef));
    expect(outcomes.map((o) => o.kind)).toEqual(listed.map(() => 'ok'));
    const posts = sim.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.path).toBe(`/rest/adAccounts/${ACCOUNT}/adCampaigns`);
    expect(posts[0]!.query).toBe(`ids=List(${listed.map((i) => i.externalId).join(',')})`);
    expect(JSON.parse(posts[0]!.body)).toEqual({ entities: Object.fromEntries(listed.map((i) => [i.externalId, { patch: { $set: { status: 'PAUSED' } } }])) });
    expect(sim.state().every((r) => r.status === 'PAUSED')).toBe(true);
  });

  it("reads LinkedIn's 429 as rate_limited with a wait: a day limit until 00:00 UTC, another a minute, a Retry-After as sent", async () => {
    const waitOf = async (variant: string) => {
      sim.faults.inject({ kind: 'rate-limit', variant, method: 'POST' });
      const [outcome] = await client.suspend([toRef(listed[0]!)]);
      expect(outcome).toMatchObject({ kind: 'error', error: { code: 'rate_limited', retryable: true, ambiguous: false, httpStatus: 429, vendorCode: '101' } });
      return outcome!.kind === 'error' ? outcome!.error.retryAfterMs : undefined;
    };
    // the clock reads 2026-11-21T09:00Z: 15 hours to midnight UTC
    expect(await waitOf('application-day')).toBe(15 * 3_600_000);
    expect(await waitOf('member-day')).toBe(15 * 3_600_000);
    expect(await waitOf('infrastructure')).toBe(INFRA_THROTTLE_WAIT_MS);
    expect(await waitOf('with-retry-after')).toBe(2_000);
    expect(sim.state().every((r) => r.status === 'ACTIVE')).toBe(true);
  });

  it('waits out a throttled batch and then suspends every item (the core’s retries, on a fake sleep)', async () => {
    sim.faults.inject({ kind: 'rate-limit', variant: 'infrastructure', method: 'POST', times: 2 });
    const slept: number[] = [];
    const results = await retryBatch(listed.map(toRef), (batch) => client.suspend(batch), { retries: 0, backoffMs: 1_000, maxRetryWaitMs: 10 * 60_000, sleep: async (ms) => void slept.push(ms) }, { idempotent: true });
    expect(slept).toEqual([INFRA_THROTTLE_WAIT_MS, INFRA_THROTTLE_WAIT_MS]);
    expect(results.map((r) => r.outcome.kind)).toEqual(listed.map(() => 'ok'));
    expect(sim.state().every((r) => r.status === 'PAUSED')).toBe(true);
  });

  it('gives each item its own outcome when LinkedIn fails some entities of a batch', async () => {
    const [flaky, canceled, missing] = [listed[1]!, listed[2]!, listed[3]!];
    sim.world.failEntity(flaky.externalId);
    sim.world.setCampaignStatus(canceled.externalId, 'CANCELED');
    const ghost = { ...toRef(missing), externalId: '999999999' };
    const outcomes = await client.suspend([...listed.map(toRef), ghost]);
    const errors = errorsOf(outcomes);
    expect(errors.map((e) => e.externalId).sort()).toEqual([flaky.externalId, canceled.externalId, '999999999'].sort());
    expect(errors.find((e) => e.externalId === flaky.externalId)!.error).toMatchObject({ code: 'server_error', retryable: true, ambiguous: true });
    expect(errors.find((e) => e.externalId === canceled.externalId)!.error).toMatchObject({ code: 'invalid_request', retryable: false });
    expect(errors.find((e) => e.externalId === '999999999')!.error).toMatchObject({ code: 'not_found', retryable: false });
    expect(outcomes.filter((o) => o.kind === 'ok')).toHaveLength(4);
    expect(sim.world.campaign(canceled.externalId)!.status).toBe('CANCELED');
  });

  it('puts back exactly what it paused: same id, status and content; other fields untouched', async () => {
    const before = listed.map((i) => sim.world.campaign(i.externalId)!);
    await client.suspend(listed.map(toRef));
    const restored = await client.restore(listed.map((i) => restoreOf(i)));
    expect(restored.every((o) => o.kind === 'ok' && o.status === 'ACTIVE' && o.newExternalId === undefined)).toBe(true);
    listed.forEach((item, k) => {
      const { lastModified: _l, versionTag: _v, ...after } = sim.world.campaign(item.externalId)!;
      const { lastModified: _l0, versionTag: _v0, ...was } = before[k]!;
      expect(after).toEqual(was);
    });
    const observed = await client.inspect(listed.map(toRef));
    expect(observed.map((o) => o.fingerprint)).toEqual(listed.map((i) => i.fingerprint));
  });

  it('sees drift while suspended: a budget edit changes the fingerprint, a person re-activating shows live', async () => {
    const [edited, reactivated, gone] = [listed[0]!, listed[1]!, listed[2]!];
    await client.suspend(listed.map(toRef));
    sim.world.editCampaign(edited.externalId, { dailyBudget: { amount: '999.00', currencyCode: 'USD' } });
    sim.world.setCampaignStatus(reactivated.externalId, 'ACTIVE');
    sim.world.setCampaignStatus(gone.externalId, 'REMOVED');
    const [e, r, g, other] = await client.inspect([toRef(edited), toRef(reactivated), toRef(gone), { ...toRef(listed[3]!), externalId: '999999999' }]);
    expect(e).toMatchObject({ found: true, live: false, status: 'PAUSED' });
    expect(e!.fingerprint).not.toBe(edited.fingerprint);
    expect(r).toMatchObject({ found: true, live: true, status: 'ACTIVE', fingerprint: reactivated.fingerprint });
    expect(g).toMatchObject({ found: true, live: false, status: 'REMOVED' });
    expect(other).toMatchObject({ found: false, live: false, status: null });
    const reads = sim.requests.filter((x) => x.method === 'GET' && x.query.startsWith('ids='));
    expect(reads).toHaveLength(1);
  });

  it('retries without double effect: pausing twice is a no-op, a restore that may have landed reads first', async () => {
    const one = listed[0]!;
    await client.suspend([toRef(one)]);
    const version = sim.world.campaign(one.externalId)!.versionTag;
    expect(await client.suspend([toRef(one)])).toEqual([{ kind: 'ok', externalId: one.externalId, status: 'PAUSED' }]);
    expect(sim.world.campaign(one.externalId)!.versionTag).toBe(version);

    await client.restore([restoreOf(one)]);
    const posts = sim.requests.filter((r) => r.method === 'POST').length;
    const [again] = await client.restore([restoreOf(one, true)]);
    expect(again).toMatchObject({ kind: 'ok', status: 'ACTIVE', note: 'already ACTIVE; nothing written' });
    expect(sim.requests.filter((r) => r.method === 'POST').length).toBe(posts);

    // archived meanwhile by a person: a recovering restore leaves it alone and says so
    const two = listed[1]!;
    await client.suspend([toRef(two)]);
    sim.world.setCampaignStatus(two.externalId, 'ARCHIVED');
    const [archived] = await client.restore([restoreOf(two, true)]);
    expect(archived).toMatchObject({ kind: 'error', error: { code: 'invalid_state' } });
    expect(sim.world.campaign(two.externalId)!.status).toBe('ARCHIVED');
  });

  it('never writes a status other than ACTIVE or PAUSED, whatever a snapshot says', async () => {
    const item = listed[0]!;
    const forged = { ...restoreOf(item), snapshot: { ...item.snapshot, status: 'ARCHIVED' } };
    const [outcome] = await client.restore([forged]);
    expect(outcome).toMatchObject({ kind: 'error', error: { code: 'invalid_request', ambiguous: false } });
    expect(sim.requests.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('refuses an item of an ad account the connection does not cover, before any request', async () => {
    const item = listed[0]!;
    const [outcome] = await client.suspend([{ ...toRef(item), snapshot: { ...item.snapshot, accountId: '508999999' } }]);
    expect(outcome).toMatchObject({ kind: 'error', error: { code: 'invalid_request' } });
    expect(sim.requests.filter((r) => r.method === 'POST')).toEqual([]);
  });
});
