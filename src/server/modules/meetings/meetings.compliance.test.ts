/**
 * The committees' side of the cells' meetings on both engines: the compliance of a subtree reproduces the hand-counted
 * fixture of src/domain/meetings.compliance.test.ts (cells A and B there are Tổ Toán and Tổ Văn here), as the page's
 * answer, the report table and its drill-down; the absence alert at its boundary (2 months: none, 3 months: raised),
 * its dismissal with a reason and its return, the striking-off through the members event; a member's own view and
 * his isolation from everything else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { describeEngines } from '../../../../test/helpers/db.ts';
import { buildFixture, PASSWORD, startTestApp, type Client, type Fixture, type TestApp } from '../../../../test/helpers/app.ts';
import { insertUser } from '../users/users.service.ts';
import { complianceByCell } from './meetings.compliance.repo.ts';
import { ruleStretches } from './meetings.compliance.ts';
import { insertDocument, markMaterialsSent } from './meetings.repo.ts';

type Kind = 'regular' | 'topical' | 'combined' | 'extraordinary';
interface M {
  cell: 'a1' | 'a2';
  kind: Kind;
  on: string;
  present: number;
  roll: number;
  minutes?: number;
  late?: boolean;
  noRep?: boolean;
}

// The domain fixture, on the rules of 2026 (Hướng dẫn 42: 90 minutes, 120 combined, documents a day before).
const FIXTURE: M[] = [
  { cell: 'a1', kind: 'regular', on: '2026-01-10', present: 10, roll: 10 },
  { cell: 'a1', kind: 'topical', on: '2026-02-12', present: 8, roll: 10, minutes: 89 },
  { cell: 'a1', kind: 'combined', on: '2026-03-14', present: 9, roll: 10, minutes: 120, late: true },
  { cell: 'a1', kind: 'regular', on: '2026-04-10', present: 7, roll: 10, noRep: true },
  { cell: 'a1', kind: 'regular', on: '2026-05-09', present: 10, roll: 10 },
  { cell: 'a1', kind: 'regular', on: '2026-06-11', present: 6, roll: 10, minutes: 60, noRep: true },
  { cell: 'a2', kind: 'regular', on: '2026-01-05', present: 4, roll: 5 },
  { cell: 'a2', kind: 'regular', on: '2026-02-05', present: 4, roll: 5 },
  { cell: 'a2', kind: 'regular', on: '2026-03-05', present: 4, roll: 5 },
  { cell: 'a2', kind: 'regular', on: '2026-04-05', present: 5, roll: 5 },
  { cell: 'a2', kind: 'extraordinary', on: '2026-05-20', present: 3, roll: 5 },
  { cell: 'a2', kind: 'topical', on: '2026-06-02', present: 5, roll: 5 },
  { cell: 'a2', kind: 'regular', on: '2026-06-03', present: 4, roll: 5, late: true },
  { cell: 'a2', kind: 'regular', on: '2025-12-08', present: 0, roll: 5 },
];

describeEngines('meetings: compliance, the absence alert, the member view', (engine) => {
  let t: TestApp;
  let f: Fixture;
  let adminA: Client;
  let adminB: Client;
  const ids: string[] = [];
  let absentee: string;

  async function insertMeeting(m: M) {
    const db = t.database.db;
    const id = uuidv7();
    const start = 8 * 60;
    await db
      .insertInto('meeting')
      .values({
        id,
        org_id: f.orgs[m.cell],
        kind: m.kind,
        status: 'held',
        planned_on: m.on,
        held_on: m.on,
        start_minute: start,
        end_minute: start + (m.minutes ?? 150),
        superior_invited: true,
        superior_present: !m.noRep,
        topic: `Sinh hoạt ${m.on}`,
        roll_count: m.roll,
        present_count: m.present,
        excused_count: 0,
        absent_count: m.roll - m.present,
      })
      .execute();
    // a material sent two days before, or on the day itself (late)
    const sent = new Date(`${m.on}T08:00:00+07:00`);
    if (!m.late) sent.setUTCDate(sent.getUTCDate() - 2);
    // through the repository, which keeps the meeting's materials_sent_on as the document routes do
    await insertDocument(db, {
      id: uuidv7(),
      meeting_id: id,
      role: 'material',
      title: 'Dự thảo nghị quyết',
      file_name: 'du-thao.docx',
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      size: 10,
      sha256: 'x',
      storage_key: uuidv7(),
      sent_at: sent,
      uploaded_at: sent,
    });
    return id;
  }

  beforeAll(async () => {
    t = await startTestApp(engine);
    f = await buildFixture(t);
    adminA = await t.login('adminA');
    adminB = await t.login('adminB');
    for (const m of FIXTURE) ids.push(await insertMeeting(m));
    // a member with his admission on file (the striking-off is an event after it)
    const admin = await t.login('admin');
    const created = await admin.post('/api/members', {
      fullName: 'Lê Văn Vắng',
      gender: 'nam',
      birthDate: '1980-01-01',
      orgId: f.orgs.a1,
      admittedOn: '2010-01-01',
      officialOn: '2011-01-01',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    absentee = created.body.id;
  });
  afterAll(() => t?.close());

  describe('compliance', () => {
    it('reproduces the hand count for the commune (cells Tổ Toán and Tổ Văn), per cell and overall', async () => {
      const r = await adminA.get(`/api/meetings/compliance?orgId=${f.orgs.A}&from=2026-01-01&to=2026-06-30`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const [a1, a2] = [f.orgs.a1, f.orgs.a2].map((id) => r.body.cells.find((c: { orgId: string }) => c.orgId === id));
      expect(r.body.cells).toHaveLength(2);
      expect(a1).toMatchObject({ monthsMissing: ['2026-02'], quartersMissing: ['2026-Q2'], meetings: 6, short: 2, docsLate: 1, noRepresentative: 2 });
      expect(a1).toMatchObject({ present: 50, roll: 60, attendanceRate: 83.33 });
      expect(a2).toMatchObject({ monthsMissing: ['2026-05'], quartersMissing: ['2026-Q1'], meetings: 7, short: 0, docsLate: 1, noRepresentative: 0 });
      expect(r.body.totals).toMatchObject({ cells: 2, cellsMissingRegular: 2, cellsMissingTopical: 2, monthsMissing: 2, quartersMissing: 2, meetings: 13 });
      expect(r.body.totals).toMatchObject({ short: 2, docsLate: 2, noRepresentative: 2, present: 79, roll: 95, attendanceRate: 83.16 });
    });

    it('is a report table whose cells lead to the meetings behind them', async () => {
      const r = await adminA.get(`/api/reports/tables/meetings-compliance?orgId=${f.orgs.A}&from=2026-01-01&to=2026-06-30`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const v = (key: string) => r.body.table.rows.find((x: { key: string }) => x.key === key).cells[0];
      expect(v('cells').value).toBe(2);
      expect(v('short').value).toBe(2);
      expect(v('attendanceRate').value).toBe(83.16);
      expect(v('short').link).toEqual({ kind: 'meetings', query: { orgId: f.orgs.A, view: 'meetings', check: 'short', from: '2026-01-01', to: '2026-06-30' } });
      const list = await adminA.get(`/api/meetings/compliance/meetings?orgId=${f.orgs.A}&from=2026-01-01&to=2026-06-30&check=short`);
      expect(list.body.total).toBe(2);
      expect(list.body.items.map((m: { minutes: number }) => m.minutes)).toEqual([89, 60]);
      const late = await adminA.get(`/api/meetings/compliance/meetings?orgId=${f.orgs.A}&from=2026-01-01&to=2026-06-30&check=docs-late`);
      expect(late.body.total).toBe(v('docsLate').value);
      // broken down by the organisations below the province: the commune carries the figures, the ward none
      const byChild = await adminA.get(`/api/reports/tables/meetings-compliance?orgId=${f.orgs.gA}&from=2026-01-01&to=2026-06-30&breakdown=children`);
      expect(byChild.status).toBe(200);
      expect(byChild.body.table.rows.find((x: { key: string }) => x.key === f.orgs.a2).cells[0].value).toBe(1);
    });

    it('exports the table to a workbook; a sibling sees nothing of it', async () => {
      const x = await adminA.get(`/api/meetings/compliance/export.xlsx?orgId=${f.orgs.A}&from=2026-01-01&to=2026-06-30`);
      expect(x.status).toBe(200);
      expect(x.headers['content-type']).toContain('spreadsheetml');
      expect((await adminB.get(`/api/meetings/compliance?orgId=${f.orgs.A}&from=2026-01-01&to=2026-06-30`)).status).toBe(404);
      expect((await adminB.get(`/api/meetings/compliance/export.xlsx?orgId=${f.orgs.A}&from=2026-01-01&to=2026-06-30`)).status).toBe(404);
      const own = await adminB.get(`/api/meetings/compliance?orgId=${f.orgs.B}&from=2026-01-01&to=2026-06-30`);
      expect(own.body.cells.map((c: { orgId: string }) => c.orgId)).toEqual([f.orgs.gB]);
      const bad = await adminA.get(`/api/meetings/compliance?orgId=${f.orgs.A}&from=2026-07-01&to=2026-06-30`);
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/Ngày bắt đầu/);
    });

    it('reads a period across years, one over five years in parts, and the day the documents were sent as their writes keep it', async () => {
      const db = t.database.db;
      // Tổ Văn's meeting of 08/12/2025 counts from December; the quarter 2025-Q4 is not wholly inside, so not owed
      const r = await adminA.get(`/api/meetings/compliance?orgId=${f.orgs.a2}&from=2025-12-01&to=2026-06-30`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.cells[0]).toMatchObject({ monthsMissing: ['2026-05'], quartersOwed: ['2026-Q1', '2026-Q2'], meetings: 8 });
      // seven years: two statements of at most five, merged
      const [long] = await complianceByCell(db, [f.orgs.a2], '2020-01-01', '2026-06-30', ruleStretches());
      expect([...long!.regular_months!].sort()).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-06']);
      expect(long!.topical_quarters).toEqual(['2026-Q2']);
      expect(long).toMatchObject({ meetings: 8, docs_late: 1, present: 29, roll: 40 });
      // a meeting of July with its material sent two days before; another registered unsent, then sent on the day: late
      const id = await insertMeeting({ cell: 'a1', kind: 'regular', on: '2026-07-08', present: 5, roll: 5 });
      const july = async () => (await complianceByCell(db, [f.orgs.a1], '2026-07-01', '2026-07-31', ruleStretches()))[0]!;
      const sentOn = async () => (await db.selectFrom('meeting').select('materials_sent_on').where('id', '=', id).executeTakeFirstOrThrow()).materials_sent_on;
      expect(await sentOn()).toBe('2026-07-06');
      expect((await july()).docs_late).toBe(0);
      await insertDocument(db, {
        id: uuidv7(),
        meeting_id: id,
        role: 'material',
        title: 'Bổ sung',
        sent_at: null,
        uploaded_at: new Date('2026-07-07T02:00:00Z'),
      });
      expect(await sentOn()).toBe('2026-07-06');
      expect(await markMaterialsSent(db, id, new Date('2026-07-08T01:00:00Z'))).toBe(1);
      expect(await sentOn()).toBe('2026-07-08');
      expect((await july()).docs_late).toBe(1);
    });
  });

  describe('the absence alert', () => {
    async function absentAt(meetingId: string) {
      await t.database.db
        .insertInto('meeting_attendance')
        .values({ meeting_id: meetingId, member_id: absentee, attendance: 'absent', membership: 'official', member_status: 'active', counts_for_quorum: true })
        .execute();
    }
    const alertsOf = async (c: Client) =>
      (await c.get('/api/meetings/alerts?year=2026')).body.items.filter((a: { memberId: string }) => a.memberId === absentee);

    it('2 months without a reason raise nothing, the 3rd raises the proposal with the meetings missed', async () => {
      await absentAt(ids[0]!);
      await absentAt(ids[1]!);
      expect(await alertsOf(adminA)).toEqual([]);
      await absentAt(ids[3]!);
      const [a] = await alertsOf(adminA);
      expect(a).toMatchObject({ source: 'meetings', threshold: 3, orgId: f.orgs.a1 });
      expect(a.months.map((m: { month: string }) => m.month)).toEqual(['2026-01', '2026-02', '2026-04']);
      expect(a.months[2].missed[0]).toMatchObject({ id: ids[3], date: '2026-04-10' });
      expect(await alertsOf(adminB)).toEqual([]);
    });

    it('dismissing needs a reason; the alert returns when a further month counts', async () => {
      const none = await adminA.post('/api/meetings/alerts/dismiss', { memberId: absentee, year: 2026, source: 'meetings', reason: '  ' });
      expect(none.status).toBe(400);
      expect(none.body.error.message).toMatch(/lý do/);
      expect((await adminB.post('/api/meetings/alerts/dismiss', { memberId: absentee, year: 2026, source: 'meetings', reason: 'x' })).status).toBe(404);
      const ok = await adminA.post('/api/meetings/alerts/dismiss', { memberId: absentee, year: 2026, source: 'meetings', reason: 'Đi điều trị bệnh dài ngày' });
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      expect(await alertsOf(adminA)).toEqual([]);
      const audit = await t.database.db.selectFrom('audit_log').select(['action', 'after']).where('action', '=', 'meeting.alert_dismiss').execute();
      expect(audit).toHaveLength(1);
      await absentAt(ids[4]!);
      expect((await alertsOf(adminA))[0].months).toHaveLength(4);
    });

    it('records the striking-off through the members event', async () => {
      const r = await adminA.post('/api/meetings/alerts/strike-off', { memberId: absentee, date: '2026-11-15', decisionNo: '12-QĐ/ĐU' });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const m = await adminA.get(`/api/members/${absentee}`);
      expect(m.body.status).toBe('struck_off');
      expect(await alertsOf(adminA)).toEqual([]);
      expect((await adminA.post('/api/meetings/alerts/strike-off', { memberId: absentee, date: '2026-11-15' })).status).toBe(404);
    });
  });

  describe("a member's own view", () => {
    it('sees his cell meetings, the documents sent and his own attendance, and nothing else of anyone', async () => {
      const db = t.database.db;
      const [me, other] = await db.selectFrom('member').select('id').where('org_id', '=', f.orgs.a2).orderBy('name_sort_key').limit(2).execute();
      await db
        .insertInto('meeting_attendance')
        .values({
          meeting_id: ids[6]!,
          member_id: me!.id,
          attendance: 'excused',
          reason: 'Ốm',
          membership: 'official',
          member_status: 'active',
          counts_for_quorum: false,
        })
        .execute();
      const userId = await insertUser(db, { username: 'dangvien1', fullName: 'Nguyễn Văn 0', password: PASSWORD, homeOrgId: f.orgs.a2, roles: [] });
      expect((await adminB.post('/api/meetings/member-access', { userId, memberId: me!.id })).status).toBe(404);
      const g = await adminA.post('/api/meetings/member-access', { userId, memberId: me!.id });
      expect(g.status, JSON.stringify(g.body)).toBe(200);
      expect((await adminA.post('/api/meetings/member-access', { userId, memberId: other!.id })).status).toBe(409);
      const member = await t.login('dangvien1');
      const mine = await member.get('/api/me/meetings?year=2026');
      expect(mine.status, JSON.stringify(mine.body)).toBe(200);
      expect(mine.body.member).toMatchObject({ id: me!.id, orgId: f.orgs.a2 });
      expect(mine.body.meetings).toHaveLength(7);
      expect(mine.body.meetings[0]).toMatchObject({ heldOn: '2026-01-05', attendance: 'excused', reason: 'Ốm' });
      expect(mine.body.meetings[0].documents).toHaveLength(1);
      expect(mine.body.summary).toEqual({ present: 0, excused: 1, absent: 0 });
      // nothing else: other members, lists, meetings, reports, exports
      for (const url of [
        `/api/members/${other!.id}`,
        `/api/members/${me!.id}`,
        `/api/meetings/${ids[6]}`,
        `/api/meetings/compliance?orgId=${f.orgs.a2}&from=2026-01-01&to=2026-06-30`,
        `/api/meetings/compliance/export.xlsx?orgId=${f.orgs.a2}&from=2026-01-01&to=2026-06-30`,
        `/api/reports/tables/meetings-compliance?orgId=${f.orgs.a2}&from=2026-01-01&to=2026-06-30`,
        `/api/orgs/${f.orgs.a2}`,
      ])
        expect([403, 404], url).toContain((await member.get(url)).status);
      const lists = await member.get('/api/members');
      expect([200, 403]).toContain(lists.status);
      if (lists.status === 200) expect(lists.body.total).toBe(0);
      expect((await member.get('/api/meetings/alerts')).body.items).toEqual([]);
      // a user who is not a member has no own view
      expect((await adminA.get('/api/me/meetings')).status).toBe(403);
    });
  });
});
