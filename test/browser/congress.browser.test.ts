/**
 * Congress in a real browser against the demo province: the 2025 round's summary on «Đại hội» counts the grassroots
 * organisations that held their congress; recording the missing congress of one of them (its 2025–2030 term and its
 * secretary, through the form of «Cấp ủy, nhiệm kỳ») shows its committee and raises the summary by one; both pages fit
 * a phone (390×844) and a 1366×768 screen.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/seed.ts';
import { browserAvailable, browserRequired, launchBrowser, openPage, submitLogin } from '../helpers/browser.ts';
import { browserWithDemo } from '../helpers/server.ts';

async function call(page: Page, url: string): Promise<any> {
  return page.evaluate(async (url) => (await fetch(url)).json(), url);
}

async function pageWidthOk(page: Page) {
  const problems = await page.evaluate(() => {
    const doc = document.documentElement;
    return doc.scrollWidth > doc.clientWidth ? [`the document is ${doc.scrollWidth} px wide in ${doc.clientWidth} px`] : [];
  });
  expect(problems).toEqual([]);
}

const held = (text: string) => Number(/Đã tổ chức đại hội ([\d.]+)\//u.exec(text)?.[1]?.replace(/\./g, '') ?? NaN);

describe.skipIf(!browserAvailable && !browserRequired)('congress in the browser', () => {
  const env = browserWithDemo(launchBrowser);
  const errors = env.errors;

  it('records a term and its committee; the round’s summary counts the congress', { timeout: 240000 }, async ({ skip }) => {
    if (!env.browser) return skip('no browser');
    const page = await openPage(env.browser, errors);
    await page.setViewportSize({ width: 1366, height: 768 });
    await submitLogin(page, env.server.baseUrl, 'admin', DEMO_PASSWORD);
    await page.getByTestId('nav-orgs').waitFor();
    const rounds = await call(page, '/api/congress/rounds');
    const round = rounds.items.find((r: { title: string }) => r.title.includes('2025–2030'));
    expect(round).toBeDefined();
    const pending = await call(page, `/api/congress/rounds/${round.id}?state=pending&grassrootsOnly=true`);
    expect(pending.items.length).toBeGreaterThan(0);
    const org = pending.items[0] as { orgId: string; orgName: string };

    await page.goto(`${env.server.baseUrl}/congress?roundId=${round.id}`);
    const summary = page.getByTestId('round-summary');
    await summary.waitFor({ timeout: 15000 });
    await expect.poll(async () => (await summary.textContent()) ?? '', { timeout: 15000 }).toMatch(/Đã tổ chức đại hội [\d.]+\/[\d.]+ TCCSĐ/u);
    const before = held((await summary.textContent()) ?? '');
    expect(before).toBeGreaterThan(0);
    await pageWidthOk(page);

    // The congress of 15/09/2025, through the form.
    await page.goto(`${env.server.baseUrl}/congress/terms?orgId=${org.orgId}`);
    await page.getByTestId('term-add').click();
    await page.getByTestId('term-from').fill('2025');
    await page.getByTestId('term-to').fill('2030');
    await page.getByTestId('term-congress-on').click();
    await page.keyboard.type('15/09/2025');
    await page.keyboard.press('Tab');
    await page.getByTestId('term-seat-name-0').fill('Nguyễn Văn Đại Hội');
    await page.getByTestId('modal-submit').click();
    const committee = page.getByTestId('committee-table');
    await expect.poll(async () => (await committee.textContent()) ?? '', { timeout: 15000 }).toContain('Nguyễn Văn Đại Hội');
    expect(await committee.textContent()).toContain('Bí thư');
    expect(await page.getByTestId('term-table').textContent()).toContain('2025–2030');
    await pageWidthOk(page);

    await page.goto(`${env.server.baseUrl}/congress?roundId=${round.id}`);
    await page.getByTestId('round-summary').waitFor({ timeout: 15000 });
    await expect.poll(async () => held((await page.getByTestId('round-summary').textContent()) ?? ''), { timeout: 15000 }).toBe(before + 1);

    // On a phone.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const url of [`/congress?roundId=${round.id}`, `/congress/terms?orgId=${org.orgId}`]) {
      await page.goto(`${env.server.baseUrl}${url}`);
      await page.locator('.ant-card').first().waitFor({ timeout: 15000 });
      await page.waitForTimeout(300);
      await pageWidthOk(page);
    }
    expect(errors).toEqual([]);
  });
});
