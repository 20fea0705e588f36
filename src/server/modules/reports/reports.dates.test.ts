/**
 * The readings "as of the table's date" (docs/modules/reports.md): the party age of a past date from the member
 * periods (probation counts, gaps do not), the disciplines by the roll on the decision date, and the membership of a
 * readmitted member on a new probation (member.official_on is his FIRST official date: code reading it called him
 * official). On both engines, at the boundaries.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../../test/helpers/db.ts';
import { buildFixture, startTestApp, type Client, type Fixture, type TestApp } from '../../../../test/helpers/app.ts';
import type { ReportTable, ReportTableResponse } from '../../../contract/reports.ts';

describeEngines('reports: readings as of the date', (engine) => {
  let t: TestApp;
  let f: Fixture;
  let admin: Client;
  const ids: Record<string, string> = {};

  const table = async (key: string, query: Record<string, string>) => {
    const r = await admin.get<ReportTableResponse>(`/api/reports/tables/${key}?${new URLSearchParams(query)}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.table;
  };
  const cell = (tb: ReportTable, row: string) => tb.rows.find((r) => r.key === row)?.cells[0] ?? null;
  const linked = async (tb: ReportTable, row: string) => {
    const link = cell(tb, row)?.link;
    if (!link) return null;
    return (await admin.get(`/api/members?${new URLSearchParams({ ...link.query, pageSize: '1' })}`)).body.total as number;
  };
  const create = async (key: string, body: Record<string, unknown>) => {
    const r = await admin.post('/api/members', { gender: 'nam', birthDate: '1975-06-15', fullName: `Đảng Viên ${key}`, ...body });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    ids[key] = r.body.id;
  };
  const event = async (key: string, body: Record<string, unknown>) => {
    const r = await admin.post(`/api/members/${ids[key]}/events`, body);
    expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
  };

  beforeAll(async () => {
    t = await startTestApp(engine); // today is 20/11/2026
    f = await buildFixture(t); // a1: 20 members admitted 19/05/2010, official since 19/05/2011
    admin = await t.login('admin');
    // Official from 2001, expelled 01/06/2021, readmitted 02/03/2026: on a new probation today.
    await create('again', { orgId: f.orgs.a1, admittedOn: '2000-01-01', officialOn: '2001-01-01' });
    await event('again', { kind: 'expelled', date: '2021-06-01' });
    await event('again', { kind: 'readmitted', orgId: f.orgs.a1, date: '2026-03-02', ceremonyOn: '2026-03-10' });
    // Reprimanded in a1 in 2018, transferred to a2 in 2020.
    await create('moved', { orgId: f.orgs.a1, admittedOn: '2008-01-05', officialOn: '2009-01-05' });
    const reprimand = { form: 'reprimand', decidingLevel: 'Chi bộ', decisionNo: '3-QĐ/CB', decisionDate: '2018-06-04', announcedOn: '2018-06-05' };
    expect((await admin.post(`/api/members/${ids.moved}/disciplines`, reprimand)).status).toBe(200);
    await event('moved', { kind: 'transfer_out_started', toOrgId: f.orgs.a2, date: '2020-03-02' });
    await event('moved', { kind: 'transfer_in_confirmed', orgId: f.orgs.a2, date: '2020-03-10' });
  });
  afterAll(() => t?.close());

  it('a readmitted member on a new probation is probationary in the list, the file and the roll; official before the expulsion', async () => {
    const list = await admin.get(`/api/members?orgId=${f.orgs.a1}&pageSize=100`);
    expect(list.status).toBe(200);
    const item = list.body.items.find((x: { id: string }) => x.id === ids.again);
    expect(item).toMatchObject({ membership: 'probationary', officialOn: '2001-01-01' });
    expect(list.body.items.find((x: { id: string }) => x.id === ids.moved)).toBeUndefined();
    const file = await admin.get(`/api/members/${ids.again}`);
    expect(file.body).toMatchObject({ membership: 'probationary', officialOn: '2001-01-01' });
    const today = await table('members-composition', { orgId: f.orgs.a1, asOf: '2026-11-20' });
    expect(cell(today, 'probationary')?.value).toBe(1);
    expect(cell(today, 'official')?.value).toBe(20);
    // the day before the expulsion he is official, on the day he is out
    expect(cell(await table('members-composition', { orgId: f.orgs.a1, asOf: '2021-05-31' }), 'official')?.value).toBe(20 + 1);
    expect(cell(await table('members-composition', { orgId: f.orgs.a1, asOf: '2021-06-01' }), 'official')?.value).toBe(20);
  });

  it('party-age bands read the party age of the date: a member since expelled and on probation today counts with his years then', async () => {
    // 31/12/2020: the fixture's 20 (10 years from 19/05/2010), the readmitted one (20 years from 01/01/2000); the mover is in a2.
    const then = await table('members-composition', { orgId: f.orgs.a1, asOf: '2020-12-31' });
    expect(cell(then, 'pa:10_19')?.value).toBe(20);
    expect(cell(then, 'pa:20_29')?.value).toBe(1);
    expect(await linked(then, 'pa:20_29')).toBe(1);
    expect(await linked(then, 'pa:10_19')).toBe(20);
    // his 20th year is reached on 01/01/2020, not the day before (the fixture's reach 10 on 19/05/2020; the mover, 11, was still in a1)
    expect(cell(await table('members-composition', { orgId: f.orgs.a1, asOf: '2019-12-31' }), 'pa:10_19')?.value).toBe(2);
    expect(cell(await table('members-composition', { orgId: f.orgs.a1, asOf: '2020-01-01' }), 'pa:20_29')?.value).toBe(1);
    // the mover's 12 years on 31/12/2020 count in a2 (to which he moved), with a2's 12
    const a2 = await table('members-composition', { orgId: f.orgs.a2, asOf: '2020-12-31' });
    expect(cell(a2, 'pa:10_19')?.value).toBe(12 + 1);
    expect(await linked(a2, 'pa:10_19')).toBe(13);
    // today he is probationary: no party age, in no band
    const today = await table('members-composition', { orgId: f.orgs.a1, asOf: '2026-11-20' });
    expect(cell(today, 'pa:20_29')?.value ?? 0).toBe(0);
  });

  it('a discipline counts where the member stood on the decision date, not where he is today', async () => {
    const q = { from: '2018-01-01', to: '2018-12-31' };
    const a1 = await table('member-changes', { orgId: f.orgs.a1, ...q });
    const a2 = await table('member-changes', { orgId: f.orgs.a2, ...q });
    expect(cell(a1, 'disciplined:reprimand')?.value).toBe(1);
    expect(cell(a2, 'disciplined:reprimand')?.value ?? 0).toBe(0);
    expect(await linked(a1, 'disciplined:reprimand')).toBe(1);
    // the day after the period: nothing
    expect(cell(await table('member-changes', { orgId: f.orgs.a1, from: '2018-06-05', to: '2018-12-31' }), 'disciplined:reprimand')?.value ?? 0).toBe(0);
  });

  it('a period that starts or ends on the date of an event: the roll and the changes at their edges', async () => {
    const composition = async (orgId: string, asOf: string) => {
      const tb = await table('members-composition', { orgId, asOf });
      return { all: cell(tb, 'all')?.value, official: cell(tb, 'official')?.value, probationary: cell(tb, 'probationary')?.value ?? 0 };
    };
    // the readmitted one: out of every roll the day before his readmission, on a new probation from its day
    expect(await composition(f.orgs.a1, '2026-03-01')).toEqual({ all: 20, official: 20, probationary: 0 });
    expect(await composition(f.orgs.a1, '2026-03-02')).toEqual({ all: 21, official: 20, probationary: 1 });
    // the mover: on a1's roll while in transit (to 09/03/2020), on a2's from the arrival (10/03/2020)
    expect((await composition(f.orgs.a1, '2020-03-09')).all).toBe(22);
    expect((await composition(f.orgs.a1, '2020-03-10')).all).toBe(21);
    expect((await composition(f.orgs.a2, '2020-03-10')).all).toBe(13);
    // the arrival counts in a period that ends or starts on its day, never in one that stops the day before or starts after
    const changes = async (orgId: string, from: string, to: string, row: string) => cell(await table('member-changes', { orgId, from, to }), row)?.value ?? 0;
    expect(await changes(f.orgs.a2, '2020-01-01', '2020-03-10', 'transferred_in')).toBe(1);
    expect(await changes(f.orgs.a2, '2020-03-10', '2020-12-31', 'transferred_in')).toBe(1);
    expect(await changes(f.orgs.a2, '2020-01-01', '2020-03-09', 'transferred_in')).toBe(0);
    expect(await changes(f.orgs.a2, '2020-03-11', '2020-12-31', 'transferred_in')).toBe(0);
    expect(await changes(f.orgs.a1, '2020-03-10', '2020-03-10', 'transferred_out')).toBe(1);
    expect(await changes(f.orgs.gA, '2020-03-10', '2020-03-10', 'moved_in')).toBe(1);
    expect(await changes(f.orgs.gA, '2020-03-10', '2020-03-10', 'transferred_in')).toBe(0);
    // the readmission on its own day; the expulsion on its own
    expect(await changes(f.orgs.a1, '2026-03-02', '2026-03-02', 'readmitted')).toBe(1);
    expect(await changes(f.orgs.a1, '2021-06-01', '2021-06-01', 'expelled')).toBe(1);
    expect(await changes(f.orgs.a1, '2021-06-02', '2021-12-31', 'expelled')).toBe(0);
  });
});
