/**
 * Inspection through the API (issue 15 parts 1–3, 5, 10): the seed figures built from nothing but requests — "hoàn
 * thành 80% chỉ tiêu kế hoạch năm" and "còn 16/35 đảng ủy, 17/32 chi bộ chưa thực hiện công tác kiểm tra, giám sát" —,
 * plan amendments, the boundaries of the item's states and dates, the access of each role, cases as audited reveals,
 * and the transfer refused while a case against the member is open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEngines } from '../../../../test/helpers/db.ts';
import { buildFixture, DECISION, startTestApp, type Client, type Fixture, type TestApp } from '../../../../test/helpers/app.ts';
import { zipEntryText } from '../member-sheet/member-sheet.fixtures.ts';
import { rawSession } from '../member-import/member-import.fixtures.ts';

const D = { ...DECISION, effectiveDate: '2025-07-01' };

describeEngines('inspection and supervision', (engine) => {
  let t: TestApp;
  let f: Fixture;
  let a: Client;
  let inspector: Client;

  beforeAll(async () => {
    t = await startTestApp(engine);
    f = await buildFixture(t);
    a = await t.login('adminA');
    inspector = await t.login('inspectorA');
  });
  afterAll(() => t?.close());

  const item = (planId: string, subjectOrgId: string, dueOn: string, extra: Record<string, unknown> = {}) => ({
    planId,
    kind: 'inspection',
    mode: 'regular',
    subjectOrgId,
    content: 'Kiểm tra việc chấp hành Điều lệ Đảng',
    dueOn,
    ...extra,
  });

  it('a commune’s plan of 10 items with 8 concluded is 80% done; arising items count apart; an amendment keeps the items as they stood', async () => {
    const plan = await inspector.post('/api/inspection/plans', {
      orgId: f.orgs.A,
      year: 2026,
      body: 'inspection_committee',
      title: 'Kế hoạch kiểm tra, giám sát năm 2026',
    });
    expect(plan.status).toBe(201);
    expect(plan.body.plan).toMatchObject({ version: 1, orgName: 'Đảng bộ xã Tân Lập', progress: { planned: 0, percent: null } });
    const planId = plan.body.plan.id as string;
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await inspector.post('/api/inspection/items', item(planId, i % 2 ? f.orgs.a1 : f.orgs.gA, `2026-${String(i + 1).padStart(2, '0')}-15`));
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      ids.push(r.body.id);
    }
    for (const id of ids.slice(0, 8)) {
      const r = await inspector.patch(`/api/inspection/items/${id}`, {
        status: 'concluded',
        concludedOn: '2026-11-01',
        conclusion: 'Chấp hành tốt',
        violationFound: false,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    // one arising item, concluded, outside the plan: counted apart
    const arising = await inspector.post('/api/inspection/items', {
      orgId: f.orgs.A,
      body: 'inspection_committee',
      kind: 'inspection',
      mode: 'thematic',
      subjectOrgId: f.orgs.a2,
      content: 'Kiểm tra khi có dấu hiệu vi phạm',
      dueOn: '2026-09-30',
      concludedOn: '2026-10-10',
      violationFound: true,
    });
    expect(arising.status, JSON.stringify(arising.body)).toBe(201);
    expect(arising.body).toMatchObject({ planId: null, status: 'concluded' });

    const progress = await a.get(`/api/inspection/progress?orgId=${f.orgs.A}&year=2026`);
    expect(progress.status).toBe(200);
    expect(progress.body.total).toEqual({ planned: 10, concluded: 8, underWay: 0, cancelled: 0, arising: 1, percent: 80 });
    expect(progress.body.own.percent).toBe(80);
    // the province sees the same 80% in A's row
    const p = await (await t.login('admin')).get(`/api/inspection/progress?orgId=${f.orgs.P}&year=2026`);
    expect(p.body.children.find((c: { orgId: string }) => c.orgId === f.orgs.A).progress.percent).toBe(80);
    // a period: the first half-year holds items 1–6, all concluded after it (concluded by its end: none)
    const h1 = await a.get(`/api/inspection/progress?orgId=${f.orgs.A}&from=2026-01-01&to=2026-06-30`);
    expect(h1.body.total).toMatchObject({ planned: 6, concluded: 0, underWay: 6 });
    // the list behind the figure has the figure's count
    const list = await a.get(`/api/inspection/items?orgId=${f.orgs.A}&from=2026-01-01&to=2026-12-31&status=concluded`);
    expect(list.body.total).toBe(8);
    expect((await a.get(`/api/inspection/items?orgId=${f.orgs.A}&from=2026-01-01&to=2026-12-31&arising=true&violation=true`)).body.total).toBe(1);

    // the statistics table of the reports (same contract, drill-down to the items)
    const stats = await a.get(`/api/reports/tables/inspection-work?orgId=${f.orgs.A}&from=2026-01-01&to=2026-12-31`);
    expect(stats.status, JSON.stringify(stats.body)).toBe(200);
    const cell = (key: string) => stats.body.table.rows.find((r: { key: string }) => r.key === key).cells[0];
    expect([cell('inspection:all').value, cell('inspection:org').value, cell('inspection:arising').value, cell('inspection:violations').value]).toEqual([
      9, 9, 1, 1,
    ]);
    expect([cell('plan:planned').value, cell('plan:concluded').value, cell('plan:percent').value, cell('supervision:all').value]).toEqual([10, 8, 80, 0]);
    for (const key of ['inspection:all', 'inspection:arising', 'plan:concluded']) {
      const drill = await a.get(`/api/inspection/items?${new URLSearchParams(cell(key).link.query).toString()}`);
      expect(drill.body.total, key).toBe(cell(key).value);
    }
    const split = await (await t.login('admin')).get(`/api/reports/tables/inspection-work?orgId=${f.orgs.P}&from=2026-01-01&to=2026-12-31&breakdown=children`);
    expect(split.status).toBe(200);
    const rowA = split.body.table.rows.find((r: { key: string }) => r.key === f.orgs.A);
    const col = split.body.table.columns.findIndex((c: { key: string }) => c.key === 'plan:percent|count');
    expect(rowA.cells[col].value).toBe(80);
    // a cancelled item leaves the denominator: 8 / 9
    expect((await inspector.patch(`/api/inspection/items/${ids[9]}`, { status: 'cancelled' })).status).toBe(400);
    expect((await inspector.patch(`/api/inspection/items/${ids[9]}`, { status: 'cancelled', cancelReason: 'Tổ chức đã giải thể' })).status).toBe(200);
    expect((await a.get(`/api/inspection/progress?orgId=${f.orgs.A}&year=2026`)).body.total).toMatchObject({
      planned: 9,
      concluded: 8,
      cancelled: 1,
      percent: 88.89,
    });

    // the decision and the conclusion as Word files (the conclusion only once concluded)
    const docx = await (await rawSession(t, 'inspectorA')).download(`/api/inspection/items/${ids[0]}/document.docx?kind=conclusion`);
    expect(docx.status).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(zipEntryText(docx.bytes, 'word/document.xml')).toContain('THÔNG BÁO KẾT LUẬN');
    const early = await inspector.get(`/api/inspection/items/${ids[8]}/document.docx?kind=conclusion`);
    expect(early.status).toBe(409);
    const amended = await inspector.post(`/api/inspection/plans/${planId}/amend`, { amendedOn: '2026-07-01', reason: 'Bổ sung kiểm tra chuyên đề' });
    expect(amended.status).toBe(200);
    expect(amended.body.plan.version).toBe(2);
    expect(amended.body.amendments).toEqual([{ version: 1, amendedOn: '2026-07-01', reason: 'Bổ sung kiểm tra chuyên đề', items: 10 }]);
    const added = await inspector.post('/api/inspection/items', item(planId, f.orgs.a1, '2026-12-15', { kind: 'supervision', mode: 'thematic' }));
    expect(added.body.addedInVersion).toBe(2);
    const plans = await a.get(`/api/inspection/plans?orgId=${f.orgs.A}&year=2026`);
    expect(plans.body.items).toHaveLength(1);
    expect(plans.body.items[0].progress).toMatchObject({ planned: 10, concluded: 8 });
    // one plan per organisation, year and body
    expect((await inspector.post('/api/inspection/plans', { orgId: f.orgs.A, year: 2026, body: 'inspection_committee', title: 'Lần hai' })).status).toBe(409);
  });

  it('refuses states and dates out of bounds with a Vietnamese message', async () => {
    const plan = (await a.post('/api/inspection/plans', { orgId: f.orgs.gA, year: 2026, body: 'committee', title: 'Kế hoạch của đảng ủy trường' })).body.plan;
    const bad = async (body: Record<string, unknown>, field: string) => {
      const r = await a.post('/api/inspection/items', body);
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(r.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    };
    await bad(item(plan.id, f.orgs.a1, '2027-01-15'), 'dueOn'); // outside the plan's year
    await bad(item(plan.id, f.orgs.a1, '2099-01-15'), 'dueOn');
    await bad(item(plan.id, f.orgs.a1, '2026-03-15', { status: 'concluded' }), 'concludedOn');
    await bad(item(plan.id, f.orgs.a1, '2026-03-15', { status: 'concluded', concludedOn: '2026-11-21' }), 'concludedOn'); // tomorrow
    await bad(item(plan.id, f.orgs.B, '2026-03-15'), 'subjectOrgId'); // not below the organisation carrying it out
    await bad(item(plan.id, f.orgs.a1, '2026-03-15', { periodFrom: '2025-12-31', periodTo: '2025-01-01' }), 'periodFrom');
    await bad({ ...item(plan.id, f.orgs.a1, '2026-03-15'), subjectMemberId: f.orgs.a1 }, 'subjectOrgId'); // both subjects
    const ok = await a.post('/api/inspection/items', item(plan.id, f.orgs.a1, '2026-03-15', { status: 'concluded', concludedOn: '2026-11-20' }));
    expect(ok.status).toBe(201); // today is the last day allowed
    expect((await a.get(`/api/inspection/progress?orgId=${f.orgs.A}&year=2099`)).status).toBe(400);
    expect((await a.get(`/api/inspection/coverage?orgId=${f.orgs.A}&from=2026-01-01&to=2099-12-31`)).status).toBe(400);
  });

  it('gives each role what it may do: a viewer reads plans but not cases, a sibling nothing', async () => {
    const viewer = await t.login('viewerA1');
    const b = await t.login('adminB');
    expect((await viewer.post('/api/inspection/plans', { orgId: f.orgs.a1, year: 2026, body: 'committee', title: 'Kế hoạch chi bộ' })).status).toBe(403);
    expect((await viewer.get(`/api/inspection/progress?orgId=${f.orgs.a1}&year=2026`)).status).toBe(200);
    expect((await viewer.get(`/api/inspection/cases?orgId=${f.orgs.a1}`)).status).toBe(404);
    expect((await b.get(`/api/inspection/progress?orgId=${f.orgs.A}&year=2026`)).status).toBe(404);
    expect((await b.post('/api/inspection/plans', { orgId: f.orgs.A, year: 2026, body: 'committee', title: 'X' })).status).toBe(404);
  });

  it('a case against a member refuses his transfer until it is concluded; the list hides the case, opening it is audited', async () => {
    const created = await a.post('/api/members', {
      fullName: 'Phạm Văn Kiểm',
      gender: 'nam',
      birthDate: '1985-04-04',
      orgId: f.orgs.a2,
      admittedOn: '2010-03-26',
      officialOn: '2011-03-26',
    });
    expect(created.status).toBe(201);
    const member = { id: created.body.id as string, full_name: 'Phạm Văn Kiểm' };
    const opened = await inspector.post('/api/inspection/cases', {
      orgId: f.orgs.A,
      body: 'inspection_committee',
      subjectMemberId: member.id,
      source: 'denunciation',
      summary: 'Đơn tố cáo về việc kê khai tài sản',
      receivedOn: '2026-09-01',
      openedOn: '2026-09-10',
      documents: [{ title: 'Đơn tố cáo', date: '2026-09-01' }],
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const caseId = opened.body.id as string;
    const transfer = { kind: 'transfer_out_started', toOrgId: f.orgs.gB, date: '2026-10-01', decisionNo: '12-QĐ/ĐU' };
    const refused = await a.post(`/api/members/${member.id}/events`, transfer);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('đang trong quá trình kiểm tra');
    expect(refused.body.error.message).toContain('10/09/2026');

    const list = await a.get(`/api/inspection/cases?orgId=${f.orgs.A}&status=open`);
    expect(list.body.total).toBe(1);
    expect(JSON.stringify(list.body)).not.toContain(member.full_name);
    expect(JSON.stringify(list.body)).not.toContain('tài sản');
    const revealed = await a.post(`/api/inspection/cases/${caseId}/reveal`);
    expect(revealed.body.subject).toEqual({ kind: 'member', id: member.id, name: member.full_name });
    const audit = await a.get(`/api/audit?entityId=${caseId}&action=inspection.case.reveal`);
    expect(audit.body.total).toBe(1);

    expect((await a.patch(`/api/inspection/cases/${caseId}`, { status: 'concluded', concludedOn: '2026-10-20' })).status).toBe(400); // no conclusion
    expect((await a.patch(`/api/inspection/cases/${caseId}`, { status: 'concluded', concludedOn: '2026-09-09', conclusion: 'x' })).status).toBe(400); // before opening
    const concluded = await a.patch(`/api/inspection/cases/${caseId}`, {
      status: 'concluded',
      concludedOn: '2026-10-20',
      conclusion: 'Có vi phạm, đề nghị xem xét kỷ luật',
      violationFound: true,
      outcome: 'discipline',
    });
    expect(concluded.status, JSON.stringify(concluded.body)).toBe(200);
    expect((await a.patch(`/api/inspection/cases/${caseId}`, { status: 'dropped', concludedOn: '2026-10-21' })).status).toBe(409);
    expect((await a.post(`/api/members/${member.id}/events`, { ...transfer, date: '2026-11-02' })).status).toBe(200);
  });

  describe('the seed figure "còn 16/35 đảng ủy, 17/32 chi bộ chưa thực hiện công tác kiểm tra, giám sát"', () => {
    it('counts the subordinate đảng ủy and chi bộ without an inspection or supervision of their own in the year', async () => {
      const admin = await t.login('admin');
      const C = (await admin.post('/api/orgs', { parentId: f.orgs.P, name: 'Đảng bộ xã Kiểm Tra', kindCode: 'dang_bo_cap_tren_co_so', sectorCode: 'xa', ...D }))
        .body.id;
      const committees: string[] = [];
      const cells: string[] = [];
      for (let i = 0; i < 35; i++) {
        const r = await admin.post('/api/orgs', {
          parentId: C,
          name: `Đảng bộ cơ sở số ${i + 1}`,
          kindCode: 'dang_bo_co_so',
          sectorCode: 'don_vi_su_nghiep',
          ...D,
        });
        expect(r.status, JSON.stringify(r.body)).toBe(201);
        committees.push(r.body.id);
      }
      for (let i = 0; i < 32; i++) {
        const r = await admin.post('/api/orgs', { parentId: committees[i % 35], name: `Chi bộ số ${i + 1}`, kindCode: 'chi_bo_truc_thuoc', ...D });
        cells.push(r.body.id);
      }
      const done = async (orgId: string, concludedOn = '2026-06-15') => {
        const r = await admin.post('/api/inspection/items', {
          orgId,
          body: 'committee',
          kind: 'supervision',
          mode: 'regular',
          subjectOrgId: orgId,
          content: 'Giám sát thường xuyên',
          dueOn: concludedOn,
          concludedOn,
        });
        expect(r.status, JSON.stringify(r.body)).toBe(201);
      };
      for (const id of committees.slice(0, 19)) await done(id);
      for (const id of cells.slice(0, 15)) await done(id);
      await done(committees[30]!, '2025-12-31'); // last year: does not count in 2026
      const cov = await admin.get(`/api/inspection/coverage?orgId=${C}&year=2026`);
      expect(cov.status).toBe(200);
      expect(cov.body.groups).toEqual([
        { group: 'dang_uy', label: 'Đảng ủy', total: 35, withoutOwn: 16, withoutSubject: 16 },
        { group: 'chi_bo', label: 'Chi bộ', total: 32, withoutOwn: 17, withoutSubject: 17 },
      ]);
      const cellList = await admin.get(`/api/inspection/coverage/orgs?orgId=${C}&year=2026&group=chi_bo&which=without_own&pageSize=200`);
      expect(cellList.body.total).toBe(17);
      expect(cellList.body.items.map((i: { id: string }) => i.id).sort()).toEqual(cells.slice(15).sort());
    });
  });
});
