/**
 * The member file's sub-records in a real browser against a real server with the demo province: a work-history row
 * is added through its form (periods typed as MM/YYYY) and listed; family history stays behind its audited
 * "Xem (ghi nhật ký)" for those allowed, and its tab is absent for a viewer.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/seed.ts';
import { insertUser } from '../../src/server/modules/users/users.service.ts';
import { browserAvailable, browserRequired, launchBrowser, openPage, submitLogin } from '../helpers/browser.ts';
import { browserWithDemo } from '../helpers/server.ts';

describe.skipIf(!browserAvailable && !browserRequired)('member sub-records in the browser', () => {
  const env = browserWithDemo(launchBrowser);
  const errors = env.errors;

  it('adds a work-history row and lists it; family history is read on request, and not by a viewer', { timeout: 90000 }, async ({ skip }) => {
    if (!env.browser) return skip('no browser');
    const db = env.server.database.db;
    const member = await db
      .selectFrom('member as m')
      .innerJoin('org as o', 'o.id', 'm.org_id')
      .select(['m.id', 'm.full_name', 'm.org_id'])
      .where('m.status', '=', 'active')
      .orderBy('m.name_sort_key')
      .limit(1)
      .executeTakeFirstOrThrow();

    const page = await openPage(env.browser!, errors);
    await submitLogin(page, env.server.baseUrl, 'admin', DEMO_PASSWORD);
    await page.getByTestId('org-title').waitFor({ timeout: 15000 });
    await page.goto(`${env.server.baseUrl}/members/${member.id}`);
    await expect.poll(() => page.getByTestId('member-title').textContent(), { timeout: 10000 }).toContain(member.full_name);

    await page.getByTestId('member-tab-records').click();
    await page.getByTestId('member-tab-records-work').click();
    await page.getByTestId('record-add-work').click();
    // a period that ends before it begins is refused in the form
    await page.getByTestId('record-field-from').fill('09/2008');
    await page.getByTestId('record-field-to').fill('06/2007');
    await page.getByTestId('record-field-workplace').fill('Trường THCS Tân Lập, huyện Văn Lâm');
    await page.getByTestId('record-field-position').fill('Giáo viên Toán');
    await page.getByTestId('modal-submit').click();
    await expect.poll(() => page.getByTestId('form-record-work').textContent()).toContain('«Đến» không được trước «Từ».');
    await page.getByTestId('record-field-to').fill('06/2012');
    await page.getByTestId('modal-submit').click();

    const table = page.getByTestId('member-records-work');
    await expect.poll(() => table.textContent(), { timeout: 10000 }).toContain('Trường THCS Tân Lập, huyện Văn Lâm');
    expect(await table.textContent()).toContain('09/2008 – 06/2012');
    const rows = await db.selectFrom('member_record').select(['kind', 'data']).where('member_id', '=', member.id).execute();
    expect(rows).toEqual([
      { kind: 'work', data: { from: '2008-09', to: '2012-06', workplace: 'Trường THCS Tân Lập, huyện Văn Lâm', position: 'Giáo viên Toán' } },
    ]);

    // the sensitive tab shows nothing until asked, and the asking is recorded
    await page.getByTestId('member-tab-records-family').click();
    await page.getByTestId('record-reveal-family').click();
    await page.getByTestId('member-records-family').waitFor({ timeout: 10000 });
    const reveal = await db
      .selectFrom('audit_log')
      .select(['actor_name', 'after'])
      .where('action', '=', 'member.record.reveal')
      .where('entity_id', '=', member.id)
      .execute();
    expect(reveal).toEqual([{ actor_name: 'admin', after: { kind: 'family', count: 0 } }]);
    await page.close();

    // a viewer of the cell reads the work history, and has no family or political history tab
    await insertUser(db, {
      username: 'xem',
      fullName: 'Người xem',
      password: DEMO_PASSWORD,
      homeOrgId: member.org_id,
      roles: [{ role: 'viewer', orgId: member.org_id }],
    });
    const viewer = await openPage(env.browser!, errors);
    await submitLogin(viewer, env.server.baseUrl, 'xem', DEMO_PASSWORD);
    await viewer.getByTestId('nav-members').waitFor({ timeout: 15000 });
    await viewer.goto(`${env.server.baseUrl}/members/${member.id}?tab=records-work`);
    await expect.poll(() => viewer.getByTestId('member-records-work').textContent(), { timeout: 10000 }).toContain('Trường THCS Tân Lập, huyện Văn Lâm');
    expect(await viewer.getByTestId('record-add-work').count()).toBe(0);
    expect(await viewer.getByTestId('member-tab-records-family').count()).toBe(0);
    expect(await viewer.getByTestId('member-tab-records-political').count()).toBe(0);
    expect(errors).toEqual([]);
    await viewer.close();
  });

  it(
    'warns before saving, with the server’s own rule: a death in the future, an admission at the age of 4 (issue 12 part 3)',
    { timeout: 90000 },
    async ({ skip }) => {
      if (!env.browser) return skip('no browser');
      const db = env.server.database.db;
      const member = await db
        .selectFrom('member')
        .select(['id', 'full_name'])
        .where('status', '=', 'active')
        .orderBy('name_sort_key', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      const page = await openPage(env.browser!, errors);
      await submitLogin(page, env.server.baseUrl, 'admin', DEMO_PASSWORD);
      await page.getByTestId('org-title').waitFor({ timeout: 15000 });
      const typeDate = async (testId: string, ddmmyyyy: string) => {
        await page.getByTestId(testId).click();
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.type(ddmmyyyy);
        await page.keyboard.press('Tab');
      };

      // the event form: a death dated 01/01/2099 is announced before saving, and refused if saved anyway
      await page.goto(`${env.server.baseUrl}/members/${member.id}`);
      await expect.poll(() => page.getByTestId('member-title').textContent(), { timeout: 10000 }).toContain(member.full_name);
      await page.getByTestId('member-record-event').click();
      await page.getByTestId('event-kind').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'Từ trần' }).first().click();
      await typeDate('event-date', '01/01/2099');
      await expect.poll(() => page.getByTestId('event-plausibility').textContent()).toContain('Ngày từ trần (01/01/2099) sau ngày hôm nay');
      await page.getByTestId('modal-submit').click();
      await expect.poll(() => page.getByTestId('form-member-event').textContent()).toContain('chỉ ghi nhận điều đã xảy ra');
      expect((await db.selectFrom('member').select('status').where('id', '=', member.id).executeTakeFirstOrThrow()).status).toBe('active');

      // the member form: born 01/06/2015, admitted 01/01/2020
      await page.goto(`${env.server.baseUrl}/members`);
      await page.getByTestId('members-create').click();
      await typeDate('member-field-birthDate', '01/06/2015');
      await typeDate('member-field-admittedOn', '01/01/2020');
      await expect.poll(() => page.getByTestId('member-plausibility').textContent()).toContain('mới 4 tuổi 7 tháng, chưa đủ 18 tuổi');
      await typeDate('member-field-birthDate', '01/06/1995');
      await expect.poll(() => page.getByTestId('member-plausibility').count()).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});
