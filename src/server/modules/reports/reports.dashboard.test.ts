import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEngines } from '../../../../test/helpers/db.ts';
import { buildFixture, startTestApp, type Client, type Fixture, type TestApp } from '../../../../test/helpers/app.ts';
import type { DashboardResponse, ReportTable } from '../../../contract/reports.ts';
import { compositionOf } from './reports.dashboard.ts';

const MISSING = '01900000-0000-7000-8000-000000000000';

describeEngines('the dashboard: the figures of a scope today, each the answer of its own list', (engine) => {
  let t: TestApp;
  let f: Fixture;
  let admin: Client;
  let adminB: Client;

  beforeAll(async () => {
    t = await startTestApp(engine);
    f = await buildFixture(t);
    admin = await t.login('admin');
    adminB = await t.login('adminB');
    // One admission of this year in a1 (2026), against the province's target of 4 for the year.
    const editor = await t.login('editorA');
    const r = await editor.post('/api/members', {
      fullName: 'Trần Thị Hoa',
      gender: 'nu',
      orgId: f.orgs.a1,
      admittedOn: '2026-03-02',
      birthDate: '1998-04-05',
    });
    expect(r.status).toBe(201);
    expect((await admin.raw('PUT', `/api/admissions/targets/${f.orgs.P}`, JSON.stringify({ year: 2026, target: 4 }))).status).toBe(200);
    await t.services.evaluation.addConsolidation(f.admin, { orgId: f.orgs.gB, year: 2025, reason: 'Yếu kém', deadline: '2026-06-30' });
  });
  afterAll(() => t?.close());

  it('the province: organisations below it, members, the year’s admissions against its target, the queues', async () => {
    const r = await admin.get<DashboardResponse>(`/api/reports/dashboard?orgId=${f.orgs.P}`);
    expect(r.status).toBe(200);
    const d = r.body;
    expect(d.org).toEqual({ id: f.orgs.P, name: 'Đảng bộ tỉnh Hưng Yên', kindName: expect.any(String) });
    expect([d.asOf, d.year]).toEqual(['2026-11-20', 2026]);
    // A, B, gA, a1, a2, gB; the grassroots among them: gA (đảng bộ cơ sở) and gB (chi bộ cơ sở).
    expect(d.orgs).toEqual({ total: 6, grassroots: 2 });
    // 20 + 12 + 2 official, and Hoa, probationary since 02/03/2026.
    expect(d.members).toEqual({ total: 35, official: 34, probationary: 1 });
    expect(d.admissions).toEqual({ year: 2026, admitted: 1, target: 4, progress: 25, inPipeline: 0 });
    expect(d.ratings).toBeNull();
    expect(d.badges).toEqual({ anniversary: '2027-02-03', due: 0 });
    expect(d.consolidation).toEqual({ open: 1, overdue: 1 });
    // The composition table of today: 34 men born in 1980 (46), Hoa born in 1998 (28).
    expect(d.composition?.bySex.map((x) => x.value)).toEqual([34, 1]);
    expect(d.composition?.byAge.map((x) => [x.key, x.value])).toEqual([
      ['age:le30', 1],
      ['age:31_40', 0],
      ['age:41_50', 34],
      ['age:51_60', 0],
      ['age:ge61', 0],
    ]);
    expect(d.trends.years).toEqual([2022, 2023, 2024, 2025, 2026]);
    expect(d.trends.members).toEqual([34, 34, 34, 34, 35]);
    expect(d.trends.admitted).toEqual([0, 0, 0, 0, 1]);
  });

  it('each figure equals the list it links to', async () => {
    const d = (await admin.get<DashboardResponse>(`/api/reports/dashboard?orgId=${f.orgs.A}`)).body;
    const list = await admin.get(`/api/members?orgId=${f.orgs.A}&pageSize=1`);
    expect(d.members.total).toBe(list.body.total);
    const targets = await admin.get(`/api/admissions/targets?orgId=${f.orgs.A}&year=2026`);
    expect(d.admissions.admitted).toBe(targets.body.org.admitted);
    const badges = await admin.get(`/api/badges?orgId=${f.orgs.A}`);
    expect(d.badges.due).toBe(badges.body.due.length);
    const work = await admin.get('/api/admissions/work-queue/counts');
    expect(d.work).toEqual({ total: work.body.total, late: work.body.late });
    // The consolidation entry is in B's subtree: not A's.
    expect(d.consolidation).toEqual({ open: 0, overdue: 0 });
  });

  it('a commune user sees his commune by default, and a sibling’s organisation as missing', async () => {
    const own = await adminB.get<DashboardResponse>('/api/reports/dashboard');
    expect(own.status).toBe(200);
    expect(own.body.org.id).toBe(f.orgs.B);
    expect(own.body.orgs).toEqual({ total: 1, grassroots: 1 });
    expect(own.body.members).toEqual({ total: 2, official: 2, probationary: 0 });
    expect(own.body.admissions.target).toBeNull();
    for (const id of [f.orgs.A, f.orgs.a1, f.orgs.P, MISSING]) {
      const r = await adminB.get(`/api/reports/dashboard?orgId=${id}`);
      expect(r.status, id).toBe(404);
      expect(JSON.stringify(r.body)).not.toMatch(/Tân Lập|Nguyễn Du|Tổ Toán|Hưng Yên/);
    }
  });

  it('refuses bad input with a Vietnamese message', async () => {
    for (const q of ['orgId=khong-phai-uuid', 'orgId=', `orgId=${f.orgs.A}&bogus=1`, `orgId=${f.orgs.A}&orgId=${f.orgs.B}`, `orgId=${'a'.repeat(5000)}`]) {
      const r = await admin.get(`/api/reports/dashboard?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body.error.message, q).toMatch(/[ạảãàáâầấậẩẫăằắặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ]/i);
    }
    expect((await t.anonymous.get('/api/reports/dashboard')).status).toBe(401);
  });
});

describe('compositionOf: sex and age bands from the composition table', () => {
  const cell = (value: number | null) => ({ value, link: null });
  const row = (key: string, label: string, value: number | null, level = 1) => ({ key, label, level, cells: [cell(value), cell(null)] });
  const table: ReportTable = {
    key: 'members-composition',
    title: 'Đảng viên theo cơ cấu',
    basis: 'date',
    columns: [
      { key: 'count', label: 'Số lượng', unit: 'count' },
      { key: 'share', label: 'Tỷ lệ (%)', unit: 'percent' },
    ],
    rows: [
      row('all', 'Tổng số đảng viên', 10, 0),
      row('women', 'Nữ', 4),
      row('official', 'Đảng viên chính thức', 9),
      row('age', 'Độ tuổi', null, 0),
      row('age:le30', 'Từ 30 tuổi trở xuống', 3),
      row('age:31_40', 'Từ 31 đến 40 tuổi', 7),
      { ...row('age:avg', 'Tuổi bình quân', 38.5), unit: 'years' },
      row('pa:lt10', 'Dưới 10 năm', 2),
    ],
    checks: [],
    notes: [],
  };
  it('men are the total less the women; the age bands are the age rows; the average apart', () => {
    expect(compositionOf(table)).toEqual({
      bySex: [
        { key: 'nam', label: 'Nam', value: 6 },
        { key: 'nu', label: 'Nữ', value: 4 },
      ],
      byAge: [
        { key: 'age:le30', label: 'Từ 30 tuổi trở xuống', value: 3 },
        { key: 'age:31_40', label: 'Từ 31 đến 40 tuổi', value: 7 },
      ],
      averageAge: 38.5,
    });
    expect(compositionOf(undefined)).toBeNull();
  });
});
