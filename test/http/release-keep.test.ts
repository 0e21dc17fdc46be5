// POST /v1/pauses/:id/items/:itemId/release and …/keep on an item of a pause in force.
import { afterEach, describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../support/clock.js';
import { useMsw } from '../support/msw.js';
import { startHarness, type Harness } from '../support/service.js';

describe('release and keep', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  const row = (connectionId: string, id: string) => h.state()[connectionId]!.find((r) => r.id === id);

  it('release without a time puts a suspended item back at its own time; the pause stays active', async () => {
    h = await startHarness(server);
    const pause = await h.pause(3);
    const items = await h.items(pause.id, '&kind=email');
    const email = items.find((i) => i.scheduledAt !== null)!;
    const before = row('mailchimp-acme', email.externalId)!;
    expect(before.live).toBe(false);
    const reply = await h.call('POST', `/v1/pauses/${pause.id}/items/${email.id}/release`);
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.body)).toEqual(['item']);
    expect(reply.body.item).toMatchObject({ id: email.id, state: 'restored', restoredScheduledAt: email.scheduledAt });
    expect(reply.body.item).not.toHaveProperty('snapshot');
    expect(row('mailchimp-acme', email.externalId)).toMatchObject({ live: true, scheduledAt: email.scheduledAt, fingerprint: email.fingerprint });
    expect((await h.call('GET', `/v1/pauses/${pause.id}`)).body.state).toBe('active');
  });

  it('release at a new time moves the send time there', async () => {
    h = await startHarness(server);
    const pause = await h.pause(1);
    const [post] = await h.items(pause.id);
    const at = new Date(h.clock.now().getTime() + 2 * DAY + 3 * HOUR).toISOString();
    const reply = await h.call('POST', `/v1/pauses/${pause.id}/items/${post!.id}/release`, { scheduledAt: at });
    expect(reply.status).toBe(200);
    expect(reply.body.item).toMatchObject({ state: 'restored', restoredScheduledAt: at, newExternalId: expect.any(String) });
    expect(row('hootsuite-acme', reply.body.item.newExternalId)).toMatchObject({ live: true, scheduledAt: at });
  });

  it('takes a time with an offset', async () => {
    h = await startHarness(server);
    const pause = await h.pause(1);
    const [post] = await h.items(pause.id);
    const reply = await h.call('POST', `/v1/pauses/${pause.id}/items/${post!.id}/release`, { scheduledAt: '2026-11-25T12:00:00+02:00' });
    expect(reply.status).toBe(200);
    expect(reply.body.item.restoredScheduledAt).toBe('2026-11-25T10:00:00.000Z');
  });

  it('release of an item with no send time (a campaign) restores its status', async () => {
    h = await startHarness(server);
    const pause = await h.pause(2, { scope: { connections: ['meta-ads-acme'] } });
    const [ad] = await h.items(pause.id);
    expect(ad!.scheduledAt).toBeNull();
    const reply = await h.call('POST', `/v1/pauses/${pause.id}/items/${ad!.id}/release`, {});
    expect(reply.status).toBe(200);
    expect(reply.body.item).toMatchObject({ state: 'restored', restoredScheduledAt: null });
    expect(row('meta-ads-acme', ad!.externalId)).toMatchObject({ live: true, status: ad!.originalStatus });
  });

  it('keep marks a suspended item kept and leaves it suspended; a kept item can still be released', async () => {
    h = await startHarness(server);
    const pause = await h.pause(2, { scope: { connections: ['meta-ads-acme'] } });
    const [ad] = await h.items(pause.id);
    const world = h.state();
    const kept = await h.call('POST', `/v1/pauses/${pause.id}/items/${ad!.id}/keep`);
    expect(kept.status).toBe(200);
    expect(kept.body.item).toMatchObject({ id: ad!.id, state: 'kept' });
    expect(kept.body.item).not.toHaveProperty('snapshot');
    expect(h.state()).toEqual(world);
    expect((await h.call('GET', `/v1/pauses/${pause.id}`)).body.counts.byState.kept).toBe(1);

    const released = await h.call('POST', `/v1/pauses/${pause.id}/items/${ad!.id}/release`);
    expect(released.status).toBe(200);
    expect(released.body.item.state).toBe('restored');
    expect(row('meta-ads-acme', ad!.externalId)?.live).toBe(true);
  });

  it('keep takes an empty JSON body too', async () => {
    h = await startHarness(server);
    const pause = await h.pause(1);
    const [post] = await h.items(pause.id);
    const reply = await h.call('POST', `/v1/pauses/${pause.id}/items/${post!.id}/keep`, {});
    expect(reply.status).toBe(200);
    expect(reply.body.item.state).toBe('kept');
  });
});
