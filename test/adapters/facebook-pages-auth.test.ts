// facebook-pages: credentials (wrong, expired, appsecret_proof) never leak, and a connection
// with bad settings is unusable, not a crash.
import { describe, expect, it } from 'vitest';
import { appSecretProof } from '../../adapters/kit/auth.js';
import { AdapterError } from '../../adapters/kit/adapter-error.js';
import type { Exchange } from '../specs/openapi-contract.js';
import { useMsw } from '../support/msw.js';
import { PAGE, seedScheduled, setup, TOKEN } from './facebook-pages-fixture.js';
import { listAll, toRef } from './live-items.js';

const SECRET = 'fake-app-secret-0000000000000001';

async function failureOf(promise: Promise<unknown>): Promise<AdapterError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AdapterError);
  return error as AdapterError;
}

describe('facebook-pages credentials', () => {
  const server = useMsw();

  it('reports a wrong Page token as unauthorized (Graph 190), never echoing the token', async () => {
    const { connect, sim } = setup(server);
    const wrong = 'EAAWrongToken99999999999999999999';
    const error = await failureOf(connect({ credentials: { accessToken: wrong } }).checkCredentials());
    expect(error).toMatchObject({ code: 'unauthorized', isRetryable: false, vendorCode: '190' });
    expect(`${error.message} ${JSON.stringify(error.toInfo())}`).not.toContain(wrong);
    // the simulator's own record masks it too
    expect(JSON.stringify(sim.requests)).not.toContain(wrong);
  });

  it('reports an expired token (190/463) as unauthorized on every call, writes nothing', async () => {
    const { client, sim, clock } = setup(server);
    seedScheduled(sim, clock, 3);
    const items = await listAll(client, 'post');
    sim.world.expireToken(TOKEN);
    const before = sim.state();
    expect(await failureOf(client.checkCredentials())).toMatchObject({ code: 'unauthorized', vendorCode: '190/463' });
    const outcomes = await client.suspend(items.map(toRef));
    for (const o of outcomes) {
      expect(o).toMatchObject({ kind: 'error', error: { code: 'unauthorized', retryable: false } });
      if (o.kind === 'error') expect(o.error.message).not.toContain(TOKEN);
    }
    expect(sim.state()).toEqual(before);
  });

  it('sends appsecret_proof when the app requires it, in the batch body, never the secret itself', async () => {
    const credentials = { accessToken: TOKEN, appSecret: SECRET };
    const exchanges: Exchange[] = [];
    const { client, sim, clock } = setup(server, { credentials, record: exchanges });
    expect(sim.world.app.requireAppSecret).toBe(true);
    seedScheduled(sim, clock, 2);
    const items = await listAll(client, 'post');
    const outcomes = await client.suspend(items.map(toRef));
    expect(outcomes.every((o) => o.kind === 'ok')).toBe(true);
    // as it crossed the network edge (the simulator's own record masks credentials)
    const batch = exchanges.find((e) => e.method === 'POST')!;
    expect(new URLSearchParams(batch.body).get('appsecret_proof')).toBe(appSecretProof(TOKEN, SECRET));
    expect(batch.url.search).toBe('');
    for (const e of exchanges) expect(`${e.url.href} ${e.body} ${[...e.headers.values()].join(' ')}`).not.toContain(SECRET);
  });

  it('reports a missing app secret, when the app requires one, as a credential problem', async () => {
    const { connect } = setup(server, { credentials: { accessToken: TOKEN, appSecret: SECRET } });
    const error = await failureOf(connect({ credentials: { accessToken: TOKEN } }).checkCredentials());
    expect(error).toMatchObject({ code: 'unauthorized', isRetryable: false });
    expect(error.message).toMatch(/appsecret_proof/);
  });
});

describe('facebook-pages connection settings', () => {
  const server = useMsw();

  const cases: Array<[string, { credentials?: Record<string, string>; accountIds?: string[]; settings?: unknown }, string]> = [
    ['no token', { credentials: {} }, 'unauthorized'],
    ['two Pages on one token', { accountIds: [PAGE, '104180000000002'] }, 'invalid_request'],
    ['no Page', { accountIds: [] }, 'invalid_request'],
    ['a Page id that is not one', { accountIds: ['acme-page'] }, 'invalid_request'],
    ['a Graph version that is not one', { settings: { apiVersion: 'latest' } }, 'invalid_request'],
    ['a page size Graph refuses', { settings: { pageSize: 500 } }, 'invalid_request'],
  ];

  it.each(cases)('%s: every call fails with a clear error and nothing is sent', async (_name, overrides, code) => {
    const { connect, sim } = setup(server);
    const client = connect(overrides);
    expect(await failureOf(client.checkCredentials())).toMatchObject({ code, isRetryable: false });
    expect(await failureOf(listAll(client, 'post'))).toMatchObject({ code });
    expect(await failureOf(client.suspend([]))).toMatchObject({ code });
    expect(sim.requests).toEqual([]);
  });
});
