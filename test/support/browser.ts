// Debian's chromium driven by playwright-core (playwright's own browser download does not work
// here). Where no chromium is installed, browser tests say so loudly and skip — unless
// CRISIS_PAUSE_REQUIRE_BROWSER=1 (CI), where a missing browser is a failure.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { it } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-results/console');

/** Why browser tests cannot run here, or null when they can. */
export function browserMissing(): string | null {
  return existsSync(CHROMIUM) ? null : `no chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;
}

/**
 * Whether to skip: warns when it does. With CRISIS_PAUSE_REQUIRE_BROWSER=1 a missing browser is
 * a failing test instead (a failing hook would only mark the tests skipped, and CI counts tests).
 */
export function skipWithoutBrowser(what: string): boolean {
  const missing = browserMissing();
  if (!missing) return false;
  if (process.env.CRISIS_PAUSE_REQUIRE_BROWSER === '1') {
    it(`${what}: chromium is required here (CRISIS_PAUSE_REQUIRE_BROWSER=1)`, () => {
      throw new Error(`${what} need chromium: ${missing}`);
    });
    return true;
  }
  console.warn(`\n*** SKIPPING ${what}: ${missing}. Set CRISIS_PAUSE_REQUIRE_BROWSER=1 to make this a failure. ***\n`);
  return true;
}

export async function launchBrowser(): Promise<Browser> {
  const missing = browserMissing();
  if (missing) throw new Error(`browser tests need chromium: ${missing}`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
}

/** Saves the page as test-results/console/<name>.png (git-ignored output). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

