// Invariant 6: each item records its outcome and last error; one failing platform never stops
// the others; failed items can be retried.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfigFile, projectRoot } from '../../src/config/load.js';
import { useMsw } from '../support/msw.js';
import { comparableWorld, startHarness, type Harness } from '../support/service.js';

describe('invariant 6: failure is visible, never silent', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  it('a platform refusing its credentials fails visibly while the others are suspended', async () => {
    h = await startHarness(server, { serviceEnv: { META_ADS_ACME_ACCESS_TOKEN: 'expired-token' } });
    const pause = await h.pauseIncomplete(3);
    expect(pause).toMatchObject({ state: 'active', complete: false, failures: { listings: 1, items: 0 } });
    const meta = pause.listings.find((l: { connectionId: string }) => l.connectionId === 'meta-ads-acme');
    expect(meta).toMatchObject({ state: 'failed', error: { code: 'unauthorized', retryable: false } });
    expect(meta.error.message).not.toContain('expired-token');
    expect(h.state()['hootsuite-acme']!.filter((r) => r.live)).toEqual([]);
    expect(h.state()['mailchimp-acme']!.filter((r) => r.live)).toEqual([]);
    expect(h.state()['meta-ads-acme']!.some((r) => r.live)).toBe(true);

    const audit = await h.call('GET', `/v1/audit?pauseId=${pause.id}`);
    expect(audit.body.data.some((e: { action: string; connectionId: string }) => e.action === 'connection.listing-failed' && e.connectionId === 'meta-ads-acme')).toBe(true);
    const connections = await h.call('GET', '/v1/connections');
    const status = connections.body.data.find((c: { id: string }) => c.id === 'meta-ads-acme').credentials;
    expect(status).toMatchObject({ ok: false, code: 'unauthorized' });
    // Readiness says so too: not "ready" while a connection's credentials are refused.
    await h.service.start();
    const ready = await h.call('GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'degraded', connections: [{ id: 'meta-ads-acme', code: 'unauthorized' }] });
    expect((await h.call('GET', '/readyz?strict=true')).status).toBe(503);
  });

  it('with no credentials set at all, a pause is a loud failure: 502, every listing failed, readiness degraded', async () => {
    const production = loadConfigFile(path.join(projectRoot(), 'config', 'example.production.json'));
    h = await startHarness(server, { config: () => production });
    await h.service.start();
    const reply = await h.call('POST', '/v1/pauses?wait=true', { severity: 3, reason: 'nothing configured' });
    expect(reply.status).toBe(502);
    expect(reply.body.error).toMatchObject({ code: 'incomplete', details: { outcome: 'created', pause: { state: 'active', complete: false } } });
    const pause = reply.body.error.details.pause;
    expect(pause.listings.length).toBeGreaterThan(0);
    expect(pause.failures.listings).toBe(pause.listings.length);
    for (const listing of pause.listings) expect(listing.error).toMatchObject({ code: 'credentials_missing', retryable: true });
    const ready = await h.call('GET', '/readyz');
    expect(ready.body.status).toBe('degraded');
    expect(ready.body.connections.map((c: { id: string }) => c.id).sort()).toEqual(production.connections.map((c) => c.id).sort());
    for (const connection of ready.body.connections) expect(connection.code).toBe('credentials_missing');
  });

  it("waits as long as the platform's own throttling signal asks, then succeeds", async () => {
    h = await startHarness(server);
    const meta = h.sandbox.simulators.get('meta-ads-acme')!;
    meta.faults.inject({ kind: 'rate-limit', method: 'POST', times: 2 });
    const pause = await h.pause(2, { scope: { connections: ['meta-ads-acme'] } });
    expect(pause.counts.byState.suspended).toBe(pause.counts.total);
    // Meta says how long in X-Business-Use-Case-Usage (minutes); the retry waited that long.
    expect(h.sleeps.length).toBe(2);
    for (const ms of h.sleeps) expect(ms % 60_000).toBe(0);
    expect(Math.min(...h.sleeps)).toBeGreaterThanOrEqual(60_000);
  });

  it('records the last error on each failed item, keeps going elsewhere, and retries on demand', async () => {
    h = await startHarness(server);
    const mailchimp = h.sandbox.simulators.get('mailchimp-acme')!;
    mailchimp.faults.inject({ kind: 'server-error', method: 'POST', times: Infinity });
    const pause = await h.pauseIncomplete(3);
    expect(pause).toMatchObject({ state: 'active', complete: false, failures: { listings: 0 } });
    expect(pause.failures.items).toBe(pause.counts.byState.failed);
    const failed = await h.items(pause.id, '&state=failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((i) => i.connectionId === 'mailchimp-acme' && i.failedDuring === 'suspend')).toBe(true);
    for (const item of failed) expect(item.lastError).toMatchObject({ code: 'server_error', retryable: true });
    expect(pause.counts.byState.suspended + pause.counts.byState.failed).toBe(pause.counts.total);
    expect(h.state()['hootsuite-acme']!.filter((r) => r.live)).toEqual([]);

    mailchimp.faults.clear();
    const retried = await h.call('POST', `/v1/pauses/${pause.id}/retry?wait=true`);
    expect(retried.status).toBe(200);
    expect(retried.body.pause).toMatchObject({ state: 'active', complete: true });
    expect(retried.body.pause.counts.byState.failed).toBe(0);
    expect(retried.body.pause.counts.byState.suspended).toBe(pause.counts.total);
    expect(h.state()['mailchimp-acme']!.filter((r) => r.live)).toEqual([]);
  });

  it('never re-creates blindly after an unclear answer, and a retry finds what was created', async () => {
    h = await startHarness(server);
    const before = h.state();
    const pause = await h.pause(1);
    const hootsuite = h.sandbox.simulators.get('hootsuite-acme')!;
    // The first re-creates reach Hootsuite but their answers are lost.
    hootsuite.faults.inject({ kind: 'server-error', method: 'POST', path: /\/v1\/messages$/, times: 3, applied: true });
    const resumed = await h.resumeIncomplete(pause.id);
    expect(resumed).toMatchObject({ state: 'resumed', complete: false, failures: { items: 3 } });
    expect(resumed.counts.byState.failed).toBe(3);
    const failed = await h.items(pause.id, '&state=failed');
    for (const item of failed) expect(item.lastError).toMatchObject({ ambiguous: true, code: 'server_error' });
    // Exactly one create per message: the unclear ones were not repeated.
    const creates = hootsuite.requests.filter((r) => r.method === 'POST' && r.path === '/v1/messages');
    expect(creates).toHaveLength(pause.counts.total);

    const retried = await h.call('POST', `/v1/pauses/${pause.id}/retry?wait=true`);
    expect(retried.status).toBe(200);
    expect(retried.body.pause).toMatchObject({ state: 'resumed', complete: true });
    expect(retried.body.pause.counts.byState.restored).toBe(pause.counts.total);
    const again = hootsuite.requests.filter((r) => r.method === 'POST' && r.path === '/v1/messages');
    expect(again).toHaveLength(pause.counts.total);
    expect(comparableWorld(h.state())).toEqual(comparableWorld(before));
  });

  it('keeps going when a platform asks for a longer wait than allowed, and says so', async () => {
    h = await startHarness(server, { config: (c) => ({ ...c, execution: { ...c.execution, maxRetryWaitMs: 1_000 } }) });
    const meta = h.sandbox.simulators.get('meta-ads-acme')!;
    meta.faults.inject({ kind: 'rate-limit', method: 'POST', times: Infinity });
    const pause = await h.pauseIncomplete(2);
    const failed = await h.items(pause.id, '&state=failed');
    expect(failed.length).toBeGreaterThan(0);
    for (const item of failed) expect(item.lastError).toMatchObject({ code: 'rate_limited', retryable: true });
    expect(failed[0]!.lastError.retryAfterMs).toBeGreaterThan(1_000);
    expect(h.sleeps).toEqual([]);
    expect(pause.counts.byState.suspended).toBeGreaterThan(0);
  });
});
