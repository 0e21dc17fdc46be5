// facebook-pages through the sandbox as `npm start` serves it (http://sandbox.test/<connection>/…):
// the seeded photo post's image is served at a CDN URL under the connection's prefix, so a pause
// suspends it with its bytes and a resume puts the Page back as it was (new ids aside).
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { facebookPages } from '../../adapters/facebook-pages/adapter.js';
import { createRegistry } from '../../adapters/registry.js';
import { checkConnections, defaultConfigFile, loadConfigFile } from '../../src/config/load.js';
import { SANDBOX_CREDENTIAL } from '../../src/connections/sandbox-credential.js';
import { Sandbox } from '../../src/sandbox/sandbox.js';
import { ManualClock, MINUTE } from '../support/clock.js';
import { useMsw } from '../support/msw.js';
import { listAll, toRef } from './live-items.js';

const CONNECTION = 'facebook-pages-acme';

describe('facebook-pages in the sandbox', () => {
  const server = useMsw();

  it('suspends and restores every scheduled post of the seeded Page, the photo post included', async () => {
    const config = loadConfigFile(defaultConfigFile());
    const specs = checkConnections({ ...config, connections: config.connections.filter((c) => c.id === CONNECTION) }, createRegistry());
    const clock = new ManualClock();
    const sandbox = await Sandbox.create(specs, {}, { clock, seed: 'sandbox', latencyMs: 0, enforceLimits: false });
    server.use(http.all('http://sandbox.test/*', ({ request }) => sandbox.fetch(request)));
    const spec = specs[0]!;
    const client = facebookPages.connect({
      connectionId: CONNECTION,
      accountIds: spec.config.accountIds,
      settings: spec.settings as never,
      credentials: { accessToken: SANDBOX_CREDENTIAL },
      baseUrl: `http://sandbox.test/${CONNECTION}`,
      timeoutMs: 2_000,
      clock,
    });
    const before = sandbox.state()[CONNECTION]!.filter((r) => r.live);
    const listed = await listAll(client, 'post');
    expect(listed.map((i) => i.externalId).sort()).toEqual(before.map((r) => r.id).sort());
    const photo = listed.find((i) => (i.snapshot as { content: { mediaType?: string } }).content.mediaType === 'photo')!;
    expect(photo.snapshot).toMatchObject({ recreatable: true, image: { contentType: 'image/jpeg' } });

    expect((await client.suspend(listed.map(toRef))).every((o) => o.kind === 'ok')).toBe(true);
    expect(sandbox.state()[CONNECTION]!.filter((r) => r.live)).toEqual([]);
    clock.advance(30 * MINUTE);
    const restored = await client.restore(listed.map((i) => ({ ...toRef(i), scheduledAt: i.scheduledAt, mayExist: false })));
    expect(restored.every((o) => o.kind === 'ok' && o.newExternalId)).toBe(true);
    const shape = (rows: typeof before) => rows.map((r) => `${r.scheduledAt} ${r.fingerprint}`).sort();
    expect(shape(sandbox.state()[CONNECTION]!.filter((r) => r.live))).toEqual(shape(before));
  });
});
