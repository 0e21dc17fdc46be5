// GET /v1/severities and GET /v1/connections: the ladder, and each connection with a live credential check.
import { afterEach, describe, expect, it } from 'vitest';
import { MINUTE } from '../support/clock.js';
import { useMsw } from '../support/msw.js';
import { startHarness, type Harness } from '../support/service.js';
import { expectUnchanged, worldOf } from './assertions.js';

describe('catalog routes', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  const connection = async (id: string) =>
    ((await h.call('GET', '/v1/connections')).body.data as Array<Record<string, any>>).find((c) => c.id === id)!;

  it('GET /v1/severities returns the ladder from config, lowest first', async () => {
    h = await startHarness(server);
    const reply = await h.call('GET', '/v1/severities');
    expect(reply.status).toBe(200);
    expect(reply.body.data.map((s: { level: number; name: string; kinds: string[] }) => [s.level, s.name, s.kinds])).toEqual([
      [1, 'watch', ['post']],
      [2, 'crisis', ['post', 'ad']],
      [3, 'red-alert', ['post', 'ad', 'email']],
    ]);
    // Tests run with no second lead needed (approvalFrom null): no rung waits for one.
    expect(reply.body.data).toEqual(h.config.severities.map((s) => ({ ...s, resumeNeedsApproval: false })));
  });

  it('GET /v1/severities says from which rung a resume waits for a second lead', async () => {
    h = await startHarness(server, { config: (c) => ({ ...c, resume: { ...c.resume, approvalFrom: 2 } }) });
    const reply = await h.call('GET', '/v1/severities');
    expect(reply.body.data.map((s: { name: string; resumeNeedsApproval: boolean }) => [s.name, s.resumeNeedsApproval])).toEqual([
      ['watch', false],
      ['crisis', true],
      ['red-alert', true],
    ]);
  });

  it('GET /v1/me says who the key is, as the audit records it, for any role', async () => {
    h = await startHarness(server);
    const viewer = (await h.call('POST', '/v1/keys', { name: 'wall screen', role: 'viewer' })).body;
    const reply = await h.call('GET', '/v1/me', undefined, { authorization: `Bearer ${viewer.secret}` });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ type: 'api-key', id: viewer.key.id, name: 'wall screen', role: 'viewer' });
    expect(JSON.stringify(reply.body)).not.toContain(viewer.secret);
  });

  it('GET /v1/connections lists each connection with platform, kinds, methods and a passing credential check', async () => {
    h = await startHarness(server);
    const before = await worldOf(h);
    const reply = await h.call('GET', '/v1/connections');
    expect(reply.status).toBe(200);
    const byId: Record<string, Record<string, any>> = Object.fromEntries((reply.body.data as Array<Record<string, any>>).map((c) => [c.id, c]));
    expect(Object.keys(byId).sort()).toEqual(['hootsuite-acme', 'mailchimp-acme', 'meta-ads-acme']);
    expect(byId['hootsuite-acme']).toMatchObject({
      platform: 'hootsuite',
      name: 'Acme social profiles (Hootsuite)',
      tags: ['brand:acme', 'region:global'],
      sandbox: true,
      kinds: ['post'],
      capabilities: [{ kind: 'post', method: 'delete' }],
      bulk: { suspend: expect.any(Number), restore: expect.any(Number), inspect: expect.any(Number) },
    });
    expect(byId['meta-ads-acme']).toMatchObject({ platform: 'meta-ads', kinds: ['ad'], accountIds: ['act_1000000001'] });
    expect(byId['meta-ads-acme']!.capabilities.map((c: { method: string }) => c.method)).toEqual(['status']);
    expect(byId['mailchimp-acme']).toMatchObject({ platform: 'mailchimp', kinds: ['email'] });
    expect(new Set(byId['mailchimp-acme']!.capabilities.map((c: { method: string }) => c.method))).toEqual(new Set(['unschedule', 'status']));
    for (const c of Object.values(byId)) {
      expect(c.platformName).toEqual(expect.any(String));
      expect(c.credentials).toEqual({ ok: true, checkedAt: h.clock.now().toISOString() });
    }
    // Credentials are checked with reads only: no platform changed.
    await expectUnchanged(h, before);
  });

  it('reports a credential the platform refuses, without repeating it', async () => {
    h = await startHarness(server, { serviceEnv: { HOOTSUITE_ACME_ACCESS_TOKEN: 'revoked-token-abc123' } });
    const reply = await h.call('GET', '/v1/connections');
    expect(reply.status).toBe(200);
    const hootsuite = (reply.body.data as Array<Record<string, any>>).find((c) => c.id === 'hootsuite-acme')!;
    expect(hootsuite.credentials).toMatchObject({ ok: false, code: 'unauthorized', message: expect.any(String) });
    expect(reply.text).not.toContain('revoked-token-abc123');
    // One bad connection does not spoil the others' answers.
    expect((await connection('meta-ads-acme')).credentials.ok).toBe(true);
  });

  it('says credentials_missing, naming the variable, when a real connection has no credential in the environment', async () => {
    h = await startHarness(server, {
      config: (c) => ({
        ...c,
        connections: [
          ...c.connections,
          {
            id: 'mailchimp-eu',
            platform: 'mailchimp',
            tags: ['brand:acme', 'region:eu'],
            accountIds: [],
            credentials: { apiKey: 'MAILCHIMP_EU_API_KEY' },
            settings: { dc: 'us9' },
            sandbox: false,
          },
        ],
      }),
    });
    const before = await worldOf(h);
    const eu = await connection('mailchimp-eu');
    expect(eu).toMatchObject({ platform: 'mailchimp', sandbox: false, tags: ['brand:acme', 'region:eu'] });
    expect(eu.credentials).toMatchObject({ ok: false, code: 'credentials_missing' });
    expect(eu.credentials.message).toContain('MAILCHIMP_EU_API_KEY');
    // Nothing was sent anywhere for it (msw refuses unhandled requests), and nothing changed.
    await expectUnchanged(h, before);
  });

  it('starts with a Mailchimp key whose data center cannot be told, and reports that connection unusable without repeating the key', async () => {
    const key = '0f1e2d3c4b5a69788796a5b4c3d2e1f0'; // no "-us14" suffix, and no settings.dc
    h = await startHarness(server, {
      serviceEnv: { MAILCHIMP_EU_API_KEY: key },
      config: (c) => ({
        ...c,
        connections: [
          ...c.connections,
          { id: 'mailchimp-eu', platform: 'mailchimp', tags: ['brand:acme'], accountIds: [], credentials: { apiKey: 'MAILCHIMP_EU_API_KEY' }, settings: {}, sandbox: false },
        ],
      }),
    });
    const before = await worldOf(h);
    const reply = await h.call('GET', '/v1/connections');
    const eu = (reply.body.data as Array<Record<string, any>>).find((c) => c.id === 'mailchimp-eu')!;
    expect(eu.credentials).toMatchObject({ ok: false, code: 'invalid_request', message: expect.stringMatching(/data center/) });
    expect(reply.text).not.toContain(key);
    expect((await connection('mailchimp-acme')).credentials.ok).toBe(true);
    // Nothing was sent anywhere for it (msw refuses unhandled requests), and nothing changed.
    await expectUnchanged(h, before);
  });

  it('keeps a check for a minute, then asks the platform again', async () => {
    h = await startHarness(server);
    const hootsuite = h.sandbox.simulators.get('hootsuite-acme')!;
    await h.call('GET', '/v1/connections');
    const asked = hootsuite.requests.length;
    expect(asked).toBeGreaterThan(0);
    h.clock.advance(30_000);
    expect((await connection('hootsuite-acme')).credentials.checkedAt).toBe(new Date(h.clock.now().getTime() - 30_000).toISOString());
    expect(hootsuite.requests.length).toBe(asked);
    h.clock.advance(MINUTE);
    expect((await connection('hootsuite-acme')).credentials.checkedAt).toBe(h.clock.now().toISOString());
    expect(hootsuite.requests.length).toBeGreaterThan(asked);
  });
});
