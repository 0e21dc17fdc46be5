// tiktok-ads at the edges: credentials refused (and never echoed), settings that make a
// connection unusable rather than a crash, and what TikTok itself refuses — the simulator is as
// strict as the vendor's description: required fields, ≤ 20 ids, enums, states, paths.
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { AdapterError } from '../../adapters/kit/adapter-error.js';
import { useMsw } from '../support/msw.js';
import { listAll, toRef } from './live-items.js';
import { ADVERTISERS, BASE_URL, rig, SETTINGS, TOKEN, type Rig } from './tiktok-ads-fixture.js';

const GET = `${BASE_URL}/open_api/v1.3/campaign/get/`;
const UPDATE = `${BASE_URL}/open_api/v1.3/campaign/status/update/`;

describe('tiktok-ads edges', () => {
  const server = useMsw();
  let r: Rig;

  beforeEach(() => {
    r = rig(server);
    for (let i = 0; i < 3; i++) r.sim.world.addCampaign({ campaign_name: `Campaign ${i}` });
  });

  const call = async (url: string, init: RequestInit = {}, token: string | null = TOKEN) => {
    const headers = new Headers(init.headers);
    if (token) headers.set('Access-Token', token);
    const response = await r.sim.fetch(new Request(url, { ...init, headers }));
    return { status: response.status, body: (await response.json().catch(() => null)) as { code: number; message: string; data: Record<string, unknown> } | null };
  };
  const update = (body: unknown) => call(UPDATE, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('a wrong or revoked token is unauthorized, not retryable, and never appears in the error', async () => {
    const wrong = 'fake-wrong-token-5f1d7c2a9b';
    const failure = (await r.connect({ credentials: { accessToken: wrong } }).checkCredentials().catch((e: unknown) => e)) as AdapterError;
    expect(failure).toMatchObject({ code: 'unauthorized', isRetryable: false, vendorCode: '40105' });
    expect(JSON.stringify(failure.toInfo())).not.toContain(wrong);

    const items = await listAll(r.client, 'ad');
    r.sim.world.revokeToken(TOKEN); // the advertiser cancelled the app's authorization
    const outcomes = await r.client.suspend(items.map(toRef));
    for (const o of outcomes) expect(o).toMatchObject({ kind: 'error', error: { code: 'unauthorized', retryable: false } });
    expect(JSON.stringify(outcomes)).not.toContain(TOKEN);
    expect(r.sim.state().every((s) => s.live)).toBe(true);
  });

  it('scrubs the token from a TikTok message that echoes it', async () => {
    server.use(http.get(GET, () => HttpResponse.json({ code: 40001, message: `Token ${TOKEN} has no permission on this advertiser`, request_id: '1', data: {} })));
    const failure = (await r.client.checkCredentials().catch((e: unknown) => e)) as AdapterError;
    expect(failure.code).toBe('forbidden');
    expect(failure.message).toContain('no permission');
    expect(failure.message).not.toContain(TOKEN);
  });

  it('bad settings or ids make an unusable connection that fails every call, with no request sent', async () => {
    const bad = [
      r.connect({ credentials: { accessToken: '' } }),
      r.connect({ accountIds: [] }),
      r.connect({ accountIds: ['act_123'] }),
      r.connect({ settings: { ...SETTINGS, pageSize: 5000 } }),
      r.connect({ settings: { ...SETTINGS, environment: 'staging' } as never }),
    ];
    for (const client of bad) {
      await expect(client.checkCredentials()).rejects.toBeInstanceOf(AdapterError);
      await expect(listAll(client, 'ad')).rejects.toMatchObject({ isRetryable: false });
      await expect(client.suspend([])).rejects.toMatchObject({ isRetryable: false });
    }
    expect(r.sim.requests).toEqual([]);
  });

  it('answers in the envelope: 40104 without a token, 40001 for an advertiser not granted, 404 without the trailing slash', async () => {
    expect((await call(`${GET}?advertiser_id=${ADVERTISERS[0]}`, {}, null)).body).toMatchObject({ code: 40104, message: expect.stringMatching(/Access-Token/) });
    expect(await call(`${GET}?advertiser_id=7399999999999999999`)).toMatchObject({ status: 200, body: { code: 40001 } });
    expect((await call(GET.replace(/\/$/, ''), {})).status).toBe(404);
  });

  it('refuses listing parameters TikTok refuses: page_size > 1000, unknown fields or filters, enum values, JSON', async () => {
    const list = (query: string) => call(`${GET}?advertiser_id=${ADVERTISERS[0]}&${query}`);
    for (const query of [
      'page_size=1001',
      'page=0',
      `fields=${encodeURIComponent('["campaign_id","nonsense"]')}`,
      `filtering=${encodeURIComponent('{"status":"ENABLE"}')}`,
      `filtering=${encodeURIComponent('{"primary_status":"ENABLED"}')}`,
      `filtering=${encodeURIComponent('{"campaign_ids":["12a"]}')}`,
      'filtering=not-json',
    ]) {
      expect((await list(query)).body, query).toMatchObject({ code: 40002 });
    }
    expect((await list('page_size=1000')).body).toMatchObject({ code: 0, data: { page_info: { page: 1, page_size: 1000, total_number: 3, total_page: 1 } } });
  });

  it('refuses status updates TikTok refuses, and states that forbid the switch', async () => {
    const [a, b] = (await listAll(r.client, 'ad')).map((i) => i.externalId);
    const base = { advertiser_id: ADVERTISERS[0], campaign_ids: [a], operation_status: 'DISABLE' };
    expect((await update({ ...base, advertiser_id: undefined })).body).toMatchObject({ code: 40002 });
    expect((await update({ ...base, campaign_ids: Array.from({ length: 21 }, (_, i) => String(i + 1)) })).body).toMatchObject({ code: 40002 });
    expect((await update({ ...base, campaign_ids: [] })).body).toMatchObject({ code: 40002 });
    expect((await update({ ...base, operation_status: 'PAUSE' })).body).toMatchObject({ code: 40002 });
    expect((await update({ ...base, note: 'x' })).body).toMatchObject({ code: 40002 });
    // enabling what is not paused, on its own, is refused whole
    expect((await update({ ...base, operation_status: 'ENABLE' })).body).toMatchObject({ code: 40002, message: expect.stringMatching(/not paused/) });
    // partly refused: 20001, error_list names the campaign and why
    r.sim.world.setStatus(b!, 'DISABLE');
    const partial = await update({ ...base, campaign_ids: [a, b] });
    expect(partial.body).toMatchObject({ code: 20001, data: { campaign_list: [{ campaign_id: a, status: 'DISABLE' }], error_list: [{ campaign_id: b }] } });
    // a deleted campaign can never change again
    r.sim.world.setStatus(b!, 'DELETE');
    expect((await update({ ...base, campaign_ids: [b], operation_status: 'ENABLE' })).body).toMatchObject({ code: 40002, message: expect.stringMatching(/deleted/) });
  });

  it('more than 20 items a call is refused by the adapter before any request', async () => {
    for (let i = 0; i < 20; i++) r.sim.world.addCampaign({ campaign_name: `More ${i}` });
    const items = (await listAll(r.client, 'ad')).map(toRef);
    expect(items.length).toBe(23);
    const sent = r.sim.requests.length;
    await expect(r.client.suspend(items)).rejects.toMatchObject({ code: 'invalid_request' });
    expect(r.sim.requests.length).toBe(sent);
  });
});
