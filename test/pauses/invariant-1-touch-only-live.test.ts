// Invariant 1: a pause suspends only what was live; what people had paused is never touched.
import { afterEach, describe, expect, it } from 'vitest';
import { useMsw } from '../support/msw.js';
import { liveIds, startHarness, type Harness } from '../support/service.js';

describe('invariant 1: touch only what was live', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  it('suspends every live item at severity 3 and leaves the rest exactly as they were', async () => {
    h = await startHarness(server);
    const before = h.state();
    const notLive = Object.values(before).flat().filter((r) => !r.live);
    expect(notLive.length).toBeGreaterThan(0);

    const pause = await h.pause(3);
    expect(pause.state).toBe('active');
    expect(pause.counts.total).toBe(liveIds(before).length);
    expect(pause.counts.byState.suspended).toBe(pause.counts.total);

    const during = h.state();
    expect(liveIds(during)).toEqual([]);
    for (const [connection, rows] of Object.entries(before))
      for (const row of rows.filter((r) => !r.live)) expect(during[connection]).toContainEqual(row);

    const items = await h.items(pause.id);
    const suspendedIds = items.map((i) => `${i.connectionId}/${i.externalId}`).sort();
    expect(suspendedIds).toEqual(liveIds(before).sort());

    await h.resume(pause.id);
    const after = h.state();
    for (const [connection, rows] of Object.entries(before))
      for (const row of rows.filter((r) => !r.live)) expect(after[connection]).toContainEqual(row);
  });

  it.each([
    [1, ['post']],
    [2, ['post', 'ad']],
    [3, ['post', 'ad', 'email']],
  ])('severity %i suspends only %j', async (severity, kinds) => {
    h = await startHarness(server);
    const before = h.state();
    await h.pause(severity);
    const during = h.state();
    for (const [connection, rows] of Object.entries(before)) {
      for (const row of rows) {
        const now = during[connection]!.find((r) => r.id === row.id);
        if (row.live && kinds.includes(row.kind)) expect(now?.live ?? false).toBe(false);
        else expect(now).toEqual(row);
      }
    }
  });

  it('leaves a campaign a person paused alone through pause and resume', async () => {
    h = await startHarness(server);
    const before = h.state()['meta-ads-acme']!;
    const personPaused = before.filter((r) => !r.live && r.status === 'PAUSED');
    expect(personPaused.length).toBeGreaterThan(0);
    const pause = await h.pause(2);
    const items = await h.items(pause.id);
    for (const row of personPaused) expect(items.some((i) => i.externalId === row.id)).toBe(false);
    await h.resume(pause.id);
    const after = h.state()['meta-ads-acme']!;
    for (const row of personPaused) expect(after).toContainEqual(row);
  });

  it('scopes a pause to named connections or to tags', async () => {
    h = await startHarness(server);
    const before = h.state();
    const pause = await h.pause(3, { scope: { connections: ['meta-ads-acme'] } });
    expect(pause.connectionIds).toEqual(['meta-ads-acme']);
    const during = h.state();
    expect(during['hootsuite-acme']).toEqual(before['hootsuite-acme']);
    expect(during['mailchimp-acme']).toEqual(before['mailchimp-acme']);
    expect(during['meta-ads-acme']!.filter((r) => r.live)).toEqual([]);

    const tagged = await h.call('POST', '/v1/pauses', { severity: 1, reason: 'tags', scope: { tags: ['brand:acme'] }, dryRun: true });
    expect(tagged.status).toBe(200);
    expect(tagged.body.plan.connectionIds).toEqual(['hootsuite-acme', 'mailchimp-acme', 'meta-ads-acme']);
  });

  it('a dry run lists what would be suspended and changes nothing', async () => {
    h = await startHarness(server);
    const before = h.state();
    const response = await h.call('POST', '/v1/pauses', { severity: 'red-alert', reason: 'what if', dryRun: true });
    expect(response.status).toBe(200);
    expect(response.body.outcome).toBe('dry-run');
    expect(response.body.plan.total).toBe(liveIds(before).length);
    expect(response.body.plan.items[0]).not.toHaveProperty('snapshot');
    expect(h.state()).toEqual(before);
    expect((await h.call('GET', '/v1/pauses')).body.data).toEqual([]);
  });
});
