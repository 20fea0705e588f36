/**
 * The web as its users meet it (issue 12): every main page on a phone (390×844) without sideways scrolling nor
 * titles broken a letter per line, the tree, the menu and the user menu reachable there; at 1366×768 the member
 * file's tabs, the period page's rating selects, the results page's «Báo cáo Word» and the member grid in view;
 * Vietnamese numbers on the results page, opened on the latest published year; date fields that keep an impossible
 * date and name it; a name typed in lower case offered capitalised.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/seed.ts';
import { browserAvailable, browserRequired, launchBrowser, submitLogin } from '../helpers/browser.ts';
import { browserWithDemo } from '../helpers/server.ts';

const PHONE = { width: 390, height: 844 };
const OFFICE = { width: 1366, height: 768 };

/** What is wrong with the page's width: the document or the page area scrolling sideways, a title a letter per line. */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth) problems.push(`the document is ${doc.scrollWidth} px wide in ${doc.clientWidth} px`);
    const content = document.querySelector<HTMLElement>('[data-testid="app-content"]');
    if (content && content.scrollWidth > content.clientWidth + 1) {
      // Name the widest element that sticks out, to say what to fix.
      const right = content.getBoundingClientRect().right;
      const culprit = [...content.querySelectorAll<HTMLElement>('*')]
        .filter((el) => el.getBoundingClientRect().right > right + 1 && !el.closest('.ant-table-container'))
        .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]} ${el.getAttribute('data-testid') ?? ''}`)
        .slice(0, 3);
      problems.push(`the page is ${content.scrollWidth} px wide in ${content.clientWidth} px (${culprit.join(', ')})`);
    }
    for (const el of document.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, .ant-card-head-title, .ant-modal-title')) {
      const text = (el.textContent ?? '').trim();
      if (!text || el.getClientRects().length === 0) continue;
      const lineHeight = Number.parseFloat(getComputedStyle(el).lineHeight) || 22;
      const lines = Math.round(el.getBoundingClientRect().height / lineHeight);
      const words = text.split(/\s+/u).length;
      if (lines > Math.max(2, words)) problems.push(`the title «${text}» takes ${lines} lines`);
    }
    return problems;
  });
}

/** Waits for the page's requests and spinners to settle. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('.ant-spin-spinning, .ant-skeleton, .ant-card-loading-content').count(), { timeout: 20_000 }).toBe(0);
}

describe.skipIf(!browserAvailable && !browserRequired)('layout from a phone to an office screen', () => {
  const env = browserWithDemo(launchBrowser);
  const errors = env.errors;

  async function openAs(viewport: { width: number; height: number }): Promise<Page> {
    const page = await env.browser!.newPage({ viewport, locale: 'vi-VN' });
    page.on('pageerror', (e) => errors.push(String(e)));
    await submitLogin(page, env.server.baseUrl, 'admin', DEMO_PASSWORD);
    await page.getByTestId('org-title').waitFor({ timeout: 20_000 });
    return page;
  }

  async function ids() {
    const db = env.server.database.db;
    const member = await db.selectFrom('member').select('id').where('status', '=', 'active').orderBy('name_sort_key').limit(1).executeTakeFirstOrThrow();
    const period = await db
      .selectFrom('evaluation_period')
      .select(['id', 'year'])
      .where('status', '=', 'published')
      .orderBy('year', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const dossier = await db.selectFrom('admission_dossier').select('id').orderBy('id').limit(1).executeTakeFirst();
    const root = await db.selectFrom('org').select('id').where('current_path', '~', '^/[^/]+/$').limit(1).executeTakeFirstOrThrow();
    return { member: member.id, period, dossier: dossier?.id, root: root.id };
  }

  it('every main page fits 390 px: no sideways scrolling, no title a letter per line', async ({ skip }) => {
    if (!env.browser) return skip('no browser');
    const { member, period, dossier, root } = await ids();
    const page = await openAs(PHONE);
    const paths = [
      '/',
      `/orgs/${root}`,
      '/members',
      `/members/${member}`,
      `/members/${member}?tab=documents`,
      '/members/import',
      '/transfers/incoming',
      '/badges',
      '/admissions',
      ...(dossier ? [`/admissions/dossiers/${dossier}`] : []),
      '/work',
      '/evaluation',
      `/evaluation/${period.id}`,
      '/evaluation/results',
      '/reorganize',
      '/users',
      '/audit',
      '/calendar',
      '/change-password',
      '/reports',
      `/reports?orgId=${root}&compare=1&breakdown=1`,
    ];
    const found: string[] = [];
    for (const path of paths) {
      await page.goto(`${env.server.baseUrl}${path}`);
      await settle(page);
      for (const p of await layoutProblems(page)) found.push(`${path}: ${p}`);
    }
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('on a phone the tree, the menu and the user menu are reachable', async ({ skip }) => {
    if (!env.browser) return skip('no browser');
    const page = await openAs(PHONE);
    // The page keeps the width: the tree is not a column beside it.
    const content = await page.getByTestId('app-content').boundingBox();
    expect(content!.width).toBeGreaterThan(PHONE.width - 10);
    // The tree opens as a drawer and closes when an organisation is opened.
    await page.getByTestId('tree-drawer-open').click();
    await page.getByTestId('tree-search').fill('xa');
    const result = page.locator('[data-testid^="tree-search-result-"]').first();
    await result.waitFor();
    await result.click();
    await expect.poll(() => page.getByTestId('tree-search').isVisible()).toBe(false);
    await expect.poll(() => page.url()).toMatch(/\/orgs\//u);
    // The navigation opens from the right and leads to its pages.
    await page.getByTestId('nav-drawer-open').click();
    await page.getByTestId('nav-drawer-menu').getByTestId('nav-members').click();
    await expect.poll(() => page.url()).toMatch(/\/members/u);
    // The user menu is on the screen, with its sign-out.
    const button = await page.getByTestId('user-menu').boundingBox();
    expect(button!.x + button!.width).toBeLessThanOrEqual(PHONE.width);
    await page.getByTestId('user-menu').click();
    const logout = page.getByTestId('menu-logout');
    await logout.waitFor();
    const box = await logout.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    await page.close();
  });

  it('at 1366×768: the member file shows every tab, the rating selects their whole labels, the grid opens in view', async ({ skip }) => {
    if (!env.browser) return skip('no browser');
    const { member, period } = await ids();
    const page = await openAs(OFFICE);
    await page.goto(`${env.server.baseUrl}/members/${member}`);
    const documents = page.getByTestId('member-tab-documents');
    await documents.waitFor();
    const tab = await documents.boundingBox();
    expect(tab!.x + tab!.width).toBeLessThanOrEqual(OFFICE.width);
    await documents.click();
    await expect.poll(() => page.url()).toContain('tab=documents');

    await page.goto(`${env.server.baseUrl}/evaluation/${period.id}`);
    await page.getByTestId('period-orgs').waitFor({ timeout: 20_000 });
    // Each rating select is at least as wide as its longest label (a native select cuts the rest off).
    const cut = await page.evaluate(() => {
      const canvas = document.createElement('canvas').getContext('2d')!;
      const out: string[] = [];
      for (const select of document.querySelectorAll<HTMLSelectElement>('select[data-testid^="org-"]')) {
        canvas.font = getComputedStyle(select).font;
        const widest = Math.max(...[...select.options].map((o) => canvas.measureText(o.text).width));
        if (select.clientWidth < widest + 16) out.push(`${select.getAttribute('data-testid')}: ${select.clientWidth} px for ${Math.ceil(widest)} px of text`);
      }
      return out.slice(0, 5);
    });
    expect(cut).toEqual([]);
    // The grid of the last organisation of a long table opens above the table, in view.
    const open = page.locator('[data-testid^="open-grid-"]').last();
    await open.scrollIntoViewIfNeeded();
    await open.click();
    await page.getByTestId('member-grid').waitFor({ timeout: 20_000 });
    await expect
      .poll(async () => {
        const grid = await page.getByTestId('period-grid').boundingBox();
        return grid !== null && grid.y >= 0 && grid.y < OFFICE.height;
      })
      .toBe(true);
    const [grid, table] = [await page.getByTestId('period-grid').boundingBox(), await page.getByTestId('period-orgs').boundingBox()];
    expect(grid!.y).toBeLessThan(table!.y);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('the results page opens on the latest published year with Vietnamese numbers and its «Báo cáo Word» in full', async ({ skip }) => {
    if (!env.browser) return skip('no browser');
    const { period } = await ids();
    const page = await openAs(OFFICE);
    await page.goto(`${env.server.baseUrl}/evaluation/results`);
    await expect.poll(() => page.getByTestId('results-year').inputValue(), { timeout: 20_000 }).toBe(String(period.year));
    const total = page.getByTestId('results-members-total').locator('.ant-statistic-content');
    await expect.poll(() => total.textContent(), { timeout: 20_000 }).toMatch(/^\d{1,3}(\.\d{3})+$/u);
    await expect.poll(() => page.getByTestId('results-members-good').textContent()).toMatch(/\d+(,\d+)?%/u);
    await expect.poll(() => page.locator('.ant-card-head-title').allTextContents()).toContain(`HTXSNV 3 năm liền (${period.year - 2}–${period.year})`);
    const word = page.getByTestId('results-docx');
    const box = await word.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(OFFICE.width);
    expect(await word.evaluate((b) => b.scrollWidth <= b.clientWidth)).toBe(true);
    expect(await word.textContent()).toContain('Báo cáo Word');
    await page.close();
  });

  it('a date field keeps 31/02/1990 and 32/13/2020 and says «Ngày không hợp lệ.»; a valid date clears it', async ({ skip }) => {
    if (!env.browser) return skip('no browser');
    const page = await openAs(OFFICE);
    await page.goto(`${env.server.baseUrl}/calendar`);
    const input = page.getByTestId('calendar-add-date');
    await input.waitFor();
    const errorsOfForm = () => page.locator('.ant-form-item').filter({ has: input }).locator('.ant-form-item-explain-error').allTextContents();
    for (const typed of ['31/02/1990', '32/13/2020']) {
      await input.click();
      await input.fill('');
      await page.keyboard.type(typed);
      await page.keyboard.press('Tab');
      await expect.poll(errorsOfForm).toEqual(['Ngày không hợp lệ.']);
      expect(await input.inputValue()).toBe(typed);
    }
    // Saving is refused with the same message, not "please enter a date".
    await page.getByTestId('calendar-add-submit').click();
    await expect.poll(errorsOfForm).toContain('Ngày không hợp lệ.');
    expect(await errorsOfForm()).not.toContain('Vui lòng chọn ngày.');
    expect(await input.inputValue()).toBe('32/13/2020');
    // 28/02/1990 exists: the message goes.
    await input.click();
    await input.fill('');
    await page.keyboard.type('28/02/1990');
    await page.keyboard.press('Tab');
    await expect.poll(errorsOfForm).toEqual([]);
    expect(await input.inputValue()).toBe('28/02/1990');
    await page.close();
  });

  it('a name typed in lower case is offered capitalised, and the offer taken', async ({ skip }) => {
    if (!env.browser) return skip('no browser');
    const page = await openAs(OFFICE);
    await page.goto(`${env.server.baseUrl}/users`);
    await page.getByTestId('users-create').click();
    await page.getByTestId('user-fullname').fill('nguyễn văn test');
    await expect.poll(() => page.getByTestId('user-fullname-suggestion').textContent()).toContain('«Nguyễn Văn Test»');
    await page.getByTestId('user-fullname-suggestion-apply').click();
    await expect.poll(() => page.getByTestId('user-fullname').inputValue()).toBe('Nguyễn Văn Test');
    expect(await page.getByTestId('user-fullname-suggestion').count()).toBe(0);
    await page.close();
  });
});
