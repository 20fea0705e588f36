/**
 * Discipline decisions through the API (issue 15 parts 4, 5, 7): forms by membership on the decision's day,
 * competence of the deciding level, time limit, complaint window, lapse, deferral, the effects on transfers, and
 * scope. Today is 20/11/2026 (the test clock).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../../test/helpers/db.ts';
import { buildFixture, startTestApp, type Client, type Fixture, type TestApp } from '../../../../test/helpers/app.ts';
import { rawSession } from '../member-import/member-import.fixtures.ts';
import { zipEntryText } from '../member-sheet/member-sheet.fixtures.ts';

describeEngines('discipline decisions', (engine) => {
  let t: TestApp;
  let f: Fixture;
  let a: Client;
  let b: Client;
  let n = 0;
  const create = async (admittedOn: string, officialOn?: string) => {
    const r = await a.post('/api/members', {
      fullName: `Trần Văn Kỷ ${++n}`,
      gender: 'nam',
      birthDate: '1980-01-01',
      orgId: f.orgs.a1,
      admittedOn,
      ...(officialOn ? { officialOn } : {}),
    });
    expect(r.status).toBe(201);
    return r.body.id as string;
  };
  const decide = (body: Record<string, unknown>) =>
    a.post('/api/discipline/decisions', { decisionNo: `${++n}-QĐ/ĐU`, decidingBody: 'committee', decidingOrgId: f.orgs.gA, ...body });

  beforeAll(async () => {
    t = await startTestApp(engine);
    f = await buildFixture(t);
    a = await t.login('adminA');
    b = await t.login('adminB');
  });
  afterAll(() => t?.close());

  it('a probationary member only reprimanded or warned, by his membership on the decision day', async () => {
    const id = await create('2026-01-10');
    const removal = await decide({ memberId: id, form: 'removal', decidedOn: '2026-06-01', violationOn: '2026-05-01' });
    expect(removal.status).toBe(400);
    expect(removal.body.error.message).toContain('Đảng viên dự bị chỉ có thể bị khiển trách hoặc cảnh cáo');
    const warning = await decide({ memberId: id, form: 'warning', decidedOn: '2026-06-01', violationOn: '2026-05-01' });
    expect(warning.status).toBe(201);
    expect(warning.body).toMatchObject({ membership: 'probationary', form: 'warning', inForce: true, lapsesOn: '2027-06-01' });
  });

  it('competence: the cell reprimands or warns, the chi ủy cannot, higher forms belong higher, dissolution is for organisations', async () => {
    const id = await create('2000-01-10', '2001-01-10');
    const base = { memberId: id, decidedOn: '2026-03-02', violationOn: '2026-01-05' };
    const chiUy = await decide({ ...base, form: 'reprimand', decidingOrgId: f.orgs.a1, decidingBody: 'committee' });
    expect(chiUy.body.error.message).toContain('Chi ủy không có thẩm quyền');
    const cellRemoval = await decide({ ...base, form: 'removal', decidingOrgId: f.orgs.a1, decidingBody: 'cell' });
    expect(cellRemoval.status).toBe(400);
    expect(cellRemoval.body.error.message).toContain('thuộc thẩm quyền cấp trên');
    const dissolution = await decide({ ...base, form: 'dissolution' });
    expect(dissolution.body.error.message).toContain('không áp dụng cho đảng viên');
    const sibling = await decide({ ...base, form: 'warning', decidingOrgId: f.orgs.a2, decidingBody: 'cell' });
    expect(sibling.status).toBe(400);
    const cell = await decide({ ...base, form: 'warning', decidingOrgId: f.orgs.a1, decidingBody: 'cell' });
    expect(cell.status).toBe(201);
    // an organisation: reprimand / warning by the grassroots committee above it, dissolution only from higher levels
    const orgDissolved = await decide({ orgId: f.orgs.a2, form: 'dissolution', decidedOn: '2026-03-02', violationOn: '2026-01-05' });
    expect(orgDissolved.status).toBe(400);
    const orgWarned = await decide({ orgId: f.orgs.a2, form: 'warning', decidedOn: '2026-03-02', violationOn: '2026-01-05' });
    expect(orgWarned.status).toBe(201);
    const self = await decide({ orgId: f.orgs.gA, form: 'warning', decidedOn: '2026-03-02', violationOn: '2026-01-05' });
    expect(self.status).toBe(400);
  });

  it('time limit: 5 years for a reprimand-level violation, the last day allowed, the next refused with the day it ran out', async () => {
    const id = await create('2000-01-10', '2001-01-10');
    const late = await decide({ memberId: id, form: 'reprimand', decidedOn: '2026-03-02', violationOn: '2021-03-01' });
    expect(late.status).toBe(400);
    expect(late.body.error.message).toBe('Đã hết thời hiệu kỷ luật (5 năm kể từ ngày vi phạm 01/03/2021): thời hiệu hết ngày 01/03/2026.');
    const onTime = await decide({ memberId: id, form: 'reprimand', decidedOn: '2026-03-01', violationOn: '2021-03-01' });
    expect(onTime.status).toBe(201);
    // 10 years for warning level (another member: the violation of 2021 above restarts his limit); none for expulsion level
    const other = await create('2000-01-10', '2001-01-10');
    const warn = await decide({ memberId: other, form: 'warning', decidedOn: '2026-03-02', violationOn: '2016-03-01' });
    expect(warn.body.error.message).toContain('10 năm');
    const restarted = await decide({ memberId: id, form: 'warning', decidedOn: '2026-03-02', violationOn: '2016-03-01' });
    expect(restarted.status).toBe(201);
    const expel = await decide({ memberId: other, form: 'expulsion', decidedOn: '2026-03-02', violationOn: '1990-03-01' });
    expect(expel.status).toBe(201);
  });

  it('complaint window of 30 days from receipt; a complaint keeps the decision from lapsing; revoked by the outcome', async () => {
    const id = await create('2000-01-10', '2001-01-10');
    const d = (await decide({ memberId: id, form: 'reprimand', decidedOn: '2025-06-02', announcedOn: '2025-06-05', violationOn: '2025-05-01' })).body;
    expect(d.lapsesOn).toBe('2026-06-05');
    const late = await a.post(`/api/discipline/decisions/${d.id}/complaints`, { receivedOn: '2025-06-05', filedOn: '2025-07-06' });
    expect(late.status).toBe(400);
    expect(late.body.error.message).toContain('hạn cuối ngày 05/07/2025');
    const ok = await a.post(`/api/discipline/decisions/${d.id}/complaints`, { receivedOn: '2025-06-05', filedOn: '2025-07-05' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ lapseBlocked: true, lapseBlockedReason: 'complaint', lapsesOn: null, inForce: true });
    // in force today, so the transfer is refused with the reason
    const out = await a.post(`/api/members/${id}/events`, { kind: 'transfer_out_started', toOrgId: f.orgs.gB, date: '2026-11-02', decisionNo: '9-QĐ/ĐU' });
    expect(out.status).toBe(409);
    expect(out.body.error.message).toContain(`quyết định số ${d.decisionNo} ngày 02/06/2025`);
    const outcome = await a.post(`/api/discipline/decisions/${d.id}/complaints/${ok.body.complaints[0].id}/outcome`, {
      outcome: 'revoked',
      outcomeOn: '2025-09-01',
    });
    expect(outcome.body).toMatchObject({ revokedOn: '2025-09-01', inForce: false });
  });

  it('lapses 12 months after the announcement: in force the day before, not on the day', async () => {
    const id = await create('2000-01-10', '2001-01-10');
    await decide({ memberId: id, form: 'warning', decidedOn: '2025-11-19', announcedOn: '2025-11-20', violationOn: '2025-10-01' });
    const today = await a.get(`/api/discipline/decisions?memberId=${id}&inForceOn=2026-11-19`);
    expect(today.body.total).toBe(1);
    expect((await a.get(`/api/discipline/decisions?memberId=${id}&inForceOn=2026-11-20`)).body.total).toBe(0);
    expect((await t.services.discipline.disciplineInForce({ memberId: id }, '2026-11-19'))?.form).toBe('warning');
    expect(await t.services.discipline.disciplineInForce({ memberId: id }, '2026-11-20')).toBeNull();
  });

  it('deferral: nursing a child under 12 months defers until the first birthday', async () => {
    const id = await create('2000-01-10', '2001-01-10');
    const def = await a.post('/api/discipline/deferrals', { memberId: id, reason: 'nursing', fromOn: '2025-12-01' });
    expect(def.status).toBe(201);
    expect(def.body.toOn).toBe('2026-12-01');
    const refused = await decide({ memberId: id, form: 'reprimand', decidedOn: '2026-11-20', violationOn: '2026-10-01' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('đang nuôi con dưới 12 tháng tuổi');
  });

  it('boundaries through the API: the tenth anniversary, a complaint the day before the lapse and on it, deferrals both sides', async () => {
    const id = await create('2000-01-10', '2001-01-10');
    const tenth = await decide({ memberId: id, form: 'warning', decidedOn: '2026-03-01', violationOn: '2016-03-01' });
    expect(tenth.status).toBe(201);
    // a complaint filed the day before the lapse keeps the decision in force; filed on the lapse day it does not
    const other = await create('2000-01-10', '2001-01-10');
    const one = (await decide({ memberId: other, form: 'reprimand', decidedOn: '2025-06-02', announcedOn: '2025-06-05', violationOn: '2025-05-01' })).body;
    const two = (await decide({ memberId: other, form: 'reprimand', decidedOn: '2025-06-02', announcedOn: '2025-06-05', violationOn: '2025-05-02' })).body;
    const before = await a.post(`/api/discipline/decisions/${one.id}/complaints`, { receivedOn: '2026-05-10', filedOn: '2026-06-04' });
    expect(before.body).toMatchObject({ lapseBlocked: true, lapsesOn: null });
    const onLapse = await a.post(`/api/discipline/decisions/${two.id}/complaints`, { receivedOn: '2026-05-10', filedOn: '2026-06-05' });
    expect(onLapse.status).toBe(200);
    expect(onLapse.body).toMatchObject({ lapseBlocked: false, lapsesOn: '2026-06-05', inForce: false });
    // in hospital [01/10, 15/10): refused on 14/10, decided on 15/10
    const ill = await create('2000-01-10', '2001-01-10');
    expect((await a.post('/api/discipline/deferrals', { memberId: ill, reason: 'hospital', fromOn: '2026-10-01', toOn: '2026-10-15' })).status).toBe(201);
    const inHospital = await decide({ memberId: ill, form: 'reprimand', decidedOn: '2026-10-14', violationOn: '2026-09-01' });
    expect(inHospital.body.error.message).toContain('đến hết ngày 14/10/2026');
    expect((await decide({ memberId: ill, form: 'reprimand', decidedOn: '2026-10-15', violationOn: '2026-09-01' })).status).toBe(201);
    // nursing from a birth on 20/11/2025: the first birthday is today, the decision may be taken
    const mother = await create('2000-01-10', '2001-01-10');
    expect((await a.post('/api/discipline/deferrals', { memberId: mother, reason: 'nursing', fromOn: '2025-11-20' })).body.toOn).toBe('2026-11-20');
    expect((await decide({ memberId: mother, form: 'reprimand', decidedOn: '2026-11-19', violationOn: '2026-09-01' })).status).toBe(400);
    expect((await decide({ memberId: mother, form: 'reprimand', decidedOn: '2026-11-20', violationOn: '2026-09-01' })).status).toBe(201);
    // pregnancy is recorded only for a woman
    const man = await a.post('/api/discipline/deferrals', { memberId: id, reason: 'pregnant', fromOn: '2026-10-01' });
    expect(man.status).toBe(400);
    expect(man.body.error.message).toBe('Chỉ đảng viên nữ mới tạm hoãn vì đang mang thai.');
  });

  it("scope: a sibling's user neither reads nor records", async () => {
    const id = await create('2000-01-10', '2001-01-10');
    const d = (await decide({ memberId: id, form: 'reprimand', decidedOn: '2026-06-02', violationOn: '2026-05-01' })).body;
    expect((await b.get(`/api/discipline/decisions/${d.id}`)).status).toBe(404);
    expect((await b.get('/api/discipline/decisions')).body.items.map((x: { id: string }) => x.id)).not.toContain(d.id);
    expect((await b.post(`/api/discipline/decisions/${d.id}/revoke`, { revokedOn: '2026-07-01', reason: 'x' })).status).toBe(404);
    const bDecides = await b.post('/api/discipline/decisions', {
      memberId: id,
      form: 'reprimand',
      decidingOrgId: f.orgs.gA,
      decidingBody: 'committee',
      decisionNo: '1-QĐ',
      decidedOn: '2026-06-02',
      violationOn: '2026-05-01',
    });
    expect(bDecides.status).toBe(400);
    expect((await a.get(`/api/discipline/decisions/${d.id}`)).status).toBe(200);
  });

  it('the decision as a Word file in the party layout, audited; a sibling gets 404', async () => {
    const id = await create('2000-01-10', '2001-01-10');
    const d = (
      await decide({
        memberId: id,
        form: 'warning',
        decidingOrgId: f.orgs.a1,
        decidingBody: 'cell',
        decidedOn: '2026-06-02',
        announcedOn: '2026-06-05',
        violationOn: '2026-05-01',
        reason: 'Không chấp hành nghị quyết của chi bộ',
      })
    ).body;
    const raw = await rawSession(t, 'adminA');
    const docx = await raw.download(`/api/discipline/decisions/${d.id}/document.docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const xml = zipEntryText(docx.bytes, 'word/document.xml');
    for (const words of [
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'QUYẾT ĐỊNH',
      `Số ${d.decisionNo}`,
      `về việc thi hành kỷ luật đối với đảng viên ${d.subjectName}`,
      'hình thức CẢNH CÁO',
      'ngày vi phạm 01/05/2026',
      'Không chấp hành nghị quyết của chi bộ',
      'hiệu lực kể từ ngày 02/06/2026',
      'Sau 12 tháng kể từ ngày công bố (05/06/2026)',
      'trong thời hạn 30 ngày',
      'T/M CHI BỘ',
    ])
      expect(xml).toContain(words);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', '=', 'discipline.document_export')
      .where('entity_id', '=', d.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect((await b.get(`/api/discipline/decisions/${d.id}/document.docx`)).status).toBe(404);
    expect((await a.get('/api/discipline/decisions/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b/document.docx')).status).toBe(404);
    // an expulsion never lapses: no lapse sentence
    const expelled = (await decide({ memberId: id, form: 'expulsion', decidedOn: '2026-07-01', violationOn: '2026-06-20' })).body;
    const exp = zipEntryText((await raw.download(`/api/discipline/decisions/${expelled.id}/document.docx`)).bytes, 'word/document.xml');
    expect(exp).toContain('hình thức KHAI TRỪ');
    expect(exp).not.toContain('tự chấm dứt hiệu lực');
  });

  it('bad input answers 400 in Vietnamese', async () => {
    for (const body of [
      { form: 'reprimand' },
      {
        memberId: 'x',
        form: 'reprimand',
        decidingOrgId: f.orgs.gA,
        decidingBody: 'committee',
        decisionNo: '1',
        decidedOn: '2026-02-31',
        violationOn: '2026-01-01',
      },
      {
        orgId: f.orgs.a2,
        form: 'warning',
        decidingOrgId: f.orgs.gA,
        decidingBody: 'committee',
        decisionNo: '1',
        decidedOn: '2099-01-01',
        violationOn: '2026-01-01',
      },
    ]) {
      const r = await a.post('/api/discipline/decisions', body);
      expect(r.status).toBe(400);
      expect(r.body.error.message).toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữđ]/i);
    }
  });
});
