/**
 * Directives in a real browser against the demo province: the province records a plan implementing Chỉ thị 35
 * (through the form), gives a task to three communes, two report, the third is late; the plan's page shows two
 * reported and one late, and the work queue shows the late one; the same pages on a phone (390×844) fit the width.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.ts';
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

async function pageWidthOk(page: Page) {
  const problems = await page.evaluate(() => {
    const doc = document.documentElement;
    return doc.scrollWidth > doc.clientWidth ? [`the document is ${doc.scrollWidth} px wide in ${doc.clientWidth} px`] : [];
  });
  expect(problems).toEqual([]);
}

describe.skipIf(!browserAvailable && !browserRequired)('directives in the browser', () => {
  const env = browserWithDemo(launchBrowser);
  const errors = env.errors;

  it('a plan implementing a directive, tasks to three communes, two report, one late in the queue', { timeout: 240000 }, async ({ skip }) => {
    if (!env.browser) return skip('no browser');
    const db = env.server.database.db;
    const root = env.server.seeded.rootId;
    const rootName = (await db.selectFrom('org_version').select('name').where('org_id', '=', root).where('valid_to', 'is', null).executeTakeFirstOrThrow())
      .name;
    const communes = await db
      .selectFrom('org_version')
      .select(['org_id', 'name'])
      .where('parent_id', '=', root)
      .where('valid_to', 'is', null)
      .orderBy('name')
      .limit(3)
      .execute();
    expect(communes).toHaveLength(3);
    const page = await openPage(env.browser, errors);
    await submitLogin(page, env.server.baseUrl, 'admin', DEMO_PASSWORD);
    await page.getByTestId('nav-orgs').waitFor();
    const today = await page.evaluate(() => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' }));
    const ct = await call(page, 'POST', '/api/directives', {
      ownerOrgId: root,
      kind: 'chi_thi',
      symbol: '35-CT/TW',
      issuedOn: '2019-05-30',
      issuerName: 'Bộ Chính trị',
      title: 'Về đại hội đảng bộ các cấp tiến tới Đại hội XIII',
    });
    expect(ct.status).toBe(201);

    // The plan, through the form.
    await page.goto(`${env.server.baseUrl}/directives`);
    await page.getByTestId('directive-add').click();
    await page.getByTestId('directive-owner').click();
    await page.keyboard.type(rootName);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: rootName }).first().click();
    await page.getByTestId('directive-symbol').fill('155-KH/TU');
    await page.getByTestId('directive-date').click();
    const issued = addDays(today, -20);
    await page.keyboard.type(`${issued.slice(8, 10)}/${issued.slice(5, 7)}/${issued.slice(0, 4)}`);
    await page.keyboard.press('Tab');
    await page.getByTestId('directive-title').fill('Kế hoạch triển khai thực hiện Chỉ thị 35-CT/TW');
    await page.getByTestId('directive-implements').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '35-CT/TW' }).first().click();
    await page.getByTestId('modal-submit').click();
    await page.getByTestId('directive-implements-link').waitFor({ timeout: 15000 });
    const planId = page.url().split('/').at(-1)!;
    expect(await page.getByTestId('directive-implements-link').textContent()).toContain('35-CT/TW');

    // A task to three communes, due three days ago; two report.
    const task = await call(page, 'POST', `/api/directives/${planId}/tasks`, {
      title: 'Xây dựng kế hoạch tổ chức đại hội',
      assignees: { orgIds: communes.map((c) => c.org_id) },
      deadline: { type: 'date', dueOn: addDays(today, -3) },
    });
    expect(task.status).toBe(200);
    const shares = task.body.tasks[0].shares as { id: string; orgId: string }[];
    for (const c of communes.slice(0, 2)) {
      const id = shares.find((s) => s.orgId === c.org_id)!.id;
      const r = await call(page, 'POST', `/api/directives/shares/${id}/reports`, {
        status: 'done',
        body: 'Đã xây dựng kế hoạch',
        reportedOn: addDays(today, -4),
      });
      expect(r.status).toBe(200);
    }
    const lateShare = shares.find((s) => s.orgId === communes[2]!.org_id)!.id;

    await page.reload();
    const progress = page.getByTestId('directive-progress');
    await expect.poll(async () => (await progress.textContent()) ?? '', { timeout: 15000 }).toMatch(/Đã báo cáo\s*2.*Quá hạn\s*1/su);
    await expect.poll(async () => (await page.getByTestId('task-1-shares').textContent()) ?? '').toContain('Quá hạn');

    await page.goto(`${env.server.baseUrl}/work`);
    const row = page.getByTestId(`directive-work-${lateShare}`);
    await row.waitFor({ timeout: 15000 });
    expect(await row.textContent()).toContain(communes[2]!.name);
    expect(await row.textContent()).toContain('Quá hạn');

    // On a phone.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const url of [`/directives/${planId}`, '/directives', '/programmes', '/work', `/directives/shares/${lateShare}`]) {
      await page.goto(`${env.server.baseUrl}${url}`);
      await page.locator('.ant-card').first().waitFor({ timeout: 15000 });
      await page.waitForTimeout(300);
      await pageWidthOk(page);
    }
    expect(errors).toEqual([]);
  });
});
