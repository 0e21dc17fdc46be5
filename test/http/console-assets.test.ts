// GET / serves the console and GET /console/<file> its files: from the service itself, with the
// right content types and a strict Content-Security-Policy, naming nothing outside the service,
// without a key (the page asks for one). Requests the console makes are audited as its own.
import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { CONSOLE_ASSETS } from '../../src/http/routes/console.js';
import { useMsw } from '../support/msw.js';
import { startHarness, type Harness } from '../support/service.js';

describe('the console files', () => {
  const server = useMsw();
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(server);
  });
  afterAll(() => h?.close());
  const get = (path: string) => h.call('GET', path, undefined, { authorization: '' });

  it('serves the page without a key, under a CSP that allows nothing but this service', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
    const csp = page.headers.get('content-security-policy')!;
    for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "frame-ancestors 'none'", "object-src 'none'"]) expect(csp).toContain(directive);
    expect(csp).not.toMatch(/unsafe|https?:/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.text).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect([...page.text.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((m) => m[1])).toEqual(['/console/console.css', '/console/main.js']);
  });

  it('serves every file of the console with its content type, and names no other host, CDN or font', async () => {
    const onDisk = (await readdir(new URL('../../src/console/assets/', import.meta.url))).filter((f) => f !== 'index.html').sort();
    expect(Object.keys(CONSOLE_ASSETS).sort()).toEqual(onDisk);
    for (const name of onDisk) {
      const file = await get(`/console/${name}`);
      expect(file.status, name).toBe(200);
      expect(file.headers.get('content-type'), name).toBe(name.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8');
      expect(file.headers.get('content-security-policy'), name).toContain("default-src 'self'");
      expect(file.text, name).not.toMatch(/https?:\/\/|@import|@font-face|\.innerHTML|localStorage|document\.cookie/);
      // Module imports stay among the console's own files.
      for (const [, imported] of file.text.matchAll(/from '\.\/([^']+)'/g)) expect(onDisk, `${name} imports ${imported}`).toContain(imported);
    }
  });

  it('keeps the key out of URLs and cookies: it is sent as a bearer header only', async () => {
    const api = (await get('/console/api.js')).text;
    expect(api).toContain('sessionStorage');
    expect(api).toContain('Authorization: `Bearer ${key}`');
    const events = (await get('/console/events.js')).text;
    expect(events).not.toContain('new EventSource');
    expect(events).toContain('Last-Event-ID');
  });

  it('answers 404 in the error shape for a file it does not serve', async () => {
    const missing = await get('/console/secrets.js');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    expect((await get('/console/../package.json')).status).toBe(404);
  });

  it("records the console's requests with source console, and others with source api", async () => {
    // msw forgets the sandbox after each test: this one gets a service of its own.
    const h = await startHarness(server);
    onTestFinished(() => h.close());
    const pause = await h.call('POST', '/v1/pauses?wait=true', { severity: 1, reason: 'from the console' }, { 'x-crisis-pause-source': 'console' });
    expect(pause.body.pause.source).toBe('console');
    const other = await h.call('POST', `/v1/pauses/${pause.body.pause.id}/resume?wait=true`, {}, { 'x-crisis-pause-source': 'anything' });
    expect(other.status).toBe(200);
    const entries = (await h.call('GET', `/v1/audit?pauseId=${pause.body.pause.id}&limit=1000`)).body.data as Array<{ action: string; source: string }>;
    expect(entries.find((e) => e.action === 'pause.requested')?.source).toBe('console');
    expect(entries.find((e) => e.action === 'pause.resume-requested')?.source).toBe('api');
  });
});
