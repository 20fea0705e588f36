/**
 * The reports in a real browser on the demo province (issue 14 part 8): the province's report for last year, one
 * number followed to the list behind it (the list's count is the number), the report exported (an xlsx arrives),
 * submitted, a record changed (a death last December), and the difference against the submitted figure; the
 * dashboard on a phone and on an office screen.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { DEMO_PASSWORD } from '../../src/server/demo/seed.ts';
import { browserAvailable, browserRequired, launchBrowser, submitLogin } from '../helpers/browser.ts';
import { browserWithDemo } from '../helpers/server.ts';

const PHONE = { width: 390, height: 844 };
const OFFICE = { width: 1366, height: 768 };

/** "8.716" → 8716. */
const count = (text: string | null) => Number((text ?? '').replace(/[^\d]/gu, ''));

describe.skipIf(!browserAvailable && !browserRequired)('reports in the browser', () => {
  const env = browserWithDemo(launchBrowser);
  const errors = env.errors;

  async function openAs(viewport: { width: number; height: number }): Promise<Page> {
    const context = await env.browser!.newContext({ viewport, locale: 'vi-VN', acceptDownloads: true });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    await submitLogin(page, env.server.baseUrl, 'admin', DEMO_PASSWORD);
    return page;
  }

  const noSidewaysScroll = (page: Page) =>
    page.evaluate(() => {
      const doc = document.documentElement;
      const content = document.querySelector<HTMLElement>('[data-testid="app-content"]');
      return doc.scrollWidth <= doc.clientWidth && (!content || content.scrollWidth <= content.clientWidth + 1);
    });

  it('the dashboard is the home page: figures linked to their lists, charts, at 390×844 and 1366×768', { timeout: 120_000 }, async ({ skip }) => {
    if (!env.browser) return skip('no browser');
    for (const viewport of [PHONE, OFFICE]) {
      const page = await openAs(viewport);
      await expect.poll(() => page.getByTestId('org-title').textContent(), { timeout: 20_000 }).toContain('Đảng bộ tỉnh');
      const members = count(await page.getByTestId('dashboard-members-value').textContent());
      expect(members).toBeGreaterThan(0);
      await page.getByTestId('dashboard-trends').locator('svg').first().waitFor({ timeout: 20_000 });
      expect(await noSidewaysScroll(page)).toBe(true);
      // The members' figure opens the member list of the province, whose count is the figure.
      await page.getByTestId('dashboard-members').click();
      await expect.poll(() => page.url()).toContain('/members?orgId=');
      await expect.poll(async () => count(await page.getByTestId('members-total').textContent()), { timeout: 20_000 }).toBe(members);
      await page.context().close();
    }
    expect(errors).toEqual([]);
  });

  const lastYear = new Date().getUTCFullYear() - 1;
  /** The report's page of last year and its «Tổng số đảng viên», shared by the journey's steps. */
  let reportUrl = '';
  let onRoll = 0;

  it(
    'opens the province’s report for last year and follows a number to its members: the list’s count is the number',
    { timeout: 240_000 },
    async ({ skip }) => {
      if (!env.browser) return skip('no browser');
      const page = await openAs(OFFICE);
      await page.getByTestId('org-title').waitFor({ timeout: 20_000 });
      await page.getByTestId('nav-reports').click();
      await page.getByTestId('report-scope').waitFor({ timeout: 60_000 });
      // Last year: one step down from this year.
      await page.getByTestId('report-year').click();
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => page.getByTestId('report-scope').textContent(), { timeout: 60_000 }).toContain(`từ 01/01/${lastYear} đến 31/12/${lastYear}`);

      // The members of the province on 31/12 of last year: the number, then the list behind it.
      await page.getByTestId('report-tab-members-composition').click();
      const cell = page.getByTestId('cell-members-composition-all-count');
      await cell.waitFor({ timeout: 30_000 });
      onRoll = count(await cell.textContent());
      expect(onRoll).toBeGreaterThan(0);
      reportUrl = page.url();
      await cell.click();
      await expect.poll(() => page.url()).toContain(`asOf=${lastYear}-12-31`);
      await page.getByTestId('members-drilldown').waitFor();
      await expect.poll(async () => count(await page.getByTestId('members-total').textContent()), { timeout: 30_000 }).toBe(onRoll);
      expect(errors).toEqual([]);
      await page.context().close();
    },
  );

  it('exports it, submits it, records a death, and sees the difference against the submitted figure', { timeout: 240_000 }, async ({ skip }) => {
    if (!env.browser || !reportUrl) return skip('no browser, or no report opened');
    const db = env.server.database.db;
    const page = await openAs(OFFICE);
    await page.getByTestId('org-title').waitFor({ timeout: 20_000 });
    await page.goto(reportUrl);
    await page.getByTestId('report-scope').waitFor({ timeout: 60_000 });

    // The export: an xlsx workbook arrives.
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId('report-export-xlsx').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/u);
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');

    // Submit it.
    await page.getByTestId('report-submit').click();
    await page.getByTestId('submit-note').fill('Báo cáo năm gửi Ban Tổ chức Trung ương');
    await page.getByTestId('submit-confirm').click();
    await page.getByTestId('submission-open-1').waitFor({ timeout: 120_000 });

    // A record changes: a member of the province on the roll dies on 15/12 of last year.
    const member = await sql<{
      id: string;
    }>`SELECT id FROM member WHERE status = 'active' AND admitted_on < ${`${lastYear}-01-01`} ORDER BY id LIMIT 1`.execute(db);
    const memberId = member.rows[0]!.id;
    const died = await page.evaluate(
      async ({ id, date }) => {
        const me = await (await fetch('/api/auth/me')).json();
        const r = await fetch(`/api/members/${id}/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: JSON.stringify({ kind: 'deceased', date }),
        });
        return r.status;
      },
      { id: memberId, date: `${lastYear}-12-15` },
    );
    expect(died).toBe(200);

    // The submission read again: the stored figure stays, the live one differs by the death.
    await page.getByTestId('submission-open-1').click();
    const drawer = page.getByTestId('submission-differences');
    await drawer.waitFor({ timeout: 120_000 });
    const row = drawer.locator('tr', { hasText: 'Tổng số đảng viên' }).first();
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(-2).map(count)).toEqual([onRoll, onRoll - 1]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
