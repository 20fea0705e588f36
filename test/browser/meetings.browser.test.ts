/**
 * A cell secretary's meeting in a real browser against the demo province, on a phone (390×844): the secretary
 * schedules the month's meeting, registers and sends a document, records the meeting as held, the attendance (one
 * member absent without reason typed in the keyboard list), the resolution and a task; the server holds what the page
 * showed, and nothing scrolls sideways.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.ts';
import { formatVnDate, vietnamDate } from '../../src/domain/dates.ts';
import { DEMO_PASSWORD } from '../../src/server/demo/seed.ts';
import { insertUser } from '../../src/server/modules/users/users.service.ts';
import { browserAvailable, browserRequired, launchBrowser, openPage, submitLogin } from '../helpers/browser.ts';
import { browserWithDemo } from '../helpers/server.ts';

describe.skipIf(!browserAvailable && !browserRequired)('a cell meeting in the browser', () => {
  const env = browserWithDemo(launchBrowser);
  const errors = env.errors;

  async function typeDate(page: Page, testId: string, ddmmyyyy: string) {
    await page.getByTestId(testId).click();
    await page.keyboard.type(ddmmyyyy);
    await page.keyboard.press('Tab');
  }
  const noSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

  it('schedules, sends documents, records attendance and a resolution with a task', { timeout: 240000 }, async ({ skip }) => {
    if (!env.browser) return skip('no browser');
    const db = env.server.database.db;
    const cell = await db
      .selectFrom('member as m')
      .innerJoin('org_version as v', (j) => j.onRef('v.org_id', '=', 'm.org_id').on('v.valid_to', 'is', null))
      .select(['m.org_id', 'v.name', (eb) => eb.fn.countAll<number>().as('n')])
      .where('m.status', '=', 'active')
      .where('v.name', 'like', 'Chi bộ%')
      .groupBy(['m.org_id', 'v.name'])
      .having((eb) => eb.fn.countAll(), '>=', 5)
      .orderBy('v.name')
      .executeTakeFirstOrThrow();
    await insertUser(db, {
      username: 'bithu.chibo',
      fullName: 'Bí thư chi bộ',
      password: DEMO_PASSWORD,
      homeOrgId: cell.org_id,
      roles: [{ role: 'editor', orgId: cell.org_id }],
    });
    const absentee = await db
      .selectFrom('member')
      .select(['id', 'full_name'])
      .where('org_id', '=', cell.org_id)
      .where('status', '=', 'active')
      .orderBy('name_sort_key')
      .executeTakeFirstOrThrow();
    const today = vietnamDate(new Date());
    const heldOn = addDays(today, -1);

    const page = await openPage(env.browser, errors);
    await page.setViewportSize({ width: 390, height: 844 });
    await submitLogin(page, env.server.baseUrl, 'bithu.chibo', DEMO_PASSWORD);
    await page.getByTestId('nav-drawer-open').waitFor({ timeout: 15000 });
    await page.goto(`${env.server.baseUrl}/meetings?org=${cell.org_id}`);
    await page.getByTestId('meeting-schedule').waitFor({ timeout: 15000 });
    expect(await noSideways(page)).toBe(true);

    // Schedule yesterday's regular meeting (the day it was held) and open its page.
    await typeDate(page, 'meeting-planned-on', formatVnDate(heldOn));
    await page.getByTestId('meeting-topic').fill('Sinh hoạt thường kỳ');
    await page.getByTestId('meeting-schedule').click();
    await page.getByTestId('meeting-page').waitFor({ timeout: 15000 });
    const meetingId = page.url().split('/meetings/')[1]!;

    // A document, sent now: today is the meeting's day, so it is late (less than a day before).
    await page.getByTestId('document-title').fill('Dự thảo nghị quyết');
    await page.getByTestId('document-add').click();
    await page.getByTestId('meeting-document').waitFor({ timeout: 15000 });
    await page.getByTestId('documents-send').click();
    await expect.poll(() => page.getByTestId('meeting-document').textContent(), { timeout: 15000 }).toContain('đã gửi');

    // Held yesterday from 08:00 to 09:30 with the superior's representative invited.
    await page.getByTestId('meeting-start').fill('08:00');
    await page.getByTestId('meeting-end').fill('09:30');
    await page.getByTestId('meeting-presided').fill('Nguyễn Văn Chủ Trì');
    await page.getByTestId('meeting-superior').fill('Đồng chí Phụ Trách');
    await page.getByTestId('meeting-superior-invited').click();
    await page.getByTestId('meeting-save-held').click();
    await expect.poll(() => page.getByTestId('meeting-status').textContent(), { timeout: 15000 }).toBe('Đã họp');
    await expect.poll(() => page.getByTestId('meeting-warnings').textContent(), { timeout: 15000 }).toContain('chậm');

    // Attendance: one member absent without reason, picked by typing the name.
    await page.getByTestId('attendance-member').click();
    await page.keyboard.type(absentee.full_name);
    await page.keyboard.press('Enter');
    await page.getByTestId('attendance-mark').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'Vắng không lý do' }).first().click();
    await page.getByTestId('attendance-add').click();
    await expect.poll(() => page.getByTestId('attendance-exception').first().textContent()).toContain(absentee.full_name);
    await page.getByTestId('attendance-save').click();
    await expect.poll(() => page.getByTestId('meeting-quorum').textContent(), { timeout: 15000 }).toMatch(/vắng không lý do 1\./);
    expect(await noSideways(page)).toBe(true);

    // The resolution and a task.
    await page.getByTestId('resolution-no').fill('12-NQ/CB');
    await page.getByTestId('resolution-text').fill('Chi bộ thống nhất thực hiện các nhiệm vụ tháng tới.');
    await page.getByTestId('resolution-save').click();
    await page.getByTestId('task-content').fill('Rà soát đảng viên đóng đảng phí');
    await page.getByTestId('task-owner').fill('Đồng chí Phó Bí thư');
    await page.getByTestId('task-add').click();
    await expect.poll(() => page.getByTestId('meeting-task').first().textContent(), { timeout: 15000 }).toContain('Rà soát đảng viên đóng đảng phí');

    const m = await db.selectFrom('meeting').selectAll().where('id', '=', meetingId).executeTakeFirstOrThrow();
    expect(m).toMatchObject({
      status: 'held',
      held_on: heldOn,
      start_minute: 480,
      end_minute: 570,
      superior_invited: true,
      absent_count: 1,
      resolution_no: '12-NQ/CB',
    });
    const absent = await db
      .selectFrom('meeting_attendance')
      .select('member_id')
      .where('meeting_id', '=', meetingId)
      .where('attendance', '=', 'absent')
      .execute();
    expect(absent.map((a) => a.member_id)).toEqual([absentee.id]);
    expect(await db.selectFrom('meeting_task').select('content').where('meeting_id', '=', meetingId).execute()).toEqual([
      { content: 'Rà soát đảng viên đóng đảng phí' },
    ]);
    expect(errors).toEqual([]);
  });
});
