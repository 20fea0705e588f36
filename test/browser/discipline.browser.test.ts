/**
 * Discipline in a real browser against the demo province (issue 15 part 9): on the «Kỷ luật» tab of «Kiểm tra, giám
 * sát» the cell records a warning for one of its members (a violation eleven years back is first refused with the
 * day the time limit ran out), the decision shows in force on the tab and on the member's file, and his transfer is
 * refused with the reason; the tab fits a phone (390×844) and a laptop (1366×768).
 */
import type { Page } from 'playwright-core';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.ts';
import { DEMO_PASSWORD } from '../../src/server/demo/seed.ts';
import { browserAvailable, browserRequired, launchBrowser, openPage, submitLogin } from '../helpers/browser.ts';
import { browserWithDemo } from '../helpers/server.ts';

const vn = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

async function typeDate(page: Page, testId: string, iso: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(vn(iso));
  await page.keyboard.press('Tab');
}

async function pick(page: Page, testId: string, typed: string | null, option: string) {
  await page.getByTestId(testId).click();
  if (typed) await page.keyboard.type(typed);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click({ timeout: 15000 });
}

async function pageWidthOk(page: Page) {
  const problems = await page.evaluate(() => {
    const doc = document.documentElement;
    return doc.scrollWidth > doc.clientWidth ? [`the document is ${doc.scrollWidth} px wide in ${doc.clientWidth} px`] : [];
  });
  expect(problems).toEqual([]);
}

describe.skipIf(!browserAvailable && !browserRequired)('discipline in the browser', () => {
  const env = browserWithDemo(launchBrowser);
  const errors = env.errors;

  it('a warning recorded by the cell shows on the tab and on the member file, and his transfer is refused', { timeout: 240000 }, async ({ skip }) => {
    if (!env.browser) return skip('no browser');
    const db = env.server.database.db;
    // An official member, active, never disciplined, of a cell whose name no other organisation bears today.
    const { rows } = await sql<{ id: string; full_name: string; cell_id: string; cell_name: string }>`
      SELECT m.id, m.full_name, v.org_id AS cell_id, v.name AS cell_name
      FROM member m JOIN org_version v ON v.org_id = m.org_id AND v.valid_to IS NULL
      WHERE m.status = 'active' AND m.official_on IS NOT NULL AND v.kind_code = 'chi_bo_truc_thuoc'
        AND NOT EXISTS (SELECT 1 FROM discipline_decision d WHERE d.member_id = m.id)
        AND (SELECT count(*) FROM org_version w WHERE w.name = v.name AND w.valid_to IS NULL) = 1
        AND (SELECT count(*) FROM member n WHERE n.org_id = m.org_id AND n.full_name = m.full_name) = 1
      ORDER BY m.name_sort_key LIMIT 1`.execute(db);
    const member = rows[0]!;
    expect(member).toBeDefined();

    const page = await openPage(env.browser, errors);
    await page.setViewportSize({ width: 1366, height: 768 });
    await submitLogin(page, env.server.baseUrl, 'admin', DEMO_PASSWORD);
    await page.getByTestId('nav-orgs').waitFor();
    const today = await page.evaluate(() => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' }));

    await page.goto(`${env.server.baseUrl}/inspection?orgId=${member.cell_id}`);
    await page.getByTestId('inspection-tab-discipline').click();
    await page.getByTestId('discipline-record').click();
    await pick(page, 'discipline-member', member.full_name, member.full_name);
    await pick(page, 'discipline-deciding-org', member.cell_name, member.cell_name);
    await pick(page, 'discipline-body', null, 'Chi bộ (hội nghị chi bộ)');
    // the cell may only reprimand or warn: those are the forms offered
    await page.getByTestId('discipline-form').click();
    // (the body's list may still be closing: the form's list is the last one opened)
    const formList = page.locator('.ant-select-dropdown:visible').last();
    await formList.locator('.ant-select-item-option').first().waitFor();
    const offered = await formList.locator('.ant-select-item-option').allTextContents();
    expect(offered).toEqual(['Khiển trách', 'Cảnh cáo']);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'Cảnh cáo' }).click();
    await page.getByTestId('discipline-no').fill('05-QĐ/CB');
    const decided = addDays(today, -10);
    await typeDate(page, 'discipline-decided', decided);
    const old = addDays(decided, -(11 * 365 + 3));
    await typeDate(page, 'discipline-violation', old);
    await page.getByTestId('discipline-reason').fill('Không chấp hành sự phân công của chi bộ');
    await page.getByTestId('modal-submit').click();
    await expect.poll(async () => (await page.getByTestId('modal-error').textContent({ timeout: 15000 })) ?? '').toContain('Đã hết thời hiệu kỷ luật (10 năm');
    await typeDate(page, 'discipline-violation', addDays(today, -40));
    await page.getByTestId('modal-submit').click();
    const list = page.getByTestId('discipline-decisions');
    await expect.poll(async () => (await list.textContent()) ?? '', { timeout: 15000 }).toContain(member.full_name);
    expect(await list.textContent()).toContain('Cảnh cáo');
    expect(await list.textContent()).toContain('Đang có hiệu lực');
    expect(await list.textContent()).toContain('05-QĐ/CB');
    await pageWidthOk(page);

    // on his file
    await page.goto(`${env.server.baseUrl}/members/${member.id}`);
    await page.getByTestId('member-tab-discipline').click();
    const onFile = page.getByTestId('member-disciplines');
    await expect.poll(async () => (await onFile.textContent()) ?? '', { timeout: 15000 }).toContain('Đang có hiệu lực');
    expect(await onFile.textContent()).toContain('Cảnh cáo');

    // the transfer is refused with the reason
    const target = await db
      .selectFrom('org_version')
      .select('org_id')
      .where('kind_code', '=', 'chi_bo_truc_thuoc')
      .where('valid_to', 'is', null)
      .where('org_id', '!=', member.cell_id)
      .limit(1)
      .executeTakeFirstOrThrow();
    await page.getByTestId('member-record-event').click();
    await pick(page, 'event-kind', null, 'chuyển đi');
    await typeDate(page, 'event-date', today);
    await page.getByTestId('event-to-org-id').fill(target.org_id);
    await page.getByTestId('modal-submit').click();
    await expect
      .poll(async () => (await page.getByTestId('modal-error').textContent({ timeout: 15000 })) ?? '')
      .toContain(`Đảng viên đang trong thời hạn kỷ luật cảnh cáo (quyết định số 05-QĐ/CB ngày ${vn(decided)})`);
    await page.getByTestId('modal-cancel').click();

    // on a phone
    await page.setViewportSize({ width: 390, height: 844 });
    for (const url of [`/inspection?orgId=${member.cell_id}&tab=discipline`, `/members/${member.id}`]) {
      await page.goto(`${env.server.baseUrl}${url}`);
      await page.locator('.ant-card').first().waitFor({ timeout: 15000 });
      if (url.startsWith('/inspection')) await page.getByTestId('discipline-decisions').waitFor({ timeout: 15000 });
      await page.waitForTimeout(300);
      await pageWidthOk(page);
    }
    expect(errors).toEqual([]);
  });
});
