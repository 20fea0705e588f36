import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEngines } from '../../../../test/helpers/db.ts';
import { buildFixture, startTestApp, type Client, type Fixture, type TestApp } from '../../../../test/helpers/app.ts';
import { rawSession } from '../member-import/member-import.fixtures.ts';
import { zipEntryText } from '../member-sheet/member-sheet.fixtures.ts';

interface SeatOut {
  id: string;
  memberId: string | null;
  fullName: string;
  post: string;
  rollNote: string | null;
}

// Today is Friday 20/11/2026 (the test clock).
describeEngines('congress: terms, committees on a date, the congress round', (engine) => {
  let t: TestApp;
  let f: Fixture;
  let admin: Client;
  let adminA: Client;
  let adminB: Client;
  let viewerA1: Client;
  let a1m: string[];
  let round: string;
  let gATerm2025: string;

  const members = async (orgId: string) =>
    ((await admin.get(`/api/members?orgId=${orgId}&pageSize=200`)).body.items as { id: string; fullName: string }[]).map((m) => m.id);
  const D = { effectiveDate: '2000-01-01', decisionNo: '01-QĐ/TU', decisionDate: '1999-12-20' };
  const createMember = async (fullName: string, orgId: string) => {
    const r = await adminA.post('/api/members', {
      fullName,
      gender: 'nam',
      birthDate: '1985-01-01',
      orgId,
      admittedOn: '2010-03-26',
      officialOn: '2011-03-26',
    });
    expect(r.status).toBe(201);
    return r.body.id as string;
  };
  const posts = (seats: SeatOut[]) => seats.map((s) => `${s.post}:${s.memberId}`);

  beforeAll(async () => {
    t = await startTestApp(engine);
    f = await buildFixture(t);
    admin = await t.login('admin');
    adminA = await t.login('adminA');
    adminB = await t.login('adminB');
    viewerA1 = await t.login('viewerA1');
    a1m = await members(f.orgs.a1);
    // The last congresses before the 2025 round (window 01/04/2025–30/09/2025):
    // gB (chi bộ cơ sở) 01/04/2020 → due 01/04/2025 (the window's first day); gA (đảng bộ cơ sở) 15/06/2020 → 15/06/2025;
    // a1 (chi bộ trực thuộc, two congresses a term: 30 months) 31/03/2023 → 30/09/2025 (the last day);
    // a2 01/04/2023 → 01/10/2025 (a day after); A (cấp trên cơ sở) 31/03/2020 → 31/03/2025 (a day before).
    const terms: [string, number, string][] = [
      [f.orgs.gB, 2020, '2020-04-01'],
      [f.orgs.gA, 2020, '2020-06-15'],
      [f.orgs.a1, 2023, '2023-03-31'],
      [f.orgs.a2, 2023, '2023-04-01'],
      [f.orgs.A, 2020, '2020-03-31'],
    ];
    for (const [orgId, fromYear, congressOn] of terms) {
      const r = await admin.post('/api/congress/terms', { orgId, fromYear, toYear: fromYear + (congressOn.startsWith('2023') ? 2 : 5), congressOn });
      expect(r.status, congressOn).toBe(201);
    }
    const r = await admin.post('/api/congress/rounds', {
      orgId: f.orgs.P,
      title: 'Đại hội đảng bộ các cấp nhiệm kỳ 2025–2030',
      fromOn: '2025-04-01',
      toOn: '2025-09-30',
    });
    expect(r.status).toBe(201);
    round = r.body.round.id;
  });
  afterAll(() => t?.close());

  describe('committees per term', () => {
    it('records a term and its committee; the committee is decided above the organisation and read within scope', async () => {
      const seats = [
        { memberId: a1m[0], body: 'committee', post: 'bi_thu' },
        { memberId: a1m[1], body: 'committee', post: 'pho_bi_thu' },
        { memberId: a1m[2], body: 'committee', post: 'uv_btv' },
        { memberId: a1m[3], body: 'committee', post: 'cap_uy_vien' },
        { memberId: a1m[4], body: 'inspection', post: 'chu_nhiem' },
      ];
      const body = { orgId: f.orgs.gA, fromYear: 2025, toYear: 2030, congressOn: '2025-06-10', decisionNo: '125-QĐ/ĐU', decisionOn: '2025-06-20', seats };
      // A's staff write the committee of gA (below A); never A's own (decided by the province), nor a sibling's.
      expect((await adminA.post('/api/congress/terms', { ...body, orgId: f.orgs.A, seats: [] })).status).toBe(403);
      expect((await adminB.post('/api/congress/terms', body)).status).toBe(404);
      const r = await adminA.post('/api/congress/terms', body);
      expect(r.status).toBe(201);
      gATerm2025 = r.body.term.id;
      expect(r.body.term).toMatchObject({ label: '2025–2030', congressOn: '2025-06-10', nextDueOn: '2030-06-10', canEdit: true });
      expect(posts(r.body.seats)).toEqual([`bi_thu:${a1m[0]}`, `pho_bi_thu:${a1m[1]}`, `uv_btv:${a1m[2]}`, `cap_uy_vien:${a1m[3]}`, `chu_nhiem:${a1m[4]}`]);
      expect(r.body.warnings).toEqual([]);
      // The same congress twice: 409; a post of the other body, a congress after today or in 2099: 400.
      expect((await adminA.post('/api/congress/terms', body)).status).toBe(409);
      expect(
        (await adminA.post('/api/congress/terms', { ...body, congressOn: '2025-06-11', seats: [{ memberId: a1m[0], body: 'inspection', post: 'bi_thu' }] }))
          .status,
      ).toBe(400);
      for (const congressOn of ['2026-11-21', '2099-06-10'])
        expect((await adminA.post('/api/congress/terms', { ...body, congressOn })).status, congressOn).toBe(400);
      // Reading: the terms of gA for A's staff; 404 for the sibling and for a cell below gA.
      const list = await adminA.get(`/api/congress/terms?orgId=${f.orgs.gA}`);
      expect(list.body.items.map((x: { label: string }) => x.label)).toEqual(['2020–2025', '2025–2030']);
      expect((await adminB.get(`/api/congress/terms?orgId=${f.orgs.gA}`)).status).toBe(404);
      expect((await viewerA1.get(`/api/congress/terms?orgId=${f.orgs.gA}`)).status).toBe(404);
      expect((await adminB.get(`/api/congress/terms/${gATerm2025}/committee`)).status).toBe(404);
      expect((await adminA.get(`/api/congress/terms?orgId=${f.orgs.A}`)).body.canEdit).toBe(false);
    });

    it('keeps changes during the term as dated records: the committee as of any date', async () => {
      const c = (await adminA.get(`/api/congress/terms/${gATerm2025}/committee?asOf=2026-02-01`)).body;
      const seat = (post: string) => (c.seats as SeatOut[]).find((s) => s.post === post)!.id;
      // 01/03/2026: the deputy moves away; the standing member becomes deputy (a change of post); one appointed additionally.
      expect(
        (await adminA.post(`/api/congress/seats/${seat('pho_bi_thu')}/end`, { endedOn: '2026-03-01', reason: 'moved', decisionNo: '30-QĐ/ĐU' })).status,
      ).toBe(200);
      expect((await adminA.post(`/api/congress/seats/${seat('uv_btv')}/end`, { endedOn: '2026-03-01', reason: 'post_changed' })).status).toBe(200);
      const add = { body: 'committee', post: 'pho_bi_thu', memberId: a1m[2], fromOn: '2026-03-01', how: 'post_changed' };
      expect((await adminA.post(`/api/congress/terms/${gATerm2025}/seats`, add)).status).toBe(200);
      const appointed = await adminA.post(`/api/congress/terms/${gATerm2025}/seats`, {
        ...add,
        post: 'cap_uy_vien',
        memberId: a1m[5],
        how: 'appointed_additional',
      });
      expect(appointed.status).toBe(200);
      expect(appointed.body.history).toHaveLength(7);
      // Ending a seat twice, before it began, or a change before the congress: refused.
      expect((await adminA.post(`/api/congress/seats/${seat('pho_bi_thu')}/end`, { endedOn: '2026-04-01', reason: 'resigned' })).status).toBe(409);
      expect((await adminA.post(`/api/congress/seats/${seat('bi_thu')}/end`, { endedOn: '2025-06-10', reason: 'resigned' })).status).toBe(400);
      expect((await adminA.post(`/api/congress/terms/${gATerm2025}/seats`, { ...add, fromOn: '2025-06-09' })).status).toBe(400);
      expect((await adminB.post(`/api/congress/seats/${seat('bi_thu')}/end`, { endedOn: '2026-04-01', reason: 'resigned' })).status).toBe(404);
      expect((await viewerA1.post(`/api/congress/seats/${seat('bi_thu')}/end`, { endedOn: '2026-04-01', reason: 'resigned' })).status).toBe(404);
      const before = (await adminA.get(`/api/congress/terms/${gATerm2025}/committee?asOf=2026-02-28`)).body;
      expect(posts(before.seats)).toEqual([`bi_thu:${a1m[0]}`, `pho_bi_thu:${a1m[1]}`, `uv_btv:${a1m[2]}`, `cap_uy_vien:${a1m[3]}`, `chu_nhiem:${a1m[4]}`]);
      const after = (await adminA.get(`/api/congress/terms/${gATerm2025}/committee?asOf=2026-03-01`)).body;
      expect(posts(after.seats)).toEqual(
        [`bi_thu:${a1m[0]}`, `pho_bi_thu:${a1m[2]}`, `cap_uy_vien:${a1m[3]}`, `cap_uy_vien:${a1m[5]}`, `chu_nhiem:${a1m[4]}`].sort(
          (x, y) =>
            ['bi_thu', 'pho_bi_thu', 'uv_btv', 'cap_uy_vien', 'chu_nhiem'].indexOf(x.split(':')[0]!) -
            ['bi_thu', 'pho_bi_thu', 'uv_btv', 'cap_uy_vien', 'chu_nhiem'].indexOf(y.split(':')[0]!),
        ),
      );
      const moved = (after.history as (SeatOut & { endReason: string; endedOn: string })[]).find((s) => s.memberId === a1m[1])!;
      expect(moved).toMatchObject({ endedOn: '2026-03-01', endReason: 'moved' });
    });

    it('exports the list of the term’s committee on a date as Word', async () => {
      const docs = await rawSession(t, 'adminA');
      const r = await docs.download(`/api/congress/terms/${gATerm2025}/document.docx?asOf=2026-03-01`);
      expect(r.status).toBe(200);
      const xml = zipEntryText(r.bytes, 'word/document.xml')!;
      expect(xml).toContain('DANH SÁCH');
      expect(xml).toContain('nhiệm kỳ 2025–2030');
      expect(xml).toContain('Phó Bí thư');
      expect(xml).toContain('Chuyển công tác từ 01/03/2026');
      const b = await rawSession(t, 'adminB');
      expect((await b.download(`/api/congress/terms/${gATerm2025}/document.docx`)).status).toBe(404);
    });

    it('a committee member on temporary transfer stays a committee member at home', async () => {
      const m = await createMember('Trần Văn Tạm', f.orgs.a1);
      const add = { body: 'committee', post: 'cap_uy_vien', memberId: m, fromOn: '2026-03-15', how: 'elected_additional', decisionNo: '31-QĐ/ĐU' };
      expect((await adminA.post(`/api/congress/terms/${gATerm2025}/seats`, add)).status).toBe(200);
      const ev = await adminA.post(`/api/members/${m}/events`, { kind: 'temporary_out', hostOrgId: f.orgs.gB, date: '2026-04-01', until: '2026-12-31' });
      expect(ev.status, JSON.stringify(ev.body)).toBe(200);
      const c = (await adminA.get(`/api/congress/terms/${gATerm2025}/committee?asOf=2026-05-01`)).body;
      const away = (c.seats as SeatOut[]).find((s) => s.memberId === m)!;
      expect(away.post).toBe('cap_uy_vien');
      expect(away.rollNote).toMatch(/tạm thời/);
      // Still counted among the official members at home (gA's subtree: 20 + 12 + him).
      expect(c.officialMembers).toBe(33);
      expect(c.warnings).toEqual([]);
    });

    it('refuses to appoint a member under a discipline in force on the seat’s first day (domain.md §11), not the day before', async () => {
      const m = await createMember('Lê Văn Kỷ', f.orgs.a1);
      const decided = await adminA.post('/api/discipline/decisions', {
        memberId: m,
        form: 'warning',
        decidingOrgId: f.orgs.gA,
        decidingBody: 'committee',
        decisionNo: '40-QĐ/ĐU',
        decidedOn: '2026-05-04',
        announcedOn: '2026-05-04',
        violationOn: '2026-04-01',
      });
      expect(decided.status, JSON.stringify(decided.body)).toBe(201);
      const add = { body: 'committee', post: 'cap_uy_vien', memberId: m, how: 'appointed_additional', decisionNo: '41-QĐ/ĐU' };
      const refused = await adminA.post(`/api/congress/terms/${gATerm2025}/seats`, { ...add, fromOn: '2026-05-04' });
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toBe(
        'Đồng chí Lê Văn Kỷ đang trong thời hạn kỷ luật cảnh cáo (quyết định số 40-QĐ/ĐU ngày 04/05/2026): chưa được bầu, chỉ định vào cấp ủy.',
      );
      expect((await adminA.post(`/api/congress/terms/${gATerm2025}/seats`, { ...add, fromOn: '2026-05-03' })).status).toBe(200);
    });

    it('warns a cell of fewer than 9 official members that elects more than a secretary and deputy (8/9 on the date)', async () => {
      const cell = await adminA.post('/api/orgs', { parentId: f.orgs.gA, name: 'Chi bộ Tổ Sử', kindCode: 'chi_bo_truc_thuoc', ...D });
      expect(cell.status).toBe(201);
      const ids: string[] = [];
      for (let i = 0; i < 9; i++) ids.push(await createMember(`Lê Văn Sử ${i}`, cell.body.id));
      const seats = [
        { memberId: ids[0], body: 'committee', post: 'bi_thu' },
        { memberId: ids[1], body: 'committee', post: 'pho_bi_thu' },
        { memberId: ids[2], body: 'committee', post: 'cap_uy_vien' },
      ];
      const term = await adminA.post('/api/congress/terms', { orgId: cell.body.id, fromYear: 2025, toYear: 2027, congressOn: '2025-09-01', seats });
      expect(term.status).toBe(201);
      // 9 official members; one dies on 01/06/2026 (8 left).
      expect((await adminA.post(`/api/members/${ids[8]}/events`, { kind: 'deceased', date: '2026-06-01' })).status).toBe(200);
      const id = term.body.term.id;
      const nine = (await adminA.get(`/api/congress/terms/${id}/committee?asOf=2026-05-31`)).body;
      expect(nine.officialMembers).toBe(9);
      expect(nine.warnings).toEqual([]);
      const eight = (await adminA.get(`/api/congress/terms/${id}/committee?asOf=2026-06-01`)).body;
      expect(eight.officialMembers).toBe(8);
      expect(eight.warnings.map((w: { code: string }) => w.code)).toEqual(['cell_elects_secretary_only']);
      expect(eight.warnings[0].message).toContain('dưới 9');
      // A secretary and a deputy alone: no warning with 8.
      const end = (eight.seats as SeatOut[]).find((s) => s.post === 'cap_uy_vien')!.id;
      expect((await adminA.post(`/api/congress/seats/${end}/end`, { endedOn: '2026-06-02', reason: 'resigned' })).status).toBe(200);
      expect((await adminA.get(`/api/congress/terms/${id}/committee?asOf=2026-06-02`)).body.warnings).toEqual([]);
    });
  });

  describe('the congress round', () => {
    type Row = { orgId: string; dueOn: string; heldOn: string | null; done: number; total: number };
    const put_ = (c: Client, url: string, body: unknown) => c.raw('PUT', url, JSON.stringify(body));
    const view = async (c: Client, q: string) => (await c.get(`/api/congress/rounds/${round}?${q}`)).body;

    it('lists the organisations due in the window from their last congress and the rule set (both ends included)', async () => {
      // P, B and the cell Tổ Sử (its first congress is of 01/09/2025) have no term before the window: their due date is unknown.
      const v = await view(admin, 'asOf=2025-05-01');
      const due = Object.fromEntries((v.items as Row[]).map((r) => [r.orgId, r.dueOn]));
      expect(due).toEqual({ [f.orgs.gB]: '2025-04-01', [f.orgs.gA]: '2025-06-15', [f.orgs.a1]: '2025-09-30' });
      expect(v.summary).toMatchObject({ grassrootsDue: 2, grassrootsHeld: 0, due: 3, held: 0, withoutTerm: 3, text: 'Đã tổ chức đại hội 0/2 TCCSĐ (0%)' });
    });

    it('counts the congresses held by the date, with a drill-down that equals the figure', async () => {
      expect((await view(admin, 'asOf=2025-06-09')).summary.grassrootsHeld).toBe(0);
      const v = await view(admin, 'asOf=2025-06-10');
      expect(v.summary).toMatchObject({ grassrootsDue: 2, grassrootsHeld: 1, text: 'Đã tổ chức đại hội 1/2 TCCSĐ (50%)' });
      const drill = await view(admin, 'asOf=2025-06-10&state=held&grassrootsOnly=true');
      expect(drill.items.map((r: Row) => r.orgId)).toEqual([f.orgs.gA]);
      expect(drill.items).toHaveLength(v.summary.grassrootsHeld);
      const pending = await view(admin, 'asOf=2025-06-10&state=pending&grassrootsOnly=true');
      expect(pending.items.map((r: Row) => r.orgId)).toEqual([f.orgs.gB]);
    });

    it('keeps each commune to its own part of the province round, and its checklist', async () => {
      const a = await view(adminA, 'asOf=2025-06-10');
      expect(a.underOrgId).toBe(f.orgs.A);
      expect(a.items.map((r: Row) => r.orgId).sort()).toEqual([f.orgs.gA, f.orgs.a1].sort());
      const b = await view(adminB, 'asOf=2025-06-10');
      expect(b.items.map((r: Row) => r.orgId)).toEqual([f.orgs.gB]);
      expect((await adminB.get(`/api/congress/rounds/${round}?underOrgId=${f.orgs.A}`)).status).toBe(404);
      expect((await adminA.get('/api/congress/rounds')).body.items.map((r: { id: string }) => r.id)).toEqual([round]);
      // The checklist of gA: A's staff tick two items; B's staff and a cell's viewer never see it.
      const url = `/api/congress/rounds/${round}/orgs/${f.orgs.gA}`;
      const put = await put_(adminA, url, {
        items: [
          { key: 'ke_hoach', doneOn: '2025-03-01' },
          { key: 'bao_cao_chinh_tri', plannedOn: '2025-05-15', doneOn: '2025-05-20', note: 'Đã gửi cấp trên' },
          { key: 'ngay_dai_hoi', plannedOn: '2025-06-10' },
        ],
      });
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ done: 2, total: 6, canEdit: true });
      expect((await adminB.get(url)).status).toBe(404);
      expect((await put_(adminB, url, { items: [{ key: 'ke_hoach', doneOn: '2025-03-01' }] })).status).toBe(404);
      expect((await viewerA1.get(url)).status).toBe(404);
      expect((await put_(adminA, url, { items: [{ key: 'khong_co', doneOn: '2025-03-01' }] })).status).toBe(400);
      expect((await put_(adminA, url, { items: [{ key: 'ke_hoach', doneOn: '2099-03-01' }] })).status).toBe(400);
      const progress = (await view(admin, 'asOf=2025-05-19')).items.find((r: Row) => r.orgId === f.orgs.gA);
      expect(progress).toMatchObject({ done: 1, total: 6 });
    });

    it('reads the cell rhythm from the rule set on the congress date: once a term under the pilot', async () => {
      const pilot = await admin.post('/api/rulesets', {
        effectiveFrom: '2026-01-01',
        basis: 'Thí điểm đại hội chi bộ trực thuộc 5 năm 1 lần',
        rules: { congress: { cellCongressesPerTerm: 1 } },
      });
      expect(pilot.status).toBe(201);
      const r = await admin.post('/api/congress/terms', { orgId: f.orgs.a1, fromYear: 2026, toYear: 2031, congressOn: '2026-02-01' });
      expect(r.body.term.nextDueOn).toBe('2031-02-01');
      const before = (await admin.get(`/api/congress/terms?orgId=${f.orgs.a1}`)).body.items[0];
      expect(before.nextDueOn).toBe('2025-09-30');
    });
  });
});
