// meta-ads credentials as Meta's SDK sends them: the access token once per batch, as a parameter
// of the batch request's form body (never in a URL); reads with a Bearer header; appsecret_proof
// when the app has "Require App Secret" on — and the simulator insisting on each, as Meta does.
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { appSecretProof } from '../../adapters/kit/auth.js';
import { createRegistry } from '../../adapters/registry.js';
import { metaAds } from '../../adapters/meta-ads/adapter.js';
import { createMetaAdsSimulator, type MetaAdsSimulator } from '../../adapters/meta-ads/simulator.js';
import type { AdapterClient } from '../../adapters/types.js';
import { checkConnections, defaultConfigFile, loadConfigFile } from '../../src/config/load.js';
import { ManualClock } from '../support/clock.js';
import { routeToSimulator, useMsw } from '../support/msw.js';
import { listAll, toRef } from './live-items.js';

const BASE_URL = 'https://graph.facebook.com';
const TOKEN = 'EAAGauthToken000000000000000000001';
const SECRET = 'app-secret-5f1c0e9a7b3d';
const ACCOUNT = 'act_3000000001';

interface Seen {
  url: string;
  authorization: string | null;
  body: string;
}

describe('meta-ads credentials', () => {
  const server = useMsw();
  let clock: ManualClock;
  let sim: MetaAdsSimulator;
  let seen: Seen[];

  /** The simulated app; `appSecret` given: the app knows its secret and requires the proof. */
  const make = (credentials: Record<string, string>) => {
    sim = createMetaAdsSimulator({ clock, credentials, accountIds: [ACCOUNT], seed: 'empty' });
    for (let i = 0; i < 3; i++) sim.world.addCampaign({ name: `C${i}` });
    routeToSimulator(server, BASE_URL, sim);
    // Sees each request as it leaves the adapter, then lets the simulator answer it.
    server.use(
      http.all(`${BASE_URL}/*`, async ({ request }) => {
        seen.push({ url: request.url, authorization: request.headers.get('authorization'), body: request.method === 'GET' ? '' : await request.clone().text() });
      }),
    );
  };
  const connect = (credentials: Record<string, string>): AdapterClient =>
    metaAds.connect({ connectionId: 'meta-auth', accountIds: [ACCOUNT], settings: metaAds.settingsSchema.parse({}), credentials, timeoutMs: 2_000, clock });

  beforeEach(() => {
    clock = new ManualClock();
    seen = [];
  });

  it('sends the token once per batch in its form body, reads with a Bearer header, never a token in a URL', async () => {
    make({ accessToken: TOKEN });
    const client = connect({ accessToken: TOKEN });
    const items = (await listAll(client, 'ad')).map(toRef);
    await client.suspend(items);
    await client.inspect(items);

    const batch = seen.filter((r) => r.body.includes('batch='));
    expect(batch).toHaveLength(1);
    const form = new URLSearchParams(batch[0]!.body);
    expect(form.get('access_token')).toBe(TOKEN);
    expect(batch[0]!.authorization).toBeNull();
    // sub-requests carry no token of their own: the batch's stands for all of them
    expect(form.get('batch')).not.toContain('access_token');
    for (const read of seen.filter((r) => r.body === '')) expect(read.authorization).toBe(`Bearer ${TOKEN}`);
    for (const request of seen) expect(request.url).not.toContain(TOKEN);
    expect(JSON.stringify(sim.requests)).not.toContain(TOKEN);
    expect(sim.requests.find((r) => r.method === 'POST')!.body).toContain('access_token=***');
  });

  it('signs every call with appsecret_proof when an app secret is configured, and keeps it out of every record', async () => {
    make({ accessToken: TOKEN, appSecret: SECRET });
    expect(sim.world.app.requireAppSecret).toBe(true);
    const client = connect({ accessToken: TOKEN, appSecret: SECRET });
    await client.checkCredentials();
    const items = (await listAll(client, 'ad')).map(toRef);
    expect(items).toHaveLength(3);
    expect((await client.suspend(items)).every((o) => o.kind === 'ok')).toBe(true);
    expect((await client.restore(items.map((i) => ({ ...i, scheduledAt: null, mayExist: true })))).every((o) => o.kind === 'ok')).toBe(true);

    const proof = appSecretProof(TOKEN, SECRET);
    for (const request of seen) {
      const sent = request.body ? new URLSearchParams(request.body) : new URL(request.url).searchParams;
      expect(sent.get('appsecret_proof')).toBe(proof);
    }
    const recorded = JSON.stringify(sim.requests);
    for (const secret of [TOKEN, SECRET, proof]) expect(recorded).not.toContain(secret);
  });

  it('reports a missing or wrong appsecret_proof as a credential problem, not retryable, without the secrets', async () => {
    make({ accessToken: TOKEN, appSecret: SECRET });
    const missing = await connect({ accessToken: TOKEN }).checkCredentials().catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 'unauthorized', isRetryable: false, vendorCode: '100', httpStatus: 400 });
    expect((missing as Error).message).toContain('require an appsecret_proof argument');

    const wrong = connect({ accessToken: TOKEN, appSecret: 'not-the-app-secret' });
    const refused = await wrong.checkCredentials().catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'unauthorized', isRetryable: false, vendorCode: '100' });
    expect((refused as Error).message).toContain('Invalid appsecret_proof');
    await expect(listAll(wrong, 'ad')).rejects.toMatchObject({ code: 'unauthorized' });
    for (const text of [(missing as Error).message, (refused as Error).message]) {
      for (const secret of [TOKEN, SECRET, 'not-the-app-secret']) expect(text).not.toContain(secret);
    }
    expect(sim.state().every((r) => r.live)).toBe(true);
  });

  it('takes the token where Meta reads it: a header, the query or the form body; none is code 104', async () => {
    make({ accessToken: TOKEN });
    const id = sim.world.addCampaign();
    const get = (query: string, headers: Record<string, string> = {}) => sim.fetch(new Request(`${BASE_URL}/v25.0/${id}?fields=id${query}`, { headers }));
    expect((await get('', { authorization: `OAuth ${TOKEN}` })).status).toBe(200);
    expect((await get(`&access_token=${TOKEN}`)).status).toBe(200);
    const post = await sim.fetch(
      new Request(`${BASE_URL}/v25.0/${id}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ access_token: TOKEN, name: 'Renamed' }) }),
    );
    expect(await post.json()).toEqual({ success: true });
    expect(await (await get('')).json()).toMatchObject({ error: { code: 104, type: 'OAuthException' } });
    // with "Require App Secret" on, the token alone is not enough
    sim.world.setRequireAppSecret(true);
    expect(await (await get(`&access_token=${TOKEN}`)).json()).toMatchObject({ error: { code: 100, type: 'GraphMethodException', message: 'API calls from the server require an appsecret_proof argument' } });
  });

  it('lets a connection name an app secret, and nothing else beside the token', () => {
    const config = loadConfigFile(defaultConfigFile());
    const withCredentials = (credentials: Record<string, string>) =>
      checkConnections({ ...config, connections: config.connections.map((c) => (c.platform === 'meta-ads' ? { ...c, credentials } : c)) }, createRegistry()).find((s) => s.config.platform === 'meta-ads')!.problems;
    expect(withCredentials({ accessToken: 'META_TOKEN', appSecret: 'META_APP_SECRET' })).toEqual([]);
    expect(withCredentials({ accessToken: 'META_TOKEN', clientSecret: 'X' }).join('\n')).toMatch(/takes no credential "clientSecret" \(it takes accessToken, appSecret\)/);
  });
});
