/**
 * Discipline decisions through the API (issue 15 parts 4, 5, 7): forms by membership on the decision's day,
 * competence of the deciding level, time limit, complaint window, lapse, deferral, the effects on transfers, and
 * scope. Today is 20/11/2026 (the test clock).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../../test/helpers/db.ts';
import { buildFixture, startTestApp, type Client, type Fixture, type TestApp } from '../../../../test/helpers/app.ts';

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
