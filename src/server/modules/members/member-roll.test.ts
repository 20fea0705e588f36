/**
 * The roll of any date (issue 14, part 1): member_period written by every writer and read by rollOnSql, the counts of
 * the organisation page on past dates. A member transferred in 2020 counts in the sending organisation on 31/12/2019
 * and in the receiving one on 31/12/2020; a member who died in 2021 counts in 2020; a readmitted member's gap is out
 * of every count inside it; a count for 2019 across a reorganisation of 1/7/2025 uses the 2019 tree, and a merged
 * cell's members stay on the new cell when a later event is recorded; the page's counts equal the roll's. The member
 * list's drill-down filters (asOf, membership, change over a period) list exactly those members, at the boundaries.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rawSession, readXlsx } from '../member-import/member-import.fixtures.ts';
import { describeEngines } from '../../../../test/helpers/db.ts';
import { buildFixture, startTestApp, type Client, type Fixture, type TestApp } from '../../../../test/helpers/app.ts';
import { subtreeInForceSql } from '../orgs/orgs.repo.ts';
import { rollOnSql } from './members.roll.repo.ts';

describeEngines('the roll of any date', (engine) => {
  let t: TestApp;
  let f: Fixture;
  let admin: Client;
  const ids: Record<string, string> = {};

  const create = async (key: string, body: Record<string, unknown>) => {
    const r = await admin.post('/api/members', { gender: 'nam', birthDate: '1975-06-15', fullName: `Đảng Viên ${key}`, ...body });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    ids[key] = r.body.id;
  };
  const event = async (key: string, body: Record<string, unknown>) => {
    const r = await admin.post(`/api/members/${ids[key]}/events`, body);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  };
  /** The organisation page's count of the date: official + probationary. */
  const page = async (orgId: string, asOf: string) => {
    const r = await admin.get(`/api/orgs/${orgId}?asOf=${asOf}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.memberCount as { official: number; probationary: number };
  };
  const total = async (orgId: string, asOf: string) => {
    const c = await page(orgId, asOf);
    return c.official + c.probationary;
  };
  /** The roll of the date within the organisation's subtree on the tree of that date (rollOnSql, read directly). */
  const roll = async (orgId: string, asOf: string) => {
    const org = await admin.get(`/api/orgs/${orgId}?asOf=${asOf}`);
    const rows = await sql<{ member_id: string; membership: string }>`
      SELECT r.member_id, r.membership FROM ${rollOnSql(asOf)} r JOIN ${subtreeInForceSql(org.body.path as string, asOf)} v ON v.org_id = r.org_id`.execute(
      t.database.db,
    );
    return rows.rows;
  };

  beforeAll(async () => {
    t = await startTestApp(engine); // today is 20/11/2026
    f = await buildFixture(t); // a1: 20, a2: 12, gB: 2 members, admitted 19/05/2010, official since 19/05/2011
    admin = await t.login('admin');
    await create('mover', { orgId: f.orgs.a1, admittedOn: '2010-01-05', officialOn: '2011-01-05' });
    await event('mover', { kind: 'transfer_out_started', toOrgId: f.orgs.gB, date: '2020-03-02' });
    await event('mover', { kind: 'transfer_in_confirmed', orgId: f.orgs.gB, date: '2020-03-10' });
    await create('dead', { orgId: f.orgs.a2, admittedOn: '2005-03-01', officialOn: '2006-03-01' });
    await event('dead', { kind: 'deceased', date: '2021-05-01' });
    await create('readmitted', { orgId: f.orgs.a2, admittedOn: '1995-01-01', officialOn: '1996-01-01' });
    await event('readmitted', { kind: 'expelled', date: '2015-01-01' });
    await event('readmitted', { kind: 'readmitted', orgId: f.orgs.a2, date: '2019-01-10', ceremonyOn: '2019-01-20' });
    await event('readmitted', { kind: 'recognized_official', date: '2020-01-25', officialOn: '2020-01-20' });
    await create('stayer', { orgId: f.orgs.a1, admittedOn: '2012-04-02', officialOn: '2013-04-02' });
    const reprimand = { form: 'reprimand', decidingLevel: 'Chi bộ', decisionNo: '3-QĐ/CB', decisionDate: '2018-06-04', announcedOn: '2018-06-05' };
    expect((await admin.post(`/api/members/${ids.stayer}/disciplines`, reprimand)).status).toBe(200);
    // 1/7/2025: gB moves under A, a1 is merged into a2.
    const D = { decisionNo: '125-QĐ/TU', decisionDate: '2025-06-20', effectiveDate: '2025-07-01' };
    expect((await admin.post(`/api/orgs/${f.orgs.gB}/move`, { newParentId: f.orgs.A, ...D })).status).toBe(200);
    expect((await admin.post('/api/orgs/merge', { sourceIds: [f.orgs.a1], targetId: f.orgs.a2, ...D })).status).toBe(200);
    // An event recorded after the merge keeps the member on the merged cell.
    await event('stayer', { kind: 'exempted', date: '2026-01-10' });
  });
  afterAll(() => t?.close());

  it('a transfer: the sending organisation on 31/12/2019, the receiving one on 31/12/2020', async () => {
    expect(await total(f.orgs.a1, '2019-12-31')).toBe(20 + 2);
    expect(await total(f.orgs.gB, '2019-12-31')).toBe(2);
    expect(await total(f.orgs.a1, '2020-12-31')).toBe(20 + 1);
    expect(await total(f.orgs.gB, '2020-12-31')).toBe(3);
    // In transit between the letter and the arrival: still on the sending roll.
    expect((await roll(f.orgs.a1, '2020-03-05')).map((r) => r.member_id)).toContain(ids.mover);
    expect((await roll(f.orgs.gB, '2020-03-05')).map((r) => r.member_id)).not.toContain(ids.mover);
    expect((await roll(f.orgs.gB, '2020-03-10')).map((r) => r.member_id)).toContain(ids.mover);
  });

  it('a death in 2021 counts in 2020 and not after; the day of death is out', async () => {
    expect((await roll(f.orgs.a2, '2020-12-31')).map((r) => r.member_id)).toContain(ids.dead);
    expect((await roll(f.orgs.a2, '2021-04-30')).map((r) => r.member_id)).toContain(ids.dead);
    expect((await roll(f.orgs.a2, '2021-05-01')).map((r) => r.member_id)).not.toContain(ids.dead);
    // 12 of the fixture, the dead member in 2020, the readmitted one (official since 20/01/2020)
    expect(await page(f.orgs.a2, '2020-12-31')).toEqual({ official: 14, probationary: 0 });
    expect(await page(f.orgs.a2, '2021-12-31')).toEqual({ official: 13, probationary: 0 });
  });

  it('a readmitted member is out of every count in the gap, probationary again from the readmission', async () => {
    const at = async (d: string) => (await roll(f.orgs.a2, d)).find((r) => r.member_id === ids.readmitted)?.membership;
    expect(await at('2014-12-31')).toBe('official');
    expect(await at('2015-01-01')).toBeUndefined();
    expect(await at('2016-12-31')).toBeUndefined();
    expect(await at('2019-01-09')).toBeUndefined();
    expect(await at('2019-01-10')).toBe('probationary');
    expect(await at('2020-01-19')).toBe('probationary');
    expect(await at('2020-01-20')).toBe('official');
    expect(await page(f.orgs.a2, '2016-12-31')).toEqual({ official: 13, probationary: 0 });
    expect(await page(f.orgs.a2, '2019-12-31')).toEqual({ official: 13, probationary: 1 });
  });

  it('a count for 2019 across the reorganisation of 1/7/2025 uses the 2019 tree; a merged cell’s members move on its date', async () => {
    // A in 2019: gA's cells (a1 with the mover and the stayer, a2 with the dead and the readmitted); gB was under B.
    expect(await total(f.orgs.A, '2019-12-31')).toBe(22 + 14);
    expect(await total(f.orgs.B, '2019-12-31')).toBe(2);
    // After: gB (with the mover) is under A; B has nobody.
    expect(await total(f.orgs.A, '2025-12-31')).toBe(21 + 13 + 3);
    expect(await total(f.orgs.B, '2025-12-31')).toBe(0);
    // a1's roll until 30/06/2025, a2's from 01/07/2025
    expect(await total(f.orgs.a1, '2025-06-30')).toBe(21);
    expect(await total(f.orgs.a2, '2025-06-30')).toBe(13);
    expect(await total(f.orgs.a2, '2025-07-01')).toBe(34);
    expect((await roll(f.orgs.a1, '2019-12-31')).map((r) => r.member_id)).toContain(ids.stayer);
    // The exemption recorded after the merge re-derived the periods and kept the move; the member file agrees.
    expect((await roll(f.orgs.a2, '2026-02-01')).map((r) => r.member_id)).toContain(ids.stayer);
    const file = await admin.get(`/api/members/${ids.stayer}`);
    expect(file.body.org.id).toBe(f.orgs.a2);
  });

  it('the organisation page’s counts equal the roll’s, before and after the horizon', async () => {
    for (const d of ['2010-12-31', '2019-12-31', '2020-03-05', '2021-12-31', '2025-06-30', '2025-12-31', '2026-11-20']) {
      for (const org of [f.orgs.P, f.orgs.A, f.orgs.B, f.orgs.gA, f.orgs.a2]) {
        const c = await page(org, d);
        const r = await roll(org, d);
        expect({ org, d, official: c.official, probationary: c.probationary }).toEqual({
          org,
          d,
          official: r.filter((x) => x.membership === 'official').length,
          probationary: r.filter((x) => x.membership === 'probationary').length,
        });
      }
    }
  });

  /** The member list (and its export) with these filters: the ids, and the list's total. */
  const list = async (query: string) => {
    const r = await admin.get(`/api/members?pageSize=200&${query}`);
    expect(r.status, `${query}: ${JSON.stringify(r.body)}`).toBe(200);
    expect(r.body.total).toBe(r.body.items.length);
    return (r.body.items as { id: string }[]).map((i) => i.id);
  };

  it('asOf lists the roll of the date within the subtree on the tree of the date: the page’s count, for any date', async () => {
    for (const d of ['2010-12-31', '2019-12-31', '2020-03-05', '2021-12-31', '2025-06-30', '2025-07-01', '2026-11-20']) {
      for (const org of [f.orgs.P, f.orgs.A, f.orgs.B, f.orgs.gA, f.orgs.a1, f.orgs.a2, f.orgs.gB]) {
        const c = await page(org, d);
        const official = await list(`orgId=${org}&asOf=${d}&membership=official`);
        const probationary = await list(`orgId=${org}&asOf=${d}&membership=probationary`);
        expect({ org, d, official: official.length, probationary: probationary.length }).toEqual({ org, d, ...c });
      }
    }
    // The export lists the same members.
    const raw = await rawSession(t, 'admin');
    const x = await raw.download(`/api/members/export.xlsx?orgId=${f.orgs.a1}&asOf=2019-12-31`);
    expect(x.status).toBe(200);
    expect((await readXlsx(x.bytes))['Danh sách']!.length - 1).toBe(22);
  });

  it('asOf at the boundaries: the day before and of an arrival, a death, a readmission', async () => {
    expect(await list(`orgId=${f.orgs.a1}&asOf=2020-03-09`)).toContain(ids.mover); // in transit: still the sender's
    expect(await list(`orgId=${f.orgs.gB}&asOf=2020-03-09`)).not.toContain(ids.mover);
    expect(await list(`orgId=${f.orgs.a1}&asOf=2020-03-10`)).not.toContain(ids.mover);
    expect(await list(`orgId=${f.orgs.gB}&asOf=2020-03-10`)).toContain(ids.mover);
    expect(await list(`orgId=${f.orgs.a2}&asOf=2021-04-30`)).toContain(ids.dead);
    expect(await list(`orgId=${f.orgs.a2}&asOf=2021-05-01`)).not.toContain(ids.dead);
    expect(await list(`orgId=${f.orgs.a2}&asOf=2019-01-09`)).not.toContain(ids.readmitted);
    expect(await list(`orgId=${f.orgs.a2}&asOf=2019-01-10&membership=probationary`)).toEqual([ids.readmitted]);
    // Without asOf: today's membership, from the periods (the readmitted member is official again since 20/01/2020).
    expect(await list(`orgId=${f.orgs.a2}&membership=official`)).toContain(ids.readmitted);
    // A member transferred away since is on the list of his organisation of that date (as he is in its count).
    expect(await list(`orgId=${f.orgs.B}&asOf=2025-06-30`)).toContain(ids.mover);
    expect(await list(`orgId=${f.orgs.B}`)).not.toContain(ids.mover);
  });

  it('changes of a period, seen from the subtree on the date of each event, inclusive at both ends', async () => {
    const year = (y: number) => `changeFrom=${y}-01-01&changeTo=${y}-12-31`;
    expect(await list(`orgId=${f.orgs.B}&change=transferred_in&${year(2020)}`)).toEqual([ids.mover]);
    expect(await list(`orgId=${f.orgs.A}&change=transferred_out&${year(2020)}`)).toEqual([ids.mover]);
    expect(await list(`orgId=${f.orgs.P}&change=moved_in&${year(2020)}`)).toEqual([ids.mover]);
    expect(await list(`orgId=${f.orgs.P}&change=transferred_in&${year(2020)}`)).toEqual([]);
    expect(await list(`orgId=${f.orgs.A}&change=moved_in&${year(2020)}`)).toEqual([]);
    expect(await list(`orgId=${f.orgs.B}&change=transferred_in&changeFrom=2020-01-01&changeTo=2020-03-09`)).toEqual([]);
    expect(await list(`orgId=${f.orgs.B}&change=transferred_in&changeFrom=2020-03-10&changeTo=2020-03-10`)).toEqual([ids.mover]);
    expect(await list(`orgId=${f.orgs.A}&change=deceased&${year(2021)}`)).toEqual([ids.dead]);
    expect(await list(`orgId=${f.orgs.A}&change=deceased&changeFrom=2021-01-01&changeTo=2021-04-30`)).toEqual([]);
    expect(await list(`orgId=${f.orgs.B}&change=deceased&${year(2021)}`)).toEqual([]);
    expect(await list(`orgId=${f.orgs.gA}&change=expelled&${year(2015)}`)).toEqual([ids.readmitted]);
    expect(await list(`orgId=${f.orgs.gA}&change=readmitted&${year(2019)}`)).toEqual([ids.readmitted]);
    expect(await list(`orgId=${f.orgs.gA}&change=recognized_official&${year(2020)}`)).toEqual([ids.readmitted]);
    expect(await list(`orgId=${f.orgs.gA}&change=admitted&changeFrom=2012-04-02&changeTo=2012-04-02`)).toEqual([ids.stayer]);
    expect(await list(`orgId=${f.orgs.B}&change=admitted&changeFrom=2012-01-01&changeTo=2012-12-31`)).toEqual([]);
    expect(await list(`orgId=${f.orgs.gA}&change=disciplined&${year(2018)}`)).toEqual([ids.stayer]);
    expect(await list(`orgId=${f.orgs.gA}&change=disciplined&disciplineForm=reprimand&changeFrom=2018-06-04&changeTo=2018-06-04`)).toEqual([ids.stayer]);
    expect(await list(`orgId=${f.orgs.gA}&change=disciplined&disciplineForm=warning&${year(2018)}`)).toEqual([]);
    expect(await list(`orgId=${f.orgs.B}&change=disciplined&${year(2018)}`)).toEqual([]);
  });

  it('refuses drill-down values it cannot apply, in Vietnamese, naming the field', async () => {
    const cases: [string, string, RegExp][] = [
      ['asOf=2019-02-31', 'asOf', /không hợp lệ/],
      ['asOf=2099-12-31', 'asOf', /không được sau hôm nay/],
      ['asOf=1920-01-01', 'asOf', /thành lập Đảng/],
      ['membership=du_bi', 'membership', /Loại đảng viên/],
      ['ethnicityGroup=hoa', 'ethnicityGroup', /Nhóm dân tộc/],
      ['badge=35', 'badge', /Huy hiệu/],
      ['change=married&changeFrom=2020-01-01&changeTo=2020-12-31', 'change', /biến động/],
      ['change=admitted&changeTo=2020-12-31', 'changeFrom', /đầu kỳ/],
      ['change=admitted&changeFrom=2021-01-01&changeTo=2020-12-31', 'changeFrom', /không được sau ngày cuối kỳ/],
      ['change=admitted&changeFrom=2020-01-01&changeTo=2099-01-01', 'changeTo', /không được sau hôm nay/],
      ['changeFrom=2020-01-01', 'changeFrom', /change/],
      ['change=admitted&changeFrom=2020-01-01&changeTo=2020-12-31&disciplineForm=warning', 'disciplineForm', /disciplined/],
      ['youthUnion=yes', 'youthUnion', /true/],
    ];
    for (const [query, field, message] of cases) {
      for (const url of [`/api/members?${query}`, `/api/members/export.xlsx?${query}`]) {
        const r = await admin.get(url);
        expect(r.status, `${url}: ${JSON.stringify(r.body)}`).toBe(400);
        const detail = (r.body.error.details as { field: string; message: string }[]).find((d) => d.field === field);
        expect(detail?.message, url).toMatch(message);
      }
    }
  });
});
