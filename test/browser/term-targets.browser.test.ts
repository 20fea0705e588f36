/**
 * Term targets in a real browser against the demo province (issue 17 parts 6–7): on the province's term, a congress
 * target of 95% grassroots organisations rated excellent is recorded through the form and flagged «Có khả năng không
 * đạt» from the latest year's published ratings, with the reason in words; its figure links to the records behind it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatPercent } from '../../src/domain/numbers.ts';
import { DEMO_PASSWORD } from '../../src/server/demo/seed.ts';
import { browserAvailable, browserRequired, launchBrowser, openPage, submitLogin } from '../helpers/browser.ts';
import { browserWithDemo } from '../helpers/server.ts';

/** Calls the API from the page, with the session's CSRF token. */
async function call(page: Page, method: string, url: string, body?: unknown): Promise<any> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const me = await (await fetch('/api/auth/me')).json();
      const r = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: r.status, body: await r.json() };
    },
    { method, url, body },
  );
}

describe.skipIf(!browserAvailable && !browserRequired)('term targets in the browser', () => {
  const env = browserWithDemo(launchBrowser);
  const errors = env.errors;

  it('a congress target of 95% excellent is flagged at risk from the latest ratings', { timeout: 240000 }, async ({ skip }) => {
    if (!env.browser) return skip('no browser');
    const root = env.server.seeded.rootId;
    const page = await openPage(env.browser, errors);
    await submitLogin(page, env.server.baseUrl, 'admin', DEMO_PASSWORD);
    await page.getByTestId('nav-orgs').waitFor();
    const today = await page.evaluate(() => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' }));
    const year = Number(today.slice(0, 4));
    // The province's term running now (the demo's), else one recorded here.
    const terms = await call(page, 'GET', `/api/congress/terms?orgId=${root}`);
    expect(terms.status).toBe(200);
    let term = (terms.body.items as { id: string; fromYear: number; toYear: number }[]).find((t) => t.fromYear <= year && year <= t.toYear)?.id;
    if (!term) {
      const made = await call(page, 'POST', '/api/congress/terms', { orgId: root, fromYear: 2025, toYear: 2030, congressOn: '2025-10-16' });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      term = made.body.term.id as string;
    }
    await page.goto(`${env.server.baseUrl}/congress/targets?orgId=${root}&termId=${term}`);
    await page.getByTestId('target-add').click();
    await page.getByTestId('target-title').fill('Tỷ lệ tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ hằng năm');
    await page.getByTestId('target-low').fill('95');
    await page.getByTestId('modal-submit').click();
    const targets = (await call(page, 'GET', `/api/congress/terms/${term}/targets`)).body.targets as {
      seq: number;
      title: string;
      years: { year: number; actual: number | null }[];
    }[];
    const added = targets.find((t) => t.title.endsWith('hằng năm'))!;
    expect(added).toBeDefined();
    // The latest year with published ratings, and its share from the evaluation results: below 95%.
    const latest = added.years.filter((y) => y.actual !== null).at(-1)!;
    expect(latest).toBeDefined();
    const results = (await call(page, 'GET', `/api/evaluation/results?orgId=${root}&year=${latest.year}`)).body;
    expect(results.orgs.levels[0].percent).toBe(latest.actual);
    expect(latest.actual!).toBeLessThan(95);
    const status = page.getByTestId(`target-${added.seq}-status`);
    await status.waitFor({ timeout: 15000 });
    expect(await status.textContent()).toBe('Có khả năng không đạt');
    const reason = (await page.getByTestId(`target-${added.seq}-reason`).textContent()) ?? '';
    expect(reason).toContain(`Năm ${latest.year} đạt ${formatPercent(latest.actual!)}, thấp hơn chỉ tiêu 95%`);
    // The figure opens the excellent organisations of that year.
    const figure = page.getByTestId(`target-${added.seq}-actual-${latest.year}`);
    expect(await figure.getAttribute('href')).toContain('/evaluation/results?');
    expect(errors).toEqual([]);
  });
});
