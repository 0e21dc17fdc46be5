// The crisis console in a real browser (Debian's chromium, headless) against the real service
// and its sandbox platforms on loopback: sign in; press Crisis, see the dry run, give a reason,
// confirm; watch the progress reach done; keep one item and release another; resume; see the
// timeline — on a desktop and at 375 px wide; a wrong key is refused; the main button pressed
// with the keyboard alone; a red alert's resume approved by a second lead. Screenshots of each
// step land in test-results/console/.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, skipWithoutBrowser } from '../support/browser.js';
import { writeCoreConfig } from '../support/core-config.js';
import { api, startProcess, type Running } from '../support/process.js';

const KEY = 'console-e2e-key-0123456789abcdef';

describe.skipIf(skipWithoutBrowser('the console browser tests'))('the crisis console in a browser', () => {
  let service: Running;
  let dataDir: string;
  let base: string;
  let browser: Browser;
  let call: ReturnType<typeof api>;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'crisis-pause-console-'));
    // Resumes from red alert (3) up need a second lead; Crisis (2), the main flow, needs none.
    // Request rates raised (as testConfig() does) so that the flows do not wait on Hootsuite's 20/s.
    const config = await writeCoreConfig(dataDir, (raw) => {
      raw.resume.approvalFrom = 3;
      for (const connection of raw.connections) connection.limits = { requestsPerSecond: 1000 };
    });
    service = startProcess('src/main.ts', { PORT: '0', SANDBOX_PORT: '0', DATA_DIR: path.join(dataDir, 'data'), CONFIG_FILE: config, BOOTSTRAP_API_KEY: KEY, LOG_LEVEL: 'warn' });
    [base, browser] = await Promise.all([service.waitFor(/listening on (http:\/\/\S+)/), launchBrowser()]);
    call = api(base, KEY);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    expect(await service?.stop('SIGTERM')).toBe(0);
    await rm(dataDir, { recursive: true, force: true });
  });

  const open = async (width: number, key = KEY) => {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => void (m.type() === 'error' && !/status of 40\d/.test(m.text()) && errors.push(m.text())));
    await page.goto(base);
    await page.getByLabel('API key').fill(key);
    await page.getByRole('button', { name: 'Sign in' }).click();
    return { page, errors, close: () => context.close() };
  };

  /** The whole flow at one width: pause at Crisis, review, resume, timeline. */
  async function crisisFlow(page: Page, shot: (name: string) => Promise<void>) {
    await expect.poll(() => page.getByRole('heading', { name: 'Now' }).isVisible()).toBe(true);
    await shot('1-signed-in');
    await page.getByRole('button', { name: 'Crisis', exact: true }).click();
    const dryRun = page.getByText(/^Would suspend \d+ posts?, \d+ ads?\.$/);
    await dryRun.waitFor();
    await shot('2-dry-run');
    await page.getByLabel('Reason').fill('Tone-deaf post about the storm');
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.waitForURL(/#\/pauses\/pau_[^/]+\/review$/);
    const pauseId = /pauses\/(pau_[^/]+)/.exec(page.url())![1]!;
    await page.getByText(/^Done: \d+ of \d+ items suspended\.$/).waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator('progress').first().getAttribute('aria-valuetext')).toMatch(/^(\d+) of \1 items done — finished$/);
    await shot('3-progress-done');

    const rows = page.locator('table.items tbody tr');
    await rows.first().waitFor();
    const [kept, released] = [rows.nth(0), rows.nth(1)];
    const keptId = await kept.getAttribute('data-item');
    const releasedId = await released.getAttribute('data-item');
    await kept.getByRole('button', { name: 'Keep' }).click();
    await page.locator(`tr[data-item="${keptId}"] .state`).filter({ hasText: 'kept' }).waitFor();
    await page.locator(`tr[data-item="${releasedId}"]`).getByRole('button', { name: 'Release' }).click();
    await page.locator(`tr[data-item="${releasedId}"] .state`).filter({ hasText: 'restored' }).waitFor({ timeout: 20_000 });
    await shot('4-kept-and-released');

    await page.getByRole('link', { name: 'Resume' }).click();
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByText(/^Resumed .*: \d+ restored, 1 kept suspended\.$/).waitFor({ timeout: 20_000 });
    await shot('5-resumed');
    const pause = (await call('GET', `/v1/pauses/${pauseId}`)).body;
    expect(pause).toMatchObject({ state: 'resumed', source: 'console', failures: { listings: 0, items: 0 } });
    expect(pause.counts.byState).toMatchObject({ kept: 1, failed: 0 });

    // The playbook beside the pause: its checklist once the service has the playbook API, and
    // until then a plain "not available" — never a broken tab.
    await page.getByRole('link', { name: 'Playbook' }).click();
    await page.getByRole('heading', { name: 'Manual platforms' }).waitFor();
    await page.getByText(/^(Playbook not available|\d+ steps? still open|Every step is done)/).waitFor();
    await shot('6-playbook');

    await page.getByRole('link', { name: 'Audit' }).click();
    const timeline = page.getByRole('list', { name: 'Timeline' });
    await timeline.getByText('pause.resumed').first().waitFor();
    for (const action of ['pause.requested', 'item.kept', 'item.release-requested']) await expect.poll(() => timeline.getByText(action).count()).toBeGreaterThan(0);
    await expect.poll(() => timeline.getByText(/pause\.requested by .* \(console\)/).count()).toBe(1);
    await shot('7-timeline');
    return pauseId;
  }

  it('pauses at Crisis, keeps one item and releases another, resumes and shows the timeline (desktop)', async () => {
    const { page, errors, close } = await open(1280);
    await crisisFlow(page, (name) => screenshot(page, `desktop-${name}`));
    expect(errors).toEqual([]);
    await close();
  }, 60_000);

  it('does the same at 375 px wide', async () => {
    const { page, errors, close } = await open(375);
    await crisisFlow(page, (name) => screenshot(page, `phone-${name}`));
    // Nothing wider than the screen: no sideways scrolling on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(errors).toEqual([]);
    await close();
  }, 60_000);

  it('refuses a wrong key with a clear message and keeps nothing', async () => {
    const { page, close } = await open(1280, 'not-a-key-at-all-0000');
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/This key was refused/);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await screenshot(page, 'wrong-key');
    await close();
  }, 30_000);

  it('presses the main button with the keyboard alone', async () => {
    const { page, close } = await open(1280);
    await page.getByRole('heading', { name: 'Now' }).waitFor();
    for (let i = 0; i < 20 && (await page.evaluate(() => document.activeElement?.textContent)) !== 'Crisis'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText(/^Would suspend/).waitFor();
    await page.keyboard.type('Keyboard only');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Pause');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Confirm');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/pauses\/pau_/);
    await screenshot(page, 'keyboard-paused');
    const pauseId = /pauses\/(pau_[^/]+)/.exec(page.url())![1]!;
    expect((await call('GET', `/v1/pauses/${pauseId}`)).body).toMatchObject({ reason: 'Keyboard only', severity: 2 });
    expect((await call('POST', `/v1/pauses/${pauseId}/resume?wait=true`, {})).status).toBe(200);
    await close();
  }, 30_000);

  it("asks a second lead to approve a red alert's resume, and lets another lead approve it", async () => {
    const second = (await call('POST', '/v1/keys', { name: 'Second lead', role: 'lead' })).body.secret as string;
    const first = await open(1280);
    await first.page.getByRole('button', { name: 'Red alert', exact: true }).click();
    await first.page.getByText(/^Would suspend/).waitFor();
    await first.page.getByLabel('Reason').fill('Product recall');
    await first.page.getByRole('button', { name: 'Pause', exact: true }).click();
    await first.page.getByRole('button', { name: 'Confirm' }).click();
    await first.page.getByText(/^Done: \d+ of \d+ items suspended\.$/).waitFor({ timeout: 20_000 });
    const pauseId = /pauses\/(pau_[^/]+)/.exec(first.page.url())![1]!;
    await first.page.getByRole('link', { name: 'Resume' }).click();
    await first.page.getByRole('button', { name: 'Resume' }).click();
    await first.page.getByRole('heading', { name: 'Awaiting a second lead’s approval' }).waitFor();
    await first.page.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => first.page.getByRole('alert').last().textContent()).toMatch(/a different lead must approve it/);
    await screenshot(first.page, 'approval-awaited');

    const other = await open(1280, second);
    await other.page.goto(`${base}/#/pauses/${pauseId}/resume`);
    await other.page.getByRole('button', { name: 'Approve' }).click();
    await other.page.getByText(/^Resumed .*: \d+ restored\.$/).waitFor({ timeout: 20_000 });
    await screenshot(other.page, 'approval-approved');
    // The first lead's console sees it live.
    await first.page.getByText(/^Resumed .*: \d+ restored\.$/).waitFor({ timeout: 10_000 });
    expect((await call('GET', `/v1/pauses/${pauseId}`)).body).toMatchObject({ state: 'resumed', resume: { actor: { name: 'Second lead' } } });
    await first.close();
    await other.close();
  }, 45_000);
});
