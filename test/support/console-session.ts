// The real service (core config, embedded sandbox on loopback) and a headless chromium for the
// console's browser tests, with a helper that opens a signed-in page.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { writeCoreConfig } from './core-config.js';
import { api, startProcess, type Running } from './process.js';

export const CONSOLE_KEY = 'console-e2e-key-0123456789abcdef';

export type ConsoleSession = Awaited<ReturnType<typeof startConsoleSession>>;

export async function startConsoleSession() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'crisis-pause-console-'));
  const config = await writeCoreConfig(dataDir, (raw) => {
    // Resumes from red alert (3) up need a second lead; Crisis (2), the main flow, needs none.
    raw.resume.approvalFrom = 3;
    // A platform that keeps failing fails its items in a moment, not after 15 s of backoff.
    raw.execution = { ...raw.execution, retries: 2, backoffMs: 50 };
  });
  const service: Running = startProcess('src/main.ts', { PORT: '0', SANDBOX_PORT: '0', DATA_DIR: path.join(dataDir, 'data'), CONFIG_FILE: config, BOOTSTRAP_API_KEY: CONSOLE_KEY, LOG_LEVEL: 'warn' });
  let browser: Browser | undefined;
  try {
    const [base, sandbox, launched] = await Promise.all([service.waitFor(/listening on (http:\/\/\S+)/), service.waitFor(/sandbox platforms on (http:\/\/\S+)/), launchBrowser()]);
    browser = launched;
    return {
      base,
      sandbox,
      call: api(base, CONSOLE_KEY),
      /** A page `width` px wide, signed in with `key`; `errors`: what the page threw or logged as an error. */
      async open(width: number, key = CONSOLE_KEY) {
        const context = await launched.newContext({ viewport: { width, height: 800 } });
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(String(e)));
        // A refused request is logged by the browser itself; the page says what it means.
        page.on('console', (m) => void (m.type() === 'error' && !/status of 40\d/.test(m.text()) && errors.push(m.text())));
        await page.goto(base);
        await page.getByLabel('API key').fill(key);
        await page.getByRole('button', { name: 'Sign in' }).click();
        return { page, errors, close: () => context.close() };
      },
      /** Arms a fault in the sandbox (`POST /__sandbox/faults`), or clears them all (no rule). */
      async fault(rule?: Record<string, unknown>) {
        const response = await fetch(`${sandbox}/__sandbox/faults`, rule ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(rule) } : { method: 'DELETE' });
        if (!response.ok) throw new Error(`sandbox faults: ${response.status}`);
      },
      async stop(): Promise<number | string> {
        await launched.close();
        const code = await service.stop('SIGTERM');
        await rm(dataDir, { recursive: true, force: true });
        return code;
      },
    };
  } catch (error) {
    await browser?.close();
    await service.stop('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}
