// The sandbox platforms: one simulator per sandbox connection under /<connection>/…, the state
// of every platform at /__sandbox/state, faults injected over HTTP for the benchmark and drills.
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../adapters/registry.js';
import { checkConnections } from '../../src/config/load.js';
import { Sandbox } from '../../src/sandbox/sandbox.js';
import { SANDBOX_CREDENTIAL } from '../../src/connections/sandbox-credential.js';
import { ManualClock } from '../support/clock.js';
import { testConfig } from '../support/service.js';

async function sandbox(env: Record<string, string> = {}) {
  const specs = checkConnections(testConfig(), createRegistry());
  return Sandbox.create(specs, env, { clock: new ManualClock(), seed: 'sandbox', latencyMs: 0, enforceLimits: false });
}

const get = (s: Sandbox, path: string, token = SANDBOX_CREDENTIAL) =>
  Promise.resolve(s.fetch(new Request(`http://sandbox.test${path}`, { headers: { authorization: `Bearer ${token}` } })));

describe('sandbox platforms', () => {
  it('reports every item of every connection in the documented shape', async () => {
    const s = await sandbox();
    const response = await get(s, '/__sandbox/state');
    expect(response.status).toBe(200);
    const state = (await response.json()) as Record<string, Array<Record<string, unknown>>>;
    expect(Object.keys(state).sort()).toEqual(['hootsuite-acme', 'mailchimp-acme', 'meta-ads-acme']);
    for (const rows of Object.values(state)) {
      expect(rows.length).toBeGreaterThan(5);
      for (const row of rows) {
        expect(Object.keys(row).sort()).toEqual(['fingerprint', 'id', 'kind', 'live', 'scheduledAt', 'status']);
        expect(typeof row.live).toBe('boolean');
        expect(row.fingerprint).toMatch(/^sha256:/);
      }
    }
  });

  it('seeds realistic content: dozens of posts over weeks, ads some people paused, emails and automations', async () => {
    const state = (await sandbox()).state();
    const posts = state['hootsuite-acme']!.filter((r) => r.live);
    expect(posts.length).toBeGreaterThanOrEqual(36);
    const times = posts.map((r) => Date.parse(r.scheduledAt!)).sort((a, b) => a - b);
    expect(times.at(-1)! - times[0]!).toBeGreaterThan(5 * 7 * 86_400_000);
    const ads = state['meta-ads-acme']!;
    expect(ads.filter((r) => r.live).length).toBeGreaterThanOrEqual(6);
    expect(ads.some((r) => r.status === 'PAUSED')).toBe(true);
    const emails = state['mailchimp-acme']!;
    expect(emails.filter((r) => r.live && r.scheduledAt !== null).length).toBeGreaterThanOrEqual(5);
    expect(emails.filter((r) => r.live && r.scheduledAt === null).length).toBeGreaterThanOrEqual(2);
    expect(emails.some((r) => !r.live)).toBe(true);
  });

  it('routes /<connection>/… to that platform with the prefix taken off, and 404s others', async () => {
    const s = await sandbox();
    const basic = await Promise.resolve(
      s.fetch(new Request('http://sandbox.test/mailchimp-acme/3.0/ping', { headers: { authorization: `Basic ${btoa(`any:${SANDBOX_CREDENTIAL}`)}` } })),
    );
    expect(basic.status).toBe(200);
    expect(await basic.json()).toEqual({ health_status: "Everything's Chimpy!" });
    expect((await get(s, '/mailchimp-acme/3.0/ping', 'wrong-key')).status).toBe(401);
    expect((await get(s, '/hootsuite-acme/v1/me')).status).toBe(200);
    expect((await get(s, '/nowhere/v1/messages')).status).toBe(404);
  });

  it('accepts the credential from the environment when one is set, instead of the sandbox one', async () => {
    const s = await sandbox({ META_ADS_ACME_ACCESS_TOKEN: 'from-env-token' });
    expect((await get(s, '/meta-ads-acme/v25.0/act_1000000001?fields=id', 'from-env-token')).status).toBe(200);
    expect((await get(s, '/meta-ads-acme/v25.0/act_1000000001?fields=id')).status).not.toBe(200);
  });

  it('injects and clears faults over HTTP, refusing bad ones', async () => {
    const s = await sandbox();
    const post = (body: unknown) =>
      Promise.resolve(s.fetch(new Request('http://sandbox.test/__sandbox/faults', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } })));
    expect((await post({ connection: 'hootsuite-acme', kind: 'rate-limit', path: '^/v1/me$', times: 1 })).status).toBe(201);
    expect((await get(s, '/hootsuite-acme/v1/me')).status).toBe(429);
    expect((await get(s, '/hootsuite-acme/v1/me')).status).toBe(200);
    expect((await post({ connection: 'hootsuite-acme', kind: 'explode' })).status).toBe(400);
    expect((await post({ connection: 'nobody', kind: 'reset' })).status).toBe(404);
    await post({ connection: 'hootsuite-acme', kind: 'server-error', times: 5 });
    const cleared = await Promise.resolve(s.fetch(new Request('http://sandbox.test/__sandbox/faults', { method: 'DELETE' })));
    expect(cleared.status).toBe(204);
    expect((await get(s, '/hootsuite-acme/v1/me')).status).toBe(200);
    // A rate-limit fault picks one of the platform's own throttle signals.
    expect((await post({ connection: 'meta-ads-acme', kind: 'rate-limit', variant: 'http-429' })).status).toBe(201);
    expect((await get(s, '/meta-ads-acme/v25.0/act_1000000001?fields=id')).status).toBe(429);
    expect((await post({ connection: 'meta-ads-acme', kind: 'rate-limit', variant: 'buc' })).status).toBe(201);
    const buc = await get(s, '/meta-ads-acme/v25.0/act_1000000001?fields=id');
    expect(((await buc.json()) as { error: { code: number } }).error.code).toBe(80004);
    expect((await post({ connection: 'hootsuite-acme', kind: 'rate-limit', variant: 'buc' })).status).toBe(400);
    const recorded = await get(s, '/__sandbox/requests?connection=hootsuite-acme');
    expect(((await recorded.json()) as { data: unknown[] }).data.length).toBe(3);
  });
});
