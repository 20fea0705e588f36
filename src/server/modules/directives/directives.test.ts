import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../../test/helpers/db.ts';
import { buildFixture, startTestApp, type Client, type Fixture, type TestApp } from '../../../../test/helpers/app.ts';
import { rawSession } from '../member-import/member-import.fixtures.ts';
import { zipEntryText } from '../member-sheet/member-sheet.fixtures.ts';

// Today is Friday 20/11/2026 (the test clock).
describeEngines('directives: a plan implementing a directive, tasks to units, reports and progress', (engine) => {
  let t: TestApp;
  let f: Fixture;
  let admin: Client;
  let adminA: Client;
  let adminB: Client;
  let viewerA1: Client;
  let ct35: string;
  let kh155: string;
  const share = (body: { tasks: { title: string; shares: { orgId: string; id: string }[] }[] }, title: string, orgId: string) =>
    body.tasks.find((x) => x.title === title)!.shares.find((s) => s.orgId === orgId)!.id;

  beforeAll(async () => {
    t = await startTestApp(engine);
    f = await buildFixture(t);
    admin = await t.login('admin');
    adminA = await t.login('adminA');
    adminB = await t.login('adminB');
    viewerA1 = await t.login('viewerA1');
    const ct = await admin.post('/api/directives', {
      ownerOrgId: f.orgs.P,
      kind: 'chi_thi',
      symbol: '35-CT/TW',
      issuedOn: '2019-05-30',
      issuerName: 'Bộ Chính trị',
      title: 'Về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIII của Đảng',
    });
    expect(ct.status).toBe(201);
    ct35 = ct.body.id;
    const kh = await admin.post('/api/directives', {
      ownerOrgId: f.orgs.P,
      kind: 'ke_hoach',
      symbol: '155-KH/TU',
      issuedOn: '2026-11-12',
      issuerOrgId: f.orgs.P,
      title: 'Kế hoạch triển khai thực hiện Chỉ thị số 35-CT/TW của Bộ Chính trị',
      implementsId: ct35,
    });
    expect(kh.status).toBe(201);
    kh155 = kh.body.id;
  });
  afterAll(() => t?.close());

  it('records a directive with its symbol parsed, the chain, and finds it by number and words without accents', async () => {
    const kh = (await admin.get(`/api/directives/${kh155}`)).body;
    expect(kh).toMatchObject({
      number: 155,
      kindCode: 'KH',
      issuerCode: 'TU',
      issuerName: 'Đảng bộ tỉnh Hưng Yên',
      implements: { id: ct35, symbol: '35-CT/TW' },
    });
    const ct = (await admin.get(`/api/directives/${ct35}`)).body;
    expect(ct).toMatchObject({ number: 35, kindCode: 'CT', issuerCode: 'TW', issuerName: 'Bộ Chính trị' });
    expect(ct.implementedBy.map((d: { id: string }) => d.id)).toEqual([kh155]);
    for (const q of ['155', '155-KH/TU', 'trien khai chi thi', 'TRIỂN KHAI', 'dai hoi dang bo']) {
      const ids = (await admin.get(`/api/directives?q=${encodeURIComponent(q)}`)).body.items.map((d: { id: string }) => d.id);
      expect(ids.length, q).toBeGreaterThan(0);
      expect(ids.includes(kh155) || ids.includes(ct35), q).toBe(true);
    }
    expect((await admin.get(`/api/directives?q=${encodeURIComponent('155')}&kind=chi_thi`)).body.items).toEqual([]);
    // Issued after today, or in 2099: refused.
    const base = { ownerOrgId: f.orgs.P, kind: 'cong_van', issuerName: 'Tỉnh ủy', title: 'Công văn' };
    for (const issuedOn of ['2026-11-21', '2099-01-01']) expect((await admin.post('/api/directives', { ...base, issuedOn })).status, issuedOn).toBe(400);
    // A commune cannot record a directive in the province's name.
    expect((await adminA.post('/api/directives', { ...base, issuedOn: '2026-11-01' })).status).toBe(404);
  });

  it('gives tasks with deadlines in working days (across a weekend), due today vs yesterday, and keeps siblings apart', async () => {
    const orgIds = [f.orgs.A, f.orgs.B];
    // 12/11/2026 (Thursday) + 5 working days = Thursday 19/11 (the weekend not counted): due yesterday, late.
    let r = await admin.post(`/api/directives/${kh155}/tasks`, {
      title: 'Xây dựng kế hoạch',
      assignees: { orgIds },
      deadline: { type: 'working_days', workingDays: 5 },
    });
    expect(r.status).toBe(200);
    expect(r.body.tasks[0]).toMatchObject({ dueOn: '2026-11-19', dueWorkingDays: 5 });
    // Due today: not late, due soon.
    r = await admin.post(`/api/directives/${kh155}/tasks`, { title: 'Báo cáo sơ kết', assignees: { orgIds }, deadline: { type: 'date', dueOn: '2026-11-20' } });
    const plan = r.body;
    const late = plan.tasks[0].shares.find((s: { orgId: string }) => s.orgId === f.orgs.B);
    const today = plan.tasks[1].shares.find((s: { orgId: string }) => s.orgId === f.orgs.B);
    expect(late).toMatchObject({ late: true, status: 'not_started' });
    expect(today).toMatchObject({ late: false, dueSoon: true });

    // A commune sees the plan and only its own shares.
    const seenByA = (await adminA.get(`/api/directives/${kh155}`)).body;
    expect(seenByA.tasks.flatMap((x: { shares: { orgId: string }[] }) => x.shares.map((s) => s.orgId))).toEqual([f.orgs.A, f.orgs.A]);
    expect(seenByA.canEdit).toBe(false);
    const bShare = share(plan, 'Xây dựng kế hoạch', f.orgs.B);
    expect((await adminA.get(`/api/directives/shares/${bShare}`)).status).toBe(404);
    const report = { status: 'done', body: 'Đã xây dựng kế hoạch', reportedOn: '2026-11-18' };
    expect((await adminA.post(`/api/directives/shares/${bShare}/reports`, report)).status).toBe(404);
    expect((await adminA.post(`/api/directives/${kh155}/tasks`, { title: 'X', assignees: { orgIds: [f.orgs.A] }, deadline: { type: 'none' } })).status).toBe(
      403,
    );
    // The province gives only to organisations below it; a commune's viewer reads but does not report.
    expect((await admin.post(`/api/directives/${kh155}/tasks`, { title: 'X', assignees: { orgIds: [f.orgs.P] }, deadline: { type: 'none' } })).status).toBe(
      400,
    );
    const aShare = share(plan, 'Xây dựng kế hoạch', f.orgs.A);
    expect((await viewerA1.get(`/api/directives/shares/${aShare}`)).status).toBe(404);

    // A reports on its share; the report is late-free, B stays late; the progress shows one of two reported.
    const rep = await adminA.post(`/api/directives/shares/${aShare}/reports`, { ...report, attachments: ['Kế hoạch số 12-KH/ĐU'] });
    expect(rep.status).toBe(200);
    expect(rep.body.share).toMatchObject({ status: 'done', late: false, reports: 1 });
    expect(rep.body.reports[0]).toMatchObject({ attachments: ['Kế hoạch số 12-KH/ĐU'], reportedByName: 'Người dùng adminA' });
    const progress = (await admin.get(`/api/directives/${kh155}/progress`)).body;
    expect(progress.totals).toMatchObject({ shares: 4, reported: 1, done: 1, late: 1 });
    expect(progress.units.find((u: { orgId: string }) => u.orgId === f.orgs.B)).toMatchObject({ shares: 2, late: 1, done: 0 });
    expect((await adminB.get(`/api/directives/${kh155}/progress`)).body.units.map((u: { orgId: string }) => u.orgId)).toEqual([f.orgs.B]);

    // The work queue: B's late task shows for B and the province, never for A.
    const q = (c: Client) => c.get('/api/directives/work-queue').then((x) => x.body.items as { shareId: string; late: boolean; orgId: string }[]);
    expect((await q(adminB)).find((i) => i.shareId === bShare)).toMatchObject({ late: true });
    expect((await q(admin)).some((i) => i.shareId === bShare && i.late)).toBe(true);
    expect((await q(adminA)).every((i) => i.orgId === f.orgs.A)).toBe(true);
    expect((await q(adminA)).some((i) => i.shareId === aShare)).toBe(false);
  });

  it('counts working days across a public holiday and splits a share whose status rolls up', async () => {
    const plan = await admin.post('/api/directives', {
      ownerOrgId: f.orgs.P,
      kind: 'ke_hoach',
      symbol: '160-KH/TU',
      issuedOn: '2026-04-29',
      issuerOrgId: f.orgs.P,
      title: 'Kế hoạch kiểm tra',
    });
    // 29/4/2026 + 2 working days: 30/4 and 1/5 are holidays, 2–3/5 a weekend: Tuesday 5/5.
    const r = await admin.post(`/api/directives/${plan.body.id}/tasks`, {
      title: 'Tự kiểm tra',
      assignees: { underOrgId: f.orgs.P, kindCode: 'dang_bo_cap_tren_co_so' },
      deadline: { type: 'working_days', workingDays: 2 },
    });
    expect(r.body.tasks[0].dueOn).toBe('2026-05-05');
    expect(r.body.tasks[0].shares.map((s: { orgId: string }) => s.orgId).sort()).toEqual([f.orgs.A, f.orgs.B].sort());
    const aShare = share(r.body, 'Tự kiểm tra', f.orgs.A);
    // A splits to its grassroots organisation; not to B's, not to itself.
    expect((await adminA.post(`/api/directives/shares/${aShare}/split`, { orgIds: [f.orgs.gB] })).status).toBe(404);
    expect((await adminA.post(`/api/directives/shares/${aShare}/split`, { orgIds: [f.orgs.A] })).status).toBe(400);
    const split = await adminA.post(`/api/directives/shares/${aShare}/split`, { orgIds: [f.orgs.gA], dueOn: '2026-11-30' });
    expect(split.status).toBe(200);
    expect(split.body.parts).toHaveLength(1);
    expect(split.body.share).toMatchObject({ status: 'not_started', late: true });
    const part = split.body.parts[0].id;
    await adminA.post(`/api/directives/shares/${part}/reports`, { status: 'done', body: 'Đã tự kiểm tra', reportedOn: '2026-11-19' });
    const rolled = (await adminA.get(`/api/directives/shares/${aShare}`)).body;
    expect(rolled.share).toMatchObject({ status: 'done', late: false });
    expect(rolled.parts[0]).toMatchObject({ status: 'done' });
    // B never sees A's parts.
    const seenByB = (await adminB.get(`/api/directives/${plan.body.id}`)).body;
    expect(seenByB.tasks[0].shares.map((s: { orgId: string }) => s.orgId)).toEqual([f.orgs.B]);
  });

  it('follows a recurring report period by period', async () => {
    const r = await admin.post(`/api/directives/${kh155}/tasks`, {
      title: 'Báo cáo quý',
      assignees: { orgIds: [f.orgs.B] },
      deadline: { type: 'recurring', recurrence: 'quarterly', fromDate: '2026-01-01', untilDate: '2026-12-31' },
    });
    const task = r.body.tasks.find((x: { title: string }) => x.title === 'Báo cáo quý');
    expect(task.dueDates).toEqual(['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31']);
    const id = task.shares[0].id;
    const body = { status: 'in_progress', body: 'Báo cáo quý', reportedOn: '2026-04-02' };
    expect((await adminB.post(`/api/directives/shares/${id}/reports`, body)).status).toBe(400);
    expect((await adminB.post(`/api/directives/shares/${id}/reports`, { ...body, periodDueOn: '2026-05-31' })).status).toBe(400);
    await adminB.post(`/api/directives/shares/${id}/reports`, { ...body, periodDueOn: '2026-03-31' });
    const s = (await adminB.post(`/api/directives/shares/${id}/reports`, { ...body, periodDueOn: '2026-06-30', reportedOn: '2026-07-01' })).body.share;
    expect(s).toMatchObject({ status: 'in_progress', late: true, nextDueOn: '2026-12-31', reports: 2 });
  });

  it('keeps a programme with its topics, the unit in charge and participants', async () => {
    const p = await admin.post('/api/directives', {
      ownerOrgId: f.orgs.P,
      kind: 'chuong_trinh',
      symbol: '01-CTr/TU',
      issuedOn: '2016-03-01',
      issuerOrgId: f.orgs.P,
      title: 'Chương trình nâng cao chất lượng tổ chức cơ sở đảng',
      fromYear: 2016,
      toYear: 2020,
    });
    expect(p.body).toMatchObject({ kindCode: 'CTr', fromYear: 2016, toYear: 2020 });
    const topic = await admin.post(`/api/directives/${p.body.id}/topics`, {
      topicKind: 'chuyen_de',
      title: 'Nâng cao chất lượng sinh hoạt chi bộ',
      leadOrgId: f.orgs.A,
      participantOrgIds: [f.orgs.B],
      dueOn: '2020-12-31',
    });
    expect(topic.status).toBe(200);
    expect(topic.body.tasks[0]).toMatchObject({ topicKind: 'chuyen_de' });
    expect(topic.body.tasks[0].shares.map((s: { role: string }) => s.role).sort()).toEqual(['lead', 'participant']);
    const list = (await admin.get('/api/directives/programmes')).body.items;
    expect(list.find((x: { id: string }) => x.id === p.body.id)).toMatchObject({ topics: 1, done: 0, late: 1 });
    const onPlan = await admin.post(`/api/directives/${kh155}/topics`, {
      topicKind: 'de_an',
      title: 'X',
      leadOrgId: f.orgs.A,
      participantOrgIds: [],
      dueOn: null,
    });
    expect(onPlan.status).toBe(409);
  });

  it('writes the plan with its task table and the report on its implementation', async () => {
    const docs = await rawSession(t, 'admin');
    const plan = await docs.download(`/api/directives/${kh155}/document.docx?kind=plan`);
    expect(plan.status).toBe(200);
    const xml = zipEntryText(plan.bytes, 'word/document.xml')!;
    expect(xml).toContain('Xây dựng kế hoạch');
    expect(xml).toContain('Đảng bộ phường Hòa Bình');
    expect(xml).toContain('35-CT/TW');
    const report = await docs.download(`/api/directives/${kh155}/document.docx?kind=report`);
    expect(zipEntryText(report.bytes, 'word/document.xml')).toContain('Quá hạn');
  });
});
