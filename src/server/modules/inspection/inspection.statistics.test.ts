/**
 * The discipline figures of the inspection statistics (issue 15 part 6) on a hand-counted fixture built through the
 * API, on both engines: disciplines by subject type and form, complaints received and decided by outcome, per period
 * (Q1, 6 months, the year, a month) and per organisation below the root; each cell's list has the cell's count; the
 * list is sensitive (a viewer and a sibling get 404); the table exports to xlsx and Word as the others.
 *
 * By hand (all decided by the đảng bộ cơ sở gA's committee; today is 20/11/2026):
 *   m1 reprimand 02/03/2026 · a2 (a cell) warning 02/03/2026 · m2 warning 10/04/2026 · m3 expulsion 05/05/2026 ·
 *   m3 warning 01/06/2025 (last year).
 *   Complaints: a2's filed 20/03/2026 (no outcome) · m2's filed 20/04/2026, upheld 01/06/2026 · m3's 2025 warning filed
 *   20/06/2025, revoked 01/02/2026.
 *   Year 2026: 4 decisions (members 3: reprimand 1, warning 1, expulsion 1; organisations 1: warning 1); complaints
 *   received 2, decided 2 (upheld 1, revoked 1). Q1: 2 decisions (m1, a2); received 1, decided 1 (revoked).
 *   6 months: the year's. May 2026: 1 decision (expulsion), nothing of complaints.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../../test/helpers/db.ts';
import { buildFixture, startTestApp, type Client, type Fixture, type TestApp } from '../../../../test/helpers/app.ts';
import { zipEntryText } from '../member-sheet/member-sheet.fixtures.ts';
import { rawSession } from '../member-import/member-import.fixtures.ts';

interface Cell {
  value: number | null;
  link: { kind: string; query: Record<string, string> } | null;
}

describeEngines('inspection statistics: disciplines and complaints', (engine) => {
  let t: TestApp;
  let f: Fixture;
  let a: Client;
  let n = 0;

  beforeAll(async () => {
    t = await startTestApp(engine);
    f = await buildFixture(t);
    a = await t.login('adminA');
    const member = async () => {
      const r = await a.post('/api/members', {
        fullName: `Lê Văn Thống ${++n}`,
        gender: 'nam',
        birthDate: '1975-01-01',
        orgId: f.orgs.a1,
        admittedOn: '2000-01-10',
        officialOn: '2001-01-10',
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body.id as string;
    };
    const decide = async (body: Record<string, unknown>) => {
      const r = await a.post('/api/discipline/decisions', { decisionNo: `${++n}-QĐ/ĐU`, decidingBody: 'committee', decidingOrgId: f.orgs.gA, ...body });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body.id as string;
    };
    const complain = async (decisionId: string, receivedOn: string, filedOn: string, outcome?: { outcome: string; outcomeOn: string }) => {
      const r = await a.post(`/api/discipline/decisions/${decisionId}/complaints`, { receivedOn, filedOn });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      if (!outcome) return;
      const complaintId = r.body.complaints.at(-1).id as string;
      const o = await a.post(`/api/discipline/decisions/${decisionId}/complaints/${complaintId}/outcome`, outcome);
      expect(o.status, JSON.stringify(o.body)).toBe(200);
    };
    const [m1, m2, m3] = [await member(), await member(), await member()];
    const old = await decide({ memberId: m3, form: 'warning', decidedOn: '2025-06-01', violationOn: '2025-04-01' });
    await complain(old, '2025-06-03', '2025-06-20', { outcome: 'revoked', outcomeOn: '2026-02-01' });
    await decide({ memberId: m1, form: 'reprimand', decidedOn: '2026-03-02', violationOn: '2026-01-05' });
    const cell = await decide({ orgId: f.orgs.a2, form: 'warning', decidedOn: '2026-03-02', violationOn: '2026-01-05' });
    await complain(cell, '2026-03-05', '2026-03-20');
    const warned = await decide({ memberId: m2, form: 'warning', decidedOn: '2026-04-10', violationOn: '2026-02-01' });
    await complain(warned, '2026-04-12', '2026-04-20', { outcome: 'upheld', outcomeOn: '2026-06-01' });
    await decide({ memberId: m3, form: 'expulsion', decidedOn: '2026-05-05', violationOn: '2026-03-01' });
  });
  afterAll(() => t?.close());

  const KEYS = [
    'discipline:all',
    'discipline:org:all',
    'discipline:org:warning',
    'discipline:member:all',
    'discipline:member:reprimand',
    'discipline:member:warning',
    'discipline:member:expulsion',
    'complaints:received',
    'complaints:decided',
    'complaints:upheld',
    'complaints:changed',
    'complaints:revoked',
  ];

  async function table(client: Client, orgId: string, from: string, to: string) {
    const r = await client.get(`/api/reports/tables/inspection-work?orgId=${orgId}&from=${from}&to=${to}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const rows = r.body.table.rows as { key: string; cells: Cell[] }[];
    return (key: string) => rows.find((x) => x.key === key)!.cells[0]!;
  }

  it('counts by hand per period kind; every cell’s list has the cell’s count', async () => {
    const expected: Record<string, [string, string, number[]]> = {
      year: ['2026-01-01', '2026-12-31', [4, 1, 1, 3, 1, 1, 1, 2, 2, 1, 0, 1]],
      q1: ['2026-01-01', '2026-03-31', [2, 1, 1, 1, 1, 0, 0, 1, 1, 0, 0, 1]],
      sixMonths: ['2026-01-01', '2026-06-30', [4, 1, 1, 3, 1, 1, 1, 2, 2, 1, 0, 1]],
      month: ['2026-05-01', '2026-05-31', [1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0]],
      lastYear: ['2025-01-01', '2025-12-31', [1, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0]],
    };
    for (const [period, [from, to, values]] of Object.entries(expected)) {
      const cell = await table(a, f.orgs.A, from, to);
      expect(
        KEYS.map((k) => cell(k).value),
        period,
      ).toEqual(values);
      for (const k of KEYS) {
        const link = cell(k).link!;
        expect(link.kind, k).toBe('disciplines');
        const list = await a.get(`/api/inspection/disciplines?${new URLSearchParams(link.query).toString()}`);
        expect(list.status, `${period} ${k} ${JSON.stringify(list.body)}`).toBe(200);
        expect(list.body.total, `${period} ${k}`).toBe(cell(k).value);
        expect(list.body.items.length, `${period} ${k}`).toBe(Math.min(50, cell(k).value ?? 0));
      }
    }
    // the list names the subject and, for complaint cells, the complaint
    const q1 = await table(a, f.orgs.A, '2026-01-01', '2026-03-31');
    const received = await a.get(`/api/inspection/disciplines?${new URLSearchParams(q1('complaints:received').link!.query).toString()}`);
    expect(received.body.items[0]).toMatchObject({
      subjectKind: 'org',
      subjectName: 'Chi bộ Tổ Văn',
      form: 'warning',
      complaint: { filedOn: '2026-03-20', outcome: null },
    });
    const members = await a.get(`/api/inspection/disciplines?${new URLSearchParams(q1('discipline:member:all').link!.query).toString()}`);
    expect(members.body.items[0]).toMatchObject({
      subjectKind: 'member',
      subjectName: 'Lê Văn Thống 1',
      form: 'reprimand',
      orgName: 'Chi bộ Tổ Toán',
      complaint: null,
    });
  });

  it('per organisation below the root, the sibling’s figures apart; the list is sensitive', async () => {
    const admin = await t.login('admin');
    const split = await admin.get(`/api/reports/tables/inspection-work?orgId=${f.orgs.P}&from=2026-01-01&to=2026-12-31&breakdown=children`);
    expect(split.status).toBe(200);
    const col = (key: string) => split.body.table.columns.findIndex((c: { key: string }) => c.key === `${key}|count`);
    const rowOf = (orgId: string) => split.body.table.rows.find((r: { key: string }) => r.key === orgId);
    expect([col('discipline:all'), col('discipline:member:all'), col('complaints:received')].map((c) => rowOf(f.orgs.A).cells[c].value)).toEqual([4, 3, 2]);
    expect(rowOf(f.orgs.B).cells[col('discipline:all')].value).toBe(0);

    const b = await t.login('adminB');
    const own = await table(b, f.orgs.B, '2026-01-01', '2026-12-31');
    expect(KEYS.map((k) => own(k).value)).toEqual(KEYS.map(() => 0));
    const query = `from=2026-01-01&to=2026-12-31&subjectKind=member`;
    expect((await b.get(`/api/inspection/disciplines?orgId=${f.orgs.A}&${query}`)).status).toBe(404);
    expect((await b.get(`/api/inspection/disciplines?orgId=${f.orgs.B}&${query}`)).body).toEqual({ total: 0, items: [] });
    const viewer = await t.login('viewerA1');
    expect((await viewer.get(`/api/inspection/disciplines?orgId=${f.orgs.a1}&${query}`)).status).toBe(404);
    expect((await (await t.login('inspectorA')).get(`/api/inspection/disciplines?orgId=${f.orgs.a1}&${query}`)).body.total).toBe(3);
    const bad = await a.get(`/api/inspection/disciplines?orgId=${f.orgs.A}&from=2026-01-01&to=2026-12-31&form=demotion`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('Hình thức kỷ luật không hợp lệ');
  });

  it('exports to xlsx and Word with the discipline rows', async () => {
    const files = await rawSession(t, 'adminA');
    const q = `orgId=${f.orgs.A}&from=2026-01-01&to=2026-12-31&table=inspection-work`;
    const xlsx = await files.download(`/api/reports/export.xlsx?${q}`);
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const lines: string[] = [];
    wb.worksheets[0]!.eachRow((r) => lines.push((r.values as unknown[]).filter((v) => v !== undefined && v !== null).join('|')));
    expect(lines).toContain('Số quyết định kỷ luật trong kỳ|4');
    expect(lines).toContain('Khiếu nại nhận trong kỳ|2');
    const docx = await files.download(`/api/reports/export.docx?${q}`);
    expect(docx.status).toBe(200);
    expect(zipEntryText(docx.bytes, 'word/document.xml')).toContain('Thi hành kỷ luật đảng');
  });
});
