// 409: keep or release an item in the wrong state; resume single items of a pause still suspending.
import { http } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { DAY } from '../support/clock.js';
import { useMsw } from '../support/msw.js';
import { SANDBOX_URL, startHarness, type Harness } from '../support/service.js';
import { expectError, expectUnchanged, worldOf } from './assertions.js';

describe('409 conflict', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  async function conflict(method: string, url: string, body?: unknown) {
    const before = await worldOf(h);
    const error = expectError(await h.call(method, url, body), 409, 'conflict');
    await expectUnchanged(h, before);
    return error;
  }

  it('keep and release of a restored item', async () => {
    h = await startHarness(server);
    const pause = await h.pause(2, { scope: { connections: ['meta-ads-acme'] } });
    await h.resume(pause.id);
    const [item] = await h.items(pause.id, '&state=restored');
    const keep = await conflict('POST', `/v1/pauses/${pause.id}/items/${item!.id}/keep`);
    expect(keep.message).toBe(`item ${item!.id} is restored; only suspended, missed items can be kept`);
    const release = await conflict('POST', `/v1/pauses/${pause.id}/items/${item!.id}/release`);
    expect(release.message).toBe(`item ${item!.id} is restored; only suspended, missed, kept items can be released`);
  });

  it('keep of a kept item, and keep or release of a failed one', async () => {
    h = await startHarness(server);
    const mailchimp = h.sandbox.simulators.get('mailchimp-acme')!;
    mailchimp.faults.inject({ kind: 'server-error', method: 'POST', times: Infinity });
    const pause = await h.pauseIncomplete(3);
    mailchimp.faults.clear();
    const [failed] = await h.items(pause.id, '&state=failed');
    expect(failed).toBeDefined();
    await conflict('POST', `/v1/pauses/${pause.id}/items/${failed!.id}/keep`);
    await conflict('POST', `/v1/pauses/${pause.id}/items/${failed!.id}/release`);

    const [post] = await h.items(pause.id, '&kind=post');
    expect((await h.call('POST', `/v1/pauses/${pause.id}/items/${post!.id}/keep`)).status).toBe(200);
    expect((await conflict('POST', `/v1/pauses/${pause.id}/items/${post!.id}/keep`)).message).toMatch(/is kept/);
  });

  it('resume of single items that are not suspended any more, listing them', async () => {
    h = await startHarness(server);
    const pause = await h.pause(3);
    h.clock.advance(3 * DAY);
    const [done, still] = await h.items(pause.id, '&kind=ad');
    await h.resume(pause.id, { items: [done!.id] });
    const error = await conflict('POST', `/v1/pauses/${pause.id}/resume`, { items: [done!.id, still!.id] });
    expect(error.details).toEqual({ items: [{ id: done!.id, state: 'restored' }] });
    // Missed items are released or kept, not resumed.
    await h.resume(pause.id);
    const [missed] = await h.items(pause.id, '&state=missed');
    expect(missed).toBeDefined();
    const held = await conflict('POST', `/v1/pauses/${pause.id}/resume`, { items: [missed!.id] });
    expect(held.message).toMatch(/release or keep missed items instead/);
    expect(held.details).toEqual({ items: [{ id: missed!.id, state: 'missed' }] });
  });

  it('resume of single items while the pause is still suspending', async () => {
    h = await startHarness(server);
    // Hold every change on the platforms (listing goes through) so the pause stays `suspending`.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    server.use(
      http.all(`${SANDBOX_URL}/*`, async ({ request }) => {
        if (request.method !== 'GET') await gate;
        // nothing returned: msw hands the request on to the sandbox
      }),
    );
    const started = await h.call('POST', '/v1/pauses', { severity: 1, reason: 'r', scope: { connections: ['hootsuite-acme'] } });
    expect(started.status).toBe(202);
    const pauseId = started.body.pause.id as string;
    // Listed and claimed, but held back from the platform: the pause is `suspending`.
    for (let i = 0; i < 500 && (await h.store.getPause(pauseId))!.listings.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    const suspending = structuredClone(await h.store.getPause(pauseId));
    expect(suspending!.state).toBe('suspending');
    const items = structuredClone(await h.store.itemsOfPause(pauseId));
    expect(items.length).toBeGreaterThan(0);
    const audit = (await h.store.listAudit({ limit: 100_000 })).data.length;

    const reply = await h.call('POST', `/v1/pauses/${pauseId}/resume`, { items: [items[0]!.id] });
    const error = expectError(reply, 409, 'conflict');
    expect(error.message).toBe(`pause ${pauseId} is still suspending; resume single items once it is active`);
    expect(await h.store.getPause(pauseId)).toEqual(suspending);
    expect(await h.store.itemsOfPause(pauseId)).toEqual(items);
    expect((await h.store.listAudit({ limit: 100_000 })).data.length).toBe(audit);

    release();
    await h.service.pauses.idle();
    const after = (await h.call('GET', `/v1/pauses/${pauseId}`)).body;
    expect(after).toMatchObject({ state: 'active', resume: null });
    expect(after.counts.byState.suspended).toBe(items.length);
  });
});
