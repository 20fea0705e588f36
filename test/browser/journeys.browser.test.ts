/**
 * The main journeys in a real browser against a real server with the demo province: logging in, finding an
 * organisation without accents and opening it, downloading a member's sheet, and a move through the reorganisation
 * wizard with its preview and confirmation, checked afterwards in the organisation's history and in the database.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/seed.ts';
import { browserAvailable, browserRequired, launchBrowser, openPage, submitLogin } from '../helpers/browser.ts';
import { browserWithDemo } from '../helpers/server.ts';

describe.skipIf(!browserAvailable && !browserRequired)('main journeys in the browser', () => {
  const env = browserWithDemo(launchBrowser);
  const errors = env.errors;

  const newPage = () => openPage(env.browser!, errors);
  const login = (page: Page, username = 'admin', password = DEMO_PASSWORD) => submitLogin(page, env.server.baseUrl, username, password);

  /** Picks an organisation in an OrgSelect by typing part of its name without accents. */
  async function pickOrg(page: Page, testId: string, query: string, name: string) {
    await page.getByTestId(testId).click();
    await page.keyboard.type(query);
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: name }).first();
    await option.waitFor();
    await option.click();
  }

  /** Types a date as a user does; in a modal, Tab leaves the field (Enter would submit the form). */
  async function typeDate(page: Page, testId: string, ddmmyyyy: string, leaveWith: 'Enter' | 'Tab' = 'Enter') {
    await page.getByTestId(testId).click();
    await page.keyboard.type(ddmmyyyy);
    await page.keyboard.press(leaveWith);
  }

  it('logs in (a wrong password is refused in Vietnamese), finds an organisation without accents and opens it', async ({ skip }) => {
    if (!env.browser) return skip('no browser');
    const page = await newPage();
    await login(page, 'admin', 'sai-mat-khau');
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('Tên đăng nhập hoặc mật khẩu không đúng');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('org-title').textContent(), { timeout: 15000 }).toContain('Đảng bộ tỉnh Hưng Yên');

    // a commune created by the 2025 reorganisation, searched for without its accents
    const commune = await env.server.database.db
      .selectFrom('org_version')
      .select(['org_id', 'name'])
      .where('valid_to', 'is', null)
      .where('name', 'like', 'Đảng bộ xã %')
      .where('kind_code', '=', 'dang_bo_cap_tren_co_so')
      .orderBy('name')
      .limit(1)
      .executeTakeFirstOrThrow();
    const { foldAccents } = await import('../../src/domain/text.ts');
    await page.getByTestId('tree-search').fill(foldAccents(commune.name.replace('Đảng bộ ', '')));
    const result = page.getByTestId(`tree-search-result-${commune.org_id}`);
    await result.waitFor({ timeout: 10000 });
    await result.click();
    await expect.poll(() => page.getByTestId('org-title').textContent()).toContain(commune.name);
    await expect.poll(() => page.url()).toContain(`/orgs/${commune.org_id}`);

    // a form refuses empty decision fields in Vietnamese before anything is sent
    // (the submit is pressed again while no message shows: under load a press can land while the modal still opens,
    // or a late re-render of the page can close it)
    await page.getByTestId('org-action-rename').click();
    const fieldErrors = page.locator('.ant-modal .ant-form-item-explain-error');
    await expect
      .poll(async () => {
        if ((await fieldErrors.count()) === 0) {
          if (!(await page.getByTestId('modal-submit').isVisible())) await page.getByTestId('org-action-rename').click();
          await page.getByTestId('modal-submit').click();
        }
        return fieldErrors.allTextContents();
      })
      .toContain('Vui lòng nhập số quyết định.');
    await page.getByTestId('modal-cancel').click();

    // the page reads "as of" a date before the reorganisation: the commune did not exist yet
    await page.goto(`${env.server.baseUrl}/orgs/${commune.org_id}?asOf=2025-06-30`);
    await expect.poll(() => page.getByTestId('org-facts').textContent(), { timeout: 10000 }).toMatch(/chưa thành lập/i);
    await page.close();
  });

  it('finds a member by name without accents and opens the file with its history', async ({ skip }) => {
    if (!env.browser) return skip('no browser');
    const { foldAccents } = await import('../../src/domain/text.ts');
    // a living member whose name carries diacritics and is unique
    const rows = await env.server.database.db
      .selectFrom('member')
      .select(['id', 'full_name'])
      .where('status', '=', 'active')
      .where('full_name', 'like', '%ị%')
      .orderBy('name_sort_key')
      .limit(200)
      .execute();
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.full_name, (counts.get(r.full_name) ?? 0) + 1);
    const member = rows.find((r) => counts.get(r.full_name) === 1)!;

    const page = await newPage();
    await login(page);
    await page.getByTestId('nav-members').click();
    await page.getByTestId('members-search').fill(foldAccents(member.full_name));
    const row = page.getByTestId(`member-row-${member.id}`);
    await row.waitFor({ timeout: 10000 });
    await row.click();
    await expect.poll(() => page.getByTestId('member-title').textContent(), { timeout: 10000 }).toContain(member.full_name);
    await page.getByTestId('member-tab-history').click();
    await expect.poll(() => page.getByTestId('member-timeline').textContent()).toContain('Kết nạp vào Đảng');
    // The member sheet downloads under the member's Vietnamese name.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('member-sheet-pdf').click()]);
    expect(download.suggestedFilename().normalize('NFC')).toBe(`Phiếu đảng viên - ${member.full_name}.pdf`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it(
    'records a transfer from one cell to another: the sender sees the member in transit, the receiver confirms the arrival',
    { timeout: 90000 },
    async ({ skip }) => {
      if (!env.browser) return skip('no browser');
      const db = env.server.database.db;
      // the receiving side: the demo commune clerk "xa" and a cell under his commune
      const xa = await db
        .selectFrom('app_user as u')
        .innerJoin('role_assignment as r', 'r.user_id', 'u.id')
        .innerJoin('org as o', 'o.id', 'r.org_id')
        .select(['o.id', 'o.current_path'])
        .where('u.username', '=', 'xa')
        .executeTakeFirstOrThrow();
      const target = await db
        .selectFrom('org as o')
        .innerJoin('org_version as v', (j) => j.onRef('v.org_id', '=', 'o.id').on('v.valid_to', 'is', null))
        .innerJoin('org_kind as k', 'k.code', 'v.kind_code')
        .select(['o.id', 'v.name'])
        .where('o.current_path', 'like', `${xa.current_path}%`)
        .where('k.is_cell', '=', true)
        .orderBy('v.name')
        .limit(1)
        .executeTakeFirstOrThrow();
      const member = await db
        .selectFrom('member as m')
        .innerJoin('org as o', 'o.id', 'm.org_id')
        .select(['m.id', 'm.full_name'])
        .where('m.status', '=', 'active')
        .where('m.official_on', 'is not', null)
        .where('o.current_path', 'not like', `${xa.current_path}%`)
        .orderBy('m.name_sort_key')
        .limit(1)
        .executeTakeFirstOrThrow();

      // the sending side records the departure
      const sender = await newPage();
      await login(sender);
      await sender.getByTestId('org-title').waitFor({ timeout: 15000 }); // logged in: the landing page is up
      await sender.goto(`${env.server.baseUrl}/members/${member.id}`);
      await sender.getByTestId('member-record-event').click();
      await sender.getByTestId('event-kind').click();
      await sender.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'chuyển đi' }).first().click();
      await typeDate(sender, 'event-date', '02/11/2026', 'Tab');
      await sender.getByTestId('event-to-org-id').fill(target.id);
      await sender.getByTestId('modal-submit').click();
      await expect.poll(() => sender.getByTestId('member-status').textContent(), { timeout: 10000 }).toMatch(/chuyển/i);

      // the receiving commune confirms it
      const receiver = await newPage();
      await login(receiver, 'xa');
      await receiver.getByTestId('org-title').waitFor({ timeout: 15000 });
      await receiver.goto(`${env.server.baseUrl}/transfers/incoming`);
      await receiver.getByTestId(`incoming-confirm-${member.id}`).click();
      await typeDate(receiver, 'incoming-date', '09/11/2026', 'Tab');
      await receiver.getByTestId('modal-submit').click();
      await receiver.getByTestId(`incoming-confirmed-${member.id}`).waitFor({ timeout: 10000 });

      // both sides see the result: the member is on the new cell's roll, with both halves in the history
      await receiver.goto(`${env.server.baseUrl}/members/${member.id}`);
      await expect.poll(() => receiver.getByTestId('member-title').textContent(), { timeout: 10000 }).toContain(member.full_name);
      await receiver.getByTestId('member-tab-history').click();
      const timeline = await receiver.getByTestId('member-timeline').textContent();
      expect(timeline).toContain('chuyển đi');
      expect(timeline).toContain(target.name);
      const row = await db.selectFrom('member').select(['org_id', 'status']).where('id', '=', member.id).executeTakeFirstOrThrow();
      expect(row).toEqual({ org_id: target.id, status: 'active' });
      expect(errors).toEqual([]);
      await sender.close();
      await receiver.close();
    },
  );

  it('moves an organisation with the reorganisation wizard: preview, confirmation, then the history shows it', async ({ skip }) => {
    if (!env.browser) return skip('no browser');
    const db = env.server.database.db;
    // a grassroots organisation with a name found once, and a commune committee other than its own superior
    const rows = await db
      .selectFrom('org_version as v')
      .innerJoin('org_version as p', (j) => j.onRef('p.org_id', '=', 'v.parent_id').on('p.valid_to', 'is', null))
      .select(['v.org_id', 'v.name', 'v.parent_id', 'p.kind_code as parent_kind'])
      .where('v.valid_to', 'is', null)
      .where('v.kind_code', '=', 'chi_bo_co_so')
      .where('p.kind_code', '=', 'dang_bo_cap_tren_co_so')
      .orderBy('v.name')
      .execute();
    const names = new Map<string, number>();
    for (const r of rows) names.set(r.name, (names.get(r.name) ?? 0) + 1);
    const moving = rows.find((r) => names.get(r.name) === 1)!;
    const target = await db
      .selectFrom('org_version')
      .select(['org_id', 'name'])
      .where('valid_to', 'is', null)
      .where('kind_code', '=', 'dang_bo_cap_tren_co_so')
      .where('name', 'like', 'Đảng bộ phường %')
      .where('org_id', '<>', moving.parent_id!)
      .orderBy('name')
      .limit(1)
      .executeTakeFirstOrThrow();
    const { foldAccents } = await import('../../src/domain/text.ts');

    const page = await newPage();
    await login(page);
    await page.getByTestId('nav-admin').hover();
    await page.getByTestId('nav-reorganize').click();
    await page.getByTestId('decision-no').fill('45-QĐ/TU');
    await typeDate(page, 'decision-date', '20/10/2026');
    await typeDate(page, 'decision-effective', '01/11/2026');
    await page.getByTestId('reorg-next').click();
    await page.getByTestId('reorg-add-move').click();
    await pickOrg(page, 'reorg-op-0-org', foldAccents(moving.name).slice(0, 40), moving.name);
    await pickOrg(page, 'reorg-op-0-newParent', foldAccents(target.name), target.name);
    await page.getByTestId('reorg-preview').click();

    await page.getByTestId('reorg-ok').waitFor({ timeout: 15000 });
    const changes = await page.getByTestId('reorg-changes').textContent();
    expect(changes).toContain(moving.name);
    expect(changes).toContain(target.name);
    // nothing is written by the preview
    const before = await db
      .selectFrom('org_version')
      .select('parent_id')
      .where('org_id', '=', moving.org_id)
      .where('valid_to', 'is', null)
      .executeTakeFirstOrThrow();
    expect(before.parent_id).toBe(moving.parent_id);

    await page.getByTestId('reorg-apply').click();
    await page.getByTestId('confirm-ok').click();
    // The apply writes in one transaction; beside the rest of the suite on 2 cores it has taken over 15 s.
    await page.getByTestId('reorg-done').waitFor({ timeout: 30000 });

    const after = await db
      .selectFrom('org_version')
      .select(['parent_id', 'valid_from'])
      .where('org_id', '=', moving.org_id)
      .where('valid_to', 'is', null)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ parent_id: target.org_id, valid_from: '2026-11-01' });

    await page.goto(`${env.server.baseUrl}/orgs/${moving.org_id}`);
    await page.getByTestId('tab-history').click();
    await expect.poll(() => page.getByTestId('org-history').textContent(), { timeout: 10000 }).toContain(`sang trực thuộc «${target.name}»`);
    expect(await page.getByTestId('org-history').textContent()).toContain('45-QĐ/TU');
    expect(errors).toEqual([]);
    await page.close();
  });
  it('filters the member list from its URL, and a system administrator adjusts the working calendar', { timeout: 60000 }, async ({ skip }) => {
    if (!env.browser) return skip('no browser');
    const page = await newPage();
    await login(page);
    await page.getByTestId('nav-members').waitFor({ timeout: 15000 });
    await page.goto(`${env.server.baseUrl}/members?ageFrom=60&gender=nu`);
    await page.getByTestId('members-filters').waitFor({ timeout: 15000 });
    // the list opens on the members on the roll (the organisation page's count) and says so in its status filter
    const total = await page.evaluate(async () => (await (await fetch('/api/members?ageFrom=60&gender=nu&status=on_roll&pageSize=1')).json()).total as number);
    await expect.poll(() => page.getByTestId('members-filter-status').textContent(), { timeout: 10000 }).toContain('Đảng viên trong danh sách');
    expect(total).toBeGreaterThan(0);
    await expect.poll(() => page.locator('body').textContent(), { timeout: 15000 }).toContain(`${total.toLocaleString('vi-VN')} đảng viên`);
    expect(await page.getByTestId('members-filter-age-from').inputValue()).toBe('60');
    expect(await page.getByTestId('members-export').getAttribute('href')).toContain('ageFrom=60');

    // the menu offers the page to a system administrator, under «Quản trị»
    await page.getByTestId('nav-admin').hover();
    await page.getByTestId('nav-calendar').waitFor({ timeout: 10000 });
    await page.goto(`${env.server.baseUrl}/calendar?year=2026`);
    await expect.poll(() => page.getByTestId('calendar-table').textContent(), { timeout: 10000 }).toContain('Quốc khánh');
    const dateInput = page.locator('[data-testid=calendar-add] input').first();
    await typeDate(page, 'calendar-add-date', '31/12/2026', 'Tab');
    await expect.poll(() => dateInput.inputValue()).toBe('31/12/2026');
    await page.getByTestId('calendar-add-kind').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'Ngày nghỉ (theo thông báo)' }).click();
    await expect.poll(() => page.getByTestId('calendar-add-kind').textContent()).toContain('Ngày nghỉ (theo thông báo)');
    await page.getByTestId('calendar-add-note').fill('Nghỉ theo thông báo cuối năm');
    await page.getByTestId('calendar-add-submit').click();
    await expect.poll(() => page.getByTestId('calendar-table').textContent(), { timeout: 10000 }).toContain('Nghỉ theo thông báo cuối năm');
    const db = env.server.database.db;
    expect(await db.selectFrom('calendar_adjustment').selectAll().execute()).toEqual([
      { date: '2026-12-31', kind: 'holiday', note: 'Nghỉ theo thông báo cuối năm' },
    ]);
    await page.getByTestId('calendar-remove-2026-12-31').click();
    await page.getByTestId('confirm-ok').click();
    const pressed = Date.now();
    // beside the rest of the suite on 2 cores the removal has taken more than 10 s to show, and a press on the
    // confirmation can be lost while it still opens: after 12 s, press again while the day is still there
    await expect
      .poll(
        async () => {
          const rows = await db.selectFrom('calendar_adjustment').selectAll().execute();
          if (rows.length > 0 && Date.now() - pressed > 12000 && !(await page.getByTestId('confirm-ok').isVisible())) {
            await page.getByTestId('calendar-remove-2026-12-31').click();
            await page.getByTestId('confirm-ok').click();
          }
          return rows;
        },
        { timeout: 30000, interval: 2000 },
      )
      .toEqual([]);
    await expect.poll(() => page.getByTestId('calendar-table').textContent(), { timeout: 20000 }).not.toContain('Nghỉ theo thông báo cuối năm');
    expect(errors).toEqual([]);
    await page.close();
  });
  it(
    "badges: a date that is not an anniversary is refused; an award the rules refuse shows their words, and is recorded on the standing committee's decision",
    { timeout: 180000 },
    async ({ skip }) => {
      if (!env.browser) return skip('no browser');
      const { vietnamDate, formatVnDate } = await import('../../src/domain/dates.ts');
      const { addMonths, addYears } = await import('../../src/domain/member-status.ts');
      const today = vietnamDate(new Date());
      const db = env.server.database.db;
      // A member of the demo who reaches 30 years of party age within the coming months, never awarded nor disciplined.
      const member = await db
        .selectFrom('member as m')
        .select(['m.id', 'm.admitted_on'])
        .where('m.status', '=', 'active')
        .where('m.badge_top', '=', 0)
        .whereRef('m.party_age_from', '=', 'm.admitted_on')
        .where('m.admitted_on', '>', addMonths(addYears(today, -30), 1))
        .where('m.admitted_on', '<', addMonths(addYears(today, -30), 6))
        .where((eb) => eb.not(eb.exists(eb.selectFrom('discipline_decision as x').select('x.id').whereRef('x.member_id', '=', 'm.id'))))
        .orderBy('m.id')
        .limit(1)
        .executeTakeFirstOrThrow();
      const page = await newPage();
      await login(page);
      await page.getByTestId('nav-members').waitFor({ timeout: 15000 });

      await page.goto(`${env.server.baseUrl}/badges?anniversary=2027-05-20`);
      await expect
        .poll(() => page.getByTestId('badges-refusal').textContent(), { timeout: 15000 })
        .toContain('Ngày 20/05/2027 không phải dịp trao Huy hiệu Đảng (03/02, 19/05, 02/09, 07/11).');

      await page.goto(`${env.server.baseUrl}/members/${member.id}`);
      await page.getByTestId('member-award-badge').click();
      await typeDate(page, 'award-date', formatVnDate(today), 'Tab');
      await page.getByTestId('award-decision-no').fill('90-QĐ/TU');
      await page.getByTestId('modal-submit').click();
      await expect
        .poll(() => page.getByTestId('modal-error').textContent(), { timeout: 15000 })
        .toContain(`Ngày ${formatVnDate(today)} đảng viên chưa đủ 30 năm tuổi Đảng: đủ ngày ${formatVnDate(addYears(member.admitted_on!, 30))}.`);
      await page.getByTestId('award-special').click();
      await page.getByTestId('award-override-no').fill('15-QĐ/TU');
      await typeDate(page, 'award-override-date', formatVnDate(today), 'Tab');
      await page.getByTestId('modal-submit').click();
      await page.getByTestId('form-member-badge').waitFor({ state: 'detached', timeout: 30000 });
      await expect
        .poll(() => db.selectFrom('member_badge_award').select(['milestone', 'override_decision_no']).where('member_id', '=', member.id).execute(), {
          timeout: 15000,
        })
        .toEqual([{ milestone: 30, override_decision_no: '15-QĐ/TU' }]);
      await page.getByTestId('member-tab-party-age').click();
      await expect.poll(() => page.getByTestId('member-award-override').textContent(), { timeout: 15000 }).toContain('Quyết định 15-QĐ/TU');

      // Serious illness, with its date and document.
      await page.getByTestId('member-badge-standing').click();
      await page.getByTestId('standing-ill').click();
      await typeDate(page, 'standing-ill-date', formatVnDate(today), 'Tab');
      await page.getByTestId('standing-ill-document').fill('Giấy xác nhận của Bệnh viện tỉnh');
      await page.getByTestId('modal-submit').click();
      await page.getByTestId('form-member-badge-standing').waitFor({ state: 'detached', timeout: 30000 });
      await expect.poll(() => page.getByTestId('member-badge-standing-view').textContent(), { timeout: 15000 }).toContain('Ốm đau nặng');
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});
