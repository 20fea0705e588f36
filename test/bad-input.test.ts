/**
 * Bad input, sent to every endpoint: malformed JSON, wrong types, unknown fields, huge strings, impossible dates,
 * ids that do not exist. Each answers 4xx with a Vietnamese message naming the field, and nothing changes.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from './helpers/db.ts';
import { buildFixture, DECISION, startTestApp, type Client, type Fixture, type TestApp } from './helpers/app.ts';
import { csvOf, rawSession } from '../src/server/modules/member-import/member-import.fixtures.ts';
import { documentSession, pdfBytes } from '../src/server/modules/member-documents/member-documents.fixtures.ts';
import { NUL_MESSAGE } from '../src/server/http/text-guard.ts';

const MISSING = '01900000-0000-7000-8000-000000000000';
const D = { ...DECISION, effectiveDate: '2026-02-01' };
/** Routes that take a file upload (multipart/form-data), not JSON: they have their own case below. */
const UPLOADS = new Set([
  'POST /api/members/import/preview',
  'POST /api/members/:id/documents',
  'POST /api/evaluation/periods/:id/import/preview',
  'POST /api/evaluation/periods/:id/import/commit',
  'POST /api/meetings/:id/attendance/preview',
  'POST /api/meetings/:id/files',
]);

describeEngines('bad input on every endpoint', (engine) => {
  let t: TestApp;
  let f: Fixture;
  let admin: Client;

  /** A valid request per body route; the sweep breaks it in every way. `:id` is replaced by `id`. */
  let bodies: Record<string, { id?: string; extra?: Record<string, string>; body: Record<string, unknown> }>;
  /** GET routes with a path id; `extra` fills the other path parameters. */
  let gets: Record<string, { id?: string; query?: string; extra?: Record<string, string> }>;
  let memberId: string;
  let documentId: string;
  let dossier: { id: string; candidateId: string };
  let meeting: { id: string; taskId: string; documentId: string };
  let congress: { term: string; seat: string; round: string };

  const snapshot = async () => {
    const db = t.database.db;
    const [v, e, u, r, a, mr, d] = await Promise.all([
      db.selectFrom('org_version').selectAll().orderBy('id').execute(),
      db.selectFrom('org_event').select('id').orderBy('id').execute(),
      db.selectFrom('app_user').select(['id', 'full_name', 'password_hash', 'is_disabled']).orderBy('id').execute(),
      db.selectFrom('role_assignment').select('id').orderBy('id').execute(),
      db.selectFrom('audit_log').select('seq').where('action', 'not like', 'auth.%').orderBy('seq').execute(),
      db.selectFrom('member_record').selectAll().orderBy('id').execute(),
      db.selectFrom('member_document').select('id').orderBy('id').execute(),
    ]);
    return JSON.stringify({ v, e, u, r, a, mr, d });
  };
  const fill = (route: string, id = MISSING, extra: Record<string, string> = {}) => {
    let url = route.split(' ')[1]!.replace(':id', id);
    for (const [k, val] of Object.entries(extra)) url = url.replace(`:${k}`, val);
    return url;
  };
  const expect4xx = (r: { status: number; body: any }, status: number, what: string) => {
    expect(r.status, `${what}: ${JSON.stringify(r.body)}`).toBe(status);
    expect(r.body.error.message, what).toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i);
  };

  beforeAll(async () => {
    t = await startTestApp(engine);
    f = await buildFixture(t);
    admin = await t.login('admin');
    memberId = (await t.database.db.selectFrom('member').select('id').where('org_id', '=', f.orgs.a1).limit(1).executeTakeFirstOrThrow()).id;
    const record = await t.services.memberRecords.create(f.admin, memberId, { kind: 'work', data: { from: '2005-09', workplace: 'Trường THCS Tân Lập' } });
    const docs = await documentSession(t, 'admin');
    documentId = (await docs.upload(memberId, { docType: 'application', title: 'Đơn xin vào Đảng' }, { bytes: pdfBytes(), name: 'don.pdf' })).body.latest.id;
    const created = await t.services.admissions.createCandidate(f.admin, { orgId: f.orgs.a1, fullName: 'Lê Thị Mai', gender: 'nu', listedOn: '2026-01-05' });
    dossier = { id: created.id, candidateId: created.candidate.id };
    const held = await t.services.meetings.create(f.admin, { orgId: f.orgs.a1, kind: 'regular', plannedOn: '2026-11-10' });
    await t.services.meetings.update(f.admin, held.id, { heldOn: '2026-11-10' });
    const withFile = await t.services.meetings.uploadFile(f.admin, held.id, { fileName: 'bien-ban.pdf', bytes: pdfBytes('bien ban') }, { role: 'minutes' });
    meeting = {
      id: held.id,
      taskId: (await t.services.meetings.addTask(f.admin, held.id, { content: 'Nhiệm vụ' })).tasks[0]!.id,
      documentId: withFile.documents[0]!.id,
    };
    const assignment = await t.database.db.selectFrom('role_assignment').select('id').where('user_id', '=', f.users.adminB!).executeTakeFirstOrThrow();
    bodies = {
      'POST /api/auth/login': { body: { username: 'admin', password: 'x' } },
      'POST /api/auth/change-password': { body: { currentPassword: 'a', newPassword: 'b' } },
      'POST /api/orgs': { body: { parentId: f.orgs.A, name: 'Chi bộ mới', kindCode: 'chi_bo_truc_thuoc', sectorCode: null, ...D } },
      'POST /api/orgs/:id/rename': { id: f.orgs.a1, body: { name: 'Tên mới', ...D } },
      'POST /api/orgs/:id/reclassify': { id: f.orgs.gB, body: { sectorCode: 'khac', ...D } },
      'POST /api/orgs/:id/move': { id: f.orgs.gB, body: { newParentId: f.orgs.A, ...D } },
      'POST /api/orgs/:id/dissolve': { id: f.orgs.a2, body: { ...D } },
      'POST /api/orgs/merge': { body: { sourceIds: [f.orgs.a2], targetId: f.orgs.a1, ...D } },
      'POST /api/orgs/:id/split': { id: f.orgs.gA, body: { keepSource: true, parts: [{ name: 'X', kindCode: 'chi_bo_co_so', childIds: [f.orgs.a1] }], ...D } },
      'POST /api/reorganizations/preview': { body: { ...D, operations: [{ type: 'rename', org: f.orgs.a1, name: 'Y' }] } },
      'POST /api/reorganizations/apply': { body: { ...D, operations: [{ type: 'rename', org: f.orgs.a1, name: 'Y' }] } },
      'POST /api/users': { body: { username: 'moi', fullName: 'Người mới', password: 'mat-khau-2026', homeOrgId: f.orgs.A } },
      'PATCH /api/users/:id': { id: f.users.adminA, body: { fullName: 'Tên khác' } },
      'POST /api/users/:id/reset-password': { id: f.users.adminA, body: { newPassword: 'mat-khau-2027' } },
      'POST /api/users/:id/roles': { id: f.users.adminA, body: { role: 'viewer', orgId: f.orgs.B } },
      'POST /api/members': { body: { fullName: 'Lê Văn Tám', gender: 'nam', orgId: f.orgs.a1, admittedOn: '2010-01-01', birthDate: '1980-01-01' } },
      'PATCH /api/members/:id': { id: memberId, body: { fullName: 'Lê Văn Chín', cardIssuedOn: '2011-01-01' } },
      'POST /api/members/:id/events': { id: memberId, body: { kind: 'exempted', date: '2026-01-01', decisionNo: '5-QĐ/CB' } },
      'POST /api/members/:id/disciplines': {
        id: memberId,
        body: { form: 'reprimand', decidingLevel: 'Chi bộ', decisionNo: '1', decisionDate: '2026-01-01', announcedOn: '2026-01-02' },
      },
      'POST /api/members/:id/badges': {
        id: memberId,
        body: { milestone: 30, awardedOn: '2026-09-02', decisionNo: '9-QĐ/TU', override: { decisionNo: '15-QĐ/TU', decisionDate: '2026-08-20' } },
      },
      'PUT /api/members/:id/badge-standing': {
        id: memberId,
        body: { seriousIllness: { since: '2026-01-05', document: 'Giấy xác nhận' }, posthumousProposal: null },
      },
      'POST /api/members/:id/records': { id: memberId, body: { kind: 'work', data: { from: '2010-09', to: '2015-06', workplace: 'Trường THPT Nguyễn Du' } } },
      'PATCH /api/members/:id/records/:recordId': {
        id: memberId,
        extra: { recordId: record.id },
        body: { kind: 'work', data: { from: '2005-09', workplace: 'Trường THCS Tân Lập', position: 'Giáo viên' } },
      },
      'POST /api/members/:id/records/reveal': { id: memberId, body: { kind: 'family' } },
      'PUT /api/calendar/adjustments/:date': { extra: { date: '2026-12-31' }, body: { kind: 'holiday', note: 'Nghỉ cuối năm' } },
      'POST /api/admissions/candidates': {
        body: { orgId: f.orgs.a1, fullName: 'Lê Văn Mười', gender: 'nam', listedOn: '2026-01-05', birthDate: '2000-01-01' },
      },
      'PATCH /api/admissions/candidates/:id': { id: dossier.candidateId, body: { fullName: 'Lê Thị Mai Anh', birthDate: '2000-02-02' } },
      'POST /api/admissions/dossiers/:id/steps': { id: dossier.id, body: { kind: 'course', date: '2026-01-10', certificateNo: '12/GCN' } },
      'PUT /api/admissions/targets/:id': { id: f.orgs.a1, body: { year: 2026, target: 5 } },
      'POST /api/meetings': { body: { orgId: f.orgs.a1, kind: 'regular', plannedOn: '2026-12-01', place: 'Phòng họp', startTime: '08:00', endTime: '09:30' } },
      'PATCH /api/meetings/:id': { id: meeting.id, body: { topic: 'Chủ đề', heldOn: '2026-11-10', superiorInvited: true } },
      'POST /api/meetings/:id/attendance': { id: meeting.id, body: { exceptions: [{ memberId, attendance: 'excused', reason: 'Ốm' }] } },
      'POST /api/meetings/:id/documents': { id: meeting.id, body: { title: 'Dự thảo nghị quyết' } },
      'POST /api/meetings/:id/documents/send': { id: meeting.id, body: { sentAt: '2026-11-09T08:00:00+07:00' } },
      'POST /api/meetings/:id/tasks': { id: meeting.id, body: { content: 'Nhiệm vụ', dueOn: '2026-12-10' } },
      'PATCH /api/meetings/tasks/:id': { id: meeting.taskId, body: { outcome: 'Đã xong', doneOn: '2026-11-15' } },
      'POST /api/rulesets/preview': {
        body: { effectiveFrom: '2027-01-01', basis: 'Quy định thử nghiệm', note: 'Ghi chú', rules: { admission: { minAgeYears: 19 } } },
      },
      'POST /api/reports/submissions': { body: { orgId: f.orgs.A, asOf: '2026-01-01', compare: true, note: 'Báo cáo 6 tháng' } },
      'POST /api/rulesets': { body: { effectiveFrom: '2027-01-01', basis: 'Quy định thử nghiệm', note: 'Ghi chú', rules: { admission: { minAgeYears: 19 } } } },
      'POST /api/meetings/alerts/dismiss': { body: { memberId, year: 2026, source: 'meetings', reason: 'Đi điều trị dài ngày' } },
      'POST /api/meetings/alerts/strike-off': { body: { memberId, date: '2026-11-01', decisionNo: '12-QĐ/ĐU', decisionDate: '2026-10-30' } },
      'POST /api/meetings/member-access': { body: { userId: f.users.adminA, memberId } },
    };
    const period = await t.services.evaluation.open(f.admin, { rootOrgId: f.orgs.A, year: 2026, kind: 'year' });
    const submissionId = (await t.services.reportSubmissions.submit(f.admin, { orgId: f.orgs.A, from: '2026-01-01', to: '2026-06-30' })).id;
    const periodId = period.period.id;
    const consolidation = await t.services.evaluation.addConsolidation(f.admin, { orgId: f.orgs.gA, year: 2026, reason: 'Yếu kém' });
    // Directives (issue 17): a plan with a task to A and B; A's share for the share routes.
    const plan = await t.services.directives.create(f.admin, {
      ownerOrgId: f.orgs.P,
      kind: 'ke_hoach',
      symbol: '155-KH/TU',
      issuedOn: '2026-01-05',
      issuerOrgId: f.orgs.P,
      title: 'Kế hoạch',
    });
    const planned = await t.services.directives.addTask(f.admin, plan.id, {
      title: 'Báo cáo',
      assignees: { orgIds: [f.orgs.A, f.orgs.B] },
      deadline: { type: 'date', dueOn: '2026-02-01' },
    });
    const programme = await t.services.directives.create(f.admin, {
      ownerOrgId: f.orgs.P,
      kind: 'chuong_trinh',
      symbol: '01-CTr/TU',
      issuedOn: '2026-01-05',
      issuerOrgId: f.orgs.P,
      title: 'Chương trình',
    });
    const shareId = planned.tasks[0]!.shares[0]!.id;
    // Term targets (issue 17 part 6): A's term with a hand-entered target.
    const targetTerm = (await t.services.congress.createTerm(f.admin, { orgId: f.orgs.A, fromYear: 2025, toYear: 2030, congressOn: '2025-10-10' })).term.id;
    const manualTarget = (
      await t.services.termTargets.add(f.admin, targetTerm, { title: 'Củng cố', metric: 'manual', kind: 'cumulative', unit: 'count', low: 3 })
    ).targets[0]!.id;
    Object.assign(bodies, {
      'POST /api/congress/terms/:id/targets': { id: targetTerm, body: { title: 'Kết nạp đảng viên', metric: 'members_admitted', low: 10, high: 12 } },
      'PATCH /api/congress/targets/:id/actuals': { id: manualTarget, body: { actuals: [{ year: 2025, value: 1 }] } },
    });
    Object.assign(bodies, {
      'POST /api/directives': {
        body: { ownerOrgId: f.orgs.P, kind: 'cong_van', symbol: '20-CV/TU', issuedOn: '2026-01-06', issuerName: 'Tỉnh ủy', title: 'Công văn' },
      },
      'POST /api/directives/:id/tasks': {
        id: plan.id,
        body: { title: 'Việc', assignees: { orgIds: [f.orgs.A] }, deadline: { type: 'date', dueOn: '2026-03-01' } },
      },
      'POST /api/directives/:id/topics': {
        id: programme.id,
        body: { topicKind: 'chuyen_de', title: 'Chuyên đề', leadOrgId: f.orgs.A, participantOrgIds: [f.orgs.B], dueOn: null },
      },
      'POST /api/directives/shares/:id/split': { id: shareId, body: { orgIds: [f.orgs.gA], note: 'Phân công' } },
      'POST /api/directives/shares/:id/reports': {
        id: shareId,
        body: { status: 'done', body: 'Đã thực hiện', reportedOn: '2026-01-20', attachments: ['Báo cáo 1'] },
      },
    });
    // Congress (issue 17 parts 4–5): a term of gB with its secretary, a round of the province.
    const cgTerm = await t.services.congress.createTerm(f.admin, {
      orgId: f.orgs.gB,
      fromYear: 2020,
      toYear: 2025,
      congressOn: '2020-06-01',
      seats: [{ fullName: 'Nguyễn Văn Bí', body: 'committee', post: 'bi_thu' }],
    });
    const cgRound = await t.services.congress.createRound(f.admin, { orgId: f.orgs.P, title: 'Đại hội 2025–2030', fromOn: '2025-04-01', toOn: '2025-09-30' });
    congress = { term: cgTerm.term.id, seat: cgTerm.seats[0]!.id, round: cgRound.round.id };
    Object.assign(bodies, {
      'POST /api/congress/terms': {
        body: {
          orgId: f.orgs.gB,
          fromYear: 2025,
          toYear: 2030,
          congressOn: '2025-06-01',
          decisionNo: '1-QĐ/ĐU',
          seats: [{ fullName: 'Trần Văn An', body: 'committee', post: 'bi_thu' }],
        },
      },
      'POST /api/congress/terms/:id/seats': {
        id: congress.term,
        body: { fullName: 'Trần Văn Bổ', body: 'committee', post: 'cap_uy_vien', fromOn: '2021-07-01', how: 'appointed_additional', decisionNo: '2-QĐ/ĐU' },
      },
      'POST /api/congress/seats/:id/end': { id: congress.seat, body: { endedOn: '2022-08-01', reason: 'moved', note: 'Chuyển công tác' } },
      'POST /api/congress/rounds': { body: { orgId: f.orgs.P, title: 'Đợt đại hội', fromOn: '2030-04-01', toOn: '2030-09-30' } },
      'PUT /api/congress/rounds/:id/orgs/:orgId': {
        id: congress.round,
        extra: { orgId: f.orgs.gB },
        body: { items: [{ key: 'ke_hoach', doneOn: '2025-03-01' }] },
      },
    });
    Object.assign(bodies, {
      'POST /api/evaluation/periods': { body: { rootOrgId: f.orgs.B, year: 2027, asOf: '2027-12-01' } },
      'PATCH /api/evaluation/periods/:id/members': { id: periodId, body: { items: [{ memberId, selfLabel: 'good' }] } },
      'PATCH /api/evaluation/periods/:id/orgs': { id: periodId, body: { items: [{ orgId: f.orgs.a1, selfLabel: 'good', disciplined: false }] } },
      'PATCH /api/evaluation/consolidation': { body: { items: [{ id: consolidation.id, outcome: 'Kết quả', status: 'done' }] } },
      'PATCH /api/evaluation/periods/:id/orgs/:orgId': {
        id: periodId,
        extra: { orgId: f.orgs.a1 },
        body: { selfLabel: 'good', selfReport: 'Báo cáo', disciplined: false },
      },
      'POST /api/evaluation/periods/:id/overrides': { id: periodId, body: { checkCode: 'member_quota', orgId: f.orgs.gA, reason: 'Lý do' } },
      'POST /api/evaluation/periods/:id/publish': { id: periodId, body: { decisionNo: '1-QĐ', decisionDate: '2026-12-20' } },
      'POST /api/evaluation/periods/:id/changes': {
        id: periodId,
        body: { subject: 'member', evaluationId: periodId, label: 'good', decisionNo: '1-QĐ', decisionDate: '2026-12-20', reason: 'Lý do' },
      },
      'POST /api/evaluation/consolidation': {
        body: { orgId: f.orgs.gB, year: 2026, reason: 'Yếu kém', plan: 'Kế hoạch', responsible: 'Đồng chí A', deadline: '2027-06-30' },
      },
      'PATCH /api/evaluation/consolidation/:id': {
        id: consolidation.id,
        body: { plan: 'Kế hoạch', outcome: 'Kết quả', deadline: '2027-06-30', status: 'done' },
      },
    });
    // Inspection (issue 15): a plan of A with an item, a case against a member of a1.
    const inspectionPlan = (await t.services.inspection.createPlan(f.admin, { orgId: f.orgs.A, year: 2026, body: 'committee', title: 'Kế hoạch kiểm tra' }))
      .plan.id;
    const inspectionItem = (
      await t.services.inspection.createItem(f.admin, {
        planId: inspectionPlan,
        kind: 'inspection',
        mode: 'regular',
        subjectOrgId: f.orgs.a1,
        content: 'Kiểm tra',
        dueOn: '2026-05-01',
      })
    ).id;
    const inspectionCase = (
      await t.services.inspectionCases.create(f.admin, {
        orgId: f.orgs.A,
        body: 'inspection_committee',
        subjectMemberId: memberId,
        source: 'complaint',
        summary: 'Đơn',
        openedOn: '2026-05-01',
      })
    ).id;
    Object.assign(bodies, {
      'POST /api/inspection/plans': { body: { orgId: f.orgs.B, year: 2027, body: 'committee', title: 'Kế hoạch năm 2027' } },
      'POST /api/inspection/plans/:id/amend': { id: inspectionPlan, body: { amendedOn: '2026-07-01', reason: 'Bổ sung' } },
      'POST /api/inspection/items': {
        body: {
          planId: inspectionPlan,
          kind: 'inspection',
          mode: 'regular',
          subjectOrgId: f.orgs.a1,
          content: 'Nội dung',
          dueOn: '2026-05-01',
          inCharge: 'Đồng chí A',
        },
      },
      'PATCH /api/inspection/items/:id': {
        id: inspectionItem,
        body: { status: 'concluded', concludedOn: '2026-05-01', conclusion: 'Tốt', violationFound: false },
      },
      'POST /api/inspection/cases': {
        body: { orgId: f.orgs.A, body: 'inspection_committee', subjectMemberId: memberId, source: 'complaint', summary: 'Đơn', openedOn: '2026-05-01' },
      },
      'PATCH /api/inspection/cases/:id': {
        id: inspectionCase,
        body: { decisionNo: '1-QĐ/UBKT', decidedOn: '2026-05-02', documents: [{ title: 'Quyết định' }] },
      },
    });
    // Discipline (issue 15): a reprimand of the member with a complaint.
    const decision = await t.services.discipline.create(f.admin, {
      memberId,
      form: 'reprimand',
      decidingOrgId: f.orgs.gA,
      decidingBody: 'committee',
      decisionNo: '3-QĐ/ĐU',
      decidedOn: '2026-06-01',
      announcedOn: '2026-06-05',
      violationOn: '2026-05-01',
    });
    const complained = await t.services.discipline.addComplaint(f.admin, decision.id, { receivedOn: '2026-06-10', filedOn: '2026-06-12' });
    Object.assign(bodies, {
      'POST /api/discipline/decisions': {
        body: {
          memberId,
          form: 'warning',
          decidingOrgId: f.orgs.gA,
          decidingBody: 'committee',
          decisionNo: '4-QĐ/ĐU',
          decidedOn: '2026-07-01',
          violationOn: '2026-06-20',
          reason: 'Vi phạm',
        },
      },
      'POST /api/discipline/decisions/:id/revoke': { id: decision.id, body: { revokedOn: '2026-08-01', reason: 'Sai quy trình' } },
      'POST /api/discipline/decisions/:id/complaints': { id: decision.id, body: { receivedOn: '2026-06-10', filedOn: '2026-06-20', content: 'Khiếu nại' } },
      'POST /api/discipline/decisions/:id/complaints/:complaintId/outcome': {
        id: decision.id,
        extra: { complaintId: complained.complaints[0]!.id },
        body: { outcome: 'upheld', outcomeOn: '2026-07-01', note: 'Giữ nguyên' },
      },
      'POST /api/discipline/deferrals': { body: { memberId, reason: 'hospital', fromOn: '2026-09-01', toOn: '2026-09-20', note: 'Nằm viện' } },
    });
    const disciplineGets = {
      'GET /api/discipline/decisions': { query: `orgId=${f.orgs.A}&year=2026&inForceOn=2026-07-01` },
      'GET /api/discipline/decisions/:id': { id: decision.id },
      'GET /api/discipline/decisions/:id/document.docx': { id: decision.id },
      'GET /api/discipline/deferrals': { query: `memberId=${memberId}` },
    };
    const upload = await (
      await rawSession(t, 'admin')
    ).upload(
      csvOf([
        ['Họ và tên', 'Giới tính', 'Ngày sinh'],
        ['Lê Văn Tám', 'Nam', '01/01/1980'],
      ]),
      'ds.csv',
    );
    const importId = upload.body.importId as string;
    gets = {
      'GET /api/orgs/roots': {},
      'GET /api/orgs/search': { query: 'q=tan' },
      'GET /api/orgs/:id': { id: f.orgs.A },
      'GET /api/orgs/:id/children': { id: f.orgs.A },
      'GET /api/orgs/:id/page': { id: f.orgs.A },
      'GET /api/orgs/:id/tree': { id: f.orgs.A },
      'GET /api/orgs/:id/history': { id: f.orgs.A },
      'GET /api/orgs/:id/permissions': { id: f.orgs.A },
      'GET /api/orgs/destinations': { query: 'q=tan' },
      'GET /api/users': {},
      'GET /api/users/:id': { id: f.users.adminA },
      'GET /api/audit': {},
      'GET /api/auth/me': {},
      'GET /api/meta/org-kinds': {},
      'GET /api/meta/sector-types': {},
      'DELETE /api/users/:id/roles/:assignmentId': { id: f.users.adminB, query: `assignmentId=${assignment.id}` },
      'POST /api/auth/logout': {},
      'GET /api/members': {},
      'GET /api/members/:id': { id: memberId },
      'GET /api/meta/catalogues': {},
      'GET /api/transfers/incoming': {},
      'GET /api/badges': {},
      'GET /api/badges/export.xlsx': { query: 'anniversary=2027-02-03' },
      'POST /api/members/:id/reveal-cccd': { id: memberId },
      'GET /api/members/:id/records': { id: memberId, query: 'kind=work' },
      'DELETE /api/members/:id/records/:recordId': { id: memberId, extra: { recordId: record.id } },
      'GET /api/members/import/template': {},
      'GET /api/members/import/:id': { id: importId },
      'POST /api/members/import/:id/commit': { id: importId },
      'GET /api/members/export.xlsx': { query: 'gender=nu' },
      'GET /api/members/:id/sheet.docx': { id: memberId },
      'GET /api/members/:id/sheet.pdf': { id: memberId },
      'GET /api/members/:id/documents': { id: memberId },
      'GET /api/members/:id/documents/:documentId/file': { id: memberId, extra: { documentId } },
      'GET /api/calendar': { query: 'year=2026' },
      'GET /api/rulesets': {},
      'GET /api/meetings': { query: `orgId=${f.orgs.a1}&from=2026-01-01&to=2026-12-31` },
      'GET /api/meetings/:id': { id: meeting.id },
      'GET /api/meetings/:id/document.docx': { id: meeting.id, query: 'kind=minutes' },
      'GET /api/meetings/:id/documents/:documentId/file': { id: meeting.id, extra: { documentId: meeting.documentId } },
      'GET /api/me/meetings/documents/:documentId/file': { extra: { documentId: meeting.documentId } },
      'GET /api/admissions/candidates': {},
      'GET /api/admissions/dossiers/:id': { id: dossier.id },
      'GET /api/admissions/dossiers/:id/denominator': { id: dossier.id, query: 'date=2026-01-05' },
      'GET /api/admissions/dossiers/:id/document.docx': { id: dossier.id, query: 'kind=checklist' },
      'GET /api/admissions/probation': {},
      'GET /api/admissions/work-queue': {},
      'GET /api/admissions/work-queue/counts': {},
      'GET /api/admissions/targets': { query: 'year=2026' },
      'GET /api/evaluation/periods': { query: 'year=2026' },
      'GET /api/evaluation/periods/:id': { id: periodId },
      'GET /api/evaluation/periods/:id/members': { id: periodId, query: `orgId=${f.orgs.gA}&level=good&stage=draft` },
      'GET /api/evaluation/periods/:id/orgs/:orgId/members': { id: periodId, extra: { orgId: f.orgs.a1 } },
      'GET /api/evaluation/results': { query: `orgId=${f.orgs.A}&year=2026` },
      'GET /api/evaluation/results/latest': { query: `orgId=${f.orgs.A}` },
      'GET /api/evaluation/results/export.xlsx': { query: `orgId=${f.orgs.A}&year=2026` },
      'GET /api/evaluation/results/records': { query: `orgId=${f.orgs.A}&year=2026&subject=member&level=good` },
      'GET /api/evaluation/results/report.docx': { query: `orgId=${f.orgs.A}&year=2026&fromYear=2024&years=3` },
      'GET /api/evaluation/streaks': { query: `orgId=${f.orgs.A}&toYear=2026&years=3` },
      'GET /api/evaluation/consolidation': { query: `orgId=${f.orgs.A}&year=2026` },
      'GET /api/inspection/plans': { query: `orgId=${f.orgs.A}&year=2026` },
      'GET /api/inspection/plans/:id': { id: inspectionPlan },
      'GET /api/inspection/items': { query: `orgId=${f.orgs.A}&from=2026-01-01&to=2026-12-31` },
      'GET /api/inspection/items/:id/document.docx': { id: inspectionItem, query: 'kind=decision' },
      'GET /api/inspection/progress': { query: `orgId=${f.orgs.A}&year=2026` },
      'GET /api/inspection/coverage': { query: `orgId=${f.orgs.A}&year=2026` },
      'GET /api/inspection/coverage/orgs': { query: `orgId=${f.orgs.A}&year=2026&group=chi_bo&which=all` },
      'GET /api/inspection/disciplines': { query: `orgId=${f.orgs.A}&from=2026-01-01&to=2026-12-31&subjectKind=member&form=warning` },
      'GET /api/inspection/cases': { query: `orgId=${f.orgs.A}` },
      'POST /api/inspection/cases/:id/reveal': { id: inspectionCase },
      'GET /api/reports/dashboard': { query: `orgId=${f.orgs.A}` },
      'GET /api/reports/catalogue': {},
      'GET /api/reports': { query: `orgId=${f.orgs.A}&asOf=2026-01-01` },
      'GET /api/reports/tables/:table': { extra: { table: 'member-changes' }, query: `orgId=${f.orgs.A}&from=2025-01-01&to=2025-12-31` },
      'GET /api/reports/orgs': { query: `orgId=${f.orgs.A}&kind=chi_bo_truc_thuoc` },
      'GET /api/reports/submissions': { query: `orgId=${f.orgs.A}` },
      'GET /api/reports/submissions/status': { query: `orgId=${f.orgs.P}` },
      'GET /api/reports/submissions/:id': { id: submissionId },
      'GET /api/reports/export.xlsx': { query: `orgId=${f.orgs.A}&asOf=2026-01-01&table=members-composition` },
      'GET /api/reports/submissions/:id/export.xlsx': { id: submissionId },
      'GET /api/reports/export.docx': { query: `orgId=${f.orgs.A}&asOf=2026-01-01&table=members-composition` },
      'GET /api/reports/submissions/:id/export.docx': { id: submissionId },
      'GET /api/reports/export.pdf': { query: `orgId=${f.orgs.A}&asOf=2026-01-01&table=members-composition` },
      'GET /api/reports/submissions/:id/export.pdf': { id: submissionId },
      'GET /api/congress/terms': { query: `orgId=${f.orgs.gB}` },
      'GET /api/congress/terms/:id/committee': { id: congress.term },
      'GET /api/congress/terms/:id/document.docx': { id: congress.term },
      'GET /api/congress/rounds': {},
      'GET /api/congress/rounds/:id': { id: congress.round },
      'GET /api/congress/rounds/:id/orgs/:orgId': { id: congress.round, extra: { orgId: f.orgs.gB } },
      'GET /api/directives': { query: 'q=ke%20hoach' },
      'GET /api/directives/work-queue': {},
      'GET /api/directives/programmes': {},
      'GET /api/directives/:id': { id: plan.id },
      'GET /api/directives/:id/progress': { id: plan.id },
      'GET /api/congress/terms/:id/targets': { id: targetTerm },
      'GET /api/directives/due-shares': { query: `orgId=${f.orgs.A}&from=2026-01-01&to=2026-12-31&check=late` },
      'GET /api/directives/:id/document.docx': { id: plan.id, query: 'kind=plan' },
      'GET /api/directives/shares/:id': { id: shareId },
      'GET /api/meetings/compliance': { query: `orgId=${f.orgs.A}&from=2026-01-01&to=2026-06-30` },
      'GET /api/meetings/compliance/meetings': { query: `orgId=${f.orgs.A}&from=2026-01-01&to=2026-06-30&check=short` },
      'GET /api/meetings/compliance/export.xlsx': { query: `orgId=${f.orgs.A}&from=2026-01-01&to=2026-06-30` },
      'GET /api/meetings/alerts': { query: 'year=2026' },
      'GET /api/me/meetings': { query: 'year=2026' },
      // its own case below, with an existing and a missing adjustment
      'DELETE /api/calendar/adjustments/:date': {},
    };
    Object.assign(gets, disciplineGets);
  });
  afterAll(() => t?.close());

  it('every body endpoint refuses malformed, mistyped, unknown, oversized and impossible input', async () => {
    const before = await snapshot();
    for (const [route, spec] of Object.entries(bodies)) {
      const method = route.split(' ')[0] as 'POST' | 'PATCH' | 'PUT';
      const url = fill(route, spec.id, spec.extra);
      const c = route === 'POST /api/auth/login' ? t.anonymous : admin;

      expect4xx(await c.raw(method, url, '{"name": "Chi bộ'), 400, `${route} malformed JSON`);
      expect4xx(await c.raw(method, url, '[]'), 400, `${route} array body`);
      expect4xx(await c.raw(method, url, 'name=x', 'text/plain'), 415, `${route} text/plain`);

      const unknown = await c.raw(method, url, JSON.stringify({ ...spec.body, bogusField: 1 }));
      expect4xx(unknown, 400, `${route} unknown field`);
      expect(unknown.body.error.details.map((d: { field: string }) => d.field)).toContain('bogusField');

      for (const [key, value] of Object.entries(spec.body)) {
        const wrong = typeof value === 'string' ? 12345 : typeof value === 'boolean' ? 'yes' : Array.isArray(value) ? 'not-a-list' : value === null ? 42 : 'x';
        const r = await c.raw(method, url, JSON.stringify({ ...spec.body, [key]: wrong }));
        expect4xx(r, 400, `${route} ${key} wrong type`);
        expect(r.body.error.details.map((d: { field: string }) => d.field.split('.')[0])).toContain(key);
        if (typeof value === 'string') {
          const huge = await c.raw(method, url, JSON.stringify({ ...spec.body, [key]: 'Đ'.repeat(100_000) }));
          expect4xx(huge, 400, `${route} ${key} huge`);
        }
        if (/Date$/.test(key)) {
          const impossible = await c.raw(method, url, JSON.stringify({ ...spec.body, [key]: '1990-02-31' }));
          expect4xx(impossible, 400, `${route} ${key} 31/02`);
          expect(impossible.body.error.details[0].message).toContain('Ngày không hợp lệ');
        }
      }
      if (spec.id) {
        const missing = await c.raw(method, fill(route, MISSING, spec.extra), JSON.stringify(spec.body));
        expect4xx(missing, 404, `${route} missing id`);
        expect4xx(await c.raw(method, fill(route, 'khong-phai-uuid', spec.extra), JSON.stringify(spec.body)), 400, `${route} non-uuid id`);
        for (const key of Object.keys(spec.extra ?? {})) {
          expect4xx(await c.raw(method, fill(route, spec.id, { ...spec.extra, [key]: MISSING }), JSON.stringify(spec.body)), 404, `${route} missing ${key}`);
          expect4xx(
            await c.raw(method, fill(route, spec.id, { ...spec.extra, [key]: 'khong-phai-uuid' }), JSON.stringify(spec.body)),
            400,
            `${route} non-uuid ${key}`,
          );
        }
      }
    }
    expect(await snapshot()).toBe(before);
    // Every body route in turn, on two cores shared with other work: more than the default 30 s.
    // Every body route of the app in turn, both engines on two shared cores: more than the default 30 s.
  }, 120_000);

  it('every read endpoint refuses unknown parameters, impossible dates and missing ids', async () => {
    for (const [route, spec] of Object.entries(gets)) {
      const method = route.split(' ')[0]!;
      const extra: Record<string, string> = spec.extra ?? (spec.query?.startsWith('assignmentId=') ? { assignmentId: spec.query.split('=')[1]! } : {});
      const url = fill(route, spec.id ?? MISSING, extra);
      const q = spec.query && !extra.assignmentId ? `${spec.query}&` : '';
      if (method === 'GET') {
        expect4xx(await admin.get(`${url}?${q}bogus=1`), 400, `${route} unknown parameter`);
        if (/orgs/.test(route)) expect4xx(await admin.get(`${url}?${q}asOf=2025-02-30`), 400, `${route} 30/02`);
        if (route === 'GET /api/audit') expect4xx(await admin.get(`${url}?page=0`), 400, `${route} page 0`);
        if (route === 'GET /api/users') expect4xx(await admin.get(`${url}?pageSize=100000`), 400, `${route} page size`);
        if (/badges/.test(route)) expect4xx(await admin.get(`${url}?anniversary=2027-02-30`), 400, `${route} 30/02`);
        if (route === 'GET /api/badges') expect4xx(await admin.get(`${url}?page=0`), 400, `${route} page 0`);
        if (/reports/.test(route) && spec.query) {
          // impossible and far dates, a period backwards, a year out of range, an unknown table
          for (const bad of ['asOf=2025-02-31', 'asOf=2099-01-01', 'fromYear=2099', 'fromYear=2025&toYear=2020'])
            expect4xx(await admin.get(`${url}?${spec.query}&${bad}`), 400, `${route} ${bad}`);
          if (route !== 'GET /api/reports/orgs')
            expect4xx(await admin.get(`${url}?orgId=${f.orgs.A}&from=2025-12-31&to=2025-01-01`), 400, `${route} from > to`);
        }
        if (/inspection\/(progress|coverage|items|disciplines)/.test(route))
          if (/inspection\/(progress|coverage|items)|directives\/due-shares/.test(route))
            // impossible and far dates, a period backwards, a year out of range
            for (const bad of [
              'from=2026-01-01&to=2099-12-31',
              'from=2026-02-31&to=2026-12-31',
              'from=2026-12-31&to=2026-01-01',
              'from=1900-01-01&to=1900-12-31',
            ])
              expect4xx(await admin.get(`${url}?orgId=${f.orgs.A}&${bad}${route.endsWith('orgs') ? '&group=chi_bo&which=all' : ''}`), 400, `${route} ${bad}`);
        if (/inspection\/(progress|coverage|plans)/.test(route) && spec.query)
          expect4xx(await admin.get(`${url}?${spec.query.replace('year=2026', 'year=2099')}`), 400, `${route} year 2099`);
        if (/meetings\/compliance/.test(route))
          for (const bad of [
            'from=2025-02-31&to=2025-03-31',
            'from=2026-01-01&to=2099-01-01',
            'from=2026-06-30&to=2026-01-01',
            `orgId=${MISSING}&from=2026-01-01&to=2026-06-30`,
          ])
            expect4xx(
              await admin.get(`${url}?${bad}${bad.startsWith('orgId') ? '' : `&orgId=${f.orgs.A}`}`),
              bad.startsWith('orgId') ? 404 : 400,
              `${route} ${bad}`,
            );
        if (/alerts|me\/meetings/.test(route))
          for (const bad of ['year=2099', 'year=abcd', 'year=1800']) expect4xx(await admin.get(`${url}?${bad}`), 400, `${route} ${bad}`);
        if (route === 'GET /api/reports/tables/:table') expect4xx(await admin.get(`/api/reports/tables/khong-co?${spec.query}`), 400, `${route} unknown table`);
      }
      if (spec.id) {
        const missing = fill(route, MISSING, Object.fromEntries(Object.keys(extra).map((k) => [k, MISSING])));
        const send = (url: string) => (method === 'GET' ? admin.get(url) : method === 'POST' ? admin.post(url) : admin.delete(url));
        expect4xx(await send(missing), 404, `${route} missing id`);
        for (const k of Object.keys(extra)) {
          expect4xx(await send(fill(route, spec.id, { ...extra, [k]: MISSING })), 404, `${route} missing ${k}`);
          expect4xx(await send(fill(route, spec.id, { ...extra, [k]: 'khong-phai-uuid' })), 400, `${route} non-uuid ${k}`);
        }
        const bad = fill(route, 'khong-phai-uuid', extra);
        expect4xx(await send(bad), 400, `${route} non-uuid id`);
      }
    }
    const records = `/api/members/${gets['GET /api/members/:id/records']!.id}/records`;
    for (const kind of ['hobby', 'family', '']) expect4xx(await admin.get(`${records}?kind=${kind}`), 400, `records kind=${kind}`);
    const search = await admin.get(`/api/orgs/search?q=${'a'.repeat(5000)}`);
    expect4xx(search, 400, 'search huge q');
    expect4xx(await admin.get('/api/nothing-here'), 404, 'unknown route');
  });

  it('congress: impossible, far and backward dates, wrong values in queries and bodies answer 400 in Vietnamese', async () => {
    const before = await snapshot();
    const term = { orgId: f.orgs.gB, fromYear: 2025, toYear: 2030, congressOn: '2025-06-01' };
    for (const bad of [
      { congressOn: '2025-02-31' },
      { congressOn: '2099-06-01' },
      { congressOn: '2026-12-01' },
      { fromYear: 2030, toYear: 2025 },
      { fromYear: 2019 },
      { decisionOn: '2025-05-01' },
      { seats: [{ body: 'committee', post: 'bi_thu' }] },
      { seats: [{ fullName: 'A', body: 'inspection', post: 'bi_thu' }] },
      { seats: [{ fullName: 'A', body: 'committee', post: 'chu_tich' }] },
      { note: 'a\u0000b' },
    ])
      expect4xx(await admin.post('/api/congress/terms', { ...term, ...bad }), 400, `term ${JSON.stringify(bad)}`);
    const seats = `/api/congress/terms/${congress.term}/seats`;
    const seat = { fullName: 'Trần Văn Bổ', body: 'committee', post: 'cap_uy_vien', fromOn: '2021-07-01', how: 'appointed_additional' };
    for (const bad of [{ fromOn: '2021-02-29' }, { fromOn: '2099-01-01' }, { fromOn: '2019-01-01' }, { how: 'elected' }, { how: 'bau' }])
      expect4xx(await admin.post(seats, { ...seat, ...bad }), 400, `seat ${JSON.stringify(bad)}`);
    for (const bad of [{ endedOn: '2022-02-30' }, { endedOn: '2099-01-01' }, { endedOn: '2020-05-01' }, { endedOn: '2022-01-01', reason: 'xx' }])
      expect4xx(await admin.post(`/api/congress/seats/${congress.seat}/end`, { reason: 'moved', ...bad }), 400, `end ${JSON.stringify(bad)}`);
    const round = { orgId: f.orgs.P, title: 'Đợt', fromOn: '2030-04-01', toOn: '2030-09-30' };
    for (const bad of [
      { fromOn: '2030-02-31' },
      { toOn: '2099-01-01' },
      { fromOn: '2030-10-01' },
      { checklist: [{ key: 'Sai Mã', label: 'X', group: 'documents' }] },
    ])
      expect4xx(await admin.post('/api/congress/rounds', { ...round, ...bad }), 400, `round ${JSON.stringify(bad)}`);
    const prep = `/api/congress/rounds/${congress.round}/orgs/${f.orgs.gB}`;
    for (const item of [
      { key: 'ke_hoach', doneOn: '2025-02-30' },
      { key: 'ke_hoach', doneOn: '2099-01-01' },
      { key: 'ke_hoach', doneOn: '2026-12-01' },
      { key: 'khong_co' },
    ])
      expect4xx(await admin.raw('PUT', prep, JSON.stringify({ items: [item] })), 400, `prep ${JSON.stringify(item)}`);
    for (const q of ['asOf=2025-02-31', 'asOf=2099-01-01', 'state=xx', `underOrgId=${MISSING}`, 'grassrootsOnly=maybe'])
      expect4xx(await admin.get(`/api/congress/rounds/${congress.round}?${q}`), q.startsWith('underOrgId') ? 404 : 400, `round ?${q}`);
    for (const q of ['asOf=2025-02-31', 'asOf=2099-01-01', 'asOf=1'])
      expect4xx(await admin.get(`/api/congress/terms/${congress.term}/committee?${q}`), 400, `committee ?${q}`);
    expect4xx(await admin.get('/api/congress/terms'), 400, 'terms without orgId');
    expect4xx(await admin.get(`/api/congress/terms?orgId=${MISSING}`), 404, 'terms of a missing org');
    expect(await snapshot()).toBe(before);
  });

  it('the upload route refuses what is not one file in multipart/form-data, and nothing changes', async () => {
    const before = await snapshot();
    const url = '/api/members/import/preview';
    expect4xx(await admin.raw('POST', url, '{"file": "x"}'), 415, 'upload as JSON');
    expect4xx(await admin.raw('POST', url, 'file=x', 'text/plain'), 415, 'upload as text');
    expect4xx(await admin.raw('POST', url, 'garbage', 'multipart/form-data; boundary=xyz'), 400, 'malformed multipart');
    expect4xx(
      await admin.raw('POST', url, '--xyz\r\nContent-Disposition: form-data; name="note"\r\n\r\nx\r\n--xyz--\r\n', 'multipart/form-data; boundary=xyz'),
      400,
      'no file',
    );
    const s = await rawSession(t, 'admin');
    for (const q of ['bogus=1', 'importId=khong-phai-uuid']) expect4xx(await s.upload(csvOf([['Họ và tên']]), 'a.csv', `${url}?${q}`), 400, `upload ?${q}`);
    expect4xx(await s.upload(Buffer.alloc(0)), 400, 'empty upload');
    expect4xx(await s.upload(Buffer.from('Đ'.repeat(1000))), 400, 'text without a header');
    expect(await snapshot()).toBe(before);
  });

  it('the document upload refuses what is not a file with valid fields in multipart/form-data, and nothing changes', async () => {
    const before = await snapshot();
    const url = `/api/members/${memberId}/documents`;
    const good = { docType: 'certificate', title: 'Giấy chứng nhận', certifiedBy: 'Đảng ủy', certifiedOn: '2020-01-02', note: 'Ghi chú' };
    const file = { bytes: pdfBytes(), name: 'gcn.pdf' };
    expect4xx(await admin.raw('POST', url, JSON.stringify(good)), 415, 'document as JSON');
    expect4xx(await admin.raw('POST', url, 'file=x', 'text/plain'), 415, 'document as text');
    expect4xx(await admin.raw('POST', url, 'garbage', 'multipart/form-data; boundary=xyz'), 400, 'malformed multipart');
    const s = await documentSession(t, 'admin');
    expect4xx(await s.upload(memberId, good), 400, 'no file');
    expect4xx(await s.upload(memberId, good, { bytes: Buffer.alloc(0), name: 'rong.pdf' }), 400, 'empty file');
    expect4xx(await s.upload(memberId, good, file, `${url}?bogus=1`), 400, 'unknown parameter');
    expect4xx(await s.upload(memberId, good, file, `/api/members/${MISSING}/documents`), 404, 'missing member');
    expect4xx(await s.upload(memberId, good, file, '/api/members/khong-phai-uuid/documents'), 400, 'non-uuid member');
    const unknown = await s.upload(memberId, { ...good, bogusField: '1' }, file);
    expect4xx(unknown, 400, 'unknown field');
    expect(unknown.body.error.details.map((d: { field: string }) => d.field)).toContain('bogusField');
    for (const key of Object.keys(good)) {
      const huge = await s.upload(memberId, { ...good, [key]: 'Đ'.repeat(100_000) }, file);
      expect4xx(huge, 400, `document ${key} huge`);
      expect(huge.body.error.details.map((d: { field: string }) => d.field)).toContain(key);
      // Multipart fields are text: the wrong values are an impossible date, a type not in the catalogue, an empty title.
      const wrong = { certifiedOn: '2020-02-30', docType: 'khong_co', title: '  ' }[key];
      if (wrong !== undefined) expect4xx(await s.upload(memberId, { ...good, [key]: wrong }, file), 400, `document ${key} wrong`);
    }
    expect(await snapshot()).toBe(before);
  });

  it('the meeting file upload refuses what is not a file with valid fields, and nothing changes', async () => {
    const rows = async () => JSON.stringify(await t.database.db.selectFrom('meeting_document').selectAll().orderBy('id').execute());
    const before = [await snapshot(), await rows()];
    const url = `/api/meetings/${meeting.id}/files`;
    const pdf = { bytes: pdfBytes('bien ban 2'), name: 'bb.pdf' };
    expect4xx(await admin.raw('POST', url, JSON.stringify({ role: 'minutes' })), 415, 'file as JSON');
    expect4xx(await admin.raw('POST', url, 'file=x', 'text/plain'), 415, 'file as text');
    expect4xx(await admin.raw('POST', url, 'garbage', 'multipart/form-data; boundary=xyz'), 400, 'malformed multipart');
    const s = await documentSession(t, 'admin');
    expect4xx(await s.upload('', { role: 'minutes' }, undefined, url), 400, 'no file');
    expect4xx(await s.upload('', {}, { bytes: Buffer.alloc(0), name: 'rong.pdf' }, url), 400, 'empty file');
    expect4xx(await s.upload('', {}, { bytes: Buffer.from('Đ'.repeat(1000)), name: 'a.txt' }, url), 400, 'plain text');
    expect4xx(await s.upload('', {}, pdf, `${url}?bogus=1`), 400, 'unknown parameter');
    expect4xx(await s.upload('', {}, pdf, `/api/meetings/${MISSING}/files`), 404, 'missing meeting');
    expect4xx(await s.upload('', {}, pdf, '/api/meetings/khong-phai-uuid/files'), 400, 'non-uuid meeting');
    expect4xx(await s.upload('', { documentId: MISSING }, pdf, url), 404, 'missing document');
    expect4xx(await s.upload('', { documentId: meeting.documentId }, pdf, url), 409, 'a document that has its file');
    const wrong: [Record<string, string>, string][] = [
      [{ bogusField: '1' }, 'bogusField'],
      [{ role: 'bien_ban' }, 'role'],
      [{ title: '   ' }, 'title'],
      [{ title: 'Đ'.repeat(100_000) }, 'title'],
      [{ documentId: 'khong-phai-uuid' }, 'documentId'],
    ];
    for (const [fields, field] of wrong) {
      const r = await s.upload('', fields, pdf, url);
      expect4xx(r, 400, `meeting file ${field}`);
      expect(r.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect([await snapshot(), await rows()]).toEqual(before);
  });

  it('the member list and its export refuse filters they cannot apply', async () => {
    const cases: [string, string][] = [
      ['ageFrom=61&ageTo=60', 'ageFrom'],
      ['partyAgeFrom=31&partyAgeTo=30', 'partyAgeFrom'],
      ['ageFrom=-1', 'ageFrom'],
      ['partyAgeTo=abc', 'partyAgeTo'],
      ['ageTo=1000', 'ageTo'],
      ['religion=khong_ro', 'religion'],
      ['generalEducation=12%2F12', 'generalEducation'],
      ['occupation=phi_hanh_gia', 'occupation'],
      ['theoryLevel=tien_si', 'theoryLevel'],
      ['status=ngu_dong', 'status'],
      ['badgeDue=2027-02-30', 'badgeDue'],
      ['badgeDue=2027-02-04', 'badgeDue'],
      [`religion=${'x'.repeat(5000)}`, 'religion'],
      // the report drill-down's (issue 14)
      ['asOf=2026-02-31', 'asOf'],
      ['asOf=2099-01-01', 'asOf'],
      ['membership=du_bi', 'membership'],
      ['ethnicityGroup=hoa', 'ethnicityGroup'],
      ['badge=35', 'badge'],
      ['change=married&changeFrom=2020-01-01&changeTo=2020-12-31', 'change'],
      ['change=admitted&changeFrom=2020-02-30&changeTo=2020-12-31', 'changeFrom'],
      ['change=admitted&changeFrom=2020-01-01&changeTo=2099-12-31', 'changeTo'],
      ['change=admitted&changeFrom=2021-01-01&changeTo=2020-12-31', 'changeFrom'],
      ['change=deceased&changeFrom=2020-01-01&changeTo=2020-12-31&disciplineForm=warning', 'disciplineForm'],
      ['youthUnion=1', 'youthUnion'],
    ];
    for (const [query, field] of cases) {
      for (const url of [`/api/members?${query}`, `/api/members/export.xlsx?${query}`]) {
        const r = await admin.get(url);
        expect4xx(r, 400, url.slice(0, 80));
        expect(r.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
      }
    }
  });

  it('the evaluation import refuses what is not one readable file of results, and nothing changes', async () => {
    const before = await snapshot();
    const periodId = (await t.database.db.selectFrom('evaluation_period').select('id').executeTakeFirstOrThrow()).id;
    const s = await rawSession(t, 'admin');
    for (const step of ['preview', 'commit']) {
      const url = `/api/evaluation/periods/${periodId}/import/${step}`;
      expect4xx(await admin.raw('POST', url, '{"file": "x"}'), 415, `${step} as JSON`);
      expect4xx(await admin.raw('POST', url, 'garbage', 'multipart/form-data; boundary=xyz'), 400, `${step} malformed multipart`);
      expect4xx(await s.upload(Buffer.alloc(0), 'a.xlsx', url), 400, `${step} empty file`);
      expect4xx(await s.upload(pdfBytes(), 'a.pdf', url), 400, `${step} a PDF`);
      expect4xx(await s.upload(csvOf([['Tên'], ['x']]), 'a.csv', url), 400, `${step} no name column`);
      expect4xx(await s.upload(csvOf([['Họ và tên', 'Quyết định']]), 'a.csv', url), 400, `${step} no rows`);
      expect4xx(await s.upload(csvOf([['Họ và tên']]), 'a.csv', `${url}?bogus=1`), 400, `${step} unknown parameter`);
      expect4xx(await s.upload(csvOf([['Họ và tên']]), 'a.csv', `/api/evaluation/periods/${MISSING}/import/${step}`), 404, `${step} missing period`);
      expect4xx(await s.upload(csvOf([['Họ và tên']]), 'a.csv', `/api/evaluation/periods/khong-phai-uuid/import/${step}`), 400, `${step} non-uuid period`);
    }
    const wrong = await s.upload(
      csvOf([
        ['Họ và tên', 'Quyết định'],
        ['Không Có Ai', 'Tốt lắm'],
      ]),
      'a.csv',
      `/api/evaluation/periods/${periodId}/import/commit`,
    );
    expect4xx(wrong, 400, 'commit with a bad row');
    expect(await snapshot()).toBe(before);
  });

  it('a new rule set refuses figures out of range or inconsistent, unknown codes and dates not after the latest version', async () => {
    const versions = () => t.database.db.selectFrom('rule_set').select('id').orderBy('id').execute();
    const before = [await snapshot(), JSON.stringify(await versions())];
    const send = (rules: unknown, extra: Record<string, unknown> = {}) =>
      admin.post('/api/rulesets', { effectiveFrom: '2027-01-01', basis: 'Quy định thử nghiệm', rules, ...extra });
    const cases: [unknown, string][] = [
      [{ admission: { minAgeYears: 5 } }, 'rules.admission.minAgeYears'],
      [{ admission: { minAgeYears: 18.5 } }, 'rules.admission.minAgeYears'],
      [{ admission: { maxAgeYears: 1000 } }, 'rules.admission.maxAgeYears'],
      [{ admission: { minAgeYears: 40, maxAgeYears: 35 } }, 'rules.admission.maxAgeYears'],
      [{ admission: { cellVoteShare: { numerator: 4, denominator: 3 } } }, 'rules.admission.cellVoteShare'],
      [{ admission: { cellVoteShare: { numerator: 0, denominator: 3 } } }, 'rules.admission.cellVoteShare.numerator'],
      [{ admission: { qualifyingEducation: [] } }, 'rules.admission.qualifyingEducation'],
      [{ admission: { qualifyingEducation: ['dai_hoc_vu_tru'] } }, 'rules.admission.qualifyingEducation'],
      [{ admission: { bogusFigure: 1 } }, 'rules.admission.bogusFigure'],
      [{ probation: { inconclusiveVotesToSuperior: 0 } }, 'rules.probation.inconclusiveVotesToSuperior'],
      [{ badges: { milestones: [40, 30] } }, 'rules.badges.milestones'],
      [{ badges: { anniversaries: ['02-30'] } }, 'rules.badges.anniversaries.0'],
      [{ transfer: { temporaryMinMonths: 12, temporaryMaxMonths: 6 } }, 'rules.transfer.temporaryMaxMonths'],
      [{ nothing: {} }, 'rules.nothing'],
    ];
    for (const [rules, field] of cases) {
      for (const url of ['/api/rulesets', '/api/rulesets/preview']) {
        const r = await admin.post(url, { effectiveFrom: '2027-01-01', basis: 'Quy định thử nghiệm', rules });
        expect4xx(r, 400, `${url} ${JSON.stringify(rules)}`);
        expect(
          r.body.error.details.map((d: { field: string }) => d.field),
          JSON.stringify(rules),
        ).toContain(field);
      }
    }
    expect4xx(await send({}, { effectiveFrom: '2027-02-30' }), 400, 'impossible date');
    expect4xx(await send({}, { basis: ' ' }), 400, 'empty basis');
    // Not after the latest version (01/07/2025): a version never slips in between, nor on the same day.
    for (const effectiveFrom of ['2025-07-01', '2020-01-01']) {
      const r = await send({}, { effectiveFrom });
      expect4xx(r, 409, `effective ${effectiveFrom}`);
      expect(r.body.error.details[0].field).toBe('effectiveFrom');
    }
    expect([await snapshot(), JSON.stringify(await versions())]).toEqual(before);
  });

  it('the calendar routes refuse bad years, dates, kinds and notes, and days that need no adjustment', async () => {
    const before = await snapshot();
    const adjustments = () => t.database.db.selectFrom('calendar_adjustment').selectAll().orderBy('date').execute();
    const had = await adjustments();
    const put = (date: string, body: unknown) => admin.raw('PUT', `/api/calendar/adjustments/${date}`, JSON.stringify(body));
    for (const q of ['', 'year=abc', 'year=26', 'year=1999', 'year=2036']) expect4xx(await admin.get(`/api/calendar?${q}`), 400, `calendar ?${q}`);
    expect4xx(await put('2026-02-30', { kind: 'holiday' }), 400, 'adjustment on 30/02');
    expect4xx(await put('hom-nay', { kind: 'holiday' }), 400, 'adjustment on no date');
    expect4xx(await put('1999-12-31', { kind: 'holiday' }), 400, 'adjustment outside the calendar');
    expect4xx(await put('2026-12-31', { kind: 'nghi' }), 400, 'unknown kind');
    expect4xx(await put('2026-12-31', {}), 400, 'no kind');
    const law = await put('2026-09-02', { kind: 'holiday' });
    expect4xx(law, 400, 'holiday on a holiday');
    expect(law.body.error.message).toContain('đã là ngày nghỉ theo luật (Quốc khánh)');
    expect(law.body.error.details[0].field).toBe('kind');
    expect4xx(await put('2026-11-21', { kind: 'holiday' }), 400, 'holiday on a Saturday');
    const weekday = await put('2026-11-24', { kind: 'workday' });
    expect4xx(weekday, 400, 'workday on a working day');
    expect(weekday.body.error.message).toContain('đã là ngày làm việc');
    const long = await put('2026-12-31', { kind: 'holiday', note: 'Đ'.repeat(256) });
    expect4xx(long, 400, 'note too long');
    expect(long.body.error.message).toContain('tối đa 255 ký tự');
    expect4xx(await admin.delete('/api/calendar/adjustments/2026-12-31'), 404, 'remove a missing adjustment');
    expect4xx(await admin.delete('/api/calendar/adjustments/2026-13-01'), 400, 'remove on no date');
    expect4xx(await admin.delete('/api/calendar/adjustments/2026-12-31?bogus=1'), 400, 'remove with an unknown parameter');
    expect(await adjustments()).toEqual(had);
    expect(await snapshot()).toBe(before);
  });

  it('the admission routes refuse impossible steps, votes, targets and periods, and nothing changes', async () => {
    const before = await snapshot();
    const url = `/api/admissions/dossiers/${dossier.id}/steps`;
    const cases: [unknown, number, string][] = [
      [{ kind: 'bau_cu', date: '2026-01-10' }, 400, 'kind'],
      [{ kind: 'course', date: '2099-01-10' }, 400, 'date'],
      [{ kind: 'application', date: '2026-01-10' }, 409, 'kind'],
      [{ kind: 'cell_vote', date: '2026-01-10', inFavour: -1 }, 400, 'inFavour'],
      [{ kind: 'cell_vote', date: '2026-01-10', inFavour: 1.5 }, 400, 'inFavour'],
      [{ kind: 'grassroots_resolution', date: '2026-01-10', inFavour: 3, committeeSize: 0 }, 400, 'committeeSize'],
      [{ kind: 'introduction', date: '2026-01-10', route: 'members', introducers: [] }, 400, 'introducers'],
      [{ kind: 'course', date: '2026-01-10', override: { checks: ['age_min'], reason: 'ngắn' } }, 400, 'override'],
      [{ kind: 'decision', date: '2026-01-10', receivedOn: '2026-01-11' }, 400, 'decisionNo'],
    ];
    for (const [body, status, field] of cases) {
      const r = await admin.post(url, body);
      expect4xx(r, status, JSON.stringify(body));
      if (status === 400) expect(r.body.error.details.map((d: { field: string }) => d.field.split('.')[0])).toContain(field);
    }
    for (const q of ['year=1999', 'year=abc', 'from=2026-02-30', 'from=2026-05-01&to=2026-01-01', `orgId=${MISSING}`]) {
      const r = await admin.get(`/api/admissions/targets?${q}`);
      expect(r.status, q).toBeGreaterThanOrEqual(400);
      expect(r.status, q).toBeLessThan(500);
    }
    for (const body of [
      { year: 2026, target: -1 },
      { year: 1999, target: 1 },
      { year: 2026, target: 1.5 },
    ])
      expect4xx(await admin.raw('PUT', `/api/admissions/targets/${f.orgs.a1}`, JSON.stringify(body)), 400, JSON.stringify(body));
    for (const q of ['stage=ky_la', 'status=x', 'page=0']) expect4xx(await admin.get(`/api/admissions/candidates?${q}`), 400, q);
    expect4xx(await admin.get(`/api/admissions/dossiers/${dossier.id}/denominator?date=2026-02-30`), 400, 'denominator 30/02');
    expect4xx(await admin.get(`/api/admissions/dossiers/${dossier.id}/document.docx?kind=thu_moi`), 400, 'document kind');
    for (const q of ['orgId=khong-phai-uuid', 'orgId=', `orgId=${'Đ'.repeat(5000)}`, 'orgId=%00'])
      expect4xx(await admin.get(`/api/reports/dashboard?${q}`), 400, `dashboard ${q}`);
    expect4xx(await admin.get(`/api/reports/dashboard?orgId=${MISSING}`), 404, 'dashboard missing orgId');
    expect(await snapshot()).toBe(before);
  });

  it('the evaluation lists refuse filters they cannot apply', async () => {
    const periodId = (await t.database.db.selectFrom('evaluation_period').select('id').executeTakeFirstOrThrow()).id;
    const cases: [string, string][] = [
      [`/api/evaluation/periods/${periodId}/members?level=xuat_sac`, 'level'],
      [`/api/evaluation/periods/${periodId}/members?stage=published2`, 'stage'],
      [`/api/evaluation/periods/${periodId}/members?lateAdmission=maybe`, 'lateAdmission'],
      [`/api/evaluation/periods/${periodId}/members?orgId=khong-phai-uuid`, 'orgId'],
      [`/api/evaluation/periods/${periodId}/members?pageSize=501`, 'pageSize'],
      [`/api/evaluation/periods/${periodId}/members?page=0`, 'page'],
      [`/api/evaluation/consolidation?orgId=${f.orgs.A}&status=closed`, 'status'],
    ];
    for (const [url, field] of cases) {
      const r = await admin.get(url);
      expect4xx(r, 400, url);
      expect(r.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect4xx(await admin.get(`/api/evaluation/periods/${periodId}/members?orgId=${MISSING}`), 404, 'members of a missing organisation');
    const before = await snapshot();
    expect4xx(await admin.patch(`/api/evaluation/periods/${periodId}/orgs`, { items: [] }), 400, 'no organisation');
    expect4xx(await admin.patch('/api/evaluation/consolidation', { items: [] }), 400, 'no entry');
    expect4xx(await admin.patch(`/api/evaluation/periods/${periodId}/orgs`, { items: [{ orgId: MISSING, selfLabel: 'good' }] }), 404, 'a missing organisation');
    expect(await snapshot()).toBe(before);
  });

  it('U+0000 in any text of any route (path, query, body, multipart field or file name) answers 400 naming the field, and nothing changes', async () => {
    const before = await snapshot();
    const nul = (s: string) => `${s}\u0000`;
    const openapi = (t.app as unknown as { swagger(): { paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>> } }).swagger();
    const expectNul = (r: { status: number; body: any }, field: string, what: string) => {
      expect4xx(r, 400, what);
      expect(r.body.error.details, what).toContainEqual({ field, message: NUL_MESSAGE });
    };
    /** Every string in a sample body, by its path (`items.0.memberId`). */
    const stringLeaves = (value: unknown, path: string[] = []): [string[], string][] => {
      if (typeof value === 'string') return [[path, value]];
      if (value === null || typeof value !== 'object') return [];
      return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...path, k]));
    };
    const setAt = (value: unknown, path: string[], leaf: string): unknown => {
      if (path.length === 0) return leaf;
      const [head, ...rest] = path as [string, ...string[]];
      const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) };
      copy[head] = setAt(copy[head], rest, leaf);
      return copy;
    };
    const routes = t.routes.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
    const docs = await documentSession(t, 'admin');
    const files = await rawSession(t, 'admin');
    let cases = 0;
    for (const { method, url: pattern } of routes) {
      const route = `${method} ${pattern}`;
      const spec: { id?: string; extra?: Record<string, string>; query?: string; body?: Record<string, unknown> } = bodies[route] ?? gets[route] ?? {};
      const c = route === 'POST /api/auth/login' ? t.anonymous : admin;
      const values: Record<string, string> = {
        id: spec.id ?? MISSING,
        ...(spec.query?.startsWith('assignmentId=') ? { assignmentId: spec.query.split('=')[1]! } : {}),
        ...spec.extra,
      };
      const url = (over: Record<string, string> = {}) => pattern.replace(/:(\w+)/g, (_, k: string) => encodeURIComponent(over[k] ?? values[k] ?? MISSING));
      const send = async (path: string, body = spec.body ?? {}) => {
        if (pattern === '/api/members/:id/documents' && method === 'POST')
          return docs.upload(memberId, { docType: 'application', title: 'Đơn' }, { bytes: pdfBytes(), name: 'don.pdf' }, path);
        if (route === 'POST /api/meetings/:id/files') return docs.upload('', { role: 'minutes' }, { bytes: pdfBytes(), name: 'bb.pdf' }, path);
        if (UPLOADS.has(route)) return files.upload(csvOf([['Họ và tên']]), 'a.csv', path);
        return method === 'GET' ? c.get(path) : c.raw(method as 'POST', path, JSON.stringify(body));
      };
      for (const param of pattern.match(/:\w+/g) ?? []) {
        const name = param.slice(1);
        expectNul(await send(url({ [name]: nul(values[name] ?? MISSING) })), name, `${route} path ${name}`);
        cases++;
      }
      const openapiPath = pattern.replace(/:(\w+)/g, '{$1}');
      const declared = (openapi.paths[openapiPath]?.[method.toLowerCase()]?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      // A route without query parameters still gets one: the zero character is refused before the unknown name is.
      for (const name of declared.length ? declared : ['bogus']) {
        expectNul(await send(`${url()}?${name}=${encodeURIComponent(nul('2026'))}`), name, `${route} query ${name}`);
        cases++;
      }
      for (const [path, value] of stringLeaves(spec.body ?? {})) {
        expectNul(await send(url(), setAt(spec.body, path, nul(value)) as Record<string, unknown>), path.join('.'), `${route} body ${path.join('.')}`);
        cases++;
      }
    }
    // Multipart: the file name and every field of the document upload, the file name of each import.
    for (const upload of [...UPLOADS].filter((r) => r !== 'POST /api/members/:id/documents')) {
      const periodId = (await t.database.db.selectFrom('evaluation_period').select('id').executeTakeFirstOrThrow()).id;
      expectNul(await files.upload(csvOf([['Họ và tên']]), nul('a.csv'), upload.split(' ')[1]!.replace(':id', periodId)), 'file', `${upload} file name`);
    }
    const good = { docType: 'certificate', title: 'Giấy chứng nhận', certifiedBy: 'Đảng ủy', certifiedOn: '2020-01-02', note: 'Ghi chú' };
    const pdf = { bytes: pdfBytes(), name: 'gcn.pdf' };
    for (const key of Object.keys(good))
      expectNul(await docs.upload(memberId, { ...good, [key]: nul(good[key as keyof typeof good]) }, pdf), key, `document ${key}`);
    expectNul(await docs.upload(memberId, good, { ...pdf, name: nul('gcn.pdf') }), 'file', 'document file name');
    const meetingFiles = `/api/meetings/${meeting.id}/files`;
    for (const [key, value] of Object.entries({ role: 'minutes', title: 'Biên bản', documentId: meeting.documentId }))
      expectNul(await docs.upload('', { [key]: nul(value) }, pdf, meetingFiles), key, `meeting file ${key}`);
    // The login without a session, as reported: the same answer as any other field.
    expectNul(await t.anonymous.post('/api/auth/login', { username: nul('xa'), password: 'x' }), 'username', 'login username');
    expect(cases).toBeGreaterThan(routes.length);
    expect(await snapshot()).toBe(before);
    // Every route of the app in turn, both engines on two shared cores: more than the default 30 s.
  }, 120_000);

  it('bodies over the size limit answer 413', async () => {
    const r = await admin.raw('POST', '/api/reorganizations/preview', JSON.stringify({ ...D, operations: [], pad: 'x'.repeat(6 * 1024 * 1024) }));
    expect4xx(r, 413, 'over limit');
  });

  it('every API route is swept', () => {
    const routes = t.routes.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs')).map((r) => `${r.method} ${r.url}`);
    expect(routes.filter((r) => !(r in bodies) && !(r in gets) && !UPLOADS.has(r))).toEqual([]);
  });
});
