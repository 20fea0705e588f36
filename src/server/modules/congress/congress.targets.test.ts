import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../../test/helpers/db.ts';
import { buildFixture, startTestApp, type Client, type Fixture, type TestApp } from '../../../../test/helpers/app.ts';
import type { TermTarget, TermTargetsResponse } from '../../../contract/congress.targets.ts';

// Today is 20/11/2026 (the test clock): 2025 is the last year over, 2026 the current one.
describeEngines('congress: term targets tracked against the records, year by year, flagged at risk', (engine) => {
  let t: TestApp;
  let f: Fixture;
  let admin: Client;
  let adminA: Client;
  let adminB: Client;
  let viewerA1: Client;
  let termP: string;
  let termA: string;

  const page = async (c: Client, term: string) => {
    const r = await c.get<TermTargetsResponse>(`/api/congress/terms/${term}/targets`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  };
  const add = async (c: Client, term: string, body: Record<string, unknown>) => {
    const r = await c.post<TermTargetsResponse>(`/api/congress/terms/${term}/targets`, body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.targets.at(-1)!;
  };
  const byTitle = (p: TermTargetsResponse, title: string) => p.targets.find((x) => x.title === title)!;
  const year = (x: TermTarget, y: number) => x.years.find((r) => r.year === y)!;

  beforeAll(async () => {
    t = await startTestApp(engine);
    f = await buildFixture(t);
    admin = await t.login('admin');
    adminA = await t.login('adminA');
    adminB = await t.login('adminB');
    viewerA1 = await t.login('viewerA1');
    const term = async (c: Client, orgId: string) => {
      const r = await c.post('/api/congress/terms', { orgId, fromYear: 2025, toYear: 2030, congressOn: '2025-10-10' });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body.term.id as string;
    };
    termP = await term(admin, f.orgs.P);
    termA = await term(admin, f.orgs.A);
    // Admissions: two members admitted in 2025 (one in A, one in B), one in 2026.
    for (const [orgId, admittedOn, name] of [
      [f.orgs.a1, '2025-03-02', 'Lê Văn Một'],
      [f.orgs.gB, '2025-09-02', 'Lê Văn Hai'],
      [f.orgs.a2, '2026-05-19', 'Lê Văn Ba'],
    ] as const) {
      const r = await admin.post('/api/members', { orgId, fullName: name, gender: 'nam', birthDate: '1995-06-15', admittedOn });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
    // The 2025 ratings, published: gA excellent, gB good (1 of 2 grassroots organisations: 50%); members good.
    const o = await admin.post('/api/evaluation/periods', { rootOrgId: f.orgs.P, year: 2025 });
    expect(o.status, JSON.stringify(o.body)).toBe(201);
    const pid = o.body.period.id as string;
    const db = t.database.db;
    await db.updateTable('member_evaluation').set({ decided_label: 'good' }).where('period_id', '=', pid).execute();
    await db.updateTable('org_evaluation').set({ decided_label: 'good' }).where('period_id', '=', pid).execute();
    await db.updateTable('org_evaluation').set({ decided_label: 'excellent' }).where('period_id', '=', pid).where('org_id', '=', f.orgs.gA).execute();
    const detail = (await admin.get(`/api/evaluation/periods/${pid}`)).body as { failures: { code: string; orgId: string }[] };
    for (const x of detail.failures)
      expect((await admin.post(`/api/evaluation/periods/${pid}/overrides`, { checkCode: x.code, orgId: x.orgId, reason: 'Số liệu cũ.' })).status).toBe(200);
    const pub = await admin.post(`/api/evaluation/periods/${pid}/publish`, { decisionNo: '07-QĐ/TU', decisionDate: '2025-12-20' });
    expect(pub.status, JSON.stringify(pub.body)).toBe(200);
  });
  afterAll(() => t?.close());

  it('a target of 95% excellent is at risk from last year’s 50%; 50% exactly is on track; each figure links to its records', async () => {
    await add(admin, termP, { title: 'Tỷ lệ TCCSĐ hoàn thành xuất sắc nhiệm vụ', metric: 'orgs_excellent_share', low: 95 });
    await add(admin, termP, { title: 'Tỷ lệ TCCSĐ đạt TSVM (mức sàn)', metric: 'orgs_excellent_share', low: 50, high: 60 });
    const p = await page(admin, termP);
    expect(p.term).toMatchObject({ orgId: f.orgs.P, label: '2025–2030', fromYear: 2025, toYear: 2030 });
    expect(p.canEdit).toBe(true);
    const risk = byTitle(p, 'Tỷ lệ TCCSĐ hoàn thành xuất sắc nhiệm vụ');
    expect(risk).toMatchObject({ kind: 'share', unit: 'percent', targetText: '95%', status: 'at_risk', atRisk: true, current: 50 });
    expect(risk.reason).toBe('Năm 2025 đạt 50%, thấp hơn chỉ tiêu 95% (thiếu 45 điểm phần trăm); giữ mức này thì chỉ tiêu không đạt.');
    expect(risk.years.map((y) => y.year)).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
    expect(year(risk, 2025)).toMatchObject({ actual: 50, partial: false, meets: false, neededPerYear: 95 });
    // 2026 not yet rated: no figure, not counted as 0%
    expect(year(risk, 2026)).toMatchObject({ actual: null, partial: true, meets: null, link: null });
    const floor = byTitle(p, 'Tỷ lệ TCCSĐ đạt TSVM (mức sàn)');
    expect(floor).toMatchObject({ targetText: '50–60%', status: 'on_track', atRisk: false });
    // the figure leads to the excellent organisations (1 of them) and to the report table
    const link = year(risk, 2025).link!;
    expect(link.kind).toBe('evaluation');
    const records = await admin.get(`/api/evaluation/results/records?${new URLSearchParams(link.query)}`);
    expect(records.body.total).toBe(1);
    expect(records.body.items[0].subjectId).toBe(f.orgs.gA);
    const report = year(risk, 2025).report!;
    const tb = await admin.get(`/api/reports/tables/${report.table}?${new URLSearchParams(report.query)}`);
    expect(tb.status).toBe(200);
    expect(tb.body.table.rows.find((r: { key: string }) => r.key === 'year:2025').cells[2].value).toBe(50);
  });

  it('members admitted over the term: 2 in 2025, pace 2 a year, 5 years left → 12, at risk against 20–25; on track against 12', async () => {
    await add(admin, termP, { title: 'Kết nạp đảng viên mới', metric: 'members_admitted', low: 20, high: 25 });
    await add(admin, termP, { title: 'Kết nạp đảng viên mới (mức tối thiểu)', metric: 'members_admitted', low: 12 });
    const p = await page(admin, termP);
    const x = byTitle(p, 'Kết nạp đảng viên mới');
    expect(x).toMatchObject({
      kind: 'cumulative',
      unit: 'count',
      targetText: '20–25',
      status: 'at_risk',
      current: 3,
      pace: 2,
      projection: 12,
      neededPerYear: 3.6,
    });
    expect(x.reason).toBe('Đến hết năm 2025 đạt 2 (bình quân 2/năm); giữ nhịp độ này, 5 năm còn lại ước đạt 12, thấp hơn chỉ tiêu 20–25; cần bình quân 4/năm.');
    expect(year(x, 2025)).toMatchObject({ actual: 2, cumulative: 2, meets: false });
    expect(year(x, 2026)).toMatchObject({ actual: 1, cumulative: 3, partial: true });
    expect(year(x, 2027)).toMatchObject({ actual: null, cumulative: null });
    expect(byTitle(p, 'Kết nạp đảng viên mới (mức tối thiểu)')).toMatchObject({ status: 'on_track', projection: 12 });
    for (const y of [2025, 2026]) {
      const l = year(x, y).link!;
      expect(l.kind).toBe('members');
      const list = await admin.get(`/api/members?${new URLSearchParams({ ...l.query, pageSize: '1' })}`);
      expect(list.body.total, JSON.stringify(l.query)).toBe(year(x, y).actual);
    }
    // the commune sees its own term's figures only: one admission in 2025, one in 2026
    const a = await add(adminA, termA, { title: 'Kết nạp đảng viên mới', metric: 'members_admitted', low: 5 });
    expect(a.years.slice(0, 2).map((y) => y.actual)).toEqual([1, 1]);
  });

  it('members rated good or better: 100% in 2025 against 90%', async () => {
    const x = await add(admin, termP, { title: 'Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên', metric: 'members_good_share', low: 90 });
    expect(year(x, 2025)).toMatchObject({ actual: 100, meets: true });
    expect(year(x, 2025).report).toEqual({ table: 'evaluation', query: { orgId: f.orgs.P, toYear: '2025' } });
    expect(x).toMatchObject({ status: 'on_track', reason: 'Năm 2025 đạt 100%, không thấp hơn chỉ tiêu 90%.' });
  });

  it('a hand-entered target: yearly actuals typed in, removed, refused outside the term or in the future', async () => {
    const x = await add(admin, termP, { title: 'Củng cố tổ chức cơ sở đảng yếu kém', metric: 'manual', kind: 'cumulative', unit: 'count', low: 6 });
    expect(x).toMatchObject({ status: 'no_data', current: null });
    const patch = (c: Client, actuals: unknown) => c.patch<TermTargetsResponse>(`/api/congress/targets/${x.id}/actuals`, { actuals });
    let r = await patch(admin, [{ year: 2025, value: 1 }]);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    // 1 a year over 5 more years: 6 = the target, on track; 0 in 2025: at risk
    expect(byTitle(r.body, 'Củng cố tổ chức cơ sở đảng yếu kém')).toMatchObject({ status: 'on_track', projection: 6 });
    r = await patch(admin, [{ year: 2025, value: 0 }]);
    expect(byTitle(r.body, 'Củng cố tổ chức cơ sở đảng yếu kém')).toMatchObject({ status: 'at_risk' });
    r = await patch(admin, [{ year: 2025, value: null }]);
    expect(byTitle(r.body, 'Củng cố tổ chức cơ sở đảng yếu kém')).toMatchObject({ status: 'no_data' });
    for (const [actuals, field] of [
      [[{ year: 2027, value: 1 }], 'actuals.0.year'],
      [[{ year: 2024, value: 1 }], 'actuals.0.year'],
      [[{ year: 2025, value: 1.5 }], 'actuals.0.value'],
      [
        [
          { year: 2025, value: 1 },
          { year: 2025, value: 2 },
        ],
        'actuals.1.year',
      ],
    ] as const) {
      const bad = await patch(admin, actuals);
      expect(bad.status, JSON.stringify(actuals)).toBe(400);
      expect(JSON.stringify((bad.body as unknown as { error: unknown }).error), JSON.stringify(actuals)).toContain(field);
    }
    // a computed target takes no typed figures
    const computed = (await page(admin, termP)).targets.find((y) => y.metric === 'orgs_excellent_share')!;
    expect((await admin.patch(`/api/congress/targets/${computed.id}/actuals`, { actuals: [{ year: 2025, value: 99 }] })).status).toBe(400);
  });

  it('refuses a percentage over 100, a range upside down, a computed metric with a kind, in Vietnamese', async () => {
    for (const body of [
      { title: 'X', metric: 'orgs_excellent_share', low: 101 },
      { title: 'X', metric: 'orgs_excellent_share', low: 75, high: 70 },
      { title: 'X', metric: 'orgs_excellent_share', kind: 'cumulative', low: 70 },
      { title: 'X', metric: 'manual', low: 70 },
      { title: 'X', metric: 'members_admitted', low: 10.5 },
      { title: 'X', metric: 'khong_co', low: 1 },
      { title: '', metric: 'members_admitted', low: 1 },
    ]) {
      const r = await admin.post(`/api/congress/terms/${termP}/targets`, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.message, JSON.stringify(body)).toMatch(/[à-ỹ]/u);
    }
  });

  it('keeps siblings apart: B and a cell’s viewer read nothing of P’s or A’s targets; a viewer does not write', async () => {
    for (const c of [adminB, viewerA1]) {
      expect((await c.get(`/api/congress/terms/${termP}/targets`)).status).toBe(404);
      expect((await c.post(`/api/congress/terms/${termP}/targets`, { title: 'X', metric: 'members_admitted', low: 1 })).status).toBe(404);
    }
    expect((await adminB.get(`/api/congress/terms/${termA}/targets`)).status).toBe(404);
    const own = (await page(adminA, termA)).targets[0]!;
    expect((await adminB.patch(`/api/congress/targets/${own.id}/actuals`, { actuals: [{ year: 2025, value: 1 }] })).status).toBe(404);
    // A reads P's term? No: the province's term is above the commune's scope.
    expect((await adminA.get(`/api/congress/terms/${termP}/targets`)).status).toBe(404);
  });
});
