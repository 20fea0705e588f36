/**
 * The December cycle in a real browser on the demo province: a chi bộ cơ sở opens its year, the secretary enters
 * the cell's proposals from the keyboard so that they break the quota, sees the check, fixes them, copies the
 * proposals to the decision, publishes with the decision, and reads the figures on the results page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DEMO_PASSWORD } from '../../src/server/demo/seed.ts';
import { foldAccents } from '../../src/domain/text.ts';
import { browserAvailable, browserRequired, launchBrowser, openPage, submitLogin } from '../helpers/browser.ts';
import { browserWithDemo } from '../helpers/server.ts';

describe.skipIf(!browserAvailable && !browserRequired)('annual evaluation in the browser', () => {
  const env = browserWithDemo(launchBrowser);
  const errors = env.errors;

  async function pickOrg(page: Page, testId: string, query: string, name: string) {
    await page.getByTestId(testId).click();
    await page.keyboard.type(query);
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: name }).first();
    await option.waitFor({ timeout: 10000 });
    await option.click();
  }

  it(
    'enters a cell’s results that break the quota, sees the check, fixes, approves, publishes and sees the figures',
    { timeout: 120_000 },
    async ({ skip }) => {
      if (!env.browser) return skip('no browser');
      const db = env.server.database.db;
      const year = Number(new Date().toISOString().slice(0, 4));
      // A chi bộ cơ sở of 6–12 active members whose name is unique.
      const found = await sql<{ org_id: string; name: string; n: number }>`
      SELECT v.org_id, v.name, count(m.id)::int AS n FROM org_version v JOIN member m ON m.org_id = v.org_id AND m.status = 'active'
      WHERE v.valid_to IS NULL AND v.kind_code = 'chi_bo_co_so' AND v.name IN (SELECT name FROM org_version WHERE valid_to IS NULL GROUP BY name HAVING count(*) = 1)
      GROUP BY v.org_id, v.name HAVING count(m.id) BETWEEN 6 AND 12 ORDER BY v.name LIMIT 1`.execute(db);
      const cell = found.rows[0]!;
      const page = await openPage(env.browser, errors);
      await submitLogin(page, env.server.baseUrl, 'admin', DEMO_PASSWORD);
      await page.getByTestId('nav-evaluation').waitFor({ timeout: 15000 });
      await page.getByTestId('nav-evaluation').click();

      // Open the year for the cell.
      await pickOrg(page, 'evaluation-open-org', foldAccents(cell.name), cell.name);
      await page.getByTestId('evaluation-open').click();
      const link = page
        .getByTestId('evaluation-periods')
        .locator('a', { hasText: `Năm ${year}` })
        .first();
      await link.waitFor({ timeout: 15000 });
      await link.click();
      await expect.poll(() => page.getByTestId('period-title').textContent(), { timeout: 15000 }).toContain(cell.name);
      await page.getByTestId('open-grid-root').click();
      await page.getByTestId('grid-cellLabel-0').waitFor({ timeout: 15000 });
      const rows = await page.locator('select[data-testid^="grid-cellLabel-"]').count();
      expect(rows).toBeGreaterThanOrEqual(5);

      // Every member proposed excellent from the keyboard: digit 1, Enter to the next row.
      await page.getByTestId('grid-cellLabel-0').focus();
      for (let i = 0; i < rows; i++) {
        await page.keyboard.press('1');
        await page.keyboard.press('Enter');
      }
      await expect.poll(() => page.getByTestId(`grid-cellLabel-${rows - 1}`).inputValue(), { timeout: 5000 }).toBe('excellent');
      await page.getByTestId('grid-save').click();
      await expect.poll(() => page.getByTestId('period-checks').textContent(), { timeout: 15000 }).toContain('vượt quá 20%');
      expect(await page.getByTestId('check-member_quota').isVisible()).toBe(true);

      // Fix: everyone good (digit 2), then copy the proposals to the grassroots proposal and the decision.
      await page.getByTestId('grid-cellLabel-0').focus();
      for (let i = 0; i < rows; i++) {
        await page.keyboard.press('2');
        await page.keyboard.press('Enter');
      }
      await page.getByTestId('grid-save').click();
      await page.getByTestId('checks-ok').waitFor({ timeout: 15000 });
      // The first member's QĐ 366 score sheet: 10 + 10 + 10 + 35 + 15 = 80 points, self-assessed good.
      await page.getByTestId('grid-sheet-0').click();
      const inputs = page.locator('.ant-modal:visible input.ant-input-number-input');
      await inputs.first().waitFor({ timeout: 10000 });
      for (const [i, v] of ['10', '10', '10', '35', '15'].entries()) await inputs.nth(i).fill(v);
      await page.locator('.ant-modal:visible .ant-btn-primary').click();
      await expect.poll(() => page.getByTestId('grid-selfLabel-0').inputValue(), { timeout: 15000 }).toBe('good');
      await page.getByTestId('grid-copy-grassrootsLabel').click();
      await page.getByTestId('grid-copy-decidedLabel').click();
      await expect.poll(() => page.getByTestId(`grid-decidedLabel-${rows - 1}`).inputValue(), { timeout: 5000 }).toBe('good');
      await page.getByTestId('grid-save').click();
      await expect.poll(() => page.getByTestId('grid-save').isDisabled(), { timeout: 15000 }).toBe(true);

      // Publish with the decision.
      await page.getByTestId('period-publish').click();
      await page.getByTestId('publish-decision-no').fill('25-QĐ/ĐU');
      await page.getByTestId('publish-decision-date').click();
      await page.keyboard.type(`20/12/${year}`);
      await page.keyboard.press('Tab');
      await page.getByTestId('publish-ok').click();
      await expect.poll(() => page.getByTestId('period-status').textContent(), { timeout: 15000 }).toContain('Đã công bố');

      // The figures.
      await page.goto(`${env.server.baseUrl}/evaluation/results?orgId=${cell.org_id}&year=${year}`);
      await expect.poll(() => page.getByTestId('results-members-total').textContent(), { timeout: 15000 }).toContain(String(rows));
      await expect.poll(() => page.getByTestId('results-members-good').textContent(), { timeout: 15000 }).toContain('100%');
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it('decides every organisation of a commune as proposed with one request', { timeout: 90_000 }, async ({ skip }) => {
    if (!env.browser) return skip('no browser');
    const db = env.server.database.db;
    // Next year: the current one is taken by the first case, the five before by the demo's published periods.
    const year = Number(new Date().toISOString().slice(0, 4)) + 1;
    const found = await sql<{ org_id: string; name: string }>`
      SELECT v.org_id, v.name FROM org_version v JOIN org_version c ON c.parent_id = v.org_id AND c.valid_to IS NULL
      WHERE v.valid_to IS NULL AND v.kind_code = 'dang_bo_cap_tren_co_so' AND v.name IN (SELECT name FROM org_version WHERE valid_to IS NULL GROUP BY name HAVING count(*) = 1)
      GROUP BY v.org_id, v.name HAVING count(c.id) BETWEEN 3 AND 12 ORDER BY v.name LIMIT 1`.execute(db);
    const commune = found.rows[0]!;
    const page = await openPage(env.browser, errors);
    await submitLogin(page, env.server.baseUrl, 'admin', DEMO_PASSWORD);
    await page.getByTestId('nav-evaluation').waitFor({ timeout: 15000 });
    await page.getByTestId('nav-evaluation').click();
    await pickOrg(page, 'evaluation-open-org', foldAccents(commune.name), commune.name);
    await page.getByTestId('evaluation-open-year').fill(String(year));
    await page.getByTestId('evaluation-open').click();
    const link = page
      .getByTestId('evaluation-periods')
      .locator('a', { hasText: `Năm ${year}` })
      .first();
    await link.waitFor({ timeout: 15000 });
    await link.click();
    await expect.poll(() => page.getByTestId('period-title').textContent(), { timeout: 15000 }).toContain(commune.name);
    // The committees' proposals arrive (entered elsewhere): every organisation proposed good.
    const period = await db
      .selectFrom('evaluation_period')
      .select('id')
      .where('root_org_id', '=', commune.org_id)
      .where('year', '=', year)
      .executeTakeFirstOrThrow();
    await db.updateTable('org_evaluation').set({ proposed_label: 'good', status: 'proposed' }).where('period_id', '=', period.id).execute();
    const orgs = (await db.selectFrom('org_evaluation').select('org_id').where('period_id', '=', period.id).execute()).length;
    expect(orgs).toBeGreaterThanOrEqual(3);
    await page.reload();
    const button = page.getByTestId('orgs-decide-as-proposed');
    await expect.poll(() => button.textContent(), { timeout: 15000 }).toContain(`(${orgs} tổ chức)`);
    await button.click();
    const decided = page.locator('select[data-testid^="org-decidedLabel-"]');
    await expect
      .poll(async () => (await decided.evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value))).filter((v) => v === 'good').length, {
        timeout: 15000,
      })
      .toBe(orgs);
    await button.waitFor({ state: 'detached', timeout: 15000 });
    expect(
      await db.selectFrom('org_evaluation').select('org_id').where('period_id', '=', period.id).where('decided_label', '=', 'good').execute(),
    ).toHaveLength(orgs);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the province’s five years: shares per year, the streak list and the consolidation list', { timeout: 60_000 }, async ({ skip }) => {
    if (!env.browser) return skip('no browser');
    const page = await openPage(env.browser, errors);
    await submitLogin(page, env.server.baseUrl, 'admin', DEMO_PASSWORD);
    await page.getByTestId('nav-evaluation').waitFor({ timeout: 15000 });
    const root = env.server.seeded.rootId;
    const last = Number(new Date().toISOString().slice(0, 4)) - 1;
    await page.goto(`${env.server.baseUrl}/evaluation/results?orgId=${root}&year=${last}&fromYear=${last - 4}`);
    await expect.poll(() => page.getByTestId('results-span').textContent(), { timeout: 20000 }).toContain('TCCSĐ HTXSNV hằng năm');
    await expect.poll(async () => page.getByTestId('results-streaks').locator('tbody tr').count(), { timeout: 20000 }).toBeGreaterThan(0);
    await expect.poll(async () => page.getByTestId('results-consolidation').locator('tbody tr.ant-table-row').count(), { timeout: 20000 }).toBeGreaterThan(0);
    // The charts (ECharts, SVG renderer): the year's distribution and the shares over the span.
    for (const id of ['eval-chart-distribution', 'eval-chart-years']) {
      const chart = page.getByTestId(id);
      await chart.locator('svg').first().waitFor({ timeout: 15000 });
      await expect.poll(async () => chart.locator('svg path, svg rect').count(), { timeout: 15000 }).toBeGreaterThan(0);
    }
    await expect.poll(async () => page.getByTestId('eval-chart-years').locator('svg').textContent(), { timeout: 15000 }).toContain(String(last));
    await expect
      .poll(async () => page.getByTestId('eval-chart-distribution').locator('svg').textContent(), { timeout: 15000 })
      .toContain(`Cơ cấu xếp loại năm ${last}`);
    // Drill-down: the members behind the excellent figure.
    await page.getByTestId('results-members-open-excellent').click();
    await expect.poll(async () => page.getByTestId('results-records').locator('tbody tr.ant-table-row').count(), { timeout: 20000 }).toBe(20);
    expect(errors).toEqual([]);
    await page.close();
  });
});
