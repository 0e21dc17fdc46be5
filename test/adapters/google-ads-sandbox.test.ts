// google-ads in the sandbox as `npm start` runs it: the connections the default config will have
// (one customer per brand, credentials unset so the sandbox credential stands in), the simulator
// served under /<connection id>/, and the OAuth token endpoint found under the same base URL.
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { googleAds } from '../../adapters/google-ads/adapter.js';
import { ACME_CUSTOMER, GLOBEX_CUSTOMER } from '../../adapters/google-ads/seed.js';
import type { PlatformAdapter } from '../../adapters/types.js';
import { SANDBOX_CREDENTIAL } from '../../src/connections/sandbox-credential.js';
import { Sandbox } from '../../src/sandbox/sandbox.js';
import { ManualClock } from '../support/clock.js';
import { useMsw } from '../support/msw.js';
import { listAll, toRef } from './live-items.js';

const SANDBOX = 'http://sandbox.test';
const CREDENTIAL_VARS = { developerToken: 'GOOGLE_ADS_DEVELOPER_TOKEN', clientId: 'GOOGLE_ADS_CLIENT_ID', clientSecret: 'GOOGLE_ADS_CLIENT_SECRET', refreshToken: 'GOOGLE_ADS_ACME_REFRESH_TOKEN' };

const connection = (id: string, customer: string) => ({
  config: { id, platform: 'google-ads', name: id, tags: [], accountIds: [customer], credentials: CREDENTIAL_VARS, settings: { accessLevel: 'basic' }, sandbox: true },
  adapter: googleAds as PlatformAdapter,
  settings: googleAds.settingsSchema.parse({ accessLevel: 'basic' }),
  problems: [],
});

describe('google-ads in the sandbox', () => {
  const server = useMsw();

  it('pauses and resumes each brand’s seeded campaigns through the sandbox, and the world comes back as it was', async () => {
    const clock = new ManualClock();
    const specs = [connection('google-ads-acme', ACME_CUSTOMER), connection('google-ads-globex', GLOBEX_CUSTOMER)];
    const sandbox = await Sandbox.create(specs as never, {}, { clock, seed: 'sandbox', latencyMs: 0, enforceLimits: false });
    server.use(http.all(`${SANDBOX}/*`, ({ request }) => sandbox.fetch(request)));
    const before = sandbox.state();
    expect(before['google-ads-acme']!.map((r) => r.fingerprint)).not.toEqual(before['google-ads-globex']!.map((r) => r.fingerprint));

    for (const spec of specs) {
      const credentials = Object.fromEntries(Object.keys(CREDENTIAL_VARS).map((k) => [k, SANDBOX_CREDENTIAL]));
      const client = googleAds.connect({ connectionId: spec.config.id, accountIds: spec.config.accountIds, settings: spec.settings, credentials, baseUrl: `${SANDBOX}/${spec.config.id}`, timeoutMs: 2_000, clock });
      await client.checkCredentials();
      const items = await listAll(client, 'ad');
      expect(items.length).toBe(before[spec.config.id]!.filter((r) => r.live).length);
      expect((await client.suspend(items.map(toRef))).every((o) => o.kind === 'ok')).toBe(true);
      expect(sandbox.state()[spec.config.id]!.filter((r) => r.live)).toEqual([]);
      expect((await client.restore(items.map((i) => ({ ...toRef(i), scheduledAt: null, mayExist: false })))).every((o) => o.kind === 'ok')).toBe(true);
    }
    expect(sandbox.state()).toEqual(before);
  });
});
