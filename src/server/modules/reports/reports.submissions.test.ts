/**
 * Submitted reports (issue 14 part 4) on both engines, with a computation that counts the members of the report's
 * subtree (the tables' service is tested on its own): the stored figures never change, a resubmission is a new
 * version, a later change of the records shows as a difference, the superior sees which subordinates submitted, a
 * sibling neither sees nor submits, and a submitted report is exported as submitted.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { ReportQueryInput, ReportResponse } from '../../../contract/reports.ts';
import type { Actor } from '../../http/actor.ts';
import { describeEngines } from '../../../../test/helpers/db.ts';
import { buildFixture, startTestApp, type Fixture, type TestApp } from '../../../../test/helpers/app.ts';
import { zipEntryText } from '../member-sheet/member-sheet.fixtures.ts';
import { createReportExportsService } from './reports.export.ts';
import { FIRST_FIGURE_ROW } from './reports.export.xlsx.ts';
import type { ComputeReport } from './reports.ports.ts';
import { createReportSubmissionsService, differencesOf } from './reports.submissions.ts';
import { sampleReport } from './reports.export.fixtures.ts';

describeEngines('submitted reports', (engine) => {
  let t: TestApp;
  let f: Fixture;
  let svc: ReturnType<typeof createReportSubmissionsService>;
  let exports: ReturnType<typeof createReportExportsService>;
  const actors: Record<string, Actor> = {};
  let subtree: Record<string, string[]>;
  let names: Record<string, string>;

  /** The members on a roll today in the report's subtree (and a year earlier, the same: no dated history here). */
  const compute: ComputeReport = async (_actor, q: ReportQueryInput) => {
    const ids = subtree[q.orgId]!;
    const n = Number(
      (
        await t.database.db
          .selectFrom('member')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('org_id', 'in', ids)
          .where('left_on', 'is', null)
          .executeTakeFirstOrThrow()
      ).n,
    );
    const asOf = q.asOf ?? q.to ?? '2026-11-20';
    return {
      scope: {
        org: { id: q.orgId, name: names[q.orgId]! },
        asOf,
        from: q.from ?? null,
        to: q.to ?? null,
        fromYear: null,
        toYear: null,
        previous: q.compare ? { asOf: '2024-12-31', from: null, to: null } : null,
        breakdown: null,
      },
      tables: [
        {
          key: 'members-composition',
          title: 'Đảng viên',
          basis: 'date',
          columns: [{ key: 'count', label: 'Số lượng', unit: 'count' }],
          rows: [{ key: 'total', label: 'Tổng số đảng viên', level: 0, cells: [{ value: n, ...(q.compare ? { previous: n } : {}), link: null }] }],
          checks: [],
          notes: [],
        },
      ],
    } satisfies ReportResponse;
  };

  const addMember = (orgId: string) =>
    t.database.db
      .insertInto('member')
      .values({
        id: uuidv7(),
        org_id: orgId,
        full_name: 'Trần Thị Mới',
        family_name: 'Trần',
        middle_name: 'Thị',
        given_name: 'Mới',
        name_sort_key: 'moi',
        gender: 'nu',
        birth_date: '1995-01-01',
        admitted_on: '2026-05-19',
        official_on: null,
        left_on: null,
      })
      .execute();

  beforeAll(async () => {
    t = await startTestApp(engine);
    f = await buildFixture(t);
    const o = f.orgs;
    subtree = { [o.P]: Object.values(o), [o.A]: [o.A, o.gA, o.a1, o.a2], [o.B]: [o.B, o.gB], [o.gA]: [o.gA, o.a1, o.a2], [o.a1]: [o.a1], [o.gB]: [o.gB] };
    names = {
      [o.P]: 'Đảng bộ tỉnh Hưng Yên',
      [o.A]: 'Đảng bộ xã Tân Lập',
      [o.B]: 'Đảng bộ phường Hòa Bình',
      [o.a1]: 'Chi bộ Tổ Toán',
      [o.gA]: 'x',
      [o.gB]: 'y',
    };
    for (const u of ['adminA', 'editorA', 'inspectorA', 'viewerA1', 'adminB'])
      actors[u] = await t.services.auth.actorOf({ id: f.users[u]!, username: u, full_name: `Người dùng ${u}`, must_change_password: false });
    actors.admin = f.admin;
    svc = createReportSubmissionsService({ db: t.database.db, clock: t.clock, compute });
    exports = createReportExportsService({ db: t.database.db, clock: t.clock, compute, submissions: svc });
  });
  afterAll(() => t?.close());

  it('stores the figures as computed, a resubmission as the next version, and refuses any change of a stored row', async () => {
    const first = await svc.submit(actors.adminA!, { orgId: f.orgs.A, from: '2025-01-01', to: '2025-12-31', compare: true, note: 'Báo cáo năm 2025' });
    expect(first).toMatchObject({ orgId: f.orgs.A, orgName: 'Đảng bộ xã Tân Lập', periodFrom: '2025-01-01', periodTo: '2025-12-31', version: 1 });
    expect(first.submittedBy).toEqual({ id: f.users.adminA, name: 'Người dùng adminA' });
    const second = await svc.submit(actors.editorA!, { orgId: f.orgs.A, from: '2025-01-01', to: '2025-12-31' });
    expect(second.version).toBe(2);
    // Another period (a date) starts its own versions.
    expect((await svc.submit(actors.adminA!, { orgId: f.orgs.A, asOf: '2025-12-31' })).version).toBe(1);
    const list = await svc.list(actors.adminA!, { orgId: f.orgs.A });
    expect(list.items.map((i) => [i.periodFrom, i.version])).toEqual([
      ['2025-01-01', 2],
      ['2025-01-01', 1],
      [null, 1],
    ]);
    expect((await svc.list(actors.adminA!, { orgId: f.orgs.A, from: '2026-01-01' })).items).toEqual([]);
    const one = await svc.get(actors.adminA!, first.id);
    expect(one.query).toEqual({ orgId: f.orgs.A, from: '2025-01-01', to: '2025-12-31', compare: true });
    expect(one.report.tables[0]!.rows[0]!.cells[0]).toMatchObject({ value: 32, previous: 32 });
    expect(one.live.differences).toEqual([]);
    const db = t.database.db;
    await expect(db.updateTable('report_submission').set({ note: 'sửa' }).where('id', '=', first.id).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('report_submission').where('id', '=', first.id).execute()).rejects.toThrow(/append-only/);
    const audit = await db.selectFrom('audit_log').select(['action', 'entity_id', 'scope_org_id']).where('entity_type', '=', 'report_submission').execute();
    expect(audit).toHaveLength(3);
    expect(audit[0]).toEqual({ action: 'report.submit', entity_id: first.id, scope_org_id: f.orgs.A });
  });

  it('shows the live figure of each cell that changed since the submission, and exports the submitted figures', async () => {
    const sub = await svc.submit(actors.adminA!, { orgId: f.orgs.A, asOf: '2026-06-30', compare: true });
    await addMember(f.orgs.a1);
    const one = await svc.get(actors.adminA!, sub.id);
    expect(one.report.tables[0]!.rows[0]!.cells[0]!.value).toBe(32);
    expect(one.live.differences).toEqual([
      {
        table: 'members-composition',
        row: 'total',
        column: 'count',
        rowLabel: 'Tổng số đảng viên',
        columnLabel: 'Số lượng',
        which: 'value',
        submitted: 32,
        live: 33,
      },
      {
        table: 'members-composition',
        row: 'total',
        column: 'count',
        rowLabel: 'Tổng số đảng viên',
        columnLabel: 'Số lượng',
        which: 'previous',
        submitted: 32,
        live: 33,
      },
    ]);
    const file = await exports.submitted(actors.adminA!, sub.id, undefined, 'xlsx');
    expect(file.contentDisposition).toContain("filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20th%E1%BB%91ng%20k%C3%AA");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(FIRST_FIGURE_ROW).values).toEqual([undefined, 'Tổng số đảng viên', 32, 32, 0]);
    expect(String(ws.getCell('A4').value)).toMatch(
      /^So sánh với ngày 31\/12\/2024\. Báo cáo đã gửi lần 1, lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4}, người gửi: Người dùng adminA$/,
    );
    const live = await exports.live(actors.adminA!, { orgId: f.orgs.A, asOf: '2026-06-30' }, 'docx');
    const xml = zipEntryText(live.bytes, 'word/document.xml')!;
    expect(xml).toContain('>33<');
    expect(xml).toContain('ĐẢNG BỘ TỈNH HƯNG YÊN');
    await expect(exports.submitted(actors.adminA!, sub.id, 'orgs-by-kind', 'pdf')).rejects.toMatchObject({ status: 400 });
  });

  it('shows the superior which of its direct subordinates submitted for the period, by kind', async () => {
    await svc.submit(actors.adminB!, { orgId: f.orgs.B, from: '2025-01-01', to: '2025-12-31' });
    const s = await svc.status(actors.admin!, { orgId: f.orgs.P, from: '2025-01-01', to: '2025-12-31' });
    const seen = Object.fromEntries(s.children.map((c) => [c.name, [c.latest?.version ?? null, c.versions]]));
    expect(seen).toEqual({ 'Đảng bộ xã Tân Lập': [2, 2], 'Đảng bộ phường Hòa Bình': [1, 1] });
    expect(s.byKind).toEqual([{ kindCode: 'dang_bo_cap_tren_co_so', kindName: expect.any(String), total: 2, submitted: 2 }]);
    const q1 = await svc.status(actors.admin!, { orgId: f.orgs.P, from: '2025-01-01', to: '2025-03-31' });
    expect(q1.byKind[0]).toMatchObject({ total: 2, submitted: 0 });
    // B's officer sees B's own subordinates only; A's are not his.
    const own = await svc.status(actors.adminB!, { orgId: f.orgs.B, from: '2025-01-01', to: '2025-12-31' });
    expect(own.children.map((c) => c.orgId)).toEqual([f.orgs.gB]);
  });

  it('refuses a sibling, a reader who may not edit the organisation, and a date after today', async () => {
    const aSub = (await svc.list(actors.adminA!, { orgId: f.orgs.A })).items[0]!;
    await expect(svc.submit(actors.adminB!, { orgId: f.orgs.A, asOf: '2025-12-31' })).rejects.toMatchObject({ status: 404 });
    await expect(svc.get(actors.adminB!, aSub.id)).rejects.toMatchObject({ status: 404 });
    await expect(svc.list(actors.adminB!, { orgId: f.orgs.A })).rejects.toMatchObject({ status: 404 });
    await expect(svc.status(actors.adminB!, { orgId: f.orgs.A })).rejects.toMatchObject({ status: 404 });
    await expect(exports.submitted(actors.adminB!, aSub.id, undefined, 'pdf')).rejects.toMatchObject({ status: 404 });
    // A cell's viewer reads nothing above his cell, and submits nothing.
    await expect(svc.get(actors.viewerA1!, aSub.id)).rejects.toMatchObject({ status: 404 });
    await expect(svc.submit(actors.viewerA1!, { orgId: f.orgs.a1, asOf: '2025-12-31' })).rejects.toMatchObject({ status: 403 });
    await expect(svc.submit(actors.inspectorA!, { orgId: f.orgs.A, asOf: '2025-12-31' })).rejects.toMatchObject({ status: 403 });
    expect((await svc.get(actors.inspectorA!, aSub.id)).submission.id).toBe(aSub.id);
    await expect(svc.submit(actors.adminA!, { orgId: f.orgs.A, asOf: '2026-11-21' })).rejects.toMatchObject({ status: 400 });
    await expect(svc.submit(actors.adminA!, { orgId: f.orgs.A, from: '2026-01-01', to: '2026-12-31' })).rejects.toMatchObject({
      status: 400,
      details: [{ field: 'to', message: 'Không gửi được báo cáo cho ngày sau hôm nay.' }],
    });
  });
});

it('compares the stored and live reports cell by cell', () => {
  const stored = sampleReport();
  const live = sampleReport();
  live.tables[0]!.rows[1]!.cells[0]!.value = 3022;
  live.tables[1]!.rows = live.tables[1]!.rows.filter((r) => r.key !== 'deceased');
  expect(differencesOf(stored, live)).toEqual([
    { table: 'members-composition', row: 'women', column: 'count', rowLabel: 'Nữ', columnLabel: 'Số lượng', which: 'value', submitted: 3021, live: 3022 },
    { table: 'member-changes', row: 'deceased', column: 'count', rowLabel: 'Từ trần', columnLabel: 'Số lượng', which: 'value', submitted: 16, live: null },
    { table: 'member-changes', row: 'deceased', column: 'count', rowLabel: 'Từ trần', columnLabel: 'Số lượng', which: 'previous', submitted: 60, live: null },
  ]);
});
