/**
 * Submitted reports and the exports through the API, on the tables' real computation (issue 14 parts 4 and 6): submit
 * the commune's year, add a member, read the difference against the submitted figure, export the submission (the
 * submitted figures) and the live report (the new ones).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ReportSubmissionDetail } from '../../../contract/reports.submissions.ts';
import { describeEngines } from '../../../../test/helpers/db.ts';
import { buildFixture, startTestApp, type Client, type Fixture, type TestApp } from '../../../../test/helpers/app.ts';
import { rawSession } from '../member-import/member-import.fixtures.ts';
import { pdfText, zipEntryText } from '../member-sheet/member-sheet.fixtures.ts';
import { FIRST_FIGURE_ROW } from './reports.export.xlsx.ts';

describeEngines('submitted reports and exports over HTTP', (engine) => {
  let t: TestApp;
  let f: Fixture;
  let a: Client;

  beforeAll(async () => {
    t = await startTestApp(engine);
    f = await buildFixture(t);
    a = await t.login('adminA');
  });
  afterAll(() => t?.close());

  it('keeps the submitted figures, shows the live ones that differ, and exports each as it is', async () => {
    const sub = await a.post('/api/reports/submissions', { orgId: f.orgs.A, asOf: '2026-06-30', note: 'Báo cáo 6 tháng đầu năm' });
    expect(sub.status).toBe(201);
    expect(sub.body).toMatchObject({ orgName: 'Đảng bộ xã Tân Lập', periodFrom: null, periodTo: '2026-06-30', version: 1, note: 'Báo cáo 6 tháng đầu năm' });
    const before = (await a.get(`/api/reports/submissions/${sub.body.id}`)).body as ReportSubmissionDetail;
    expect(before.report.tables.length).toBeGreaterThan(1);
    expect(before.live.differences).toEqual([]);

    const added = await a.post('/api/members', { fullName: 'Trần Thị Mới', gender: 'nu', birthDate: '1995-01-01', orgId: f.orgs.a1, admittedOn: '2026-03-02' });
    expect(added.status).toBe(201);
    const after = (await a.get(`/api/reports/submissions/${sub.body.id}`)).body as ReportSubmissionDetail;
    expect(after.report).toEqual(before.report); // stored, never recomputed
    const total = after.live.differences.find((d) => d.table === 'members-composition' && d.which === 'value' && d.submitted === 32);
    expect(total).toMatchObject({ submitted: 32, live: 33 });

    const files = await rawSession(t, 'adminA');
    const xlsx = await files.download(`/api/reports/submissions/${sub.body.id}/export.xlsx?table=members-composition`);
    expect(xlsx.status).toBe(200);
    expect(String(xlsx.headers['content-disposition'])).toContain('attachment; filename="');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    expect(wb.worksheets).toHaveLength(1);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A2').value).toBe('Đơn vị: Đảng bộ xã Tân Lập');
    const figures = (row: number) => (ws.getRow(row).values as unknown[]).filter((v) => typeof v === 'number');
    const stored = before.report.tables.find((x) => x.key === 'members-composition')!;
    expect(figures(FIRST_FIGURE_ROW)).toEqual(stored.rows[0]!.cells.map((c) => c.value).filter((v) => v !== null));
    expect(figures(FIRST_FIGURE_ROW)).toContain(32);

    const live = await files.download(`/api/reports/export.docx?orgId=${f.orgs.A}&asOf=2026-06-30&table=members-composition`);
    expect(live.status).toBe(200);
    const xml = zipEntryText(live.bytes, 'word/document.xml')!;
    expect(xml).toContain('ĐẢNG BỘ TỈNH HƯNG YÊN');
    expect(xml).toContain('>33<');
    const pdf = await files.download(`/api/reports/submissions/${sub.body.id}/export.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((await pdfText(pdf.bytes)).replace(/\s+/g, ' ')).toContain('Báo cáo đã gửi lần 1');

    const status = await (await t.login('admin')).get(`/api/reports/submissions/status?orgId=${f.orgs.P}&asOf=2026-06-30`);
    expect(status.body.byKind).toEqual([{ kindCode: 'dang_bo_cap_tren_co_so', kindName: expect.any(String), total: 2, submitted: 1 }]);
    // Four whole reports computed and three files drawn: more than the default 30 s on two shared cores.
  }, 120_000);

  it('refuses a date after today, a reader who may not submit, and a missing submission', async () => {
    const late = await a.post('/api/reports/submissions', { orgId: f.orgs.A, asOf: '2099-01-01' });
    expect(late.status).toBe(400);
    expect(late.body.error.message).toMatch(/hôm nay|ngày/);
    const viewer = await t.login('viewerA1');
    expect((await viewer.post('/api/reports/submissions', { orgId: f.orgs.a1, asOf: '2026-06-30' })).status).toBe(403);
    expect((await a.get('/api/reports/submissions/01900000-0000-7000-8000-000000000000')).status).toBe(404);
  });
});
