// 422: well-formed requests the service cannot act on; each changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { MINUTE } from '../support/clock.js';
import { useMsw } from '../support/msw.js';
import { startHarness, type Harness } from '../support/service.js';
import { expectError, expectUnchanged, worldOf } from './assertions.js';

describe('422 unprocessable', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  async function unprocessable(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const before = await worldOf(h);
    const error = expectError(await h.call(method, url, body, headers), 422, 'unprocessable');
    await expectUnchanged(h, before);
    return error;
  }

  it.each([4, 9, 'purple', '7', 'RED-ALERT'])('an unknown severity (%j), listing the known ones', async (severity) => {
    h = await startHarness(server);
    await h.pause(1);
    for (const dryRun of [false, true]) {
      const error = await unprocessable('POST', '/v1/pauses', { severity, reason: 'r', dryRun });
      expect(error.message).toBe(`unknown severity ${JSON.stringify(severity)}; known: 1 (watch), 2 (crisis), 3 (red-alert)`);
    }
  });

  it('an unknown connection in scope, named in details', async () => {
    h = await startHarness(server);
    const error = await unprocessable('POST', '/v1/pauses', { severity: 3, reason: 'r', scope: { connections: ['meta-ads-acme', 'tiktok-acme', 'x-acme'] } });
    expect(error.message).toBe('unknown connections: tiktok-acme, x-acme');
    expect(error.details).toEqual({ unknown: ['tiktok-acme', 'x-acme'] });
    const one = await unprocessable('POST', '/v1/pauses', { severity: 3, reason: 'r', scope: { connections: ['tiktok-acme'] }, dryRun: true });
    expect(one.message).toBe('unknown connection: tiktok-acme');
  });

  it('a tag no connection carries, or tags no single connection carries together', async () => {
    h = await startHarness(server);
    const none = await unprocessable('POST', '/v1/pauses', { severity: 3, reason: 'r', scope: { tags: ['brand:globex'] } });
    expect(none.message).toBe('no connection carries every tag of brand:globex');
    const together = await unprocessable('POST', '/v1/pauses', { severity: 3, reason: 'r', scope: { tags: ['brand:acme', 'region:eu'] } });
    expect(together.message).toMatch(/brand:acme, region:eu/);
  });

  it('an Idempotency-Key reused with another request; the first request stays as it was', async () => {
    h = await startHarness(server);
    const first = await h.call('POST', '/v1/pauses?wait=true', { severity: 1, reason: 'first' }, { 'idempotency-key': 'incident-7' });
    expect(first.status).toBe(201);
    for (const body of [{ severity: 1, reason: 'other words' }, { severity: 2, reason: 'first' }, { severity: 1, reason: 'first', scope: { connections: ['hootsuite-acme'] } }]) {
      const error = await unprocessable('POST', '/v1/pauses', body, { 'idempotency-key': 'incident-7' });
      expect(error.message).toBe('this Idempotency-Key was already used with a different request');
    }
    // The same request again is still a replay.
    const again = await h.call('POST', '/v1/pauses', { severity: 1, reason: 'first' }, { 'idempotency-key': 'incident-7' });
    expect(again.body).toMatchObject({ outcome: 'replayed', pause: { id: first.body.pause.id } });
  });

  it('a refused request does not use up its Idempotency-Key', async () => {
    h = await startHarness(server);
    await unprocessable('POST', '/v1/pauses', { severity: 'purple', reason: 'r' }, { 'idempotency-key': 'incident-8' });
    const reply = await h.call('POST', '/v1/pauses', { severity: 1, reason: 'r' }, { 'idempotency-key': 'incident-8' });
    expect(reply.status).toBe(202);
    expect(reply.body.outcome).toBe('created');
  });

  it('resume of item ids the pause does not have, named in details', async () => {
    h = await startHarness(server);
    const pause = await h.pause(1);
    const other = await h.pause(2, { scope: { connections: ['meta-ads-acme'] } });
    const [own] = await h.items(pause.id);
    const [foreign] = await h.items(other.id);
    const error = await unprocessable('POST', `/v1/pauses/${pause.id}/resume`, { items: [own!.id, foreign!.id, 'itm_nope'] });
    expect(error.details).toEqual({ unknown: [foreign!.id, 'itm_nope'] });
    expect(error.message).toBe(`not items of pause ${pause.id}: ${foreign!.id}, itm_nope`);
  });

  it('release at a time too soon for the platform, saying the earliest', async () => {
    h = await startHarness(server);
    const pause = await h.pause(1);
    const [post] = await h.items(pause.id);
    for (const at of [new Date(h.clock.now().getTime() + MINUTE), new Date(h.clock.now().getTime() - MINUTE)]) {
      const error = await unprocessable('POST', `/v1/pauses/${pause.id}/items/${post!.id}/release`, { scheduledAt: at.toISOString() });
      expect(error.message).toBe('scheduledAt must be at least 5 minutes from now for this item');
      expect(error.details).toEqual({ earliest: new Date(h.clock.now().getTime() + 5 * MINUTE).toISOString() });
    }
  });

  it('release at a new time for an item that has no send time', async () => {
    h = await startHarness(server);
    const pause = await h.pause(2, { scope: { connections: ['meta-ads-acme'] } });
    const [ad] = await h.items(pause.id);
    const at = new Date(h.clock.now().getTime() + 60 * MINUTE).toISOString();
    const error = await unprocessable('POST', `/v1/pauses/${pause.id}/items/${ad!.id}/release`, { scheduledAt: at });
    expect(error.message).toBe(`item ${ad!.id} has no send time to change`);
  });
});
