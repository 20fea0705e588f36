/**
 * The working-day calendar's adjustments (domain.md §13): a year's view, edits by system administrators with their
 * audit entries, and their effect on deadlines in working days — a transfer's lateness (§7) and the party age the
 * allowance leaves (§5) — as soon as they are recorded or removed.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../../test/helpers/db.ts';
import { buildFixture, startTestApp, type Client, type Fixture, type TestApp } from '../../../../test/helpers/app.ts';
import { addDays } from '../../../domain/dates.ts';
import { createWorkingCalendar } from '../../../domain/calendar/working-days.ts';

describeEngines('working-day calendar adjustments', (engine) => {
  let t: TestApp;
  let f: Fixture;
  let admin: Client;
  let a: Client;
  let b: Client;
  const put = (date: string, body: unknown) => admin.raw('PUT', `/api/calendar/adjustments/${date}`, JSON.stringify(body));
  const departed = async (fullName: string) => {
    const r = await a.post('/api/members', {
      fullName,
      gender: 'nam',
      birthDate: '1985-01-01',
      orgId: f.orgs.a1,
      admittedOn: '2012-01-05',
      officialOn: '2013-01-05',
    });
    expect(r.status).toBe(201);
    // Mon 03/08/2026: by law, Wed 16/09 is the 30th working day after it (1/9 and 2/9 are National Day), Thu 17/09 the 31st.
    expect((await a.post(`/api/members/${r.body.id}/events`, { kind: 'transfer_out_started', toOrgId: f.orgs.gB, date: '2026-08-03' })).status).toBe(200);
    return r.body.id as string;
  };
  const arrive = (id: string, date: string, lateReason?: string) =>
    b.post(`/api/members/${id}/events`, { kind: 'transfer_in_confirmed', orgId: f.orgs.gB, date, ...(lateReason ? { lateReason } : {}) });

  beforeAll(async () => {
    t = await startTestApp(engine); // today is 20/11/2026
    f = await buildFixture(t);
    admin = await t.login('admin');
    a = await t.login('adminA');
    b = await t.login('adminB');
  });
  afterAll(() => t?.close());

  it('shows a year: the law’s holidays, the weekends, the adjustments and the working days left', async () => {
    const r = await a.get('/api/calendar?year=2026');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ year: 2026, canEdit: false, adjustments: [], weekends: { saturdays: 52, sundays: 52, worked: 0 } });
    expect(r.body.lawHolidays).toContainEqual({ date: '2026-09-02', weekday: 3, name: 'Quốc khánh', compensating: false, workedByAdjustment: false });
    expect(r.body.lawHolidays).toContainEqual(expect.objectContaining({ date: '2026-01-01', name: 'Tết Dương lịch' }));
    const cal = createWorkingCalendar();
    expect(r.body.workingDays).toBe(cal.workingDaysBetween('2025-12-31', '2026-12-31'));
    expect(r.body.workingDays + r.body.daysOff).toBe(365);
    expect((await admin.get('/api/calendar?year=2026')).body.canEdit).toBe(true);
  });

  it('a Saturday worked makes a transfer late; removing it makes the same arrival on time again', async () => {
    const id = await departed('Vũ Văn Thứ Bảy');
    const sat = await put('2026-08-15', { kind: 'workday', note: 'Làm bù cho ngày nghỉ 31/08' });
    expect(sat.status).toBe(200);
    expect(sat.body.adjustments).toEqual([{ date: '2026-08-15', weekday: 6, kind: 'workday', note: 'Làm bù cho ngày nghỉ 31/08' }]);
    expect(sat.body.weekends.worked).toBe(1);
    const late = await arrive(id, '2026-09-16');
    expect(late.status).toBe(400);
    expect(late.body.error.message).toContain('31 ngày làm việc');
    expect((await admin.delete('/api/calendar/adjustments/2026-08-15')).status).toBe(200);
    const onTime = await arrive(id, '2026-09-16');
    expect(onTime.status).toBe(200);
    expect(onTime.body.events.at(-1).details).toEqual({ workingDaysInTransit: 30 });
  });

  it('a day off by notice makes the 31st working day the 30th: no reason needed', async () => {
    const id = await departed('Vũ Văn Ngày Nghỉ');
    expect((await arrive(id, '2026-09-17')).status).toBe(400);
    expect((await put('2026-08-31', { kind: 'holiday', note: 'Nghỉ liền dịp Quốc khánh' })).status).toBe(200);
    const r = await arrive(id, '2026-09-17');
    expect(r.status).toBe(200);
    expect(r.body.events.at(-1).details).toEqual({ workingDaysInTransit: 30 });
    const year = (await admin.get('/api/calendar?year=2026')).body;
    expect(year.adjustments).toEqual([{ date: '2026-08-31', weekday: 1, kind: 'holiday', note: 'Nghỉ liền dịp Quốc khánh' }]);
    expect((await admin.delete('/api/calendar/adjustments/2026-08-31')).status).toBe(200);
  });

  it('a change is audited, replaces the day’s earlier adjustment, and moves the party age a late transfer left', async () => {
    const id = await departed('Vũ Văn Tuổi Đảng');
    expect((await arrive(id, '2026-10-30', 'Chờ quyết định tiếp nhận')).status).toBe(200);
    const column = async () =>
      (await t.database.db.selectFrom('member').select('party_age_from').where('id', '=', id).executeTakeFirstOrThrow()).party_age_from!;
    const before = await column();
    // the transit beyond the allowance is a gap: the start is the admission shifted by its days
    expect(before > '2012-01-05').toBe(true);
    expect((await put('2026-08-31', { kind: 'holiday' })).status).toBe(200);
    // one more day off inside the allowance: the allowance ends a day later, the gap is a day shorter
    expect(await column()).toBe(addDays(before, -1));
    const file = (await admin.get(`/api/members/${id}`)).body;
    expect(file.partyAge.gaps).toEqual([expect.objectContaining({ reason: 'transfer' })]);
    const replaced = await put('2026-08-31', { kind: 'holiday', note: 'Theo thông báo của Chính phủ' });
    expect(replaced.body.adjustments).toEqual([expect.objectContaining({ date: '2026-08-31', note: 'Theo thông báo của Chính phủ' })]);
    expect((await admin.delete('/api/calendar/adjustments/2026-08-31')).status).toBe(200);
    expect(await column()).toBe(before);
    const audit = (await admin.get('/api/audit?entityType=calendar&pageSize=50')).body.items;
    expect(audit.map((e: { action: string }) => e.action).slice(0, 3)).toEqual(['calendar.adjust_remove', 'calendar.adjust', 'calendar.adjust']);
    expect(audit[0]).toMatchObject({ before: { date: '2026-08-31', kind: 'holiday', note: 'Theo thông báo của Chính phủ' }, actorName: 'admin' });
    expect(audit[1]).toMatchObject({
      before: { date: '2026-08-31', kind: 'holiday', note: null },
      after: { date: '2026-08-31', kind: 'holiday', note: 'Theo thông báo của Chính phủ' },
    });
  });

  it('only system administrators change it', async () => {
    for (const c of [a, b]) {
      const r = await c.raw('PUT', '/api/calendar/adjustments/2026-12-31', JSON.stringify({ kind: 'holiday' }));
      expect(r.status).toBe(403);
      expect(r.body.error.message).toContain('Chỉ quản trị hệ thống');
    }
    expect(await t.database.db.selectFrom('calendar_adjustment').selectAll().execute()).toEqual([]);
  });
});
