// Roles and keys: an admin creates keys (shown once, stored hashed), lists and revokes them; a
// viewer reads, a lead also acts, and a key below what a request needs gets 403, audited; a
// revoked key is refused like an unknown one. Fast off: any lead may pause.
import { afterEach, describe, expect, it } from 'vitest';
import { useMsw } from '../support/msw.js';
import { startHarness, type Harness } from '../support/service.js';

describe('API keys and roles', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  /** A new key of `role`, and a caller with it. */
  const keyOf = async (role: string, name = `${role} key`) => {
    const created = await h.call('POST', '/v1/keys', { name, role });
    expect(created.status).toBe(201);
    const secret = created.body.secret as string;
    const as = (method: string, url: string, body?: unknown) => h.call(method, url, body, { authorization: `Bearer ${secret}` });
    return { key: created.body.key, secret, as };
  };
  const audit = async () => (await h.call('GET', '/v1/audit?limit=1000')).body.data as Array<Record<string, any>>;

  it('creates a key shown once and stored hashed, lists it without secret or hash, records its name as the actor', async () => {
    h = await startHarness(server);
    const lead = await keyOf('lead', 'Dana (crisis lead)');
    expect(lead.secret).toMatch(/^cp_[A-Za-z0-9_-]{43}$/);
    expect(lead.key).toMatchObject({ name: 'Dana (crisis lead)', role: 'lead', revokedAt: null });
    expect(lead.key).not.toHaveProperty('hash');
    const list = (await h.call('GET', '/v1/keys')).body.data;
    expect(list.map((k: { name: string }) => k.name)).toEqual(['bootstrap (BOOTSTRAP_API_KEY)', 'Dana (crisis lead)']);
    expect(JSON.stringify(list)).not.toContain(lead.secret);
    expect(JSON.stringify(await audit())).not.toContain(lead.secret);
    const paused = await lead.as('POST', '/v1/pauses?wait=true', { severity: 1, reason: 'fast off' });
    expect(paused.status).toBe(201);
    expect(paused.body.pause.actor).toMatchObject({ type: 'api-key', id: lead.key.id, name: 'Dana (crisis lead)', role: 'lead' });
  });

  it('lets a viewer read and nothing else: 403, audited, nothing changed', async () => {
    h = await startHarness(server);
    const viewer = await keyOf('viewer');
    expect((await viewer.as('GET', '/v1/pauses')).status).toBe(200);
    expect((await viewer.as('GET', '/v1/audit')).status).toBe(200);
    const before = h.state();
    const refused = await viewer.as('POST', '/v1/pauses', { severity: 3, reason: 'not mine to press' });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/role is viewer; POST \/v1\/pauses needs lead/) });
    expect((await h.call('GET', '/v1/pauses')).body.data).toEqual([]);
    expect(h.state()).toEqual(before);
    const entry = (await audit()).find((e) => e.action === 'auth.forbidden');
    expect(entry).toMatchObject({ actor: { id: viewer.key.id, role: 'viewer' }, data: { method: 'POST', path: '/v1/pauses', role: 'viewer', needed: 'lead' } });
    expect((await viewer.as('GET', '/v1/keys')).status).toBe(403);
  });

  // The playbook: reading it is a viewer's, ticking a step off a lead's.
  it.each<[string, number, number, string, (pauseId: string) => string]>([
    ['reads the plan', 200, 200, 'GET', () => '/v1/runbook'],
    ["reads a pause's checklist", 200, 200, 'GET', (id) => `/v1/pauses/${id}/playbook`],
    ['ticks a step off', 403, 200, 'POST', (id) => `/v1/pauses/${id}/playbook/judge/done`],
  ])('playbook: one who %s gets %i as a viewer, %i as a lead', async (_what, asViewer, asLead, method, url) => {
    h = await startHarness(server);
    const pause = await h.pause(1);
    const [viewer, lead] = [await keyOf('viewer'), await keyOf('lead')];
    const body = method === 'POST' ? { note: 'done' } : undefined;
    const viewed = await viewer.as(method, url(pause.id), body);
    expect(viewed.status).toBe(asViewer);
    if (asViewer === 403) {
      expect(viewed.body.error.message).toMatch(new RegExp(`role is viewer; ${method} /v1/pauses/${pause.id}/playbook/judge/done needs lead`));
      expect((await h.call('GET', `/v1/pauses/${pause.id}`)).body.stepsDone).toEqual([]);
      expect((await audit()).filter((e) => e.action === 'auth.forbidden')).toHaveLength(1);
    }
    expect((await lead.as(method, url(pause.id), body)).status).toBe(asLead);
  });

  it('keeps keys to admins: a lead cannot create, list or revoke one', async () => {
    h = await startHarness(server);
    const lead = await keyOf('lead');
    expect((await lead.as('POST', '/v1/keys', { name: 'x', role: 'admin' })).status).toBe(403);
    expect((await lead.as('GET', '/v1/keys')).status).toBe(403);
    expect((await lead.as('DELETE', `/v1/keys/${lead.key.id}`)).status).toBe(403);
    expect((await h.call('GET', '/v1/keys')).body.data).toHaveLength(2);
  });

  it('revokes a key: refused from then on like an unknown one, kept in the list, audited', async () => {
    h = await startHarness(server);
    const lead = await keyOf('lead');
    const revoked = await h.call('DELETE', `/v1/keys/${lead.key.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.key.revokedAt).toBe(h.clock.now().toISOString());
    const refused = await lead.as('GET', '/v1/pauses');
    expect(refused.status).toBe(401);
    expect((await h.call('DELETE', `/v1/keys/${lead.key.id}`)).status).toBe(409);
    expect((await h.call('DELETE', '/v1/keys/key_nope')).status).toBe(404);
    const entries = await audit();
    expect(entries.find((e) => e.action === 'api-key.revoked')).toMatchObject({ data: { keyId: lead.key.id } });
    expect(entries.find((e) => e.action === 'auth.failed')).toMatchObject({ data: expect.objectContaining({ reason: 'revoked key' }) });
  });

  /** The role every keyed route needs: a route the app serves that is not listed here fails the test below. */
  const ROLES: Record<string, 'viewer' | 'lead' | 'admin'> = {
    'GET /v1/severities': 'viewer',
    'GET /v1/connections': 'viewer',
    'GET /v1/pauses': 'viewer',
    'GET /v1/pauses/:id': 'viewer',
    'GET /v1/pauses/:id/items': 'viewer',
    'GET /v1/pauses/:id/tasks': 'viewer',
    'GET /v1/pauses/:id/playbook': 'viewer',
    'GET /v1/runbook': 'viewer',
    'GET /v1/audit': 'viewer',
    'GET /v1/audit/verify': 'viewer',
    'GET /v1/hooks': 'viewer',
    'GET /v1/notifications': 'viewer',
    'GET /v1/events': 'viewer',
    'GET /v1/me': 'viewer',
    'POST /v1/pauses': 'lead',
    'POST /v1/pauses/:id/resume': 'lead',
    'POST /v1/pauses/:id/retry': 'lead',
    'POST /v1/pauses/:id/items/:itemId/release': 'lead',
    'POST /v1/pauses/:id/items/:itemId/keep': 'lead',
    'POST /v1/pauses/:id/tasks/:taskId/done': 'lead',
    'POST /v1/pauses/:id/tasks/:taskId/skip': 'lead',
    'POST /v1/pauses/:id/playbook/:stepId/done': 'lead',
    'POST /v1/pauses/:id/resume/approve': 'lead',
    'POST /v1/pauses/:id/resume/withdraw': 'lead',
    'POST /v1/pauses/:id/cancel': 'lead',
    'POST /v1/notifications/:id/retry': 'lead',
    'POST /v1/keys': 'admin',
    'GET /v1/keys': 'admin',
    'DELETE /v1/keys/:id': 'admin',
  };
  /** An event stream never ends, so it is not read whole here: test/http/events.test.ts checks its roles. */
  const STREAMS = new Set(['GET /v1/events']);

  it('checks the role on every keyed route the app serves: none without a key (401), below it 403 before anything is read or changed', async () => {
    h = await startHarness(server, { authFailureLimits: { perWindow: 1_000, windowMs: 60_000, maxClients: 100 } });
    const viewer = await keyOf('viewer');
    const lead = await keyOf('lead');
    // Signed by their senders instead of keyed (test/http/hooks-*.test.ts).
    const keyed = [...new Set(h.service.app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/v1/') && !(r.method === 'POST' && r.path.startsWith('/v1/hooks/'))).map((r) => `${r.method} ${r.path}`))];
    expect(keyed.sort()).toEqual(Object.keys(ROLES).sort());
    // The API's description says the same: every keyed route declares its security scheme.
    const doc = (await h.call('GET', '/openapi.json')).body as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    for (const route of keyed) {
      const [method, path] = route.split(' ') as [string, string];
      expect(doc.paths[path.replaceAll(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()]?.security, `${route} in /openapi.json`).toEqual([expect.anything()]);
    }
    const before = h.state();
    for (const [route, needed] of Object.entries(ROLES).filter(([r]) => !STREAMS.has(r))) {
      const [method, path] = route.split(' ') as [string, string];
      const url = path.replaceAll(/:\w+/g, 'nope');
      const body = method === 'GET' || method === 'DELETE' ? undefined : {};
      expect((await h.call(method, url, body, { authorization: '' })).status, `${route} without a key`).toBe(401);
      for (const [caller, role] of [[viewer, 'viewer'], [lead, 'lead']] as const) {
        const allowed = needed === 'viewer' || (needed === 'lead' && role === 'lead');
        const answer = await caller.as(method, url, body);
        if (allowed) expect(answer.status, `${role} ${route}`).not.toBe(403);
        else expect(answer.body?.error, `${role} ${route}`).toMatchObject({ code: 'forbidden', message: expect.stringContaining(`needs ${needed}`) });
      }
    }
    expect(h.state()).toEqual(before);
    expect((await h.call('GET', '/v1/pauses')).body.data).toEqual([]);
  });

  it('refuses bad key requests with 400 and never revokes the last admin key', async () => {
    h = await startHarness(server);
    expect((await h.call('POST', '/v1/keys', { name: 'x', role: 'owner' })).status).toBe(400);
    expect((await h.call('POST', '/v1/keys', { role: 'lead' })).status).toBe(400);
    expect((await h.call('POST', '/v1/keys', { name: 'x', role: 'lead', secret: 'mine' })).status).toBe(400);
    const [bootstrap] = (await h.call('GET', '/v1/keys')).body.data;
    const last = await h.call('DELETE', `/v1/keys/${bootstrap.id}`);
    expect(last.status).toBe(409);
    expect(last.body.error.message).toMatch(/last admin key/);
    expect((await h.call('GET', '/v1/keys')).body.data).toHaveLength(1);
  });

});
