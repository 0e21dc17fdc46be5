// The crisis console in a real browser (Debian's chromium, headless) against the real service
// and its sandbox platforms on loopback. The main flow: sign in; press Crisis, see the
// dry run, give a reason, confirm; watch the progress reach done; keep one item and release
// another; resume; the playbook tab; the timeline — on a desktop and at 375 px wide. Then a wrong
// key refused; and a red alert pressed with the keyboard alone, whose failed items stand out as
// failures until retried, and whose resume waits for a second lead who approves it from their own
// console. Screenshots of each step land in test-results/console/.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, skipWithoutBrowser } from '../support/browser.js';
import { startConsoleSession, type ConsoleSession } from '../support/console-session.js';

describe.skipIf(skipWithoutBrowser('the console browser tests'))('the crisis console in a browser', () => {
  let session: ConsoleSession;
  beforeAll(async () => {
    session = await startConsoleSession();
  }, 60_000);
  afterAll(async () => expect(await session?.stop()).toBe(0));

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
    // A new time typed in another row survives the table being drawn again after the keep.
    const laterId = await rows.nth(2).getAttribute('data-item');
    await rows.nth(2).getByLabel('New time (optional)').fill('2030-01-01T10:00');
    await kept.getByRole('button', { name: 'Keep' }).click();
    await page.locator(`tr[data-item="${keptId}"] .state`).filter({ hasText: 'kept' }).waitFor();
    expect(await page.locator(`tr[data-item="${laterId}"]`).getByLabel('New time (optional)').inputValue()).toBe('2030-01-01T10:00');
    await page.locator(`tr[data-item="${releasedId}"]`).getByRole('button', { name: 'Release' }).click();
    await page.locator(`tr[data-item="${releasedId}"] .state`).filter({ hasText: 'restored' }).waitFor({ timeout: 20_000 });
    await shot('4-kept-and-released');

    await page.getByRole('link', { name: 'Resume' }).click();
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByText(/^Resumed .*: \d+ restored, 1 kept suspended\.$/).waitFor({ timeout: 20_000 });
    await shot('5-resumed');
    const pause = (await session.call('GET', `/v1/pauses/${pauseId}`)).body;
    expect(pause).toMatchObject({ state: 'resumed', source: 'console', failures: { listings: 0, items: 0 } });
    expect(pause.counts.byState).toMatchObject({ kept: 1, failed: 0 });

    // The playbook beside the pause: the steps Crisis calls for, by owner, ticked with a note;
    // the holding statements ready to copy; the plan's contacts.
    await page.getByRole('link', { name: 'Playbook' }).click();
    const open = page.getByText(/^\d+ steps still open\.$/);
    const before = Number((await open.textContent())!.split(' ')[0]);
    await page.getByRole('textbox', { name: 'Note for Acknowledge publicly (optional)' }).fill('Posted on every channel');
    await page.getByRole('button', { name: 'Done: Acknowledge publicly' }).click();
    await page.getByText(/^✓ Done by bootstrap .* — Posted on every channel$/).waitFor();
    await page.getByText(`${before - 1} step${before - 1 > 1 ? 's' : ''} still open.`).waitFor();
    await page.getByRole('button', { name: /^Copy “Holding statement/ }).first().waitFor();
    await page.getByRole('heading', { name: 'Contacts' }).waitFor();
    await shot('6-playbook');

    await page.getByRole('link', { name: 'Audit' }).click();
    const timeline = page.getByRole('list', { name: 'Timeline' });
    await timeline.getByText('pause.resumed').first().waitFor();
    for (const action of ['pause.requested', 'item.kept', 'item.release-requested', 'playbook.step-done']) await expect.poll(() => timeline.getByText(action).count()).toBeGreaterThan(0);
    await expect.poll(() => timeline.getByText(/pause\.requested by .* \(console\)/).count()).toBe(1);
    await shot('7-timeline');
    return pauseId;
  }

  it('pauses at Crisis, keeps one item and releases another, resumes and shows the timeline (desktop)', async () => {
    const { page, errors, close } = await session.open(1280);
    await crisisFlow(page, (name) => screenshot(page, `desktop-${name}`));
    expect(errors).toEqual([]);
    await close();
  }, 60_000);

  it('does the same at 375 px wide', async () => {
    const { page, errors, close } = await session.open(375);
    await crisisFlow(page, (name) => screenshot(page, `phone-${name}`));
    // Nothing wider than the screen: no sideways scrolling on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(errors).toEqual([]);
    await close();
  }, 60_000);

  it('refuses a wrong key with a clear message and keeps nothing', async () => {
    const { page, close } = await session.open(1280, 'not-a-key-at-all-0000');
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/This key was refused/);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await screenshot(page, 'wrong-key');
    await close();
  }, 30_000);

  it('shows a viewer the pauses but no severity button: pausing needs a lead', async () => {
    const viewer = (await session.call('POST', '/v1/keys', { name: 'Wall screen', role: 'viewer' })).body.secret as string;
    const { page, errors, close } = await session.open(1280, viewer);
    await page.getByText("Signed in as Wall screen, a viewer: you can follow the pauses here; pausing needs a lead's key.").waitFor();
    expect(await page.getByRole('button', { name: 'Crisis', exact: true }).count()).toBe(0);
    await screenshot(page, 'viewer');
    expect(errors).toEqual([]);
    await close();
  }, 30_000);

  it('shows a pause planned ahead under Planned, with its start and end, and not as in force', async () => {
    const startsAt = new Date(Date.now() + 24 * 3600_000).toISOString();
    const endsAt = new Date(Date.now() + 48 * 3600_000).toISOString();
    const planned = (await session.call('POST', '/v1/pauses', { severity: 1, reason: 'National day of mourning', startsAt, endsAt })).body.pause;
    const { page, errors, close } = await session.open(1280);
    await page.getByRole('heading', { name: 'Planned' }).waitFor();
    const card = page.locator(`article[data-pause="${planned.id}"]`);
    await expect.poll(() => card.textContent()).toMatch(/National day of mourning.*Planned by .* · starts .* · ends /);
    expect(await card.locator('progress').count()).toBe(0);
    await screenshot(page, 'planned');
    expect((await session.call('POST', `/v1/pauses/${planned.id}/cancel`, {})).status).toBe(200);
    await expect.poll(() => card.count()).toBe(0);
    expect(errors).toEqual([]);
    await close();
  }, 30_000);

  it('presses Red alert with the keyboard alone; failed items stand out until retried; a second lead approves the resume', async () => {
    const second = (await session.call('POST', '/v1/keys', { name: 'Second lead', role: 'lead' })).body.secret as string;
    const first = await session.open(1280);
    const page = first.page;
    // Meta refuses every change (its listing still works): the ads fail, the rest does not.
    await session.fault({ connection: 'meta-ads-acme', kind: 'server-error', method: 'POST', times: 10_000 });
    await page.getByRole('heading', { name: 'Now' }).waitFor();
    const focused = () => page.evaluate(() => document.activeElement?.textContent);
    for (let i = 0; i < 20 && (await focused()) !== 'Red alert'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText(/^Would suspend/).waitFor();
    await page.keyboard.type('Product recall');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Pause');
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('Confirm');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/pauses\/pau_/);
    const pauseId = /pauses\/(pau_[^/]+)/.exec(page.url())![1]!;
    expect((await session.call('GET', `/v1/pauses/${pauseId}`)).body).toMatchObject({ reason: 'Product recall', severity: 3 });

    // Failure is loud: never "Done", the card marked, the error in the items table.
    await page.getByRole('alert').filter({ hasText: /^Incomplete: \d+ items failed\.$/ }).waitFor({ timeout: 20_000 });
    expect(await page.getByText(/^Done:/).count()).toBe(0);
    expect(await page.locator('article.pause.failing').count()).toBe(1);
    await page.getByRole('cell', { name: /HTTP 5\d\d|server error|500/i }).first().waitFor();
    await screenshot(page, 'failure-shown');
    await session.fault();
    await page.getByRole('button', { name: 'Retry what failed' }).click();
    await page.getByText(/^Done: \d+ of \d+ items suspended\.$/).waitFor({ timeout: 20_000 });
    await screenshot(page, 'failure-retried');

    // Fast off, slow on: the resume of a red alert waits for another lead.
    await page.getByRole('link', { name: 'Resume' }).click();
    await page.getByText('At this severity a second lead must approve the resume before anything comes back.').waitFor();
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByRole('heading', { name: 'Awaiting a second lead’s approval' }).waitFor();
    // The lead who asked is not offered to approve their own request.
    await page.getByText('You asked for this resume: a different lead must approve it. You may withdraw it.').waitFor();
    expect(await page.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    await screenshot(page, 'approval-awaited');
    const other = await session.open(1280, second);
    await other.page.goto(`${session.base}/#/pauses/${pauseId}/resume`);
    await other.page.getByRole('button', { name: 'Approve' }).click();
    await other.page.getByText(/^Resumed .*: \d+ restored\.$/).waitFor({ timeout: 20_000 });
    await screenshot(other.page, 'approval-approved');
    // The first lead's console sees it live.
    await page.getByText(/^Resumed .*: \d+ restored\.$/).waitFor({ timeout: 10_000 });
    expect((await session.call('GET', `/v1/pauses/${pauseId}`)).body).toMatchObject({ state: 'resumed', resume: { actor: { name: 'Second lead' } } });
    await first.close();
    await other.close();
  }, 60_000);
});
