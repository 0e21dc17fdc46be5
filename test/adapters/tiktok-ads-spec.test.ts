// The TikTok ads adapter and simulator agree with TikTok's own description of the endpoints
// (test/specs/tiktok/, read as tiktok-ads-spec-doc.ts explains): every request a whole run sends —
// credential check, listing over several pages and advertisers, read-backs, suspend, a partly
// refused batch, restore, a repeated restore, throttled, failed and refused calls — and every
// answer the simulator gives, are what the description allows. A request TikTok would refuse
// fails here.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RestoreRequest } from '../../adapters/types.js';
import type { Exchange } from '../specs/openapi-contract.js';
import { useMsw } from '../support/msw.js';
import { listAll, toRef } from './live-items.js';
import { loadTiktokSpec } from './tiktok-ads-spec-doc.js';
import { rig, SETTINGS } from './tiktok-ads-fixture.js';

describe('tiktok-ads against the vendor files', () => {
  const server = useMsw();
  const exchanges: Exchange[] = [];
  const spec = loadTiktokSpec();

  beforeAll(async () => {
    const r = rig(server, { exchanges, seed: 'sandbox' });
    const client = r.connect({ settings: { ...SETTINGS, pageSize: 3 } });
    await client.checkCredentials();
    const listed = await listAll(client, 'ad');
    const refs = listed.map(toRef);
    await client.inspect(refs);
    // someone deletes one campaign and pauses another after the listing: a partly refused batch
    r.sim.world.setStatus(listed[0]!.externalId, 'DELETE');
    r.sim.world.setStatus(listed[1]!.externalId, 'DISABLE');
    await client.suspend(refs);
    const requests: RestoreRequest[] = listed.slice(1).map((i) => ({ ...toRef(i), scheduledAt: null, mayExist: false }));
    await client.restore(requests);
    await client.restore(requests); // all already ENABLE: refused whole, read back
    r.sim.faults.inject({ kind: 'rate-limit', variant: 'app-qps' });
    r.sim.faults.inject({ kind: 'rate-limit', variant: 'advertiser-qps' });
    r.sim.faults.inject({ kind: 'server-error' });
    for (let i = 0; i < 3; i++) await client.checkCredentials().catch(() => undefined);
    await r.connect({ credentials: { accessToken: 'fake-revoked-token-77' } }).checkCredentials().catch(() => undefined);
  });

  it('exercises both endpoints, errors included', () => {
    const seen = new Set(exchanges.map((e) => `${e.method} ${e.url.pathname}`));
    expect([...seen].sort()).toEqual(['GET /open_api/v1.3/campaign/get/', 'POST /open_api/v1.3/campaign/status/update/']);
    const codes = new Set(exchanges.map((e) => (JSON.parse(e.responseBody) as { code: number }).code));
    for (const code of [0, 20001, 40002, 40100, 40133, 50000, 40105]) expect(codes, `code ${code}`).toContain(code);
    expect(exchanges.filter((e) => e.url.pathname.endsWith('/get/')).map((e) => e.url.searchParams.get('page'))).toContain('2');
  });

  it('sends requests and gets answers the description allows, as the shared contract checker reads it', () => {
    expect(spec.contract.checkAll(exchanges)).toEqual([]);
    expect(spec.jsonParameterProblems(exchanges)).toEqual([]);
  });

  it('sends the token only as the Access-Token header, and only ENABLE or DISABLE', () => {
    for (const e of exchanges) {
      expect(e.headers.get('access-token')).toBeTruthy();
      expect([...e.url.searchParams.keys()].some((k) => /token/i.test(k))).toBe(false);
    }
    const statuses = exchanges.filter((e) => e.method === 'POST').map((e) => (JSON.parse(e.body) as { operation_status: string }).operation_status);
    expect(new Set(statuses)).toEqual(new Set(['DISABLE', 'ENABLE']));
    expect(spec.operationStatuses).toContain('DELETE'); // the vendor offers it; we never send it
  });

  it('has teeth: requests TikTok would refuse fail the check', () => {
    const post = exchanges.find((e) => e.method === 'POST')!;
    const get = exchanges.find((e) => e.method === 'GET' && e.url.searchParams.has('filtering'))!;
    const withBody = (body: object): Exchange => ({ ...post, body: JSON.stringify(body) });
    const base = JSON.parse(post.body) as Record<string, unknown>;
    expect(spec.contract.check(withBody({ ...base, operation_status: 'PAUSE' }))).not.toEqual([]);
    expect(spec.contract.check(withBody({ ...base, campaign_ids: Array.from({ length: 21 }, (_, i) => String(i + 1)) }))).not.toEqual([]);
    expect(spec.contract.check(withBody({ ...base, note: 'x' }))).not.toEqual([]);
    const withQuery = (name: string, value: string): Exchange => {
      const url = new URL(get.url);
      url.searchParams.set(name, value);
      return { ...get, url };
    };
    expect(spec.contract.check(withQuery('page_size', '1001'))).not.toEqual([]);
    expect(spec.jsonParameterProblems([withQuery('filtering', '{"primary_status":"ENABLED"}')])).not.toEqual([]);
    expect(spec.jsonParameterProblems([withQuery('filtering', '{"status":"ENABLE"}')])).not.toEqual([]);
    const answer = { ...get, responseBody: JSON.stringify({ code: 0, message: 'OK', request_id: '1', data: { list: [{ campaign_id: '1', invented: true }], page_info: { page: 1, total_page: 1 } } }) };
    expect(spec.contract.check(answer)).not.toEqual([]);
    const headers = new Headers(get.headers);
    headers.delete('access-token');
    expect(spec.contract.check({ ...get, headers })).not.toEqual([]);
  });
});
