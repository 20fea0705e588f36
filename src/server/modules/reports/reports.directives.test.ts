import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../../test/helpers/db.ts';
import { buildFixture, startTestApp, type Client, type Fixture, type TestApp } from '../../../../test/helpers/app.ts';
import type { ReportTable, ReportTableResponse } from '../../../contract/reports.ts';

// Today is Friday 20/11/2026 (the test clock).
describeEngines("reports: the directives' tasks per unit for a period, each count opening the shares behind it", (engine) => {
  let t: TestApp;
  let f: Fixture;
  let admin: Client;
  let adminA: Client;

  const table = async (client: Client, query: Record<string, string>) => {
    const r = await client.get<ReportTableResponse>(`/api/reports/tables/directives-tasks?${new URLSearchParams(query)}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.table;
  };
  const counts = (tb: ReportTable, row = 0) => Object.fromEntries(tb.columns.map((c, i) => [c.key.split('|')[0], tb.rows[row]!.cells[i]!.value]));
  const column = (tb: ReportTable) => Object.fromEntries(tb.rows.map((r) => [r.key, r.cells[0]!.value]));

  beforeAll(async () => {
    t = await startTestApp(engine);
    f = await buildFixture(t);
    admin = await t.login('admin');
    adminA = await t.login('adminA');
    const plan = await admin.post('/api/directives', {
      ownerOrgId: f.orgs.P,
      kind: 'ke_hoach',
      symbol: '155-KH/TU',
      issuedOn: '2026-11-02',
      issuerOrgId: f.orgs.P,
      title: 'Kế hoạch triển khai thực hiện Chỉ thị số 35-CT/TW',
    });
    expect(plan.status).toBe(201);
    const id = plan.body.id;
    const orgIds = [f.orgs.A, f.orgs.B];
    await admin.post(`/api/directives/${id}/tasks`, { title: 'Xây dựng kế hoạch', assignees: { orgIds }, deadline: { type: 'date', dueOn: '2026-11-10' } });
    await admin.post(`/api/directives/${id}/tasks`, { title: 'Báo cáo sơ kết', assignees: { orgIds }, deadline: { type: 'date', dueOn: '2026-11-20' } });
    const last = await admin.post(`/api/directives/${id}/tasks`, {
      title: 'Báo cáo tổng kết',
      assignees: { orgIds: [f.orgs.A] },
      deadline: { type: 'date', dueOn: '2026-12-15' },
    });
    const share = (title: string, orgId: string) =>
      last.body.tasks.find((x: { title: string }) => x.title === title).shares.find((s: { orgId: string }) => s.orgId === orgId).id as string;
    // A reports its plan done in time; B reports the mid-term report under way (due today: not late); B's plan is late.
    expect(
      (await adminA.post(`/api/directives/shares/${share('Xây dựng kế hoạch', f.orgs.A)}/reports`, { status: 'done', body: 'Xong', reportedOn: '2026-11-09' }))
        .status,
    ).toBe(200);
    const adminB = await t.login('adminB');
    expect(
      (
        await adminB.post(`/api/directives/shares/${share('Báo cáo sơ kết', f.orgs.B)}/reports`, {
          status: 'in_progress',
          body: 'Đang làm',
          reportedOn: '2026-11-19',
        })
      ).status,
    ).toBe(200);
  });
  afterAll(() => t?.close());

  it('counts the tasks due in November: 4 given, 2 reported, 1 done, 1 late (25%); December outside', async () => {
    const tb = await table(admin, { orgId: f.orgs.P, from: '2026-11-01', to: '2026-11-30' });
    expect(column(tb)).toEqual({ assigned: 4, reported: 2, done: 1, late: 1, donePercent: 25 });
    expect(column(await table(admin, { orgId: f.orgs.P, from: '2026-11-01', to: '2026-12-31' }))).toMatchObject({ assigned: 5, late: 1 });
    // The period's edges: due 10/11 is in [10/11, 10/11], not in [11/11, 19/11].
    expect(column(await table(admin, { orgId: f.orgs.P, from: '2026-11-10', to: '2026-11-10' }))).toMatchObject({ assigned: 2, late: 1 });
    expect(column(await table(admin, { orgId: f.orgs.P, from: '2026-11-11', to: '2026-11-19' }))).toMatchObject({ assigned: 0, late: 0 });
  });

  it('per unit: A 2 given 1 done, B 2 given 1 late; a commune reads only its own', async () => {
    const tb = await table(admin, { orgId: f.orgs.P, from: '2026-11-01', to: '2026-11-30', breakdown: 'children' });
    const rowOf = (key: string) => tb.rows.findIndex((r) => r.key === key);
    expect(counts(tb, rowOf('total'))).toMatchObject({ assigned: 4, reported: 2, done: 1, late: 1 });
    expect(counts(tb, rowOf(f.orgs.A))).toMatchObject({ assigned: 2, reported: 1, done: 1, late: 0 });
    expect(counts(tb, rowOf(f.orgs.B))).toMatchObject({ assigned: 2, reported: 1, done: 0, late: 1 });
    expect(column(await table(adminA, { orgId: f.orgs.A, from: '2026-11-01', to: '2026-11-30' }))).toEqual({
      assigned: 2,
      reported: 1,
      done: 1,
      late: 0,
      donePercent: 50,
    });
    expect((await adminA.get(`/api/reports/tables/directives-tasks?orgId=${f.orgs.P}&from=2026-11-01&to=2026-11-30`)).status).toBe(404);
    expect((await adminA.get(`/api/directives/due-shares?orgId=${f.orgs.B}&from=2026-11-01&to=2026-11-30`)).status).toBe(404);
  });

  it('every count opens the list of shares whose total is the cell', async () => {
    let checked = 0;
    for (const breakdown of [undefined, 'children']) {
      const tb = await table(admin, { orgId: f.orgs.P, from: '2026-11-01', to: '2026-11-30', ...(breakdown ? { breakdown } : {}) });
      for (const r of tb.rows)
        for (const c of r.cells) {
          if (!c.link || c.value === null) continue;
          expect(c.link.kind).toBe('directives');
          const list = await admin.get<{ total: number; items: { late: boolean; orgId: string }[] }>(
            `/api/directives/due-shares?${new URLSearchParams(c.link.query)}`,
          );
          expect(list.status, JSON.stringify(c.link)).toBe(200);
          expect(list.body.total, JSON.stringify(c.link)).toBe(c.value);
          checked++;
        }
    }
    expect(checked).toBeGreaterThanOrEqual(16);
    const late = await admin.get(`/api/directives/due-shares?orgId=${f.orgs.P}&from=2026-11-01&to=2026-11-30&check=late`);
    expect(late.body.items).toMatchObject([{ orgId: f.orgs.B, taskTitle: 'Xây dựng kế hoạch', dueOn: '2026-11-10', late: true, label: 'Quá hạn' }]);
  });

  it('refuses a period upside down, in 2099 or an unknown check, in Vietnamese', async () => {
    for (const q of [
      'from=2026-11-30&to=2026-11-01',
      'from=2026-01-01&to=2099-12-31',
      'from=2026-01-01&to=2026-02-31',
      'from=2026-01-01&to=2026-12-31&check=x',
    ]) {
      const r = await admin.get(`/api/directives/due-shares?orgId=${f.orgs.P}&${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body.error.message, q).toMatch(/[à-ỹ]/u);
    }
  });
});
