import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../../test/helpers/db.ts';
import { buildFixture, startTestApp, type Client, type Fixture, type TestApp } from '../../../../test/helpers/app.ts';
import { rawSession } from '../member-import/member-import.fixtures.ts';
import { zipEntryText } from '../member-sheet/member-sheet.fixtures.ts';

describeEngines('admissions: candidate to official member', (engine) => {
  let t: TestApp;
  let f: Fixture;
  let editor: Client;
  let adminA: Client;
  let admin: Client;
  let a1Members: string[];

  beforeAll(async () => {
    // Today is 20/11/2026: the whole path, from the listing in 2024 to the recognition in 2026, lies in the past.
    t = await startTestApp(engine);
    f = await buildFixture(t);
    editor = await t.login('editorA');
    adminA = await t.login('adminA');
    admin = await t.login('admin');
    a1Members = (await t.database.db.selectFrom('member').select('id').where('org_id', '=', f.orgs.a1).orderBy('id').execute()).map((m) => m.id);
  });
  afterAll(() => t?.close());

  const put = (c: Client, url: string, body: unknown) => c.raw('PUT', url, JSON.stringify(body));
  const step = (c: Client, id: string, body: Record<string, unknown>) => c.post(`/api/admissions/dossiers/${id}/steps`, body);

  it('takes a candidate through every step to an official member, with a failed check then fixed', async () => {
    const created = await editor.post('/api/admissions/candidates', {
      orgId: f.orgs.a1,
      fullName: 'Phạm Thị Hoa',
      gender: 'nu',
      birthDate: '2000-05-01',
      cccd: '033300001234',
      generalEducation: 'thpt',
      helperMemberId: a1Members[0],
      listedOn: '2024-09-03',
      listingResolutionNo: '05-NQ/CB',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      stage: 'listed',
      status: 'open',
      ruleSet: { id: 'dieu-le-2011-qd24-2018' },
      nextSteps: ['course'],
      canEdit: true,
      canOverride: false,
    });
    expect(created.body.candidate.fields.cccdMasked).toBe('033******234');
    const id = created.body.id as string;

    // Out of order: the application before the course.
    const early = await step(editor, id, { kind: 'application', date: '2024-10-01' });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain('Chưa ghi nhận bước trước');

    expect((await step(editor, id, { kind: 'course', date: '2019-10-01', certificateNo: '12/GCN' })).status).toBe(200);
    expect((await step(editor, id, { kind: 'application', date: '2024-11-01', backgroundFormOn: '2024-11-01' })).status).toBe(200);
    expect((await step(editor, id, { kind: 'verification', date: '2024-12-02', conclusion: 'Lý lịch rõ ràng' })).status).toBe(200);
    const intro = await step(editor, id, {
      kind: 'introduction',
      date: '2025-01-06',
      route: 'members',
      introducers: [
        { memberId: a1Members[1], monthsTogether: 24 },
        { memberId: a1Members[2], monthsTogether: 12 },
      ],
    });
    expect(intro.status).toBe(200);
    expect(intro.body.steps.at(-1).data.introducers.map((i: { officialOnDate: boolean }) => i.officialOnDate)).toEqual([true, true]);
    expect((await step(editor, id, { kind: 'comments', date: '2025-01-20' })).status).toBe(200);

    // The vote fails two checks: the certificate is older than 60 months and 13 of 20 is short of 2/3.
    const vote = { kind: 'cell_vote', date: '2025-02-10', inFavour: 13 };
    const failed = await step(editor, id, vote);
    expect(failed.status).toBe(422);
    expect(failed.body.error.code).toBe('CHECK_FAILED');
    expect(failed.body.error.message).toContain('Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng đã quá 60 tháng');
    expect(failed.body.error.message).toContain('Số phiếu tán thành chưa đạt 2/3 số đảng viên chính thức: 13/20');
    expect(failed.body.error.details.map((d: { code: string }) => d.code)).toEqual(['certificate_expired', 'cell_vote_two_thirds']);

    // An editor may not override; an organisation administrator may, with a reason, audited.
    const noRight = await step(editor, id, {
      ...vote,
      override: { checks: ['certificate_expired', 'cell_vote_two_thirds'], reason: 'Chi bộ đã xem xét kỹ, đề nghị cho qua.' },
    });
    expect(noRight.status).toBe(403);

    const tooMany = await step(editor, id, { ...vote, inFavour: 21 });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.details[0].field).toBe('inFavour');
    // Fixed instead: the course again (a correction before the vote), and two absent with an approved reason.
    expect((await step(editor, id, { kind: 'course', date: '2024-10-01', certificateNo: '88/GCN' })).status).toBe(200);
    const den = await editor.get(`/api/admissions/dossiers/${id}/denominator?date=2025-02-10`);
    expect(den.body).toMatchObject({ officialMembers: 20, denominator: 20 });
    const passed = await step(editor, id, { ...vote, absentWithReason: [a1Members[5], a1Members[6]] });
    expect(passed.status).toBe(200);
    expect(passed.body.steps.at(-1).data.denominator).toMatchObject({ officialMembers: 20, denominator: 18 });
    expect(passed.body.stage).toBe('cell_vote');
    // No correction of earlier steps once the cell has voted.
    expect((await step(editor, id, { kind: 'course', date: '2024-10-02' })).status).toBe(409);

    const gr = await step(editor, id, { kind: 'grassroots_resolution', date: '2025-02-20', inFavour: 4, committeeSize: 7 });
    expect(gr.status).toBe(422);
    expect(gr.body.error.details[0].code).toBe('grassroots_two_thirds');
    const overridden = await step(adminA, id, {
      kind: 'grassroots_resolution',
      date: '2025-02-20',
      inFavour: 4,
      committeeSize: 7,
      override: { checks: ['grassroots_two_thirds'], reason: 'Hai đồng chí cấp ủy đi công tác, đã có ý kiến bằng văn bản.' },
    });
    expect(overridden.status).toBe(200);
    expect(overridden.body.steps.at(-1).overrides).toMatchObject([
      { checkCode: 'grassroots_two_thirds', reason: 'Hai đồng chí cấp ủy đi công tác, đã có ý kiến bằng văn bản.' },
    ]);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', id)
      .where('action', '=', 'admission.check_override')
      .execute();
    expect(audit).toHaveLength(1);

    const decision = await step(editor, id, {
      kind: 'decision',
      date: '2025-03-03',
      decisionNo: '123-QĐ/HU',
      receivedOn: '2025-03-05',
      decidingBody: 'Huyện ủy',
    });
    expect(decision.status).toBe(200);
    // 30 working days from Wednesday 05/03/2025, Hùng Kings' day (Monday 07/04) not counted: Thursday 17/04/2025.
    expect(decision.body.dates.ceremonyDueOn).toBe('2025-04-17');

    const late = await step(editor, id, { kind: 'ceremony', date: '2025-04-18' });
    expect(late.status).toBe(422);
    expect(late.body.error.details[0].code).toBe('ceremony_late');
    const ceremony = await step(editor, id, { kind: 'ceremony', date: '2025-03-19' });
    expect(ceremony.status).toBe(200);
    expect(ceremony.body).toMatchObject({ status: 'probation', stage: 'ceremony', dates: { ceremonyOn: '2025-03-19', probationEndsOn: '2026-03-19' } });
    // The member form follows the ceremony, outside the sequence: offered alongside the recognition vote.
    expect(ceremony.body.nextSteps).toEqual(['member_form', 'recognition_vote']);
    const memberId = ceremony.body.memberId as string;
    const member = await editor.get(`/api/members/${memberId}`);
    expect(member.body).toMatchObject({ membership: 'probationary', admittedOn: '2025-03-03', officialOn: null, org: { id: f.orgs.a1 } });
    expect(member.body.fields).toMatchObject({ fullName: 'Phạm Thị Hoa', ceremonyOn: '2025-03-19', generalEducation: 'thpt' });
    expect(member.body.fields.introducer1).toBeTruthy();
    const admitted = await t.database.db
      .selectFrom('member_event')
      .select(['kind', 'effective_date', 'decision_no', 'details'])
      .where('member_id', '=', memberId)
      .execute();
    expect(admitted).toMatchObject([
      { kind: 'admitted', effective_date: '2025-03-03', decision_no: '123-QĐ/HU', details: { ceremonyOn: '2025-03-19', admissionDossierId: id } },
    ]);

    // No member form: due 30 working days after the ceremony (Hùng Kings' day and 30/4–1/5 not counted), long late.
    const formQueue = await editor.get('/api/admissions/work-queue');
    expect(formQueue.body.items.find((i: { dossierId: string; kind: string }) => i.dossierId === id && i.kind === 'member_form_due')).toMatchObject({
      late: true,
      dueOn: '2025-05-05',
      label: 'Quá hạn khai lý lịch đảng viên',
    });

    // Recognition: never before the end of probation, even with an override.
    const tooEarly = await step(adminA, id, {
      kind: 'recognition_vote',
      date: '2026-03-18',
      forRecognition: 18,
      forStrikingOff: 0,
      override: { checks: ['recognition_too_early'], reason: 'Thử bỏ qua kiểm tra thời hạn.' },
    });
    expect(tooEarly.status).toBe(422);
    expect(tooEarly.body.error.message).toContain('Chưa hết 12 tháng dự bị');
    const inconclusive = await step(editor, id, { kind: 'recognition_vote', date: '2026-03-20', forRecognition: 10, forStrikingOff: 5 });
    expect(inconclusive.status).toBe(200);
    expect(inconclusive.body.steps.at(-1).data.outcome).toBe('inconclusive');
    expect(inconclusive.body.status).toBe('probation');
    // Voted on 25/03, the official date is still exactly the end of the 12 months.
    const recognized = await step(editor, id, { kind: 'recognition_vote', date: '2026-03-25', forRecognition: 15, forStrikingOff: 0, decisionNo: '45-QĐ/HU' });
    expect(recognized.status).toBe(200);
    // Recognised without the member form: the form does not hold up the recognition and may still be recorded.
    expect(recognized.body).toMatchObject({ status: 'official', stage: 'official', dates: { officialOn: '2026-03-19' }, nextSteps: ['member_form'] });
    const beforeCeremony = await step(editor, id, { kind: 'member_form', date: '2025-03-18' });
    expect(beforeCeremony.status).toBe(400);
    expect(beforeCeremony.body.error.message).toContain('không được trước ngày lễ kết nạp');
    const lateForm = await step(editor, id, { kind: 'member_form', date: '2026-03-26' });
    expect(lateForm.status).toBe(200);
    expect(lateForm.body).toMatchObject({ status: 'official', stage: 'official', nextSteps: [] });
    expect(lateForm.body.steps.at(-1)).toMatchObject({
      kind: 'member_form',
      label: 'Khai lý lịch đảng viên',
      date: '2026-03-26',
      data: { late: true, dueOn: '2025-05-05' },
    });
    expect((await step(editor, id, { kind: 'member_form', date: '2026-03-27' })).status).toBe(409);
    const official = await editor.get(`/api/members/${memberId}`);
    expect(official.body).toMatchObject({ membership: 'official', officialOn: '2026-03-19' });
    expect(official.body.partyAge.countsFrom).toBe('2025-03-03');

    const docs = await rawSession(t, 'editorA');
    for (const [kind, text] of [
      ['checklist', 'DANH MỤC HỒ SƠ KẾT NẠP ĐẢNG VIÊN'],
      ['cell_resolution', 'Số đảng viên chính thức tán thành việc kết nạp: 13, đạt 72,2%'],
      ['decision', '123-QĐ/HU'],
      ['recognition_resolution', 'là đảng viên chính thức từ ngày 19/03/2026'],
    ] as const) {
      const r = await docs.download(`/api/admissions/dossiers/${id}/document.docx?kind=${kind}`);
      expect(r.status, kind).toBe(200);
      expect(zipEntryText(r.bytes, 'word/document.xml'), kind).toContain(text);
    }

    const list = await editor.get(`/api/admissions/candidates?orgId=${f.orgs.gA}`);
    expect(list.body.items.map((i: { dossierId: string }) => i.dossierId)).toContain(id);
    expect(list.body.stages.find((s: { stage: string }) => s.stage === 'official').count).toBe(1);
  });

  it('checks introducers on the vote date and refuses candidates outside a cell or with a bad field', async () => {
    const notCell = await editor.post('/api/admissions/candidates', { orgId: f.orgs.gA, fullName: 'Lê Văn Nam', gender: 'nam', listedOn: '2026-01-05' });
    expect(notCell.status).toBe(400);
    expect(notCell.body.error.message).toContain('không phải chi bộ');
    const badEdu = await editor.post('/api/admissions/candidates', {
      orgId: f.orgs.a1,
      fullName: 'Lê Văn Nam',
      gender: 'nam',
      listedOn: '2026-01-05',
      generalEducation: 'dai_hoc',
    });
    expect(badEdu.status).toBe(400);
    const c = await editor.post('/api/admissions/candidates', {
      orgId: f.orgs.a2,
      fullName: 'Lê Văn Nam',
      gender: 'nam',
      birthDate: '2008-12-01',
      listedOn: '2026-01-05',
    });
    expect(c.status).toBe(201);
    const id = c.body.id as string;
    // The probationary member admitted in the first test is not an official member: he cannot introduce.
    const probationary = await t.database.db
      .insertInto('member')
      .values({
        id: '01900000-0000-7000-8000-0000000000aa',
        org_id: f.orgs.a2,
        full_name: 'Trần Văn Dự',
        family_name: 'Trần',
        middle_name: 'Văn',
        given_name: 'Dự',
        name_sort_key: 'du',
        gender: 'nam',
        birth_date: '1995-01-01',
        admitted_on: '2026-01-02',
        official_on: null,
        left_on: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const a2 = (
      await t.database.db.selectFrom('member').select('id').where('org_id', '=', f.orgs.a2).where('official_on', 'is not', null).limit(1).execute()
    )[0]!.id;
    for (const [kind, date] of [
      ['course', '2026-01-10'],
      ['application', '2026-02-01'],
      ['verification', '2026-03-02'],
    ] as const)
      expect((await step(editor, id, { kind, date })).status).toBe(200);
    const intro = await step(editor, id, {
      kind: 'introduction',
      date: '2026-04-01',
      route: 'members',
      introducers: [
        { memberId: a2, monthsTogether: 12 },
        { memberId: probationary.id, monthsTogether: 11 },
      ],
    });
    expect(intro.status).toBe(422);
    expect(intro.body.error.message).toContain('Người giới thiệu chưa là đảng viên chính thức');
    expect(intro.body.error.details.map((d: { code: string }) => d.code)).toEqual(['introducer_not_official', 'introducer_months_together']);
    // Youth Union route: the union committee plus one official member.
    expect(
      (
        await step(editor, id, {
          kind: 'introduction',
          date: '2026-04-01',
          route: 'youth_union',
          youthUnionResolutionOn: '2026-03-20',
          introducers: [{ memberId: a2, monthsTogether: 12 }],
        })
      ).status,
    ).toBe(200);
    expect((await step(editor, id, { kind: 'comments', date: '2026-04-10' })).status).toBe(200);
    // Born 01/12/2008: 17 years 11 months on 10/11/2026; the fix is the true birth date.
    const young = await step(editor, id, { kind: 'cell_vote', date: '2026-11-10', inFavour: 12 });
    expect(young.status).toBe(422);
    expect(young.body.error.details.map((d: { code: string }) => d.code)).toEqual(['age_min', 'education']);
    const fixed = await editor.patch(`/api/admissions/candidates/${c.body.candidate.id}`, { birthDate: '2008-11-10', generalEducation: 'thcs' });
    expect(fixed.status).toBe(200);
    const ok = await step(editor, id, { kind: 'cell_vote', date: '2026-11-10', inFavour: 9 });
    expect(ok.status).toBe(200);
    expect(ok.body.steps.at(-1).data.denominator.denominator).toBe(12);
  });

  it('readmits a former member once, 36 months after he left, through the members module’s readmission', async () => {
    const former = await editor.post('/api/members', {
      fullName: 'Đinh Văn Hùng',
      gender: 'nam',
      birthDate: '1975-04-04',
      orgId: f.orgs.a2,
      admittedOn: '2005-05-19',
      officialOn: '2006-05-19',
    });
    expect(former.status).toBe(201);
    expect((await editor.post(`/api/members/${former.body.id}/events`, { kind: 'struck_off', date: '2022-06-01', decisionNo: '9-QĐ/ĐU' })).status).toBe(200);
    const c = await editor.post('/api/admissions/candidates', {
      orgId: f.orgs.a2,
      fullName: 'Đinh Văn Hùng',
      gender: 'nam',
      birthDate: '1975-04-04',
      generalEducation: 'thpt',
      listedOn: '2024-09-03',
      formerMemberId: former.body.id,
    });
    expect(c.status).toBe(201);
    expect(c.body.readmission).toBe(true);
    const id = c.body.id as string;
    const a2 = (
      await t.database.db
        .selectFrom('member')
        .select('id')
        .where('org_id', '=', f.orgs.a2)
        .where('official_on', '<', '2020-01-01')
        .orderBy('id')
        .limit(2)
        .execute()
    ).map((m) => m.id);
    for (const body of [
      { kind: 'course', date: '2024-10-01' },
      { kind: 'application', date: '2024-11-01' },
      { kind: 'verification', date: '2024-12-02' },
      { kind: 'introduction', date: '2025-01-06', route: 'members', introducers: a2.map((memberId) => ({ memberId, monthsTogether: 24 })) },
      { kind: 'comments', date: '2025-01-20' },
    ])
      expect((await step(editor, id, body)).status, body.kind).toBe(200);
    const early = await step(editor, id, { kind: 'cell_vote', date: '2025-05-30', inFavour: 10 });
    expect(early.status).toBe(422);
    expect(early.body.error.details.map((d: { code: string }) => d.code)).toEqual(['readmission_too_early']);
    // After a criminal record cleared on 10/01/2021 the wait is 60 months from that day.
    const record = await step(editor, id, { kind: 'cell_vote', date: '2025-06-02', inFavour: 10, criminalRecordClearedOn: '2021-01-10' });
    expect(record.status).toBe(422);
    expect(record.body.error.message).toContain('60 tháng kể từ ngày được xóa án tích');
    for (const body of [
      { kind: 'cell_vote', date: '2025-06-02', inFavour: 10 },
      { kind: 'grassroots_resolution', date: '2025-06-10', inFavour: 6, committeeSize: 9 },
      { kind: 'decision', date: '2025-06-20', decisionNo: '77-QĐ/ĐU', receivedOn: '2025-06-23' },
      { kind: 'ceremony', date: '2025-07-01' },
    ])
      expect((await step(editor, id, body)).status, body.kind).toBe(200);
    const file = await editor.get(`/api/members/${former.body.id}`);
    // (member.official_on keeps the first official date after a readmission: see docs/architecture.md, Admissions.)
    expect(file.body).toMatchObject({ status: 'active', admittedOn: '2005-05-19' });
    expect(file.body.events.map((e: { kind: string }) => e.kind)).toEqual(['admitted', 'recognized_official', 'struck_off', 'readmitted']);
    expect(file.body.partyAge.official).toBe(false);
  });

  /** A new cell under gA with `n` official members (admitted 2010), for tests that need a roll of their own. */
  async function newCell(name: string, n: number) {
    const cell = (
      await t.services.orgs.create(f.admin, {
        parentId: f.orgs.gA,
        name,
        kindCode: 'chi_bo_truc_thuoc',
        effectiveDate: '2000-01-01',
        decisionNo: '1-QĐ',
        decisionDate: '2000-01-01',
      })
    ).id;
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = await editor.post('/api/members', {
        fullName: `${name} ${i}`,
        gender: 'nam',
        birthDate: '1980-01-01',
        orgId: cell,
        admittedOn: '2010-05-19',
        officialOn: '2011-05-19',
      });
      expect(r.status).toBe(201);
      ids.push(r.body.id as string);
    }
    return { cell, ids };
  }
  /** A dossier taken up to the comments, ready for the cell's vote. */
  async function readyForVote(orgId: string, fields: Record<string, unknown>, introducers: string[]) {
    const c = await editor.post('/api/admissions/candidates', { orgId, gender: 'nam', generalEducation: 'thpt', listedOn: '2025-09-01', ...fields });
    expect(c.status).toBe(201);
    const id = c.body.id as string;
    for (const body of [
      { kind: 'course', date: '2025-09-15' },
      { kind: 'application', date: '2025-10-01' },
      { kind: 'verification', date: '2025-10-15' },
      { kind: 'introduction', date: '2025-11-03', route: 'members', introducers: introducers.map((memberId) => ({ memberId, monthsTogether: 12 })) },
      { kind: 'comments', date: '2025-11-10' },
    ])
      expect((await step(editor, id, body)).status, body.kind).toBe(200);
    return { id, candidateId: c.body.candidate.id as string };
  }

  it('the age check needs the date of birth: without it the vote is refused and no override lets it through', async () => {
    const { cell, ids } = await newCell('Chi bộ Tổ Sử', 3);
    const { id, candidateId } = await readyForVote(cell, { fullName: 'Hà Văn Sinh' }, ids.slice(0, 2));
    const vote = { kind: 'cell_vote', date: '2026-06-01', inFavour: 3 };
    const refused = await step(adminA, id, { ...vote, override: { checks: ['age_unknown'], reason: 'Chi bộ xác nhận đã đủ tuổi theo lời khai.' } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details).toEqual([expect.objectContaining({ code: 'age_unknown', overridable: false })]);
    expect(refused.body.error.message).toContain('Chưa có ngày sinh');
    // The true date decides, at the boundary: 01/06/2008 is full 18 on 01/06/2026, 02/06/2008 is not.
    expect((await editor.patch(`/api/admissions/candidates/${candidateId}`, { birthDate: '2008-06-02' })).status).toBe(200);
    expect((await step(editor, id, vote)).body.error.details.map((d: { code: string }) => d.code)).toEqual(['age_min']);
    expect((await editor.patch(`/api/admissions/candidates/${candidateId}`, { birthDate: '2008-06-01' })).status).toBe(200);
    expect((await step(editor, id, vote)).status).toBe(200);
  });

  it('the vote counts official members in transit or out of contact, and lists each exclusion with its reason', async () => {
    const { cell, ids } = await newCell('Chi bộ Tổ Địa', 6);
    const [, , , transit, lost, away] = ids as [string, string, string, string, string, string];
    expect((await editor.post(`/api/members/${transit}/events`, { kind: 'transfer_out_started', toOrgId: f.orgs.a2, date: '2026-05-04' })).status).toBe(200);
    expect((await editor.post(`/api/members/${lost}/events`, { kind: 'lost_contact', date: '2026-02-02' })).status).toBe(200);
    expect(
      (await editor.post(`/api/members/${away}/events`, { kind: 'temporary_out', hostOrgId: f.orgs.a2, until: '2026-12-31', date: '2026-03-02' })).status,
    ).toBe(200);
    const { id } = await readyForVote(cell, { fullName: 'Hà Văn Đếm', birthDate: '2000-01-01' }, ids.slice(0, 2));
    const den = await editor.get(`/api/admissions/dossiers/${id}/denominator?date=2026-06-01`);
    expect(den.status).toBe(200);
    // Six official members on the roll; only the one temporarily away is left out, and the list says why.
    expect(den.body).toMatchObject({ officialMembers: 6, denominator: 5 });
    expect(den.body.excluded).toEqual([expect.objectContaining({ memberId: away, reason: 'temporarily_away', label: 'sinh hoạt tạm thời nơi khác' })]);
    // 3 of 5 is short of 2/3 (it would have passed over the 3 the old count kept); 4 of 5 passes.
    const short = await step(editor, id, { kind: 'cell_vote', date: '2026-06-01', inFavour: 3 });
    expect(short.status).toBe(422);
    expect(short.body.error.message).toContain('3/5');
    const voted = await step(editor, id, { kind: 'cell_vote', date: '2026-06-01', inFavour: 3, absentWithReason: [lost] });
    expect(voted.status).toBe(200);
    expect(voted.body.steps.at(-1).data.denominator).toEqual({
      officialMembers: 6,
      denominator: 4,
      excluded: [
        expect.objectContaining({ memberId: lost, reason: 'absent_with_reason', label: 'vắng mặt cả buổi có lý do được chấp thuận' }),
        expect.objectContaining({ memberId: away, reason: 'temporarily_away' }),
      ],
    });
  });

  it('readmission: 36 months after leaving AND 60 after the record was cleared, the same answer at the vote and the ceremony', async () => {
    // Left 01/06/2023, record cleared 01/01/2019 (60 months over by 2024): the 36 months after leaving still run to 01/06/2026.
    const former = await editor.post('/api/members', {
      fullName: 'Lò Văn Lại',
      gender: 'nam',
      birthDate: '1980-04-04',
      orgId: f.orgs.a2,
      admittedOn: '2005-05-19',
      officialOn: '2006-05-19',
    });
    expect((await editor.post(`/api/members/${former.body.id}/events`, { kind: 'struck_off', date: '2023-06-01', decisionNo: '10-QĐ/ĐU' })).status).toBe(200);
    const a2 = (
      await t.database.db
        .selectFrom('member')
        .select('id')
        .where('org_id', '=', f.orgs.a2)
        .where('official_on', '<', '2020-01-01')
        .orderBy('id')
        .limit(2)
        .execute()
    ).map((m) => m.id);
    const { id } = await readyForVote(f.orgs.a2, { fullName: 'Lò Văn Lại', birthDate: '1980-04-04', formerMemberId: former.body.id }, a2);
    const vote = { kind: 'cell_vote', inFavour: 12, criminalRecordClearedOn: '2019-01-01' };
    const early = await step(editor, id, { ...vote, date: '2026-05-29' });
    expect(early.status).toBe(422);
    expect(early.body.error.details.map((d: { code: string }) => d.code)).toEqual(['readmission_too_early']);
    expect(early.body.error.message).toContain('Chưa đủ 36 tháng kể từ ngày ra khỏi Đảng (01/06/2023): sớm nhất ngày 01/06/2026.');
    for (const body of [
      { ...vote, date: '2026-06-01' },
      { kind: 'grassroots_resolution', date: '2026-06-05', inFavour: 6, committeeSize: 9 },
      { kind: 'decision', date: '2026-06-10', decisionNo: '88-QĐ/ĐU', receivedOn: '2026-06-11' },
      { kind: 'ceremony', date: '2026-06-20' },
    ])
      expect((await step(editor, id, body)).status, body.kind).toBe(200);
    const file = await editor.get(`/api/members/${former.body.id}`);
    expect(file.body.events.at(-1)).toMatchObject({ kind: 'readmitted' });
  });

  it('work queue: ceremonies due, member forms to declare and certificates about to expire, with counts', async () => {
    const c = await editor.post('/api/admissions/candidates', {
      orgId: f.orgs.a1,
      fullName: 'Vũ Thị Lan',
      gender: 'nu',
      birthDate: '1990-01-01',
      generalEducation: 'thpt',
      listedOn: '2021-09-01',
    });
    const id = c.body.id as string;
    expect((await step(editor, id, { kind: 'course', date: '2021-12-20' })).status).toBe(200);
    const q = await editor.get('/api/admissions/work-queue');
    expect(q.status).toBe(200);
    const item = q.body.items.find((i: { dossierId: string }) => i.dossierId === id);
    expect(item).toMatchObject({
      kind: 'certificate_expiring',
      late: false,
      dueOn: '2026-12-20',
      label: 'Giấy chứng nhận bồi dưỡng nhận thức về Đảng sắp hết hạn',
    });
    // A decision received on 02/10/2026 and no ceremony 30 working days later (13/11/2026): late on 20/11/2026.
    const late = await editor.post('/api/admissions/candidates', {
      orgId: f.orgs.a1,
      fullName: 'Tạ Văn Khoa',
      gender: 'nam',
      birthDate: '1995-01-01',
      generalEducation: 'thpt',
      listedOn: '2026-01-05',
    });
    const lateId = late.body.id as string;
    const a1 = (
      await t.database.db
        .selectFrom('member')
        .select('id')
        .where('org_id', '=', f.orgs.a1)
        .where('official_on', '<', '2020-01-01')
        .orderBy('id')
        .limit(2)
        .execute()
    ).map((m) => m.id);
    for (const body of [
      { kind: 'course', date: '2026-01-10' },
      { kind: 'application', date: '2026-02-01' },
      { kind: 'verification', date: '2026-03-02' },
      { kind: 'introduction', date: '2026-04-01', route: 'members', introducers: a1.map((memberId) => ({ memberId, monthsTogether: 24 })) },
      { kind: 'comments', date: '2026-04-10' },
      { kind: 'cell_vote', date: '2026-09-10', inFavour: 20 },
      { kind: 'grassroots_resolution', date: '2026-09-15', inFavour: 7, committeeSize: 9 },
      { kind: 'decision', date: '2026-09-30', decisionNo: '200-QĐ/HU', receivedOn: '2026-10-02' },
    ])
      expect((await step(editor, lateId, body)).status, body.kind).toBe(200);
    const withLate = await editor.get('/api/admissions/work-queue');
    expect(withLate.body.items.find((i: { dossierId: string }) => i.dossierId === lateId)).toMatchObject({
      kind: 'ceremony_due',
      late: true,
      dueOn: '2026-11-13',
      label: 'Quá hạn tổ chức lễ kết nạp',
    });
    // The readmitted member's probation ended on 01/07/2026 with no recognition vote: late too; late items come first.
    expect(withLate.body.items.find((i: { kind: string }) => i.kind === 'recognition_due')).toMatchObject({
      late: true,
      label: 'Quá hạn xét công nhận đảng viên chính thức',
    });
    expect(withLate.body.items.findIndex((i: { late: boolean }) => !i.late)).toBeGreaterThan(
      withLate.body.items.findLastIndex((i: { late: boolean }) => i.late),
    );
    // The readmitted member (ceremony 01/07/2025) has not declared the member form either: late since 12/08/2025.
    const readmittedId = withLate.body.items.find((i: { kind: string }) => i.kind === 'recognition_due').dossierId as string;
    expect(withLate.body.items.find((i: { dossierId: string; kind: string }) => i.dossierId === readmittedId && i.kind === 'member_form_due')).toMatchObject({
      late: true,
      dueOn: '2025-08-12',
    });
    const counts = await editor.get('/api/admissions/work-queue/counts');
    expect(counts.body.total).toBe(withLate.body.items.length);
    expect(counts.body.byKind.member_form_due).toBe(withLate.body.items.filter((i: { kind: string }) => i.kind === 'member_form_due').length);
    expect(counts.body.late).toBeGreaterThanOrEqual(1);
    expect(counts.body.byKind.certificate_expiring).toBeGreaterThanOrEqual(1);
    // The late ceremony held with the superior's consent on 16/11/2026: the member form is due 30 working days later.
    expect((await step(editor, lateId, { kind: 'ceremony', date: '2026-11-16', superiorConsentNo: '12-CV/HU' })).status).toBe(200);
    const afterCeremony = await editor.get('/api/admissions/work-queue');
    expect(afterCeremony.body.items.filter((i: { dossierId: string }) => i.dossierId === lateId)).toMatchObject([
      { kind: 'member_form_due', late: false, dueOn: '2026-12-28', label: 'Khai lý lịch đảng viên' },
    ]);
    expect((await editor.get('/api/admissions/work-queue/counts')).body.byKind.member_form_due).toBe(
      afterCeremony.body.items.filter((i: { kind: string }) => i.kind === 'member_form_due').length,
    );
    expect((await step(editor, lateId, { kind: 'member_form', date: '2026-11-21' })).status).toBe(400);
    const declared = await step(editor, lateId, { kind: 'member_form', date: '2026-11-20', decisionNo: 'LL-01' });
    expect(declared.status).toBe(200);
    expect(declared.body).toMatchObject({ status: 'probation', stage: 'ceremony', nextSteps: ['recognition_vote'] });
    expect(declared.body.steps.at(-1).data).toEqual({ late: false, dueOn: '2026-12-28' });
    expect((await editor.get('/api/admissions/work-queue')).body.items.filter((i: { dossierId: string }) => i.dossierId === lateId)).toEqual([]);

    // The sibling commune sees none of it.
    const b = await t.login('adminB');
    expect((await b.get('/api/admissions/work-queue')).body.items).toEqual([]);
    expect((await b.get('/api/admissions/work-queue/counts')).body.total).toBe(0);

    // The readmitted member's recognition, late: three votes that reach 2/3 neither way send the case to the superior.
    const readmitted = readmittedId;
    const lateVote = (date: string) => ({
      kind: 'recognition_vote',
      date,
      forRecognition: 6,
      forStrikingOff: 4,
      override: { checks: ['recognition_late'], reason: 'Chi bộ họp chậm do sáp nhập địa bàn.' },
    });
    expect((await step(editor, readmitted, lateVote('2026-10-01'))).status).toBe(403);
    for (const date of ['2026-10-01', '2026-10-15']) {
      const r = await step(adminA, readmitted, lateVote(date));
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ status: 'probation', stage: 'recognition_vote' });
    }
    const third = await step(adminA, readmitted, lateVote('2026-11-02'));
    expect(third.body).toMatchObject({ status: 'probation', stage: 'referred_to_superior', stageLabel: 'Báo cáo cấp trên', nextSteps: [] });
    // Referred to the superior: off the cell's queue, the member form included.
    expect((await editor.get('/api/admissions/work-queue')).body.items.filter((i: { dossierId: string }) => i.dossierId === readmitted)).toEqual([]);
    expect(third.body.steps.filter((s: { kind: string }) => s.kind === 'recognition_vote').map((s: { data: { outcome: string } }) => s.data.outcome)).toEqual([
      'inconclusive',
      'inconclusive',
      'inconclusive',
    ]);
    expect((await step(adminA, readmitted, lateVote('2026-11-03'))).status).toBe(409);
  });

  it('targets: set by the superior, split without exceeding it; progress counts admissions in the subtree', async () => {
    expect((await put(adminA, `/api/admissions/targets/${f.orgs.A}`, { year: 2025, target: 10 })).status).toBe(403);
    expect((await put(admin, `/api/admissions/targets/${f.orgs.A}`, { year: 2025, target: 10 })).status).toBe(200);
    expect((await put(adminA, `/api/admissions/targets/${f.orgs.gA}`, { year: 2025, target: 6 })).status).toBe(200);
    expect((await put(adminA, `/api/admissions/targets/${f.orgs.a1}`, { year: 2025, target: 4 })).status).toBe(200);
    const over = await put(adminA, `/api/admissions/targets/${f.orgs.a2}`, { year: 2025, target: 3 });
    expect(over.status).toBe(409);
    expect(over.body.error.message).toContain('vượt chỉ tiêu của cấp trên');
    const p = await adminA.get(`/api/admissions/targets?orgId=${f.orgs.gA}&year=2025`);
    expect(p.status).toBe(200);
    // Admitted in 2025 under gA: the new member in a1 and the readmission in a2.
    expect(p.body.org).toMatchObject({ orgId: f.orgs.gA, target: 6, admitted: 2, progress: 33.3 });
    expect(p.body.children.find((c: { orgId: string }) => c.orgId === f.orgs.a1)).toMatchObject({ target: 4, admitted: 1, progress: 25 });
    expect(p.body.childrenTargetSum).toBe(4);
  });
});
