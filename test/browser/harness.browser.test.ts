/** The browser harness itself: Chromium starts headless and renders Vietnamese text. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, browserRequired, launchBrowser } from '../helpers/browser.ts';

describe.skipIf(!browserAvailable && !browserRequired)('browser harness', () => {
  let browser: Browser | null = null;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens a page and reads its heading', async ({ skip }) => {
    if (!browser) return skip('no browser');
    const page = await browser.newPage();
    // The charset keeps "à" from being decoded as Latin-1.
    await page.goto('data:text/html;charset=utf-8,<h1>Xin chào</h1>');
    expect(await page.locator('h1').textContent()).toBe('Xin chào');
    await page.close();
  });
});
