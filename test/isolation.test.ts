/**
 * Scope isolation, proved for every endpoint: a user scoped to one organisation (commune B) can neither list,
 * read, search, export nor change anything under a sibling (commune A). Ids outside the scope answer 404, exactly
 * as ids that do not exist. A new endpoint without a case here fails the coverage test at the end.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from './helpers/db.ts';
import { insertUser } from '../src/server/modules/users/users.service.ts';
import { buildFixture, DECISION, PASSWORD, startTestApp, type Client, type Fixture, type TestApp } from './helpers/app.ts';
import { rawSession, readXlsx, xlsxOf, type RawSession } from '../src/server/modules/member-import/member-import.fixtures.ts';
import { pdfText, zipEntryText } from '../src/server/modules/member-sheet/member-sheet.fixtures.ts';
import { documentSession, pdfBytes, type DocumentSession } from '../src/server/modules/member-documents/member-documents.fixtures.ts';

/** Routes that carry no organisation data: the caller's own session and the shared catalogues. */
const NOT_SCOPED = new Set([
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/auth/me',
  'POST /api/auth/change-password',
  'GET /api/meta/org-kinds',
  'GET /api/meta/sector-types',
  'GET /api/meta/catalogues',
]);

describeEngines('scope isolation between sibling organisations', (engine) => {
  let t: TestApp;
  let f: Fixture;
  let b: Client;
  let aIds: string[];
  let aUsers: string[];
  let aMember: { id: string; cccd: string };
  let bRaw: RawSession;
  let aImport: string;
  let aRecords: { work: string; family: string };
  let bMemberId: string;
  let targets: { aTerm: string; aTarget: string };
  const recordsOfA = async () =>
    JSON.stringify(await t.database.db.selectFrom('member_record').selectAll().where('member_id', '=', aMember.id).orderBy('id').execute());
  let aDocument: string;
  let bDocs: DocumentSession;
  let aClient: Client;
  /** A's own period (2026, opened at A), the province's period (2025, opened at P: B sees only his part), A's consolidation entry. */
  let aPeriod: string;
  let pPeriod: string;
  let aConsolidation: string;
  /** A's submitted report (its half-year, submitted by A's officer). */
  let aSubmission: string;
  /** Directives (issue 17): the province's plan with tasks to A and B, A's share of it and A's report; A's own plan and programme. */
  let dir: { pPlan: string; aShare: string; aPlan: string; aProgramme: string; aPart: string };
  let aMemberEval: string;
  /** A's member that each of the list's filters matches (religion, education, occupation, age, party age, badge due). */
  let aFiltered: string;
  /** A's meeting (cell a1, held, with a document, attendance and a task). */
  let aMeeting: { id: string; taskId: string; material: string; minutes: string };
  /** A member of B's cell with his own view (role `member`). */
  let bMember: DocumentSession;
  const meetingsOfA = async () =>
    JSON.stringify(await t.database.db.selectFrom('meeting').selectAll().orderBy('id').execute()) +
    JSON.stringify(await t.database.db.selectFrom('meeting_task').selectAll().orderBy('id').execute()) +
    JSON.stringify(await t.database.db.selectFrom('meeting_document').selectAll().orderBy('id').execute()) +
    JSON.stringify(await t.database.db.selectFrom('meeting_attendance').selectAll().orderBy('member_id').execute());
  /** A's inspection plan, one of its items and a case against A's member (issue 15). */
  let aPlan: string;
  let aItem: string;
  let aCase: string;
  /** A's discipline decision against its member, with a complaint, and the member's deferral (issue 15). */
  let aDecision: { id: string; complaintId: string };
  /** Congress (issue 17 parts 4–5): gA's term with its committee (A's member on it), A's round, the province's round. */
  let cg: { aTerm: string; aSeat: string; aRound: string; pRound: string };
  /** A's admission dossier (in a1) and its candidate. */
  let aDossier: { id: string; candidateId: string };
  const dossiersOfA = async () =>
    JSON.stringify(await t.database.db.selectFrom('admission_dossier').selectAll().orderBy('id').execute()) +
    JSON.stringify(await t.database.db.selectFrom('admission_target').selectAll().orderBy('id').execute());
  const FILTERS = [
    'religion=cong_giao',
    'generalEducation=thpt',
    'occupation=cong_chuc',
    'ageFrom=60&ageTo=60',
    'partyAgeFrom=29&partyAgeTo=29',
    'badgeDue=next',
    // the report drill-down's (issue 14)
    'asOf=2020-12-31&membership=official&religion=any',
    'change=admitted&changeFrom=1997-01-01&changeTo=1997-12-31',
  ];
  const membersOfA = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('member')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('org_id', 'in', [f.orgs.a1, f.orgs.a2])
          .executeTakeFirstOrThrow()
      ).n,
    );
  const LEAKS = ['Tân Lập', 'Nguyễn Du', 'Tổ Toán', 'Tổ Văn'];
  const D = { ...DECISION, effectiveDate: '2026-01-01' };

  const snapshot = async () => {
    const db = t.database.db;
    const [versions, events, users, roles, documents, calendar, evaluations] = await Promise.all([
      db.selectFrom('org_version').selectAll().orderBy('id').execute(),
      db.selectFrom('org_event').select('id').orderBy('id').execute(),
      db.selectFrom('app_user').select(['id', 'full_name', 'password_hash', 'is_disabled', 'must_change_password']).orderBy('id').execute(),
      db.selectFrom('role_assignment').select(['id', 'role', 'org_id']).orderBy('id').execute(),
      db.selectFrom('member_document').select(['id', 'member_id', 'version']).orderBy('id').execute(),
      db.selectFrom('calendar_adjustment').selectAll().orderBy('date').execute(),
      Promise.all([
        db.selectFrom('evaluation_period').selectAll().orderBy('id').execute(),
        db.selectFrom('member_evaluation').selectAll().orderBy('id').execute(),
        db.selectFrom('org_evaluation').selectAll().orderBy('id').execute(),
        db.selectFrom('evaluation_override').selectAll().orderBy('id').execute(),
        db.selectFrom('evaluation_change').selectAll().orderBy('id').execute(),
        db.selectFrom('consolidation').selectAll().orderBy('id').execute(),
      ]),
    ]);
    const inspection = await Promise.all(
      (
        [
          'inspection_plan',
          'inspection_plan_amendment',
          'inspection_item',
          'inspection_case',
          'discipline_decision',
          'discipline_complaint',
          'discipline_deferral',
        ] as const
      ).map((table) => db.selectFrom(table).selectAll().orderBy('id').execute()),
    );
    const congress = await Promise.all(
      (['congress_term', 'committee_seat', 'congress_round', 'congress_prep'] as const).map((table) =>
        db.selectFrom(table).selectAll().orderBy('id').execute(),
      ),
    );
    return JSON.stringify({ versions, events, users, roles, documents, calendar, evaluations, inspection, congress });
  };
  /** No name of A's organisations, and no id of A's the caller did not send himself. */
  const noLeak = (body: unknown, echoesInput = false) => {
    const text = JSON.stringify(body);
    for (const word of LEAKS) expect(text).not.toContain(word);
    if (!echoesInput) for (const id of [...aIds, ...aUsers]) expect(text).not.toContain(id);
  };
  const is404 = async (p: Promise<{ status: number; body: any }>) => {
    const r = await p;
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('NOT_FOUND');
    noLeak(r.body);
  };

  const cases: Record<string, () => Promise<void>> = {
    'GET /api/orgs/roots': async () => {
      const r = await b.get('/api/orgs/roots');
      expect(r.body.items.map((i: { id: string }) => i.id)).toEqual([f.orgs.B]);
      noLeak(r.body);
      noLeak((await b.get('/api/orgs/roots?asOf=2001-01-01')).body);
    },
    'GET /api/orgs/search': async () => {
      for (const q of ['tan lap', 'Nguyễn Du', 'chi bo', 'dang bo']) noLeak((await b.get(`/api/orgs/search?q=${encodeURIComponent(q)}`)).body);
      expect((await b.get('/api/orgs/search?q=hoa%20binh')).body.items.length).toBeGreaterThan(0); // control: own orgs are found
    },
    'GET /api/orgs/:id': async () => {
      for (const id of aIds) await is404(b.get(`/api/orgs/${id}`));
      await is404(b.get(`/api/orgs/${f.orgs.P}`)); // the superior is outside a commune's scope too
      expect((await b.get(`/api/orgs/${f.orgs.gB}`)).status).toBe(200); // control
    },
    'GET /api/orgs/:id/children': async () => {
      for (const id of [f.orgs.A, f.orgs.gA, f.orgs.P]) await is404(b.get(`/api/orgs/${id}/children`));
    },
    'GET /api/orgs/:id/page': async () => {
      for (const id of [...aIds, f.orgs.P]) {
        await is404(b.get(`/api/orgs/${id}/page`));
        await is404(b.get(`/api/orgs/${id}/page?asOf=2001-01-01`));
      }
      const own = await b.get(`/api/orgs/${f.orgs.B}/page`); // control: his own commune, its cell, and nothing of A's
      expect(own.status).toBe(200);
      expect(own.body.children.map((c: { id: string }) => c.id)).toEqual([f.orgs.gB]);
      noLeak(own.body);
    },
    'GET /api/orgs/:id/tree': async () => {
      for (const id of [f.orgs.A, f.orgs.P]) await is404(b.get(`/api/orgs/${id}/tree`));
      noLeak((await b.get(`/api/orgs/${f.orgs.B}/tree`)).body);
    },
    'GET /api/orgs/:id/permissions': async () => {
      for (const id of [...aIds, f.orgs.P]) await is404(b.get(`/api/orgs/${id}/permissions`));
      expect((await b.get(`/api/orgs/${f.orgs.gB}/permissions`)).body.tree.rename).toBe(true); // control
    },
    'GET /api/orgs/destinations': async () => {
      // Names and path of organisations outside the scope, by design (a transfer destination), and nothing else:
      // no counts, kinds, codes, dates, members nor users of A.
      const r = await b.get('/api/orgs/destinations?q=chi%20bo');
      const outside = (r.body.items as { id: string; inScope: boolean }[]).filter((i) => !i.inScope);
      expect(outside.length).toBeGreaterThan(0);
      for (const item of outside) expect(Object.keys(item).sort()).toEqual(['ancestorNames', 'id', 'inScope', 'name']);
      const text = JSON.stringify(r.body);
      for (const id of [...aIds.filter((id) => !Object.values(f.orgs).includes(id)), ...aUsers]) expect(text).not.toContain(id);
      expect(text).not.toMatch(/memberCount|kindCode|code|path|established/i);
    },
    'GET /api/orgs/:id/history': async () => {
      for (const id of aIds) await is404(b.get(`/api/orgs/${id}/history`));
    },
    'POST /api/orgs': async () => {
      await is404(b.post('/api/orgs', { parentId: f.orgs.A, name: 'Chi bộ lạ', kindCode: 'chi_bo_truc_thuoc', ...D }));
      const root = await b.post('/api/orgs', { parentId: null, name: 'Đảng bộ lạ', kindCode: 'dang_bo_tinh', ...D });
      expect(root.status).toBe(403);
    },
    'POST /api/orgs/:id/rename': async () => {
      await is404(b.post(`/api/orgs/${f.orgs.a1}/rename`, { name: 'Tên mới', ...D }));
    },
    'POST /api/orgs/:id/reclassify': async () => {
      await is404(b.post(`/api/orgs/${f.orgs.gA}/reclassify`, { sectorCode: 'khac', ...D }));
    },
    'POST /api/orgs/:id/move': async () => {
      await is404(b.post(`/api/orgs/${f.orgs.gA}/move`, { newParentId: f.orgs.B, ...D }));
      await is404(b.post(`/api/orgs/${f.orgs.gB}/move`, { newParentId: f.orgs.A, ...D }));
    },
    'POST /api/orgs/:id/dissolve': async () => {
      await is404(b.post(`/api/orgs/${f.orgs.a2}/dissolve`, D));
    },
    'POST /api/orgs/merge': async () => {
      await is404(b.post('/api/orgs/merge', { sourceIds: [f.orgs.a2], targetId: f.orgs.gB, ...D }));
      await is404(b.post('/api/orgs/merge', { sourceIds: [f.orgs.gB], targetId: f.orgs.a1, ...D }));
    },
    'POST /api/orgs/:id/split': async () => {
      await is404(b.post(`/api/orgs/${f.orgs.gA}/split`, { keepSource: true, parts: [{ name: 'X', kindCode: 'chi_bo_co_so', childIds: [f.orgs.a1] }], ...D }));
    },
    'POST /api/reorganizations/preview': async () => {
      const r = await b.post('/api/reorganizations/preview', {
        ...D,
        operations: [
          { type: 'move', org: f.orgs.gA, newParent: f.orgs.B },
          { type: 'rename', org: f.orgs.A, name: 'X' },
        ],
      });
      expect(r.status).toBe(200);
      expect(r.body.ok).toBe(false);
      expect(r.body.conflicts.map((c: { code: string }) => c.code)).toEqual(['not_found', 'not_found']);
      // The conflicts name the ids the caller sent, nothing more.
      noLeak(r.body, true);
    },
    'POST /api/reorganizations/apply': async () => {
      const r = await b.post('/api/reorganizations/apply', { ...D, operations: [{ type: 'dissolve', org: f.orgs.a2 }] });
      expect(r.status).toBe(409);
      noLeak(r.body, true);
    },
    'GET /api/users': async () => {
      const r = await b.get('/api/users?pageSize=200');
      // B's own users: its administrator and the member account of B's cell (issue 16 part 7)
      expect(r.body.items.map((u: { username: string }) => u.username)).toEqual(['adminB', 'dangvienB']);
      noLeak(r.body);
      noLeak((await b.get('/api/users?q=A')).body);
    },
    'POST /api/users': async () => {
      const r = await b.post('/api/users', { username: 'laA', fullName: 'Người lạ', password: 'mat-khau-2026', homeOrgId: f.orgs.A });
      expect(r.status).toBe(400);
      expect(r.body.error.details[0].field).toBe('homeOrgId');
      noLeak(r.body);
    },
    'GET /api/users/:id': async () => {
      for (const id of aUsers) await is404(b.get(`/api/users/${id}`));
    },
    'PATCH /api/users/:id': async () => {
      await is404(b.patch(`/api/users/${f.users.adminA}`, { disabled: true }));
    },
    'POST /api/users/:id/reset-password': async () => {
      await is404(b.post(`/api/users/${f.users.editorA}/reset-password`, { newPassword: 'chiem-quyen-2026' }));
    },
    'POST /api/users/:id/roles': async () => {
      await is404(b.post(`/api/users/${f.users.adminA}/roles`, { role: 'viewer', orgId: f.orgs.B }));
      const grantIntoA = await b.post(`/api/users/${f.users.adminB}/roles`, { role: 'org_admin', orgId: f.orgs.A });
      expect(grantIntoA.status).toBe(400);
      const sysAdmin = await b.post(`/api/users/${f.users.adminB}/roles`, { role: 'system_admin', orgId: null });
      expect(sysAdmin.status).toBe(403);
    },
    'DELETE /api/users/:id/roles/:assignmentId': async () => {
      const a = await t.database.db.selectFrom('role_assignment').select('id').where('user_id', '=', f.users.adminA!).executeTakeFirstOrThrow();
      await is404(b.delete(`/api/users/${f.users.adminA}/roles/${a.id}`));
    },
    'GET /api/members': async () => {
      const r = await b.get('/api/members?pageSize=200');
      expect(r.body.items.length).toBeGreaterThan(0); // control: B's own members
      noLeak(r.body);
      expect(r.body.items.every((m: { orgId: string }) => m.orgId === f.orgs.gB)).toBe(true);
      for (const q of ['Nguyễn Văn 1', aMember.cccd]) noLeak((await b.get(`/api/members?q=${encodeURIComponent(q)}`)).body);
      await is404(b.get(`/api/orgs/${f.orgs.A}/members`));
      // every filter: A's member matches it for A, and B never sees him
      for (const q of FILTERS) {
        const own = await b.get(`/api/members?pageSize=200&${q}`);
        expect(own.status, q).toBe(200);
        noLeak(own.body);
        expect(
          (await aClient.get(`/api/members?pageSize=200&${q}`)).body.items.map((i: { id: string }) => i.id),
          q,
        ).toContain(aFiltered);
        await is404(b.get(`/api/orgs/${f.orgs.A}/members&${q}`));
      }
      // A's organisation on a date or over a period (a report cell's drill-down) is not B's to list, nor to export.
      await is404(b.get(`/api/members?orgId=${f.orgs.A}&asOf=2020-12-31`));
      await is404(b.get(`/api/members/export.xlsx?orgId=${f.orgs.A}&change=admitted&changeFrom=1997-01-01&changeTo=1997-12-31`));
    },
    'POST /api/members': async () => {
      const r = await b.post('/api/members', { fullName: 'Người Lạ', gender: 'nam', orgId: f.orgs.a1, admittedOn: '2020-01-01' });
      expect(r.status).toBe(400);
      noLeak(r.body);
    },
    'GET /api/members/:id': async () => {
      await is404(b.get(`/api/members/${aMember.id}`));
    },
    'PATCH /api/members/:id': async () => {
      await is404(b.patch(`/api/members/${aMember.id}`, { phone: '0900000000' }));
    },
    'POST /api/members/:id/events': async () => {
      await is404(b.post(`/api/members/${aMember.id}/events`, { kind: 'exempted', date: '2026-01-01' }));
      // confirming an arrival that was never addressed to B
      await is404(b.post(`/api/members/${aMember.id}/events`, { kind: 'transfer_in_confirmed', orgId: f.orgs.gB, date: '2026-01-01' }));
    },
    'POST /api/members/:id/disciplines': async () => {
      await is404(
        b.post(`/api/members/${aMember.id}/disciplines`, {
          form: 'reprimand',
          decidingLevel: 'Chi bộ',
          decisionNo: '1',
          decisionDate: '2026-01-01',
          announcedOn: '2026-01-01',
        }),
      );
    },
    'POST /api/members/:id/badges': async () => {
      await is404(b.post(`/api/members/${aMember.id}/badges`, { milestone: 30, awardedOn: '2026-09-02' }));
    },
    'PUT /api/members/:id/badge-standing': async () => {
      const flags = async () =>
        JSON.stringify((await t.database.db.selectFrom('member').select('flags').where('id', '=', aMember.id).executeTakeFirstOrThrow()).flags);
      const before = await flags();
      const body = { seriousIllness: { since: '2026-01-05', document: 'Giấy xác nhận' }, posthumousProposal: null };
      await is404(b.raw('PUT', `/api/members/${aMember.id}/badge-standing`, JSON.stringify(body)));
      expect(await flags()).toBe(before);
    },
    'GET /api/transfers/incoming': async () => {
      noLeak((await b.get('/api/transfers/incoming')).body);
    },
    'GET /api/badges': async () => {
      const r = await b.get('/api/badges?anniversary=2042-05-19');
      expect(r.status).toBe(200);
      noLeak(r.body);
      await is404(b.get(`/api/badges?orgId=${f.orgs.A}`));
    },
    'GET /api/badges/export.xlsx': async () => {
      const r = await bRaw.download('/api/badges/export.xlsx?anniversary=2042-05-19');
      expect(r.status).toBe(200);
      const book = await readXlsx(r.bytes);
      expect(Object.keys(book)).toHaveLength(2);
      for (const sheet of Object.values(book)) noLeak(sheet);
      await is404(b.get(`/api/badges/export.xlsx?orgId=${f.orgs.A}`));
    },
    'POST /api/members/:id/reveal-cccd': async () => {
      await is404(b.post(`/api/members/${aMember.id}/reveal-cccd`));
    },
    'GET /api/members/:id/records': async () => {
      await is404(b.get(`/api/members/${aMember.id}/records`));
      await is404(b.get(`/api/members/${aMember.id}/records?kind=work`));
      expect((await b.get(`/api/members/${bMemberId}/records`)).status).toBe(200); // control
    },
    'POST /api/members/:id/records/reveal': async () => {
      for (const kind of ['family', 'political']) await is404(b.post(`/api/members/${aMember.id}/records/reveal`, { kind }));
    },
    'POST /api/members/:id/records': async () => {
      const before = await recordsOfA();
      await is404(b.post(`/api/members/${aMember.id}/records`, { kind: 'work', data: { from: '2020', workplace: 'Nơi lạ' } }));
      expect(await recordsOfA()).toBe(before);
    },
    'PATCH /api/members/:id/records/:recordId': async () => {
      const before = await recordsOfA();
      await is404(b.patch(`/api/members/${aMember.id}/records/${aRecords.work}`, { kind: 'work', data: { from: '2020', workplace: 'Nơi lạ' } }));
      // A's record under B's own member: not B's member's record
      await is404(b.patch(`/api/members/${bMemberId}/records/${aRecords.family}`, { kind: 'family', data: { relationship: 'other', fullName: 'Người lạ' } }));
      expect(await recordsOfA()).toBe(before);
    },
    'DELETE /api/members/:id/records/:recordId': async () => {
      const before = await recordsOfA();
      await is404(b.delete(`/api/members/${aMember.id}/records/${aRecords.family}`));
      await is404(b.delete(`/api/members/${bMemberId}/records/${aRecords.work}`));
      expect(await recordsOfA()).toBe(before);
    },
    'GET /api/members/import/template': async () => {
      const r = await bRaw.download('/api/members/import/template');
      expect(r.status).toBe(200);
      const book = await readXlsx(r.bytes);
      noLeak(book);
      expect(JSON.stringify(book)).toContain('Chi bộ Công ty May Hòa Bình'); // control: B's own cell is listed
    },
    'POST /api/members/import/preview': async () => {
      const before = await membersOfA();
      const file = await xlsxOf([
        ['Họ và tên', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'Chi bộ', 'Ngày vào Đảng'],
        ['Người Lạ', 'Nam', '01/01/1990', '', '01.02', '01/01/2020'], // A's cell, by its code
        ['Người Quen', 'Nữ', '02/02/1990', aMember.cccd, 'Chi bộ Công ty May Hòa Bình', '01/01/2020'], // A's member's CCCD
        ['Nguyễn Văn 5', 'Nam', '01/01/1980', '', 'Chi bộ Công ty May Hòa Bình', '01/01/2020'], // a name and birth date only A has
        ['Nguyễn Văn 1', 'Nam', '01/01/1980', '', '', ''], // control: B's own member
      ]);
      const r = await bRaw.upload(file);
      expect(r.status).toBe(200);
      noLeak(r.body);
      const bMember = await t.database.db
        .selectFrom('member')
        .select('id')
        .where('org_id', '=', f.orgs.gB)
        .where('full_name', '=', 'Nguyễn Văn 1')
        .executeTakeFirstOrThrow();
      expect(r.body.items.map((i: { action: string; memberId: string | null }) => [i.action, i.memberId])).toEqual([
        ['error', null],
        ['error', null],
        ['new', null],
        ['unchanged', bMember.id],
      ]);
      expect(r.body.items[0].problems[0]).toContain('Không tìm thấy chi bộ «01.02»');
      expect(r.body.items[1].problems[0]).toContain('ngoài phạm vi bạn được cập nhật');
      const commit = await b.post(`/api/members/import/${r.body.importId}/commit`);
      expect(commit.status).toBe(409);
      noLeak(commit.body);
      expect(await membersOfA()).toBe(before);
    },
    'GET /api/members/import/:id': async () => {
      await is404(b.get(`/api/members/import/${aImport}`));
    },
    'POST /api/members/import/:id/commit': async () => {
      const before = await membersOfA();
      await is404(b.post(`/api/members/import/${aImport}/commit`));
      expect(await membersOfA()).toBe(before);
    },
    'GET /api/members/export.xlsx': async () => {
      const r = await bRaw.download('/api/members/export.xlsx');
      expect(r.status).toBe(200);
      const sheet = (await readXlsx(r.bytes))['Danh sách']!;
      noLeak(sheet);
      expect(
        sheet
          .slice(1)
          .map((row) => row[1])
          .sort(),
      ).toEqual(['Nguyễn Văn 0', 'Nguyễn Văn 1']); // control: B's own members
      expect((await readXlsx((await bRaw.download(`/api/members/export.xlsx?q=${aMember.cccd}`)).bytes))['Danh sách']).toHaveLength(1);
      for (const q of FILTERS) {
        const filtered = await bRaw.download(`/api/members/export.xlsx?${q}`);
        expect(filtered.status, q).toBe(200);
        noLeak((await readXlsx(filtered.bytes))['Danh sách']);
      }
      await is404(b.get(`/api/members/export.xlsx?orgId=${f.orgs.A}`));
    },
    'GET /api/members/:id/sheet.docx': async () => {
      await is404(b.get(`/api/members/${aMember.id}/sheet.docx`));
      const own = await t.database.db.selectFrom('member').select('id').where('org_id', '=', f.orgs.gB).limit(1).executeTakeFirstOrThrow();
      const r = await bRaw.download(`/api/members/${own.id}/sheet.docx`);
      expect(r.status).toBe(200); // control: B's own member
      const xml = zipEntryText(r.bytes, 'word/document.xml')!;
      expect(xml).toContain('Chi bộ Công ty May Hòa Bình');
      noLeak(xml);
    },
    'GET /api/members/:id/sheet.pdf': async () => {
      await is404(b.get(`/api/members/${aMember.id}/sheet.pdf`));
      const own = await t.database.db.selectFrom('member').select('id').where('org_id', '=', f.orgs.gB).limit(1).executeTakeFirstOrThrow();
      const r = await bRaw.download(`/api/members/${own.id}/sheet.pdf`);
      expect(r.status).toBe(200); // control: B's own member
      noLeak(await pdfText(r.bytes));
    },
    'GET /api/members/:id/documents': async () => {
      await is404(b.get(`/api/members/${aMember.id}/documents`));
      expect((await b.get(`/api/members/${bMemberId}/documents`)).status).toBe(200); // control
    },
    'POST /api/members/:id/documents': async () => {
      const r = await bDocs.upload(aMember.id, { docType: 'application', title: 'Đơn xin vào Đảng' }, { bytes: pdfBytes('la'), name: 'don.pdf' });
      expect(r.status).toBe(404);
      noLeak(r.body);
    },
    'GET /api/members/:id/documents/:documentId/file': async () => {
      await is404(b.get(`/api/members/${aMember.id}/documents/${aDocument}/file`));
      // A's document reached through B's own member: not in that dossier.
      await is404(b.get(`/api/members/${bMemberId}/documents/${aDocument}/file`));
    },
    'GET /api/calendar': async () => {
      const r = await b.get('/api/calendar?year=2026');
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ year: 2026, canEdit: false });
      expect(r.body.adjustments).toEqual([expect.objectContaining({ date: '2026-12-31', kind: 'holiday' })]); // the calendar is the same for everyone
      noLeak(r.body);
    },
    'PUT /api/calendar/adjustments/:date': async () => {
      // only system administrators change the calendar: an organisation's administrator, an editor, a viewer get 403
      for (const c of [b, aClient, await t.login('editorA'), await t.login('viewerA1')]) {
        const r = await c.raw('PUT', '/api/calendar/adjustments/2026-12-30', JSON.stringify({ kind: 'holiday', note: 'Nghỉ thêm' }));
        expect(r.status).toBe(403);
        expect(r.body.error.code).toBe('FORBIDDEN');
      }
    },
    'DELETE /api/calendar/adjustments/:date': async () => {
      for (const c of [b, aClient]) {
        const r = await c.delete('/api/calendar/adjustments/2026-12-31');
        expect(r.status).toBe(403);
        expect(r.body.error.code).toBe('FORBIDDEN');
      }
    },
    'GET /api/rulesets': async () => {
      // the rule sets are the same for the whole tree: every reader sees them, only a system administrator adds one
      const r = await b.get('/api/rulesets');
      expect(r.status).toBe(200);
      expect(r.body.canEdit).toBe(false);
      expect(r.body.items.map((i: { id: string }) => i.id)).toEqual(['dieu-le-2011-qd24-2018', 'qd294-2025', 'hd42-2025']);
      noLeak(r.body);
    },
    'POST /api/rulesets/preview': async () => {
      for (const c of [b, aClient, await t.login('editorA'), await t.login('viewerA1')]) {
        const r = await c.post('/api/rulesets/preview', { effectiveFrom: '2027-01-01', basis: 'Quy định thử', rules: { admission: { minAgeYears: 19 } } });
        expect(r.status).toBe(403);
        expect(r.body.error.code).toBe('FORBIDDEN');
      }
    },
    'POST /api/rulesets': async () => {
      for (const c of [b, aClient, await t.login('editorA')]) {
        const r = await c.post('/api/rulesets', { effectiveFrom: '2027-01-01', basis: 'Quy định thử', rules: { admission: { minAgeYears: 19 } } });
        expect(r.status).toBe(403);
        expect(r.body.error.code).toBe('FORBIDDEN');
      }
      expect(await t.database.db.selectFrom('rule_set').select('id').execute()).toHaveLength(3);
    },
    'GET /api/admissions/candidates': async () => {
      const r = await b.get('/api/admissions/candidates?pageSize=200');
      expect(r.status).toBe(200);
      expect(r.body.items).toEqual([]);
      noLeak(r.body);
      noLeak((await b.get('/api/admissions/candidates?q=Tan%20Lap')).body);
      await is404(b.get(`/api/admissions/candidates?orgId=${f.orgs.A}`));
      expect((await aClient.get('/api/admissions/candidates')).body.items.map((i: { dossierId: string }) => i.dossierId)).toContain(aDossier.id); // control
    },
    'POST /api/admissions/candidates': async () => {
      const before = await dossiersOfA();
      await is404(b.post('/api/admissions/candidates', { orgId: f.orgs.a1, fullName: 'Người Lạ', gender: 'nam', listedOn: '2026-01-05' }));
      const helper = await b.post('/api/admissions/candidates', {
        orgId: f.orgs.gB,
        fullName: 'Người Lạ',
        gender: 'nam',
        listedOn: '2026-01-05',
        helperMemberId: aMember.id,
      });
      expect(helper.status).toBe(400);
      noLeak(helper.body);
      expect(await dossiersOfA()).toBe(before);
    },
    'PATCH /api/admissions/candidates/:id': async () => {
      const before = await dossiersOfA();
      await is404(b.patch(`/api/admissions/candidates/${aDossier.candidateId}`, { fullName: 'Tên Khác' }));
      await is404(b.patch(`/api/admissions/candidates/${aDossier.id}`, { fullName: 'Tên Khác' }));
      expect(await dossiersOfA()).toBe(before);
    },
    'GET /api/meetings': async () => {
      for (const id of [f.orgs.a1, f.orgs.A, f.orgs.gA]) await is404(b.get(`/api/meetings?orgId=${id}&from=2026-01-01&to=2026-12-31`));
      noLeak((await b.get(`/api/meetings?orgId=${f.orgs.gB}`)).body); // control: his own cell
    },
    'POST /api/meetings': async () => {
      const before = await meetingsOfA();
      await is404(b.post('/api/meetings', { orgId: f.orgs.a1, kind: 'regular', plannedOn: '2026-12-01' }));
      expect(await meetingsOfA()).toBe(before);
    },
    'GET /api/meetings/:id': async () => {
      await is404(b.get(`/api/meetings/${aMeeting.id}`));
    },
    'PATCH /api/meetings/:id': async () => {
      const before = await meetingsOfA();
      await is404(b.patch(`/api/meetings/${aMeeting.id}`, { topic: 'Khác' }));
      expect(await meetingsOfA()).toBe(before);
    },
    'POST /api/meetings/:id/attendance': async () => {
      const before = await meetingsOfA();
      await is404(b.post(`/api/meetings/${aMeeting.id}/attendance`, { exceptions: [] }));
      expect(await meetingsOfA()).toBe(before);
    },
    'POST /api/meetings/:id/attendance/preview': async () => {
      const r = await bRaw.upload(Buffer.from('Họ và tên,Tình trạng\r\nA,x\r\n'), 'a.csv', `/api/meetings/${aMeeting.id}/attendance/preview`);
      expect(r.status).toBe(404);
      noLeak(r.body);
    },
    'POST /api/meetings/:id/documents': async () => {
      const before = await meetingsOfA();
      await is404(b.post(`/api/meetings/${aMeeting.id}/documents`, { title: 'Tài liệu lạ' }));
      expect(await meetingsOfA()).toBe(before);
    },
    'POST /api/meetings/:id/documents/send': async () => {
      const before = await meetingsOfA();
      await is404(b.post(`/api/meetings/${aMeeting.id}/documents/send`, {}));
      expect(await meetingsOfA()).toBe(before);
    },
    'POST /api/meetings/:id/tasks': async () => {
      const before = await meetingsOfA();
      await is404(b.post(`/api/meetings/${aMeeting.id}/tasks`, { content: 'Việc lạ' }));
      expect(await meetingsOfA()).toBe(before);
    },
    'PATCH /api/meetings/tasks/:id': async () => {
      const before = await meetingsOfA();
      await is404(b.patch(`/api/meetings/tasks/${aMeeting.taskId}`, { outcome: 'Xong' }));
      expect(await meetingsOfA()).toBe(before);
    },
    'POST /api/meetings/:id/files': async () => {
      const before = await meetingsOfA();
      for (const fields of [{ role: 'minutes' }, { documentId: aMeeting.material }] as Record<string, string>[]) {
        const r = await bDocs.upload('', fields, { bytes: pdfBytes('la'), name: 'la.pdf' }, `/api/meetings/${aMeeting.id}/files`);
        expect(r.status).toBe(404);
        noLeak(r.body);
      }
      expect(await meetingsOfA()).toBe(before);
    },
    'GET /api/meetings/:id/documents/:documentId/file': async () => {
      for (const id of [aMeeting.material, aMeeting.minutes]) {
        const r = await bDocs.get(`/api/meetings/${aMeeting.id}/documents/${id}/file`);
        expect(r.status).toBe(404);
        noLeak(r.body);
      }
    },
    'GET /api/meetings/:id/document.docx': async () => {
      for (const kind of ['minutes', 'resolution', 'attendance-sheet']) await is404(b.get(`/api/meetings/${aMeeting.id}/document.docx?kind=${kind}`));
    },
    'GET /api/admissions/dossiers/:id': async () => {
      await is404(b.get(`/api/admissions/dossiers/${aDossier.id}`));
      expect((await aClient.get(`/api/admissions/dossiers/${aDossier.id}`)).status).toBe(200); // control
    },
    'GET /api/admissions/dossiers/:id/denominator': async () => {
      await is404(b.get(`/api/admissions/dossiers/${aDossier.id}/denominator?date=2026-01-05`));
    },
    'POST /api/admissions/dossiers/:id/steps': async () => {
      const before = await dossiersOfA();
      await is404(b.post(`/api/admissions/dossiers/${aDossier.id}/steps`, { kind: 'application', date: '2026-01-05' }));
      expect(await dossiersOfA()).toBe(before);
    },
    'GET /api/admissions/dossiers/:id/document.docx': async () => {
      for (const kind of ['checklist', 'cell_resolution']) await is404(b.get(`/api/admissions/dossiers/${aDossier.id}/document.docx?kind=${kind}`));
    },
    'GET /api/admissions/probation': async () => {
      const r = await b.get('/api/admissions/probation');
      expect(r.status).toBe(200);
      noLeak(r.body);
    },
    'GET /api/admissions/work-queue': async () => {
      const r = await b.get('/api/admissions/work-queue');
      expect(r.body.items).toEqual([]);
      expect((await aClient.get('/api/admissions/work-queue')).body.items.length).toBeGreaterThan(0); // control
    },
    'GET /api/admissions/work-queue/counts': async () => {
      const r = await b.get('/api/admissions/work-queue/counts');
      expect(r.body.total).toBe(0);
    },
    'GET /api/admissions/targets': async () => {
      await is404(b.get(`/api/admissions/targets?orgId=${f.orgs.A}`));
      await is404(b.get(`/api/admissions/targets?orgId=${f.orgs.a1}&year=2026`));
      const own = await b.get('/api/admissions/targets?year=2026');
      expect(own.status).toBe(200); // control: B's own organisation
      noLeak(own.body);
    },
    'GET /api/reports/dashboard': async () => {
      for (const id of [f.orgs.A, f.orgs.gA, f.orgs.a1, f.orgs.P]) await is404(b.get(`/api/reports/dashboard?orgId=${id}`));
      const own = await b.get('/api/reports/dashboard');
      expect(own.status).toBe(200); // control: B's own organisation, its figures only
      expect(own.body.org.id).toBe(f.orgs.B);
      noLeak(own.body);
      expect((await aClient.get(`/api/reports/dashboard?orgId=${f.orgs.A}`)).body.members.total).toBeGreaterThan(0); // control
    },
    'PUT /api/admissions/targets/:id': async () => {
      const before = await dossiersOfA();
      for (const id of [f.orgs.a1, f.orgs.gA, f.orgs.A]) await is404(b.raw('PUT', `/api/admissions/targets/${id}`, JSON.stringify({ year: 2026, target: 99 })));
      expect(await dossiersOfA()).toBe(before);
    },
    'POST /api/evaluation/periods': async () => {
      await is404(b.post('/api/evaluation/periods', { rootOrgId: f.orgs.A, year: 2027 }));
      await is404(b.post('/api/evaluation/periods', { rootOrgId: f.orgs.gA, year: 2027 }));
      await is404(b.post('/api/evaluation/periods', { rootOrgId: f.orgs.P, year: 2027 }));
    },
    'GET /api/evaluation/periods': async () => {
      const r = await b.get('/api/evaluation/periods');
      expect(r.status).toBe(200);
      expect(r.body.items.map((i: { id: string }) => i.id)).toEqual([pPeriod]); // control: the province's period, without its root
      noLeak(r.body);
      expect(JSON.stringify(r.body)).not.toContain(f.orgs.P);
    },
    'GET /api/evaluation/periods/:id': async () => {
      await is404(b.get(`/api/evaluation/periods/${aPeriod}`));
      const mine = await b.get(`/api/evaluation/periods/${pPeriod}`);
      expect(mine.status).toBe(200);
      expect(mine.body.orgs.map((o: { orgId: string }) => o.orgId)).toEqual([f.orgs.B, f.orgs.gB]);
      noLeak(mine.body);
    },
    'GET /api/evaluation/periods/:id/orgs/:orgId/members': async () => {
      await is404(b.get(`/api/evaluation/periods/${aPeriod}/orgs/${f.orgs.a1}/members`));
      await is404(b.get(`/api/evaluation/periods/${pPeriod}/orgs/${f.orgs.a1}/members`));
      expect((await b.get(`/api/evaluation/periods/${pPeriod}/orgs/${f.orgs.gB}/members`)).body.items).toHaveLength(2); // control
    },
    'GET /api/evaluation/periods/:id/members': async () => {
      await is404(b.get(`/api/evaluation/periods/${aPeriod}/members`));
      await is404(b.get(`/api/evaluation/periods/${pPeriod}/members?orgId=${f.orgs.a1}`));
      const mine = await b.get(`/api/evaluation/periods/${pPeriod}/members?pageSize=500`);
      expect(mine.body.total).toBe(2); // control: gB's two members, none of A's
      noLeak(mine.body);
    },
    'PATCH /api/evaluation/periods/:id/orgs': async () => {
      await is404(b.patch(`/api/evaluation/periods/${aPeriod}/orgs`, { items: [{ orgId: f.orgs.a1, selfLabel: 'good' }] }));
      // All or nothing: B's own organisation beside one of A's, nothing is written.
      await is404(
        b.patch(`/api/evaluation/periods/${pPeriod}/orgs`, {
          items: [
            { orgId: f.orgs.gB, selfLabel: 'good' },
            { orgId: f.orgs.gA, decidedLabel: 'not_completed' },
          ],
        }),
      );
    },
    'PATCH /api/evaluation/periods/:id/members': async () => {
      await is404(b.patch(`/api/evaluation/periods/${aPeriod}/members`, { items: [{ memberId: aMember.id, selfLabel: 'good' }] }));
      await is404(b.patch(`/api/evaluation/periods/${pPeriod}/members`, { items: [{ memberId: aMember.id, cellLabel: 'excellent' }] }));
    },
    'POST /api/evaluation/periods/:id/import/preview': async () => {
      const file = await xlsxOf([
        ['Họ và tên', 'Năm sinh', 'Quyết định'],
        ['Nguyễn Văn 5', '1980', 'HTTNV'],
      ]);
      for (const id of [aPeriod, pPeriod]) {
        const r = await bRaw.upload(file, 'kq.xlsx', `/api/evaluation/periods/${id}/import/preview`);
        if (id === aPeriod) expect(r.status).toBe(404);
        else expect(r.body.rows[0]).toMatchObject({ memberId: null, errors: ['Không tìm thấy đảng viên «Nguyễn Văn 5» sinh năm 1980 trong kỳ đánh giá.'] }); // only A has him
        noLeak(r.body);
      }
    },
    'POST /api/evaluation/periods/:id/import/commit': async () => {
      const file = await xlsxOf([
        ['Họ và tên', 'Năm sinh', 'Quyết định'],
        ['Nguyễn Văn 5', '1980', 'HTTNV'],
      ]);
      expect((await bRaw.upload(file, 'kq.xlsx', `/api/evaluation/periods/${aPeriod}/import/commit`)).status).toBe(404);
      const r = await bRaw.upload(file, 'kq.xlsx', `/api/evaluation/periods/${pPeriod}/import/commit`);
      expect(r.status).toBe(400);
      noLeak(r.body);
    },
    'PATCH /api/evaluation/periods/:id/orgs/:orgId': async () => {
      await is404(b.patch(`/api/evaluation/periods/${aPeriod}/orgs/${f.orgs.a1}`, { selfLabel: 'good' }));
      await is404(b.patch(`/api/evaluation/periods/${pPeriod}/orgs/${f.orgs.gA}`, { decidedLabel: 'not_completed' }));
    },
    'POST /api/evaluation/periods/:id/overrides': async () => {
      await is404(b.post(`/api/evaluation/periods/${aPeriod}/overrides`, { checkCode: 'member_quota', orgId: f.orgs.gA, reason: 'x' }));
      await is404(b.post(`/api/evaluation/periods/${pPeriod}/overrides`, { checkCode: 'member_quota', orgId: f.orgs.gA, reason: 'x' }));
      // B sees the province's period but is not the level that opened it.
      expect((await b.post(`/api/evaluation/periods/${pPeriod}/overrides`, { checkCode: 'member_quota', orgId: f.orgs.gB, reason: 'x' })).status).toBe(403);
    },
    'POST /api/evaluation/periods/:id/publish': async () => {
      await is404(b.post(`/api/evaluation/periods/${aPeriod}/publish`, { decisionNo: '1', decisionDate: '2026-12-20' }));
      expect((await b.post(`/api/evaluation/periods/${pPeriod}/publish`, { decisionNo: '1', decisionDate: '2025-12-20' })).status).toBe(403);
    },
    'POST /api/evaluation/periods/:id/changes': async () => {
      await is404(
        b.post(`/api/evaluation/periods/${aPeriod}/changes`, {
          subject: 'member',
          evaluationId: aMemberEval,
          label: 'good',
          decisionNo: '1',
          decisionDate: '2026-12-20',
          reason: 'x',
        }),
      );
    },
    'GET /api/reports/catalogue': async () => {
      expect((await b.get('/api/reports/catalogue')).status).toBe(200);
    },
    'GET /api/reports': async () => {
      for (const orgId of [f.orgs.A, f.orgs.gA, f.orgs.P]) await is404(b.get(`/api/reports?orgId=${orgId}`));
      noLeak((await b.get(`/api/reports?orgId=${f.orgs.B}&breakdown=children`)).body);
    },
    'GET /api/reports/tables/:table': async () => {
      for (const orgId of [f.orgs.A, f.orgs.a1, f.orgs.P]) await is404(b.get(`/api/reports/tables/members-composition?orgId=${orgId}`));
      noLeak((await b.get(`/api/reports/tables/member-changes?orgId=${f.orgs.B}&breakdown=children&compare=true`)).body);
      noLeak((await b.get(`/api/reports/tables/directives-tasks?orgId=${f.orgs.B}&from=2026-01-01&to=2026-12-31&breakdown=children`)).body);
    },
    'GET /api/reports/orgs': async () => {
      for (const orgId of [f.orgs.A, f.orgs.gA, f.orgs.P]) await is404(b.get(`/api/reports/orgs?orgId=${orgId}`));
      noLeak((await b.get(`/api/reports/orgs?orgId=${f.orgs.B}&includeSelf=true`)).body);
    },
    'POST /api/reports/submissions': async () => {
      const count = async () => (await t.database.db.selectFrom('report_submission').select('id').execute()).length;
      const before = await count();
      for (const orgId of [f.orgs.A, f.orgs.a1, f.orgs.P]) await is404(b.post('/api/reports/submissions', { orgId, asOf: '2026-06-30' }));
      expect(await count()).toBe(before);
      const own = await b.post('/api/reports/submissions', { orgId: f.orgs.B, asOf: '2026-06-30', compare: true });
      expect(own.status).toBe(201); // control: B submits its own report
      noLeak(own.body);
    },
    'GET /api/reports/submissions': async () => {
      for (const orgId of [f.orgs.A, f.orgs.P]) await is404(b.get(`/api/reports/submissions?orgId=${orgId}`));
      noLeak((await b.get(`/api/reports/submissions?orgId=${f.orgs.B}`)).body);
    },
    'GET /api/reports/submissions/status': async () => {
      for (const orgId of [f.orgs.A, f.orgs.P]) await is404(b.get(`/api/reports/submissions/status?orgId=${orgId}&asOf=2026-06-30`));
      const own = await b.get(`/api/reports/submissions/status?orgId=${f.orgs.B}&asOf=2026-06-30`);
      expect(own.body.children.map((c: { orgId: string }) => c.orgId)).toEqual([f.orgs.gB]);
      noLeak(own.body);
    },
    'GET /api/directives': async () => {
      for (const q of ['', '?q=tan%20lap', '?q=12', '?q=chuong%20trinh', '?kind=ke_hoach']) {
        const r = await b.get(`/api/directives${q}`);
        noLeak(r.body);
        expect(r.body.items.every((d: { id: string }) => d.id === dir.pPlan)).toBe(true);
      }
      expect((await b.get('/api/directives')).body.items.map((d: { id: string }) => d.id)).toEqual([dir.pPlan]); // control: B's share shows the plan
    },
    'POST /api/directives': async () => {
      const base = { kind: 'cong_van', issuedOn: '2026-11-01', issuerName: 'Đảng ủy', title: 'Công văn' };
      await is404(b.post('/api/directives', { ...base, ownerOrgId: f.orgs.A }));
      await is404(b.post('/api/directives', { ...base, ownerOrgId: f.orgs.B, implementsId: dir.aPlan }));
      await is404(b.post('/api/directives', { ...base, ownerOrgId: f.orgs.B, issuerOrgId: f.orgs.A }));
    },
    'GET /api/directives/work-queue': async () => {
      const r = await b.get('/api/directives/work-queue');
      noLeak(r.body);
      expect(r.body.items.map((i: { orgId: string }) => i.orgId)).toEqual([f.orgs.B]); // control: B's own late share
    },
    'GET /api/directives/programmes': async () => {
      const r = await b.get('/api/directives/programmes');
      expect(r.body.items).toEqual([]);
      noLeak(r.body);
    },
    'GET /api/directives/:id': async () => {
      for (const id of [dir.aPlan, dir.aProgramme]) await is404(b.get(`/api/directives/${id}`));
      const r = await b.get(`/api/directives/${dir.pPlan}`);
      expect(r.body.tasks[0].shares.map((s: { orgId: string }) => s.orgId)).toEqual([f.orgs.B]);
      expect(r.body.implementedBy).toEqual([]);
      noLeak(r.body);
    },
    'GET /api/directives/:id/progress': async () => {
      await is404(b.get(`/api/directives/${dir.aPlan}/progress`));
      const r = await b.get(`/api/directives/${dir.pPlan}/progress`);
      expect(r.body.totals.shares).toBe(1);
      noLeak(r.body);
    },
    'GET /api/directives/:id/document.docx': async () => {
      for (const kind of ['plan', 'report']) {
        const r = await bRaw.download(`/api/directives/${dir.aPlan}/document.docx?kind=${kind}`);
        expect(r.status).toBe(404);
        const own = await bRaw.download(`/api/directives/${dir.pPlan}/document.docx?kind=${kind}`);
        expect(own.status).toBe(200);
        noLeak(zipEntryText(own.bytes, 'word/document.xml'));
      }
    },
    'POST /api/directives/:id/tasks': async () => {
      const task = { title: 'Việc khác', assignees: { orgIds: [f.orgs.gB] }, deadline: { type: 'none' } };
      await is404(b.post(`/api/directives/${dir.aPlan}/tasks`, task));
      expect((await b.post(`/api/directives/${dir.pPlan}/tasks`, task)).status).toBe(403);
      const own = (
        await b.post('/api/directives', { ownerOrgId: f.orgs.B, kind: 'ke_hoach', issuedOn: '2026-11-14', issuerOrgId: f.orgs.B, title: 'Kế hoạch phường' })
      ).body.id;
      await is404(b.post(`/api/directives/${own}/tasks`, { ...task, assignees: { orgIds: [f.orgs.a1] } }));
      await is404(b.post(`/api/directives/${own}/tasks`, { ...task, assignees: { underOrgId: f.orgs.A, kindCode: 'chi_bo_truc_thuoc' } }));
    },
    'POST /api/directives/:id/topics': async () => {
      await is404(
        b.post(`/api/directives/${dir.aProgramme}/topics`, { topicKind: 'de_tai', title: 'Đề tài', leadOrgId: f.orgs.gB, participantOrgIds: [], dueOn: null }),
      );
    },
    'GET /api/congress/terms/:id/targets': async () => {
      await is404(b.get(`/api/congress/terms/${targets.aTerm}/targets`));
    },
    'POST /api/congress/terms/:id/targets': async () => {
      await is404(b.post(`/api/congress/terms/${targets.aTerm}/targets`, { title: 'Kết nạp', metric: 'members_admitted', low: 10 }));
    },
    'PATCH /api/congress/targets/:id/actuals': async () => {
      await is404(b.patch(`/api/congress/targets/${targets.aTarget}/actuals`, { actuals: [{ year: 2025, value: 1 }] }));
    },
    'GET /api/directives/due-shares': async () => {
      for (const orgId of [f.orgs.A, f.orgs.a1, f.orgs.P]) await is404(b.get(`/api/directives/due-shares?orgId=${orgId}&from=2026-01-01&to=2026-12-31`));
      const own = await b.get(`/api/directives/due-shares?orgId=${f.orgs.B}&from=2026-01-01&to=2026-12-31`);
      expect(own.status).toBe(200); // control: B lists its own shares
      expect(own.body.items.every((i: { orgId: string }) => i.orgId !== f.orgs.A && i.orgId !== f.orgs.gA)).toBe(true);
      noLeak(own.body);
    },
    'GET /api/directives/shares/:id': async () => {
      for (const id of [dir.aShare, dir.aPart]) await is404(b.get(`/api/directives/shares/${id}`));
    },
    'POST /api/directives/shares/:id/split': async () => {
      await is404(b.post(`/api/directives/shares/${dir.aShare}/split`, { orgIds: [f.orgs.gB] }));
      const own = (await b.get(`/api/directives/${dir.pPlan}`)).body.tasks[0].shares[0].id;
      await is404(b.post(`/api/directives/shares/${own}/split`, { orgIds: [f.orgs.a1] }));
    },
    'POST /api/directives/shares/:id/reports': async () => {
      const before = JSON.stringify(await t.database.db.selectFrom('directive_report').selectAll().orderBy('id').execute());
      for (const id of [dir.aShare, dir.aPart])
        await is404(b.post(`/api/directives/shares/${id}/reports`, { status: 'done', body: 'Xong', reportedOn: '2026-11-19' }));
      expect(JSON.stringify(await t.database.db.selectFrom('directive_report').selectAll().orderBy('id').execute())).toBe(before);
    },
    'GET /api/reports/submissions/:id': async () => {
      await is404(b.get(`/api/reports/submissions/${aSubmission}`));
    },
    'GET /api/reports/export.xlsx': async () => {
      for (const orgId of [f.orgs.A, f.orgs.P]) {
        const r = await bRaw.download(`/api/reports/export.xlsx?orgId=${orgId}&asOf=2026-06-30`);
        expect(r.status).toBe(404);
        noLeak(r.body);
      }
    },
    'GET /api/reports/submissions/:id/export.xlsx': async () => {
      const r = await bRaw.download(`/api/reports/submissions/${aSubmission}/export.xlsx`);
      expect(r.status).toBe(404);
      noLeak(r.body);
    },
    'GET /api/reports/export.docx': async () => {
      for (const orgId of [f.orgs.A, f.orgs.P]) {
        const r = await bRaw.download(`/api/reports/export.docx?orgId=${orgId}&asOf=2026-06-30`);
        expect(r.status).toBe(404);
        noLeak(r.body);
      }
    },
    'GET /api/reports/submissions/:id/export.docx': async () => {
      const r = await bRaw.download(`/api/reports/submissions/${aSubmission}/export.docx`);
      expect(r.status).toBe(404);
      noLeak(r.body);
    },
    'GET /api/reports/export.pdf': async () => {
      for (const orgId of [f.orgs.A, f.orgs.P]) {
        const r = await bRaw.download(`/api/reports/export.pdf?orgId=${orgId}&asOf=2026-06-30`);
        expect(r.status).toBe(404);
        noLeak(r.body);
      }
    },
    'GET /api/reports/submissions/:id/export.pdf': async () => {
      const r = await bRaw.download(`/api/reports/submissions/${aSubmission}/export.pdf`);
      expect(r.status).toBe(404);
      noLeak(r.body);
    },
    // the committees' side of the cells' meetings (issue 16 parts 4, 5, 7)
    'GET /api/meetings/compliance': async () => {
      for (const orgId of [f.orgs.A, f.orgs.a1, f.orgs.P]) await is404(b.get(`/api/meetings/compliance?orgId=${orgId}&from=2026-01-01&to=2026-06-30`));
      noLeak((await b.get(`/api/meetings/compliance?orgId=${f.orgs.B}&from=2026-01-01&to=2026-06-30`)).body);
    },
    'GET /api/meetings/compliance/meetings': async () => {
      for (const orgId of [f.orgs.A, f.orgs.P]) await is404(b.get(`/api/meetings/compliance/meetings?orgId=${orgId}&from=2026-01-01&to=2026-06-30`));
      noLeak((await b.get(`/api/meetings/compliance/meetings?orgId=${f.orgs.B}&from=2026-01-01&to=2026-06-30`)).body);
    },
    'GET /api/meetings/compliance/export.xlsx': async () => {
      for (const orgId of [f.orgs.A, f.orgs.P]) {
        const r = await bRaw.download(`/api/meetings/compliance/export.xlsx?orgId=${orgId}&from=2026-01-01&to=2026-06-30`);
        expect(r.status).toBe(404);
        noLeak(r.body);
      }
    },
    'GET /api/meetings/alerts': async () => {
      noLeak((await b.get('/api/meetings/alerts')).body);
    },
    'POST /api/meetings/alerts/dismiss': async () => {
      await is404(b.post('/api/meetings/alerts/dismiss', { memberId: aMember.id, year: 2026, source: 'meetings', reason: 'Lý do' }));
    },
    'POST /api/meetings/alerts/strike-off': async () => {
      await is404(b.post('/api/meetings/alerts/strike-off', { memberId: aMember.id, date: '2026-11-01' }));
      expect((await aClient.get(`/api/members/${aMember.id}`)).body.status).not.toBe('struck_off');
    },
    'GET /api/me/meetings': async () => {
      // B's officer is no member: he has no own view, and nobody's else
      expect((await b.get('/api/me/meetings')).status).toBe(403);
    },
    'GET /api/me/meetings/documents/:documentId/file': async () => {
      // B's officer has no own view; B's member does, and A's materials are not in it
      expect((await bDocs.get(`/api/me/meetings/documents/${aMeeting.material}/file`)).status).toBe(403);
      for (const id of [aMeeting.material, aMeeting.minutes]) {
        const r = await bMember.get(`/api/me/meetings/documents/${id}/file`);
        expect(r.status).toBe(404);
        noLeak(r.body);
      }
      noLeak((await bMember.get('/api/me/meetings?year=2026')).body);
    },
    'POST /api/meetings/member-access': async () => {
      await is404(b.post('/api/meetings/member-access', { userId: aUsers[0], memberId: aMember.id }));
      await is404(b.post('/api/meetings/member-access', { userId: f.users.adminB, memberId: aMember.id }));
    },
    'GET /api/evaluation/results': async () => {
      for (const orgId of [f.orgs.A, f.orgs.gA, f.orgs.P]) await is404(b.get(`/api/evaluation/results?orgId=${orgId}&year=2026`));
      noLeak((await b.get(`/api/evaluation/results?orgId=${f.orgs.B}&year=2026&fromYear=2020`)).body);
    },
    'GET /api/evaluation/results/latest': async () => {
      for (const orgId of [f.orgs.A, f.orgs.gA, f.orgs.P]) await is404(b.get(`/api/evaluation/results/latest?orgId=${orgId}`));
      // Without an organisation: B's own commune, never the province above it.
      const own = await b.get('/api/evaluation/results/latest');
      expect(own.body.orgId).toBe(f.orgs.B);
      noLeak(own.body);
    },
    'GET /api/evaluation/results/records': async () => {
      for (const orgId of [f.orgs.A, f.orgs.P]) await is404(b.get(`/api/evaluation/results/records?orgId=${orgId}&year=2026&subject=member&level=good`));
      await is404(b.get(`/api/evaluation/results/records?orgId=${f.orgs.B}&year=2026&subject=member&level=good&childId=${f.orgs.gA}`));
      noLeak((await b.get(`/api/evaluation/results/records?orgId=${f.orgs.B}&year=2026&subject=org&level=good`)).body);
    },
    'GET /api/evaluation/results/export.xlsx': async () => {
      const r = await bRaw.download(`/api/evaluation/results/export.xlsx?orgId=${f.orgs.A}&year=2026`);
      expect(r.status).toBe(404);
      noLeak(r.body);
    },
    'GET /api/evaluation/results/report.docx': async () => {
      for (const orgId of [f.orgs.A, f.orgs.P]) {
        const r = await bRaw.download(`/api/evaluation/results/report.docx?orgId=${orgId}&year=2026`);
        expect(r.status).toBe(404);
        noLeak(r.body);
      }
    },
    'GET /api/evaluation/streaks': async () => {
      await is404(b.get(`/api/evaluation/streaks?orgId=${f.orgs.A}&toYear=2026`));
      noLeak((await b.get(`/api/evaluation/streaks?orgId=${f.orgs.B}&toYear=2026&years=2`)).body);
    },
    'GET /api/evaluation/consolidation': async () => {
      await is404(b.get(`/api/evaluation/consolidation?orgId=${f.orgs.A}`));
      const own = await b.get(`/api/evaluation/consolidation?orgId=${f.orgs.B}`);
      expect(own.body.items).toEqual([]);
    },
    'POST /api/evaluation/consolidation': async () => {
      await is404(b.post('/api/evaluation/consolidation', { orgId: f.orgs.gA, year: 2026, reason: 'x' }));
    },
    'PATCH /api/evaluation/consolidation': async () => {
      await is404(b.patch('/api/evaluation/consolidation', { items: [{ id: aConsolidation, status: 'done' }] }));
    },
    'PATCH /api/evaluation/consolidation/:id': async () => {
      await is404(b.patch(`/api/evaluation/consolidation/${aConsolidation}`, { status: 'done' }));
    },
    'GET /api/discipline/decisions': async () => {
      for (const orgId of [f.orgs.A, f.orgs.gA, f.orgs.a1, f.orgs.P]) await is404(b.get(`/api/discipline/decisions?orgId=${orgId}`));
      // another's member as a filter: the list stays within B's scope, so it is empty
      const byMember = await b.get(`/api/discipline/decisions?memberId=${aMember.id}`);
      expect(byMember.body.items).toEqual([]);
      noLeak(byMember.body, true);
      noLeak((await b.get(`/api/discipline/decisions?orgId=${f.orgs.B}`)).body);
      noLeak((await b.get('/api/discipline/decisions')).body);
    },
    'GET /api/discipline/decisions/:id/document.docx': async () => {
      const r = await bRaw.download(`/api/discipline/decisions/${aDecision.id}/document.docx`);
      expect(r.status).toBe(404);
      noLeak(r.body);
    },
    'GET /api/discipline/decisions/:id': async () => {
      await is404(b.get(`/api/discipline/decisions/${aDecision.id}`));
    },
    'POST /api/discipline/decisions': async () => {
      const d = { form: 'warning', decidingBody: 'committee', decisionNo: '9-QĐ/ĐU', decidedOn: '2026-07-01', violationOn: '2026-06-01' };
      await is404(b.post('/api/discipline/decisions', { ...d, memberId: aMember.id, decidingOrgId: f.orgs.B }));
      await is404(b.post('/api/discipline/decisions', { ...d, orgId: f.orgs.a1, decidingOrgId: f.orgs.B }));
      // a deciding organisation of A's is a field error ("not found or outside your scope"), never a decision
      for (const memberId of [aMember.id, bMemberId]) {
        const r = await b.post('/api/discipline/decisions', { ...d, memberId, decidingOrgId: f.orgs.gA });
        expect([400, 404]).toContain(r.status);
        noLeak(r.body, true);
      }
    },
    'POST /api/discipline/decisions/:id/revoke': async () => {
      await is404(b.post(`/api/discipline/decisions/${aDecision.id}/revoke`, { revokedOn: '2026-08-01', reason: 'Sai' }));
    },
    'POST /api/discipline/decisions/:id/complaints': async () => {
      await is404(b.post(`/api/discipline/decisions/${aDecision.id}/complaints`, { receivedOn: '2026-06-11', filedOn: '2026-06-11' }));
    },
    'POST /api/discipline/decisions/:id/complaints/:complaintId/outcome': async () => {
      await is404(
        b.post(`/api/discipline/decisions/${aDecision.id}/complaints/${aDecision.complaintId}/outcome`, { outcome: 'revoked', outcomeOn: '2026-07-01' }),
      );
    },
    'GET /api/discipline/deferrals': async () => {
      await is404(b.get(`/api/discipline/deferrals?memberId=${aMember.id}`));
    },
    'POST /api/discipline/deferrals': async () => {
      await is404(b.post('/api/discipline/deferrals', { memberId: aMember.id, reason: 'pregnant', fromOn: '2026-11-01', toOn: '2026-12-01' }));
    },
    'GET /api/inspection/plans': async () => {
      for (const orgId of [f.orgs.A, f.orgs.gA, f.orgs.P]) await is404(b.get(`/api/inspection/plans?orgId=${orgId}&year=2026`));
      noLeak((await b.get(`/api/inspection/plans?orgId=${f.orgs.B}&year=2026`)).body);
    },
    'POST /api/inspection/plans': async () => {
      for (const orgId of [f.orgs.A, f.orgs.a1, f.orgs.P])
        await is404(b.post('/api/inspection/plans', { orgId, year: 2026, body: 'committee', title: 'Kế hoạch' }));
    },
    'GET /api/inspection/plans/:id': async () => {
      await is404(b.get(`/api/inspection/plans/${aPlan}`));
    },
    'POST /api/inspection/plans/:id/amend': async () => {
      await is404(b.post(`/api/inspection/plans/${aPlan}/amend`, { amendedOn: '2026-07-01', reason: 'Bổ sung' }));
    },
    'GET /api/inspection/items': async () => {
      for (const orgId of [f.orgs.A, f.orgs.P]) await is404(b.get(`/api/inspection/items?orgId=${orgId}&from=2026-01-01&to=2026-12-31`));
      noLeak((await b.get(`/api/inspection/items?orgId=${f.orgs.B}&from=2026-01-01&to=2026-12-31`)).body);
    },
    'POST /api/inspection/items': async () => {
      const item = { kind: 'inspection', mode: 'regular', content: 'Kiểm tra', dueOn: '2026-05-01' };
      await is404(b.post('/api/inspection/items', { ...item, planId: aPlan, subjectOrgId: f.orgs.gB }));
      await is404(b.post('/api/inspection/items', { ...item, orgId: f.orgs.A, body: 'committee', subjectOrgId: f.orgs.a1, concludedOn: '2026-05-01' }));
      // B's own organisation with A's subject: refused, nothing of A named
      const r = await b.post('/api/inspection/items', { ...item, orgId: f.orgs.B, body: 'committee', subjectOrgId: f.orgs.a1, concludedOn: '2026-05-01' });
      expect(r.status).toBe(400);
      noLeak(r.body, true);
    },
    'PATCH /api/inspection/items/:id': async () => {
      await is404(b.patch(`/api/inspection/items/${aItem}`, { status: 'cancelled', cancelReason: 'x' }));
    },
    'GET /api/inspection/items/:id/document.docx': async () => {
      for (const kind of ['decision', 'conclusion']) {
        const r = await bRaw.download(`/api/inspection/items/${aItem}/document.docx?kind=${kind}`);
        expect(r.status).toBe(404);
        noLeak(r.body);
      }
    },
    'GET /api/inspection/progress': async () => {
      for (const orgId of [f.orgs.A, f.orgs.gA, f.orgs.P]) await is404(b.get(`/api/inspection/progress?orgId=${orgId}&year=2026`));
      noLeak((await b.get(`/api/inspection/progress?orgId=${f.orgs.B}&year=2026`)).body);
    },
    'GET /api/inspection/coverage': async () => {
      for (const orgId of [f.orgs.A, f.orgs.P]) await is404(b.get(`/api/inspection/coverage?orgId=${orgId}&year=2026`));
      noLeak((await b.get(`/api/inspection/coverage?orgId=${f.orgs.B}&year=2026`)).body);
    },
    'GET /api/inspection/coverage/orgs': async () => {
      for (const orgId of [f.orgs.A, f.orgs.P]) await is404(b.get(`/api/inspection/coverage/orgs?orgId=${orgId}&year=2026&group=chi_bo&which=all`));
      noLeak((await b.get(`/api/inspection/coverage/orgs?orgId=${f.orgs.B}&year=2026&group=chi_bo&which=all`)).body);
    },
    'GET /api/inspection/disciplines': async () => {
      for (const q of ['', '&subjectKind=member', '&complaint=received'])
        for (const orgId of [f.orgs.A, f.orgs.P]) await is404(b.get(`/api/inspection/disciplines?orgId=${orgId}&from=2020-01-01&to=2026-12-31${q}`));
      noLeak((await b.get(`/api/inspection/disciplines?orgId=${f.orgs.B}&from=2020-01-01&to=2026-12-31`)).body);
    },
    'GET /api/inspection/cases': async () => {
      for (const orgId of [f.orgs.A, f.orgs.P]) await is404(b.get(`/api/inspection/cases?orgId=${orgId}`));
      noLeak((await b.get(`/api/inspection/cases?orgId=${f.orgs.B}`)).body);
    },
    'POST /api/inspection/cases': async () => {
      const c = { body: 'inspection_committee', source: 'complaint', summary: 'Đơn', openedOn: '2026-05-01' };
      await is404(b.post('/api/inspection/cases', { ...c, orgId: f.orgs.A, subjectOrgId: f.orgs.a1 }));
      const r = await b.post('/api/inspection/cases', { ...c, orgId: f.orgs.B, subjectMemberId: aMember.id });
      expect(r.status).toBe(400);
      noLeak(r.body, true);
    },
    'POST /api/inspection/cases/:id/reveal': async () => {
      await is404(b.post(`/api/inspection/cases/${aCase}/reveal`));
    },
    'PATCH /api/inspection/cases/:id': async () => {
      await is404(b.patch(`/api/inspection/cases/${aCase}`, { decisionNo: '1-QĐ' }));
    },
    'GET /api/congress/terms': async () => {
      for (const orgId of [f.orgs.A, f.orgs.gA, f.orgs.a1]) await is404(b.get(`/api/congress/terms?orgId=${orgId}`));
      const own = await b.get(`/api/congress/terms?orgId=${f.orgs.gB}`);
      expect(own.status).toBe(200); // control
      noLeak(own.body);
    },
    'POST /api/congress/terms': async () => {
      const term = { fromYear: 2025, toYear: 2030, congressOn: '2025-06-01' };
      await is404(b.post('/api/congress/terms', { ...term, orgId: f.orgs.gA }));
      await is404(b.post('/api/congress/terms', { ...term, orgId: f.orgs.gB, seats: [{ memberId: aMember.id, body: 'committee', post: 'bi_thu' }] }));
    },
    'GET /api/congress/terms/:id/committee': async () => {
      await is404(b.get(`/api/congress/terms/${cg.aTerm}/committee`));
      await is404(b.get(`/api/congress/terms/${cg.aTerm}/committee?asOf=2026-01-01`));
    },
    'GET /api/congress/terms/:id/document.docx': async () => {
      const r = await bRaw.download(`/api/congress/terms/${cg.aTerm}/document.docx`);
      expect(r.status).toBe(404);
    },
    'POST /api/congress/terms/:id/seats': async () => {
      await is404(
        b.post(`/api/congress/terms/${cg.aTerm}/seats`, {
          fullName: 'X',
          body: 'committee',
          post: 'cap_uy_vien',
          fromOn: '2026-01-01',
          how: 'appointed_additional',
        }),
      );
    },
    'POST /api/congress/seats/:id/end': async () => {
      await is404(b.post(`/api/congress/seats/${cg.aSeat}/end`, { endedOn: '2026-01-01', reason: 'moved' }));
    },
    'GET /api/congress/rounds': async () => {
      const r = await b.get('/api/congress/rounds');
      expect(r.body.items.map((i: { id: string }) => i.id)).toEqual([cg.pRound]); // the province's round, not A's
      noLeak(r.body);
    },
    'POST /api/congress/rounds': async () => {
      await is404(b.post('/api/congress/rounds', { orgId: f.orgs.A, title: 'Đợt', fromOn: '2025-01-01', toOn: '2025-12-31' }));
    },
    'GET /api/congress/rounds/:id': async () => {
      await is404(b.get(`/api/congress/rounds/${cg.aRound}`));
      await is404(b.get(`/api/congress/rounds/${cg.pRound}?underOrgId=${f.orgs.A}`));
      const own = await b.get(`/api/congress/rounds/${cg.pRound}?asOf=2025-06-30`);
      expect(own.body.underOrgId).toBe(f.orgs.B); // control: B's part of the province round
      noLeak(own.body);
    },
    'GET /api/congress/rounds/:id/orgs/:orgId': async () => {
      await is404(b.get(`/api/congress/rounds/${cg.aRound}/orgs/${f.orgs.gA}`));
      await is404(b.get(`/api/congress/rounds/${cg.pRound}/orgs/${f.orgs.gA}`));
      expect((await b.get(`/api/congress/rounds/${cg.pRound}/orgs/${f.orgs.gB}`)).status).toBe(200); // control
    },
    'PUT /api/congress/rounds/:id/orgs/:orgId': async () => {
      const body = JSON.stringify({ items: [{ key: 'ke_hoach', doneOn: '2025-03-01' }] });
      for (const [round, org] of [
        [cg.aRound, f.orgs.gA],
        [cg.pRound, f.orgs.gA],
      ])
        await is404(b.raw('PUT', `/api/congress/rounds/${round}/orgs/${org}`, body));
    },
    'GET /api/audit': async () => {
      const r = await b.get('/api/audit?pageSize=200');
      expect(r.status).toBe(200);
      expect(r.body.total).toBeGreaterThan(0); // control: B's own entries are there
      noLeak(r.body);
      for (const id of [...aIds, ...aUsers]) expect((await b.get(`/api/audit?entityId=${id}`)).body.total).toBe(0);
    },
  };

  beforeAll(async () => {
    t = await startTestApp(engine);
    f = await buildFixture(t);
    aIds = [f.orgs.A, f.orgs.gA, f.orgs.a1, f.orgs.a2];
    aUsers = ['adminA', 'editorA', 'inspectorA', 'viewerA1'].map((u) => f.users[u]!);
    // A's people do things, so A has audit entries B must not see.
    const a = await t.login('adminA');
    const created = await a.post('/api/members', {
      fullName: 'Hoàng Thị Tân Lập',
      gender: 'nu',
      birthDate: '1990-03-03',
      orgId: f.orgs.a1,
      admittedOn: '2012-03-03',
      cccd: '036190001234',
    });
    aMember = { id: created.body.id, cccd: '036190001234' };
    aIds.push(aMember.id);
    const work = await a.post(`/api/members/${aMember.id}/records`, { kind: 'work', data: { from: '2010-09', workplace: 'Trường THPT Nguyễn Du' } });
    const family = await a.post(`/api/members/${aMember.id}/records`, { kind: 'family', data: { relationship: 'father', fullName: 'Hoàng Văn Tân Lập' } });
    aRecords = { work: work.body.id, family: family.body.id };
    aIds.push(aRecords.work, aRecords.family);
    const filtered = await a.post('/api/members', {
      fullName: 'Đỗ Văn Tân Lập',
      gender: 'nam',
      orgId: f.orgs.a1,
      birthDate: '1966-11-20',
      religion: 'cong_giao',
      generalEducation: 'thpt',
      occupation: 'cong_chuc',
      admittedOn: '1997-01-15',
      officialOn: '1998-01-15',
    });
    aFiltered = filtered.body.id;
    aIds.push(aFiltered);
    aClient = a;
    const dossier = await a.post('/api/admissions/candidates', {
      orgId: f.orgs.a1,
      fullName: 'Lý Thị Tân Lập',
      gender: 'nu',
      birthDate: '2001-01-01',
      listedOn: '2021-10-01',
    });
    aDossier = { id: dossier.body.id, candidateId: dossier.body.candidate.id };
    expect((await a.post(`/api/admissions/dossiers/${aDossier.id}/steps`, { kind: 'course', date: '2021-12-01' })).status).toBe(200);
    expect((await a.raw('PUT', `/api/admissions/targets/${f.orgs.a1}`, JSON.stringify({ year: 2026, target: 3 }))).status).toBe(200);
    aIds.push(aDossier.id, aDossier.candidateId);
    // A's cell meeting, held, with a sent document, the attendance and a task.
    const meetingId = (await t.services.meetings.create(f.admin, { orgId: f.orgs.a1, kind: 'regular', plannedOn: '2026-11-10', topic: 'Sinh hoạt Tân Lập' }))
      .id;
    await t.services.meetings.addDocument(f.admin, meetingId, { title: 'Tài liệu Tân Lập', sentAt: '2026-11-09T08:00:00+07:00' });
    await t.services.meetings.update(f.admin, meetingId, { heldOn: '2026-11-10', startTime: '08:00', endTime: '09:30' });
    await t.services.meetings.recordAttendance(f.admin, meetingId, { exceptions: [] });
    const withTask = await t.services.meetings.addTask(f.admin, meetingId, { content: 'Việc của Tân Lập' });
    // …the file of its sent material and its minutes' file (issue 16 part 1).
    const material = withTask.documents[0]!.id;
    await t.services.meetings.uploadFile(f.admin, meetingId, { fileName: 'tai-lieu.pdf', bytes: pdfBytes('tai lieu') }, { documentId: material });
    const withFiles = await t.services.meetings.uploadFile(f.admin, meetingId, { fileName: 'bien-ban.pdf', bytes: pdfBytes('bien ban') }, { role: 'minutes' });
    aMeeting = { id: meetingId, taskId: withTask.tasks[0]!.id, material, minutes: withFiles.documents.find((d) => d.role === 'minutes')!.id };
    aIds.push(aMeeting.id, aMeeting.taskId, material, aMeeting.minutes);
    const sys = await t.login('admin');
    expect((await sys.raw('PUT', '/api/calendar/adjustments/2026-12-31', JSON.stringify({ kind: 'holiday', note: 'Nghỉ cuối năm' }))).status).toBe(200);
    await a.post(`/api/orgs/${f.orgs.a1}/rename`, { name: 'Chi bộ Tổ Toán', code: '01.02', ...DECISION });
    await t.login('editorA');
    // A's editor leaves a preview of an import B must not read nor commit.
    const aRaw = await rawSession(t, 'editorA');
    const aFile = await xlsxOf([
      ['Họ và tên', 'Giới tính', 'Ngày sinh', 'Chi bộ', 'Ngày vào Đảng'],
      ['Trịnh Văn Tân Lập', 'Nam', '01/01/1991', 'Chi bộ Tổ Toán', '01/01/2021'],
    ]);
    aImport = (await aRaw.upload(aFile)).body.importId;
    // …and a document in the dossier of A's member.
    const aDocs = await documentSession(t, 'adminA');
    aDocument = (await aDocs.upload(aMember.id, { docType: 'background', title: 'Lý lịch của Tân Lập' }, { bytes: pdfBytes('ly lich'), name: 'ly-lich.pdf' }))
      .body.latest.id;
    aIds.push(aDocument);
    // A's evaluation of 2026 with a decided member, the province's of 2025, and A's consolidation entry.
    aPeriod = (await a.post('/api/evaluation/periods', { rootOrgId: f.orgs.A, year: 2026 })).body.period.id;
    await a.patch(`/api/evaluation/periods/${aPeriod}/members`, {
      items: [{ memberId: aMember.id, selfLabel: 'good', cellLabel: 'good', decidedLabel: 'good' }],
    });
    aMemberEval = (await a.get(`/api/evaluation/periods/${aPeriod}/orgs/${f.orgs.a1}/members`)).body.items.find(
      (i: { memberId: string }) => i.memberId === aMember.id,
    ).id;
    pPeriod = (await sys.post('/api/evaluation/periods', { rootOrgId: f.orgs.P, year: 2025 })).body.period.id;
    aConsolidation = (await a.post('/api/evaluation/consolidation', { orgId: f.orgs.gA, year: 2026, reason: 'Nội bộ Tân Lập mất đoàn kết' })).body.id;
    aIds.push(aPeriod, aMemberEval, aConsolidation);
    aSubmission = (await a.post('/api/reports/submissions', { orgId: f.orgs.A, from: '2026-01-01', to: '2026-06-30', compare: true })).body.id;
    aIds.push(aSubmission);
    {
      const pPlan = (
        await sys.post('/api/directives', {
          ownerOrgId: f.orgs.P,
          kind: 'ke_hoach',
          symbol: '155-KH/TU',
          issuedOn: '2026-11-12',
          issuerName: 'Tỉnh ủy',
          title: 'Kế hoạch chung',
        })
      ).body.id;
      const planned = await sys.post(`/api/directives/${pPlan}/tasks`, {
        title: 'Báo cáo kết quả',
        assignees: { orgIds: [f.orgs.A, f.orgs.B] },
        deadline: { type: 'date', dueOn: '2026-11-19' },
      });
      const aShare = planned.body.tasks[0].shares.find((s: { orgId: string }) => s.orgId === f.orgs.A).id;
      const aPart = (await a.post(`/api/directives/shares/${aShare}/split`, { orgIds: [f.orgs.gA] })).body.parts[0].id;
      await a.post(`/api/directives/shares/${aShare}/reports`, { status: 'in_progress', body: 'Tân Lập đang thực hiện', reportedOn: '2026-11-18' });
      const aPlan = (
        await a.post('/api/directives', {
          ownerOrgId: f.orgs.A,
          kind: 'ke_hoach',
          symbol: '12-KH/ĐU',
          issuedOn: '2026-11-13',
          issuerOrgId: f.orgs.A,
          title: 'Kế hoạch của Tân Lập',
          implementsId: pPlan,
        })
      ).body.id;
      await a.post(`/api/directives/${aPlan}/tasks`, {
        title: 'Việc của Nguyễn Du',
        assignees: { orgIds: [f.orgs.gA] },
        deadline: { type: 'date', dueOn: '2026-11-19' },
      });
      const aProgramme = (
        await a.post('/api/directives', {
          ownerOrgId: f.orgs.A,
          kind: 'chuong_trinh',
          symbol: '02-CTr/ĐU',
          issuedOn: '2026-01-05',
          issuerOrgId: f.orgs.A,
          title: 'Chương trình Tân Lập',
        })
      ).body.id;
      await a.post(`/api/directives/${aProgramme}/topics`, {
        topicKind: 'chuyen_de',
        title: 'Chuyên đề Tổ Toán',
        leadOrgId: f.orgs.gA,
        participantOrgIds: [],
        dueOn: null,
      });
      dir = { pPlan, aShare, aPlan, aProgramme, aPart };
      aIds.push(aShare, aPart, aPlan, aProgramme);
    }
    {
      const aTerm = await sys.post('/api/congress/terms', {
        orgId: f.orgs.gA,
        fromYear: 2020,
        toYear: 2025,
        congressOn: '2020-06-15',
        seats: [{ memberId: aMember.id, body: 'committee', post: 'bi_thu' }],
      });
      const aRound = await a.post('/api/congress/rounds', { orgId: f.orgs.A, title: 'Đại hội Tân Lập', fromOn: '2025-04-01', toOn: '2025-09-30' });
      const pRound = await sys.post('/api/congress/rounds', { orgId: f.orgs.P, title: 'Đại hội toàn tỉnh', fromOn: '2025-04-01', toOn: '2025-09-30' });
      await a.raw(
        'PUT',
        `/api/congress/rounds/${pRound.body.round.id}/orgs/${f.orgs.gA}`,
        JSON.stringify({ items: [{ key: 'ke_hoach', doneOn: '2025-03-01' }] }),
      );
      cg = { aTerm: aTerm.body.term.id, aSeat: aTerm.body.seats[0].id, aRound: aRound.body.round.id, pRound: pRound.body.round.id };
      aIds.push(cg.aTerm, cg.aSeat, cg.aRound);
    }
    aPlan = (await a.post('/api/inspection/plans', { orgId: f.orgs.A, year: 2026, body: 'inspection_committee', title: 'Kế hoạch kiểm tra Tân Lập' })).body.plan
      .id;
    aItem = (
      await a.post('/api/inspection/items', {
        planId: aPlan,
        kind: 'inspection',
        mode: 'regular',
        subjectOrgId: f.orgs.a1,
        content: 'Kiểm tra chi bộ Tổ Toán',
        dueOn: '2026-06-30',
        status: 'concluded',
        concludedOn: '2026-06-20',
      })
    ).body.id;
    aCase = (
      await a.post('/api/inspection/cases', {
        orgId: f.orgs.A,
        body: 'inspection_committee',
        subjectMemberId: aMember.id,
        source: 'denunciation',
        summary: 'Tố cáo Tân Lập',
        openedOn: '2026-09-01',
      })
    ).body.id;
    aIds.push(aPlan, aItem, aCase);
    {
      const decided = await a.post('/api/discipline/decisions', {
        memberId: aMember.id,
        form: 'reprimand',
        decidingOrgId: f.orgs.gA,
        decidingBody: 'committee',
        decisionNo: '7-QĐ/ĐU',
        decidedOn: '2026-06-01',
        announcedOn: '2026-06-05',
        violationOn: '2026-05-01',
      });
      expect(decided.status).toBe(201);
      const complained = await a.post(`/api/discipline/decisions/${decided.body.id}/complaints`, { receivedOn: '2026-06-10', filedOn: '2026-06-10' });
      expect(complained.status).toBe(200);
      aDecision = { id: decided.body.id, complaintId: complained.body.complaints[0].id };
      const deferred = await a.post('/api/discipline/deferrals', { memberId: aMember.id, reason: 'hospital', fromOn: '2026-10-01', toOn: '2026-10-20' });
      expect(deferred.status).toBe(201);
      aIds.push(aDecision.id, aDecision.complaintId, deferred.body.id);
    }
    // Term targets (issue 17 part 6): A's term with a hand-entered target.
    {
      const term = await t.services.congress.createTerm(f.admin, { orgId: f.orgs.A, fromYear: 2025, toYear: 2030, congressOn: '2025-10-10' });
      const page = await t.services.termTargets.add(f.admin, term.term.id, {
        title: 'Củng cố tổ chức cơ sở đảng',
        metric: 'manual',
        kind: 'cumulative',
        unit: 'count',
        low: 3,
      });
      targets = { aTerm: term.term.id, aTarget: page.targets[0]!.id };
      aIds.push(targets.aTerm, targets.aTarget);
    }
    b = await t.login('adminB');
    bMemberId = (await t.database.db.selectFrom('member').select('id').where('org_id', '=', f.orgs.gB).limit(1).executeTakeFirstOrThrow()).id;
    bRaw = await rawSession(t, 'adminB');
    bDocs = await documentSession(t, 'adminB');
    bMemberId = (await t.database.db.selectFrom('member').select('id').where('org_id', '=', f.orgs.gB).limit(1).executeTakeFirstOrThrow()).id;
    const bMemberUser = await insertUser(t.database.db, {
      username: 'dangvienB',
      fullName: 'Đảng viên B',
      password: PASSWORD,
      homeOrgId: f.orgs.gB,
      roles: [],
    });
    expect((await b.post('/api/meetings/member-access', { userId: bMemberUser, memberId: bMemberId })).status).toBe(200);
    bMember = await documentSession(t, 'dangvienB');
    await b.post(`/api/orgs/${f.orgs.gB}/rename`, { name: 'Chi bộ Công ty May Hòa Bình', code: '02.01', ...DECISION });
  });
  afterAll(() => t?.close());

  it('every endpoint refuses the sibling’s data and changes nothing', async () => {
    const before = await snapshot();
    for (const [route, attack] of Object.entries(cases)) {
      try {
        await attack();
      } catch (e) {
        throw new Error(`${route}: ${(e as Error).message}`, { cause: e });
      }
    }
    expect(await snapshot()).toBe(before);
    // Every route of the app in turn, both engines on two shared cores: more than the default 30 s.
  }, 120_000);

  it('a cell viewer sees its own cell and nothing beside or above it', async () => {
    const v = await t.login('viewerA1');
    expect((await v.get(`/api/orgs/${f.orgs.a1}`)).status).toBe(200);
    for (const id of [f.orgs.a2, f.orgs.gA, f.orgs.A, f.orgs.B, f.orgs.gB, f.orgs.P]) expect((await v.get(`/api/orgs/${id}`)).status).toBe(404);
    expect((await v.get('/api/orgs/search?q=to%20van')).body.items).toEqual([]);
    expect((await v.get('/api/users')).status).toBe(403);
    expect((await v.get('/api/audit')).status).toBe(403);
    expect((await v.post(`/api/orgs/${f.orgs.a1}/rename`, { name: 'X', ...D })).status).toBe(403);
  });

  it('every API route has an isolation case', () => {
    const routes = t.routes.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs')).map((r) => `${r.method} ${r.url}`);
    const missing = routes.filter((r) => !NOT_SCOPED.has(r) && !(r in cases));
    expect(missing).toEqual([]);
  });
});
