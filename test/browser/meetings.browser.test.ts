/**
 * Cell meetings in a real browser against the demo province, on both engines (issue 16: "the browser journey passes
 * on both engines"; one demo server per engine for the file):
 * - a cell secretary on a phone (390×844) schedules the month's meeting, registers and sends a document, records the
 *   meeting as held, the attendance (one member absent without reason typed in the keyboard list), the resolution and
 *   a task, uploads the minutes' file; the server holds what the page showed, and nothing scrolls sideways;
 * - the commune office (1366×768) sees the compliance of its cells and follows a figure to the cells and the meetings
 *   behind it: the list counts what the figure said;
 * - a member's third month absent without reason raises the proposal to strike off in the commune's work queue (not
 *   the second); dismissing it asks for a reason;
 * - a member logs in (390×844 and 1366×768): the menu shows him his own page alone, which lists his cell's meetings,
 *   the documents sent (he downloads one) and his own attendance.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.ts';
import { formatVnDate, vietnamDate } from '../../src/domain/dates.ts';
import { formatCount } from '../../src/domain/numbers.ts';
import { DEMO_PASSWORD } from '../../src/server/demo/seed.ts';
import { insertUser } from '../../src/server/modules/users/users.service.ts';
import { pdfBytes } from '../../src/server/modules/member-documents/member-documents.fixtures.ts';
import { launchBrowser, openPage, submitLogin } from '../helpers/browser.ts';
import { browserWithDemo, describeBrowserEngines } from '../helpers/server.ts';

describeBrowserEngines('cell meetings in the browser', (engine) => {
  const env = browserWithDemo(launchBrowser, engine);
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

    // The minutes' file: chosen on the page, stored, listed as a download.
    await page
      .getByTestId('file-upload')
      .locator('..')
      .locator('input[type=file]')
      .setInputFiles({ name: 'bien-ban.pdf', mimeType: 'application/pdf', buffer: pdfBytes('Bien ban') });
    await expect.poll(() => page.getByTestId('meeting-document-file').allTextContents(), { timeout: 15000 }).toContain('Biên bản sinh hoạt chi bộ');

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
    expect(
      await db.selectFrom('meeting_document').select(['role', 'file_name']).where('meeting_id', '=', meetingId).where('role', '=', 'minutes').execute(),
    ).toEqual([{ role: 'minutes', file_name: 'bien-ban.pdf' }]);
    expect(errors).toEqual([]);
  });

  /** The demo's cell secretary («chibo»): his cell, and his actor for a journey's setup. */
  async function demoCell() {
    const db = env.server.database.db;
    const user = await db
      .selectFrom('app_user')
      .select(['id', 'username', 'full_name', 'must_change_password'])
      .where('username', '=', 'chibo')
      .executeTakeFirstOrThrow();
    const grant = await db.selectFrom('role_assignment').select('org_id').where('user_id', '=', user.id).executeTakeFirstOrThrow();
    return { orgId: grant.org_id!, actor: await env.server.services.auth.actorOf(user) };
  }
  const number = (text: string | null) => Number((text ?? '').replace(/\D/g, ''));

  it('the commune follows a compliance figure to the cells and the meetings behind it', { timeout: 240000 }, async ({ skip }) => {
    if (!env.browser) return skip('no browser');
    const db = env.server.database.db;
    const commune = await db
      .selectFrom('role_assignment as r')
      .innerJoin('app_user as u', 'u.id', 'r.user_id')
      .select('r.org_id')
      .where('u.username', '=', 'xa')
      .executeTakeFirstOrThrow();
    const page = await openPage(env.browser, errors);
    await submitLogin(page, env.server.baseUrl, 'xa', DEMO_PASSWORD);
    await page.getByTestId('nav-work').waitFor({ timeout: 15000 });
    await page.goto(`${env.server.baseUrl}/meetings?org=${commune.org_id}`);
    await page.getByRole('tab', { name: 'Tình hình sinh hoạt' }).click();
    for (const [figure, unit] of [
      ['compliance-cells', 'chi bộ'],
      ['compliance-no-regular', 'chi bộ'],
      ['compliance-meetings', 'buổi sinh hoạt'],
      ['compliance-short', 'buổi sinh hoạt'],
    ] as const) {
      const link = page.getByTestId(figure);
      await link.waitFor({ timeout: 30000 });
      const shown = number(await link.textContent());
      await link.click();
      await expect.poll(() => page.getByTestId('compliance-list-total').textContent(), { timeout: 30000 }).toBe(`${formatCount(shown)} ${unit}`);
      const rows = await page.getByTestId('compliance-list').locator('tbody tr.ant-table-row').count();
      expect(rows, figure).toBe(Math.min(shown, 50));
      await page.goBack();
      await page.getByRole('tab', { name: 'Tình hình sinh hoạt' }).click();
    }
    expect(await page.getByTestId('compliance-table').locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('a third month absent without reason raises the alert; dismissing it asks for a reason', { timeout: 240000 }, async ({ skip }) => {
    if (!env.browser) return skip('no browser');
    const db = env.server.database.db;
    const { orgId, actor } = await demoCell();
    const year = vietnamDate(new Date()).slice(0, 4);
    // Three held meetings of the cell in three months of this year, and a member present at all of the cell's meetings.
    const held = await db
      .selectFrom('meeting')
      .select(['id', 'held_on'])
      .where('org_id', '=', orgId)
      .where('status', '=', 'held')
      .where('held_on', '>=', `${year}-01-01`)
      .orderBy('held_on')
      .execute();
    // A month counts when he missed one of its meetings and attended none: every held meeting of three months.
    const months = [...new Set(held.map((m) => String(m.held_on).slice(0, 7)))].slice(0, 3);
    expect(months).toHaveLength(3);
    const inMonth = (month: string) => held.filter((m) => String(m.held_on).startsWith(month)).map((m) => m.id);
    const all = months.flatMap(inMonth);
    const member = await db
      .selectFrom('meeting_attendance as a')
      .select('a.member_id')
      .where('a.meeting_id', 'in', all)
      .where('a.attendance', '=', 'present')
      .groupBy('a.member_id')
      .having((eb) => eb.fn.countAll(), '=', all.length)
      .orderBy('a.member_id')
      .executeTakeFirstOrThrow();
    const absentIn = async (month: string) => {
      for (const id of inMonth(month))
        await env.server.services.meetings.recordAttendance(actor, id, { exceptions: [{ memberId: member.member_id, attendance: 'absent' }] });
    };
    await absentIn(months[0]!);
    await absentIn(months[1]!);

    const page = await openPage(env.browser, errors);
    await submitLogin(page, env.server.baseUrl, 'xa', DEMO_PASSWORD);
    await page.getByTestId('nav-work').waitFor({ timeout: 15000 });
    await page.goto(`${env.server.baseUrl}/work`);
    await page.getByTestId('absence-alerts').waitFor({ timeout: 30000 }); // the demo's members with repeated absences
    expect(await page.getByTestId(`alert-dismiss-${member.member_id}`).count()).toBe(0); // two months: nothing
    await absentIn(months[2]!);
    await page.reload();
    const dismiss = page.getByTestId(`alert-dismiss-${member.member_id}`);
    await dismiss.waitFor({ timeout: 30000 });
    await dismiss.click();
    const dialog = page.locator('.ant-modal:visible');
    await dialog.getByRole('button', { name: 'Ghi' }).click();
    // Without a reason: refused with a message, the dialog stays, the alert too.
    await page.locator('.ant-message-notice').first().waitFor({ timeout: 15000 });
    expect(await page.getByTestId('alert-reason').isVisible()).toBe(true);
    expect(await dismiss.count()).toBe(1);
    await page.getByTestId('alert-reason').fill('Đi điều trị dài ngày, đã báo chi bộ');
    await dialog.getByRole('button', { name: 'Ghi' }).click();
    await expect.poll(() => page.getByTestId(`alert-dismiss-${member.member_id}`).count(), { timeout: 15000 }).toBe(0);
    const dismissed = await db.selectFrom('absence_alert_dismissal').select(['reason', 'months']).where('member_id', '=', member.member_id).execute();
    expect(dismissed).toEqual([{ reason: 'Đi điều trị dài ngày, đã báo chi bộ', months: 3 }]);
    expect(errors).toEqual([]);
  });

  it('a member sees only his cell’s meetings, the documents sent (downloads one) and his own attendance', { timeout: 240000 }, async ({ skip }) => {
    if (!env.browser) return skip('no browser');
    const db = env.server.database.db;
    const { orgId, actor } = await demoCell();
    const year = Number(vietnamDate(new Date()).slice(0, 4));
    const me = await db
      .selectFrom('member')
      .select(['id', 'full_name'])
      .where('org_id', '=', orgId)
      .where('status', '=', 'active')
      .orderBy('name_sort_key', 'desc')
      .executeTakeFirstOrThrow();
    // His account, granted by the commune's administrator; a material of his cell's last meeting, sent.
    const xa = await db
      .selectFrom('app_user')
      .select(['id', 'username', 'full_name', 'must_change_password'])
      .where('username', '=', 'xa')
      .executeTakeFirstOrThrow();
    const userId = await insertUser(db, { username: 'dangvien.demo', fullName: me.full_name, password: DEMO_PASSWORD, homeOrgId: orgId, roles: [] });
    await env.server.services.meetingsCommittees.self.grantMemberAccess(await env.server.services.auth.actorOf(xa), userId, me.id);
    const last = await db
      .selectFrom('meeting')
      .select('id')
      .where('org_id', '=', orgId)
      .where('status', '=', 'held')
      .where('held_on', '>=', `${year}-01-01`)
      .orderBy('held_on', 'desc')
      .executeTakeFirstOrThrow();
    await env.server.services.meetings.uploadFile(
      actor,
      last.id,
      { fileName: 'tai-lieu-hoc-tap.pdf', bytes: pdfBytes('Tai lieu') },
      { title: 'Tài liệu học tập' },
    );
    await env.server.services.meetings.sendDocuments(actor, last.id, undefined);
    const own = await env.server.services.meetingsCommittees.self.myMeetings(
      await env.server.services.auth.actorOf({ id: userId, username: 'dangvien.demo', full_name: me.full_name, must_change_password: false }),
      year,
    );
    const cellMeetings = await db
      .selectFrom('meeting')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', orgId)
      .where('body', '=', 'cell')
      .where('status', '<>', 'cancelled')
      .where((eb) => eb.fn.coalesce('held_on', 'planned_on'), '>=', `${year}-01-01`)
      .where((eb) => eb.fn.coalesce('held_on', 'planned_on'), '<=', `${year}-12-31`)
      .executeTakeFirstOrThrow();

    const page = await openPage(env.browser, errors);
    await page.setViewportSize({ width: 390, height: 844 });
    await submitLogin(page, env.server.baseUrl, 'dangvien.demo', DEMO_PASSWORD);
    await page.getByTestId('my-meetings').waitFor({ timeout: 30000 });
    expect(new URL(page.url()).pathname).toBe('/me/meetings');
    // His cell's meetings only, each of them; his own marks.
    await expect.poll(() => page.getByTestId('my-meetings').locator('tbody tr.ant-table-row').count(), { timeout: 15000 }).toBe(Number(cellMeetings.n));
    expect(own.meetings).toHaveLength(Number(cellMeetings.n));
    const s = own.summary;
    expect(await page.getByText(`Có mặt ${s.present}, vắng có lý do ${s.excused}, vắng không lý do ${s.absent}`).count()).toBe(1);
    expect(await noSideways(page)).toBe(true);
    // The menu: his page alone, no tree, no work queue.
    await page.getByTestId('nav-drawer-open').click();
    await expect.poll(() => page.getByTestId('nav-drawer-menu').locator('.ant-menu-item').allTextContents()).toEqual(['Sinh hoạt của tôi']);
    expect(await page.getByTestId('tree-drawer-open').count()).toBe(0);
    await page.keyboard.press('Escape');
    // He downloads the material sent.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('my-document').first().click()]);
    expect(download.suggestedFilename()).toBe('tai-lieu-hoc-tap.pdf');
    const audit = await db.selectFrom('audit_log').select(['action', 'actor_name']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(audit).toEqual({ action: 'meeting.document_read', actor_name: 'dangvien.demo' });
    // On an office screen: the bar shows his page alone; any other address leads back to it.
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${env.server.baseUrl}/members`);
    await page.getByTestId('my-meetings').waitFor({ timeout: 15000 });
    expect(new URL(page.url()).pathname).toBe('/me/meetings');
    expect(await page.getByTestId('nav-my-meetings').count()).toBe(1);
    for (const other of ['nav-orgs', 'nav-members', 'nav-reports', 'nav-work', 'nav-work-menu']) expect(await page.getByTestId(other).count(), other).toBe(0);
    expect(await noSideways(page)).toBe(true);
    expect(errors).toEqual([]);
  });
});
