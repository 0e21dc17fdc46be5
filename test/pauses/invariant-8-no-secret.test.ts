// Invariant 8: credentials never reach the store, the audit log, logs, errors or API responses;
// API keys are stored hashed.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useMsw } from '../support/msw.js';
import { startHarness, TEST_API_KEY, type Harness } from '../support/service.js';

const SECRETS = {
  HOOTSUITE_ACME_ACCESS_TOKEN: 'hs-secret-token-7f3a9c',
  META_ADS_ACME_ACCESS_TOKEN: 'EAAB-meta-secret-91d2e',
  MAILCHIMP_ACME_API_KEY: '0123abcd-mailchimp-secret-us14',
};

describe('invariant 8: no secret leaves', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  it('keeps credentials out of the data files, the audit log, the logs and every response', async () => {
    // The platforms accept these credentials, except Meta, whose refusal is an error path too.
    h = await startHarness(server, { env: SECRETS, serviceEnv: { META_ADS_ACME_ACCESS_TOKEN: 'EAAB-meta-wrong-5521' } });
    const seen: string[] = [];
    const call = async (method: string, url: string, body?: unknown) => {
      const response = await h.call(method, url, body);
      seen.push(response.text, JSON.stringify([...response.headers]));
      return response;
    };
    const paused = await call('POST', '/v1/pauses?wait=true', { severity: 3, reason: 'leak check' });
    // Meta refuses its credential: the pause is incomplete, and says so with a 502.
    expect(paused.status).toBe(502);
    const pause = paused.body.error.details.pause;
    const id = pause.id;
    await call('GET', `/v1/pauses/${id}`);
    await call('GET', `/v1/pauses/${id}/items?limit=1000`);
    await call('GET', '/v1/connections');
    await call('POST', `/v1/pauses/${id}/resume`, { dryRun: true });
    await call('POST', `/v1/pauses/${id}/resume?wait=true`);
    await call('GET', '/v1/audit?limit=10000');
    await h.store.flush();

    const files = await readdir(h.dataDir);
    const onDisk = await Promise.all(files.map((f) => readFile(path.join(h.dataDir, f), 'utf8')));
    const everything = [...seen, ...onDisk, ...h.logLines].join('\n');
    expect(pause.listings.some((l: { state: string }) => l.state === 'failed')).toBe(true);
    for (const secret of [...Object.values(SECRETS), 'EAAB-meta-wrong-5521', TEST_API_KEY]) expect(everything).not.toContain(secret);
  });

  it('stores API keys only as hashes', async () => {
    h = await startHarness(server);
    await h.store.flush();
    const files = await readdir(h.dataDir);
    const onDisk = (await Promise.all(files.map((f) => readFile(path.join(h.dataDir, f), 'utf8')))).join('\n');
    const hash = createHash('sha256').update(TEST_API_KEY).digest('hex');
    expect(onDisk).toContain(`"hash":"sha256:${hash}"`);
    expect(onDisk).not.toContain(TEST_API_KEY);
    expect(await h.store.countApiKeys()).toBe(1);
  });
});
