// Invariant 4: an item whose time passed while suspended never fires by surprise.
import { afterEach, describe, expect, it } from 'vitest';
import { DAY, MINUTE } from '../support/clock.js';
import { useMsw } from '../support/msw.js';
import { startHarness, type Harness } from '../support/service.js';

describe('invariant 4: missed items never fire by surprise', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  /** Pauses at severity 3, lets three days pass, and returns the items whose time passed. */
  async function pauseAndWait(days = 3) {
    h = await startHarness(server);
    const pause = await h.pause(3);
    h.clock.advance(days * DAY);
    const now = h.clock.now().getTime();
    const items = await h.items(pause.id);
    const missed = items.filter((i) => i.scheduledAt !== null && Date.parse(i.scheduledAt) < now + 5 * MINUTE);
    expect(missed.length).toBeGreaterThan(0);
    expect(missed.some((i) => i.kind === 'post') && missed.some((i) => i.kind === 'email')).toBe(true);
    return { pause, items, missed };
  }

  const liveRow = (connectionId: string, externalId: string) =>
    h.state()[connectionId]!.find((r) => r.id === externalId && r.live);

  it('holds them by default, listed for a person, while everything else goes back', async () => {
    const { pause, missed } = await pauseAndWait();
    const resumed = await h.resume(pause.id);
    expect(resumed.state).toBe('resumed');
    expect(resumed.counts.byState.missed).toBe(missed.length);
    expect(resumed.counts.byState.restored).toBe(pause.counts.total - missed.length);
    const held = await h.items(pause.id, '&state=missed');
    expect(held.map((i) => i.id).sort()).toEqual(missed.map((i) => i.id).sort());
    for (const item of held) expect(item.newExternalId).toBeNull();
    // Nothing with a past time is live again on any platform.
    const now = h.clock.now().toISOString();
    for (const rows of Object.values(h.state())) for (const row of rows) if (row.live && row.scheduledAt) expect(row.scheduledAt > now).toBe(true);
  });

  it('a person releases a missed item at a new time, or now, and keeps another', async () => {
    const { pause } = await pauseAndWait();
    await h.resume(pause.id);
    const [post, other] = await h.items(pause.id, '&state=missed&kind=post');
    const [email] = await h.items(pause.id, '&state=missed&kind=email');
    const at = new Date(h.clock.now().getTime() + 2 * DAY + 7 * MINUTE);
    const released = await h.call('POST', `/v1/pauses/${pause.id}/items/${post!.id}/release`, { scheduledAt: at.toISOString() });
    expect(released.status).toBe(200);
    expect(released.body.item.state).toBe('restored');
    const expected = new Date(Math.ceil(at.getTime() / MINUTE) * MINUTE).toISOString();
    expect(released.body.item.restoredScheduledAt).toBe(expected);
    expect(liveRow('hootsuite-acme', released.body.item.newExternalId)?.scheduledAt).toBe(expected);

    const now = await h.call('POST', `/v1/pauses/${pause.id}/items/${email!.id}/release`);
    expect(now.status).toBe(200);
    const sentAt = Date.parse(now.body.item.restoredScheduledAt);
    expect(sentAt).toBeGreaterThanOrEqual(h.clock.now().getTime() + 5 * MINUTE);
    expect(new Date(sentAt).getUTCMinutes() % 15).toBe(0); // Mailchimp's quarter hours
    expect(liveRow('mailchimp-acme', email!.externalId)?.scheduledAt).toBe(now.body.item.restoredScheduledAt);

    if (other) {
      const kept = await h.call('POST', `/v1/pauses/${pause.id}/items/${other.id}/keep`);
      expect(kept.status).toBe(200);
      expect(kept.body.item.state).toBe('kept');
      const again = await h.call('POST', `/v1/pauses/${pause.id}/items/${other.id}/keep`);
      expect(again.status).toBe(409);
    }
  });

  it('refuses a new time too close to now and changes nothing', async () => {
    const { pause } = await pauseAndWait();
    await h.resume(pause.id);
    const [post] = await h.items(pause.id, '&state=missed&kind=post');
    const before = h.state();
    const soon = new Date(h.clock.now().getTime() + MINUTE).toISOString();
    const response = await h.call('POST', `/v1/pauses/${pause.id}/items/${post!.id}/release`, { scheduledAt: soon });
    expect(response.status).toBe(422);
    expect(response.body.error.message).toMatch(/at least 5 minutes/);
    expect(h.state()).toEqual(before);
    expect((await h.items(pause.id, '&state=missed')).some((i) => i.id === post!.id)).toBe(true);
  });

  it('`shift` moves each missed item by the length of the pause', async () => {
    const { pause, missed } = await pauseAndWait();
    const resumed = await h.resume(pause.id, { missed: 'shift' });
    expect(resumed.counts.byState.missed).toBe(0);
    const shift = h.clock.now().getTime() - Date.parse(pause.createdAt);
    for (const original of missed) {
      const item = (await h.items(pause.id)).find((i) => i.id === original.id)!;
      const shifted = Date.parse(original.scheduledAt) + shift;
      expect(Date.parse(item.restoredScheduledAt)).toBeGreaterThanOrEqual(shifted);
      expect(Date.parse(item.restoredScheduledAt) - shifted).toBeLessThan(15 * MINUTE);
      const id = item.newExternalId ?? item.externalId;
      expect(liveRow(item.connectionId, id)?.scheduledAt).toBe(item.restoredScheduledAt);
    }
  });

  it('`now` sends each missed item at the earliest time its platform takes', async () => {
    const { pause, missed } = await pauseAndWait();
    await h.resume(pause.id, { missed: 'now' });
    let timewarp = 0;
    for (const original of missed) {
      const item = (await h.items(pause.id)).find((i) => i.id === original.id)!;
      expect(item.state, JSON.stringify(item)).toBe('restored');
      // Mailchimp wants Timewarp campaigns 24 hours ahead; everything else 5 minutes.
      const stored = await h.store.getItem(item.id);
      const lead = stored!.snapshot.timewarp === true ? (timewarp++, DAY) : 5 * MINUTE;
      const earliest = h.clock.now().getTime() + lead;
      expect(Date.parse(item.restoredScheduledAt)).toBeGreaterThanOrEqual(earliest);
      expect(Date.parse(item.restoredScheduledAt)).toBeLessThan(earliest + 15 * MINUTE);
    }
    expect(timewarp).toBeGreaterThan(0);
  });

  it('items still ahead go back at exactly their own time', async () => {
    const { pause, items, missed } = await pauseAndWait();
    await h.resume(pause.id);
    const ahead = items.filter((i) => i.scheduledAt !== null && !missed.some((m) => m.id === i.id));
    expect(ahead.length).toBeGreaterThan(0);
    for (const original of ahead) {
      const item = (await h.items(pause.id)).find((i) => i.id === original.id)!;
      expect(item.restoredScheduledAt).toBe(original.scheduledAt);
    }
  });
});
