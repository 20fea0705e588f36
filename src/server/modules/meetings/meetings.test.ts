/**
 * Cell meetings end to end on both engines: a cell's secretary schedules, registers and sends the documents, records
 * the meeting as held, the attendance (the roll of the date from the member file, a hosted member, the fast entry and
 * the sheet preview), the resolution with a task carried to the next meeting; the warnings of the rules of the date;
 * scope (those above read, a sibling sees nothing); the Word files; the input refused in Vietnamese.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../../test/helpers/db.ts';
import { buildFixture, PASSWORD, startTestApp, type Client, type Fixture, type TestApp } from '../../../../test/helpers/app.ts';
import { v7 as uuidv7 } from 'uuid';
import { insertMembers } from '../../demo/bulk-insert.ts';
import { insertUser } from '../users/users.service.ts';
import { recordAttendance } from './meetings.attendance.ts';
import { csvOf, rawSession, xlsxOf } from '../member-import/member-import.fixtures.ts';
import { zipEntryText } from '../member-sheet/member-sheet.fixtures.ts';

describeEngines('cell meetings', (engine) => {
  let t: TestApp;
  let f: Fixture;
  let sec: Client;
  let members: { id: string; full_name: string }[];
  let hosted: string;
  let first: string;

  beforeAll(async () => {
    t = await startTestApp(engine);
    f = await buildFixture(t);
    await insertUser(t.database.db, {
      username: 'secA1',
      fullName: 'Bí thư Tổ Toán',
      password: PASSWORD,
      homeOrgId: f.orgs.a1,
      roles: [{ role: 'editor', orgId: f.orgs.a1 }],
    });
    sec = await t.login('secA1');
    members = await t.database.db.selectFrom('member').select(['id', 'full_name']).where('org_id', '=', f.orgs.a1).orderBy('name_sort_key').execute();
    // A member of Tổ Văn hosted by Tổ Toán on a temporary transfer from 01/10/2026.
    const admin = await t.login('admin');
    const guest = await admin.post('/api/members', {
      fullName: 'Trần Văn Khách',
      gender: 'nam',
      birthDate: '1980-01-01',
      orgId: f.orgs.a2,
      admittedOn: '2010-01-01',
      officialOn: '2011-01-01',
    });
    hosted = guest.body.id;
    const moved = await admin.post(`/api/members/${hosted}/events`, { kind: 'temporary_out', hostOrgId: f.orgs.a1, until: '2027-06-30', date: '2026-10-01' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  });
  afterAll(() => t?.close());

  it('the secretary schedules, sends the documents, records the meeting, its attendance and its resolution', async () => {
    const created = await sec.post('/api/meetings', {
      orgId: f.orgs.a1,
      kind: 'regular',
      plannedOn: '2026-11-10',
      place: 'Phòng họp tổ',
      topic: 'Sinh hoạt tháng 11',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    first = created.body.id;
    expect(created.body).toMatchObject({ status: 'planned', ruleSetId: 'hd42-2025', canEdit: true, attendanceRecorded: false });
    // Before the attendance is recorded the page shows the roll of the date: 20 members and the hosted one, present by default.
    expect(created.body.attendance).toHaveLength(21);
    expect(created.body.attendance.find((a: { memberId: string }) => a.memberId === hosted)).toMatchObject({ hosted: true, countsForQuorum: false });
    expect(created.body.warnings.map((w: { code: string }) => w.code)).toEqual(['superior_not_invited']);

    let r = await sec.post(`/api/meetings/${first}/documents`, { title: 'Dự thảo nghị quyết tháng 11' });
    expect(r.status).toBe(201);
    expect(r.body.warnings.map((w: { code: string }) => w.code)).toContain('documents_not_sent');
    r = await sec.post(`/api/meetings/${first}/documents/send`, { sentAt: '2026-11-09T20:00:00+07:00' });
    expect(r.status).toBe(200);
    expect(r.body.documents[0].sentAt).toBe('2026-11-09T13:00:00.000Z');
    expect((await sec.post(`/api/meetings/${first}/documents/send`, {})).status).toBe(409); // nothing left to send

    // Held from 08:00 to 09:29: one minute short of 90.
    r = await sec.patch(`/api/meetings/${first}`, {
      heldOn: '2026-11-10',
      startTime: '08:00',
      endTime: '09:29',
      presidedBy: 'Nguyễn Văn 0',
      minutesBy: 'Nguyễn Văn 1',
      superiorInvited: true,
      superiorRepName: 'Đồng chí Lê Văn Phụ Trách',
      superiorPresent: true,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.status).toBe('held');
    expect(r.body.warnings).toEqual([{ code: 'too_short', message: 'Thời gian buổi sinh hoạt 89 phút, ít hơn 90 phút theo quy định.' }]);
    r = await sec.patch(`/api/meetings/${first}`, { endTime: '09:30' });
    expect(r.body.warnings).toEqual([]);

    // Fast entry: everyone present but two excused and three absent without reason.
    const ex = [
      { memberId: members[0]!.id, attendance: 'excused', reason: 'Ốm' },
      { memberId: members[1]!.id, attendance: 'excused', reason: 'Đi công tác' },
      { memberId: members[2]!.id, attendance: 'absent' },
      { memberId: members[3]!.id, attendance: 'absent' },
      { memberId: members[4]!.id, attendance: 'absent' },
    ];
    r = await sec.post(`/api/meetings/${first}/attendance`, { exceptions: ex });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.quorum).toEqual({ roll: 21, present: 16, excused: 2, absent: 3, denominator: 18, presentCounted: 15, quorate: true, majorityNeeds: 10 });
    expect(r.body).toMatchObject({ rollCount: 21, presentCount: 16, excusedCount: 2, absentCount: 3, attendanceRecorded: true });
    const row = await t.database.db
      .selectFrom('meeting')
      .select(['roll_count', 'present_count', 'absent_count'])
      .where('id', '=', first)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ roll_count: 21, present_count: 16, absent_count: 3 });

    r = await sec.patch(`/api/meetings/${first}`, {
      resolutionNo: '11-NQ/CB',
      resolutionOn: '2026-11-10',
      resolutionText: 'Chi bộ thống nhất…',
      minutesText: 'Đồng chí Bí thư quán triệt…',
    });
    expect(r.status).toBe(200);
    r = await sec.post(`/api/meetings/${first}/tasks`, {
      content: 'Vận động đảng viên đóng đảng phí đúng hạn',
      ownerMemberId: members[5]!.id,
      ownerName: members[5]!.full_name,
      dueOn: '2026-12-10',
    });
    expect(r.status).toBe(201);
    expect(r.body.tasks).toMatchObject([{ seq: 1, content: 'Vận động đảng viên đóng đảng phí đúng hạn', doneOn: null }]);

    const audit = await t.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', first).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual([
      'meeting.create',
      'meeting.document_add',
      'meeting.documents_send',
      'meeting.update',
      'meeting.update',
      'meeting.attendance',
      'meeting.update',
      'meeting.task_add',
    ]);
  });

  it('the task comes back on the next meeting’s agenda until its outcome is recorded there', async () => {
    const next = (await sec.post('/api/meetings', { orgId: f.orgs.a1, kind: 'combined', plannedOn: '2026-12-10' })).body;
    expect(next.carriedTasks).toMatchObject([{ content: 'Vận động đảng viên đóng đảng phí đúng hạn', meetingDate: '2026-11-10' }]);
    const taskId = next.carriedTasks[0].id;
    // Recorded at the next meeting: still on its agenda (with the outcome), on none after it.
    const r = await sec.patch(`/api/meetings/tasks/${taskId}`, { outcome: '18/20 đảng viên đã đóng', doneOn: '2026-11-20', reviewedMeetingId: next.id });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((await sec.get(`/api/meetings/${next.id}`)).body.carriedTasks).toMatchObject([{ id: taskId, outcome: '18/20 đảng viên đã đóng' }]);
    const later = (await sec.post('/api/meetings', { orgId: f.orgs.a1, kind: 'regular', plannedOn: '2027-01-10' })).body;
    expect(later.carriedTasks).toEqual([]);
    // The calendar of the cell.
    const list = await sec.get(`/api/meetings?orgId=${f.orgs.a1}&from=2026-01-01&to=2027-12-31`);
    expect(list.body.items.map((i: { kind: string }) => i.kind)).toEqual(['regular', 'combined', 'regular']);
    expect(list.body).toMatchObject({ orgName: 'Chi bộ Tổ Toán', canEdit: true });
  });

  it('those above read and do not write; a sibling sees nothing', async () => {
    const editorA = await t.login('editorA');
    const read = await editorA.get(`/api/meetings/${first}`);
    expect(read.status).toBe(200);
    expect(read.body.canEdit).toBe(false);
    expect((await editorA.patch(`/api/meetings/${first}`, { topic: 'Khác' })).status).toBe(403);
    expect((await editorA.post('/api/meetings', { orgId: f.orgs.a1, kind: 'regular', plannedOn: '2026-12-01' })).status).toBe(403);
    expect((await editorA.post(`/api/meetings/${first}/attendance`, { exceptions: [] })).status).toBe(403);
    const b = await t.login('adminB');
    expect((await b.get(`/api/meetings/${first}`)).status).toBe(404);
    expect((await b.get(`/api/meetings?orgId=${f.orgs.a1}`)).status).toBe(404);
    expect((await b.post(`/api/meetings/${first}/tasks`, { content: 'X' })).status).toBe(404);
    // the other cell's secretary neither
    expect((await sec.get(`/api/meetings?orgId=${f.orgs.a2}`)).status).toBe(404);
  });

  it('refuses what the rules and the roll do not allow, in Vietnamese', async () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['/api/meetings', { orgId: f.orgs.a1, kind: 'regular', plannedOn: '2099-01-01' }, /trong vòng một năm/],
      ['/api/meetings', { orgId: f.orgs.a1, kind: 'regular', plannedOn: '2026-02-31' }, /Ngày không hợp lệ/],
      ['/api/meetings', { orgId: f.orgs.a1, kind: 'weekly', plannedOn: '2026-12-01' }, /Loại sinh hoạt/],
      ['/api/meetings', { orgId: f.orgs.a1, kind: 'regular', plannedOn: '2026-12-01', startTime: '25:00' }, /Giờ không hợp lệ/],
      ['/api/meetings', { orgId: f.orgs.a1, kind: 'regular', plannedOn: '2026-12-01', startTime: '10:00', endTime: '09:00' }, /Giờ kết thúc phải sau/],
      ['/api/meetings', { orgId: f.orgs.a1, kind: 'regular', plannedOn: '2026-12-01', topic: 'a\u0000b' }, /NUL/],
      ['/api/meetings', { orgId: f.orgs.a1, kind: 'regular', plannedOn: '2026-12-01', topic: 'x'.repeat(600) }, /Tối đa 500/],
      ['/api/meetings', { orgId: f.orgs.a1, kind: 'regular', plannedOn: 20261201 }, /./],
    ];
    for (const [url, body, message] of cases) {
      const r = await sec.post(url, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.message + JSON.stringify(r.body.error.details)).toMatch(message);
    }
    expect((await sec.patch(`/api/meetings/${first}`, { heldOn: '2099-01-01' })).body.error.message).toMatch(/không được sau ngày hôm nay/);
    const stranger = (await t.database.db.selectFrom('member').select('id').where('org_id', '=', f.orgs.gB).limit(1).executeTakeFirstOrThrow()).id;
    let r = await sec.post(`/api/meetings/${first}/attendance`, { exceptions: [{ memberId: stranger, attendance: 'absent' }] });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/không có trong danh sách chi bộ/);
    r = await sec.post(`/api/meetings/${first}/attendance`, { exceptions: [{ memberId: members[0]!.id, attendance: 'excused' }] });
    expect(r.body.error.message).toMatch(/Ghi lý do vắng mặt/);
    const planned = (await sec.post('/api/meetings', { orgId: f.orgs.a1, kind: 'topical', plannedOn: '2026-12-20' })).body.id;
    expect((await sec.post(`/api/meetings/${planned}/attendance`, { exceptions: [] })).status).toBe(409);
    // the attendance is unchanged by the refusals
    expect((await sec.get(`/api/meetings/${first}`)).body.quorum.present).toBe(16);
  });

  it('reads an attendance sheet into exceptions for a preview, nothing written', async () => {
    const raw = await rawSession(t, 'secA1');
    const sheet = await xlsxOf([
      ['DANH SÁCH ĐIỂM DANH'],
      ['STT', 'Họ và tên', 'Tình trạng', 'Lý do'],
      [1, members[0]!.full_name, 'Có mặt', null],
      [2, members[1]!.full_name, 'Vắng có lý do', 'Ốm'],
      [3, members[2]!.full_name, 'Vắng', null],
      [4, 'Người Lạ', 'x', null],
      [5, members[3]!.full_name, 'hmm', null],
    ]);
    const r = await raw.upload(sheet, 'diem-danh.xlsx', `/api/meetings/${first}/attendance/preview`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.errorCount).toBe(2);
    expect(r.body.exceptions).toEqual([
      { memberId: members[0]!.id, attendance: 'present', reason: null },
      { memberId: members[1]!.id, attendance: 'excused', reason: 'Ốm' },
      { memberId: members[2]!.id, attendance: 'absent', reason: null },
    ]);
    expect(r.body.rows[3].errors[0]).toMatch(/Không có trong danh sách/);
    expect(r.body.rows[4].errors[0]).toMatch(/Không hiểu tình trạng «hmm»/);
    expect((await raw.upload(csvOf([['Tên'], ['A']]), 'a.csv', `/api/meetings/${first}/attendance/preview`)).body.error.message).toMatch(/Họ và tên/);
    expect((await sec.get(`/api/meetings/${first}`)).body.quorum.present).toBe(16);
  });

  it('writes the minutes, the resolution and the attendance sheet as Word files with the attendance filled in', async () => {
    const raw = await rawSession(t, 'secA1');
    for (const kind of ['minutes', 'resolution', 'attendance-sheet']) {
      const r = await raw.download(`/api/meetings/${first}/document.docx?kind=${kind}`);
      expect(r.status).toBe(200);
      const xml = zipEntryText(r.bytes, 'word/document.xml') ?? '';
      expect(xml).toContain('CHI BỘ TỔ TOÁN');
      if (kind === 'minutes') {
        expect(xml).toContain('có mặt: 16');
        expect(xml).toContain(`${members[0]!.full_name} (vắng có lý do: Ốm)`);
        expect(xml).toContain('(90 phút)');
      }
      if (kind === 'resolution') expect(xml).toContain('Vận động đảng viên đóng đảng phí đúng hạn');
      if (kind === 'attendance-sheet') expect(xml).toContain('Vắng không lý do');
    }
    expect((await sec.get(`/api/meetings/${first}/document.docx?kind=other`)).status).toBe(400);
  });
  it('records the attendance of a 30-member meeting in one transaction (the timing is logged; the bench holds the target)', async () => {
    const rows = Array.from({ length: 18 }, (_, i) => ({
      id: uuidv7(),
      org_id: f.orgs.a2,
      full_name: `Phạm Văn ${i}`,
      family_name: 'Phạm',
      middle_name: 'Văn',
      given_name: String(i),
      name_sort_key: `p${i}`,
      gender: 'nam' as const,
      birth_date: '1985-01-01',
      admitted_on: '2012-05-19',
      official_on: '2013-05-19',
      left_on: null,
    }));
    await insertMembers(t.database.db, { members: rows });
    const admin = await t.login('admin');
    const m = (await admin.post('/api/meetings', { orgId: f.orgs.a2, kind: 'regular', plannedOn: '2026-11-12' })).body;
    await admin.patch(`/api/meetings/${m.id}`, { heldOn: '2026-11-12' });
    expect(m.attendance.length).toBeGreaterThanOrEqual(30);
    const ids: string[] = m.attendance.map((a: { memberId: string }) => a.memberId);
    const times: number[] = [];
    for (let i = 0; i < 12; i++) {
      const exceptions = ids.filter((_, k) => (k + i) % 7 === 0).map((memberId) => ({ memberId, attendance: 'absent' as const }));
      const start = performance.now();
      await recordAttendance({ db: t.database.db, clock: t.clock, rulesets: t.services.rulesets }, f.admin, m.id, { exceptions });
      times.push(performance.now() - start);
    }
    const sorted = times.slice(2).sort((a, b) => a - b);
    console.log(`[${engine}] attendance of ${ids.length} members, the write (one transaction): median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms`);
    const last = await t.database.db.selectFrom('meeting').select(['roll_count', 'absent_count']).where('id', '=', m.id).executeTakeFirstOrThrow();
    expect(last.roll_count).toBe(ids.length);
    // each run's marks replaced the last (one upsert): the rows and the kept count are those of the 12th run
    const absent = ids.filter((_, k) => (k + 11) % 7 === 0).sort();
    const rows11 = await t.database.db.selectFrom('meeting_attendance').select(['member_id', 'attendance']).where('meeting_id', '=', m.id).execute();
    expect(rows11).toHaveLength(ids.length);
    expect(
      rows11
        .filter((r) => r.attendance === 'absent')
        .map((r) => r.member_id)
        .sort(),
    ).toEqual(absent);
    expect(last.absent_count).toBe(absent.length);
  });
});
