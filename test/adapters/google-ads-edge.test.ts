// google-ads edge cases: partial failures placed by operation index, restore exactness, drift,
// idempotent retries, and REMOVED never written whatever a snapshot says.
import { beforeEach, describe, expect, it } from 'vitest';
import type { ItemRef, LiveItem } from '../../adapters/types.js';
import { useMsw } from '../support/msw.js';
import { CUSTOMERS, setUp, type Setup } from './google-ads-fixture.js';
import { listAll, toRef } from './live-items.js';

const restoreOf = (item: LiveItem, mayExist = false) => ({ ...toRef(item), scheduledAt: null, mayExist });

describe('google-ads edge cases', () => {
  const server = useMsw();
  let t: Setup;
  let ids: string[];
  let items: LiveItem[];

  beforeEach(async () => {
    t = setUp(server);
    const [first, second] = CUSTOMERS.map((c) => t.sim.world.addCustomer(c));
    ids = [0, 1, 2, 3].map((i) => t.sim.world.addCampaign({ customerId: i < 3 ? first : second, name: `Campaign ${i}` }));
    t.sim.world.addCampaign({ customerId: first, name: 'Paused by a person', status: 'PAUSED' });
    items = await listAll(t.client, 'ad');
  });

  const mutateBodies = () => t.sim.requests.filter((r) => r.path.endsWith('campaigns:mutate')).map((r) => JSON.parse(r.body) as { operations: Array<Record<string, unknown>>; partialFailure: boolean });

  it('pauses in one mutate per customer with updateMask status and partial failure, and a restore puts back exactly what was', async () => {
    const before = t.sim.state();
    const paused = await t.client.suspend(items.map(toRef));
    expect(paused.map((o) => [o.externalId, o.kind, o.kind === 'ok' && o.status])).toEqual(items.map((i) => [i.externalId, 'ok', 'PAUSED']));
    const bodies = mutateBodies();
    expect(bodies.length).toBe(2);
    expect(bodies[0]).toEqual({
      operations: ids.slice(0, 3).map((id) => ({ updateMask: 'status', update: { resourceName: `customers/1234567890/campaigns/${id}`, status: 'PAUSED' } })),
      partialFailure: true,
    });
    await t.client.restore(items.map((i) => restoreOf(i)));
    expect(t.sim.state()).toEqual(before);
  });

  it('places each failure of a partial failure on its own item; the others go through', async () => {
    t.sim.world.setCampaignStatus(ids[1]!, 'REMOVED'); // removed by a person after the listing
    const wrongCustomer: ItemRef = { ...toRef(items[2]!), snapshot: { ...items[2]!.snapshot, customerId: '2345678901' } };
    const outcomes = await t.client.suspend([toRef(items[0]!), toRef(items[1]!), wrongCustomer, toRef(items[3]!)]);
    expect(outcomes.map((o) => (o.kind === 'ok' ? 'ok' : o.error.code))).toEqual(['ok', 'invalid_state', 'not_found', 'ok']);
    const removed = outcomes[1]!;
    expect(removed.kind === 'error' && removed.error).toMatchObject({ retryable: false, ambiguous: false, vendorCode: 'operationAccessDeniedError.OPERATION_NOT_PERMITTED_FOR_REMOVED_RESOURCE' });
    expect(t.sim.world.campaign(ids[0]!)!.status).toBe('PAUSED');
    expect(t.sim.world.campaign(ids[1]!)!.status).toBe('REMOVED');
    expect(t.sim.world.campaign(ids[2]!)!.status).toBe('ENABLED');
    expect(t.sim.world.campaign(ids[3]!)!.status).toBe('PAUSED');
  });

  it('fails every item of a mutate that fails whole, as possibly applied', async () => {
    t.sim.faults.inject({ kind: 'server-error', path: /campaigns:mutate$/, applied: true });
    const outcomes = await t.client.suspend(items.slice(0, 3).map(toRef));
    for (const o of outcomes) expect(o).toMatchObject({ kind: 'error', error: { code: 'server_error', retryable: true, ambiguous: true } });
    // the retry the core makes is harmless: setting PAUSED again is the same state
    expect((await t.client.suspend(items.slice(0, 3).map(toRef))).every((o) => o.kind === 'ok')).toBe(true);
    expect(ids.slice(0, 3).map((id) => t.sim.world.campaign(id)!.status)).toEqual(['PAUSED', 'PAUSED', 'PAUSED']);
  });

  it('sees drift while suspended: an edit changes the fingerprint, a person enabling it makes it live', async () => {
    await t.client.suspend(items.map(toRef));
    t.sim.world.editCampaign(ids[0]!, { name: 'Renamed during the crisis' });
    t.sim.world.setCampaignStatus(ids[1]!, 'ENABLED');
    t.sim.world.setCampaignStatus(ids[2]!, 'REMOVED');
    const seen = await t.client.inspect(items.map(toRef));
    expect(seen[0]).toMatchObject({ found: true, live: false, status: 'PAUSED' });
    expect(seen[0]!.fingerprint).not.toBe(items[0]!.fingerprint);
    expect(seen[1]).toMatchObject({ found: true, live: true, status: 'ENABLED', fingerprint: items[1]!.fingerprint });
    expect(seen[2]).toMatchObject({ found: true, live: false, status: 'REMOVED' });
    expect(seen[3]).toMatchObject({ found: true, live: false, status: 'PAUSED', fingerprint: items[3]!.fingerprint });
    // inspect is one query per customer, by id
    const reads = t.sim.requests.filter((r) => r.path.endsWith('googleAds:search')).slice(-2).map((r) => (JSON.parse(r.body) as { query: string }).query);
    expect(reads[0]).toMatch(new RegExp(`WHERE campaign.id IN \\(${ids.slice(0, 3).join(', ')}\\)$`));
  });

  it('after an unclear restore, reads first and writes only what is not back; a removed campaign is reported, never touched', async () => {
    await t.client.suspend(items.map(toRef));
    t.sim.world.setCampaignStatus(ids[0]!, 'ENABLED'); // the earlier restore had landed
    t.sim.world.setCampaignStatus(ids[2]!, 'REMOVED');
    const writesBefore = mutateBodies().length;
    const outcomes = await t.client.restore(items.map((i) => restoreOf(i, true)));
    expect(outcomes.map((o) => (o.kind === 'ok' ? o.note ?? 'ok' : o.error.code))).toEqual(['already ENABLED; nothing written', 'ok', 'invalid_state', 'ok']);
    const writes = mutateBodies().slice(writesBefore);
    expect(writes.flatMap((b) => b.operations.map((o) => (o['update'] as { resourceName: string }).resourceName.split('/').at(-1)))).toEqual([ids[1], ids[3]]);
  });

  it('never writes REMOVED, never sends a remove operation: a snapshot saying REMOVED is refused before any request', async () => {
    const forged = { ...restoreOf(items[0]!), snapshot: { ...items[0]!.snapshot, status: 'REMOVED' } };
    const [outcome] = await t.client.restore([forged]);
    expect(outcome).toMatchObject({ kind: 'error', error: { code: 'invalid_request', retryable: false } });
    await t.client.suspend(items.map(toRef));
    await t.client.restore(items.map((i) => restoreOf(i)));
    for (const body of mutateBodies()) {
      for (const op of body.operations) {
        expect(Object.keys(op).sort()).toEqual(['update', 'updateMask']);
        expect(['ENABLED', 'PAUSED']).toContain((op['update'] as { status: string }).status);
      }
    }
  });

  it('refuses items it cannot write without a request: another platform, a bad id, a foreign snapshot', async () => {
    const ref = toRef(items[0]!);
    const outcomes = await t.client.suspend([
      { ...ref, objectType: 'ad_group' },
      { ...ref, externalId: '12; DROP' },
      { ...ref, snapshot: { schema: 'meta-ads/campaign@1' } },
    ]);
    expect(outcomes.map((o) => o.kind === 'error' && o.error.code)).toEqual(['invalid_request', 'invalid_request', 'invalid_request']);
    expect(mutateBodies()).toEqual([]);
  });
});
