import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEngines } from '../../../../test/helpers/db.ts';
import { seedEvaluations } from '../../demo/evaluation.ts';
import { buildFixture, startTestApp, type Client, type Fixture, type TestApp } from '../../../../test/helpers/app.ts';
import type { DrillDown, ReportTable, ReportTableResponse } from '../../../contract/reports.ts';
import {
  admissionKeys,
  admissionsReference,
  CHANGE_KEYS,
  changesReference,
  COMPOSITION_KEYS,
  compositionReference,
  orgsByKindReference,
  orgsBySectorReference,
  projectTable,
} from '../../../../bench/reports.ts';

/** Today in the test app's clock. */
const TODAY = '2026-11-20';

/** A table's cell by row key and column key (the first column when omitted). */
function cell(t: ReportTable, row: string, col?: string) {
  const r = t.rows.find((x) => x.key === row);
  if (!r) throw new Error(`no row ${row} in ${t.key}: ${t.rows.map((x) => x.key).join(', ')}`);
  const i = col === undefined ? 0 : t.columns.findIndex((c) => c.key === col);
  return r.cells[i]!;
}
const value = (t: ReportTable, row: string, col?: string) => cell(t, row, col).value;

describeEngines('reports: the standard tables through HTTP', (engine) => {
  let t: TestApp;
  let f: Fixture;
  let adminA: Client;
  let admin: Client;
  const ids: Record<string, string> = {};

  const table = async (client: Client, key: string, query: Record<string, string>) => {
    const r = await client.get<ReportTableResponse>(`/api/reports/tables/${key}?${new URLSearchParams(query)}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.table;
  };
  const createMember = async (orgId: string, body: Record<string, unknown>) => {
    const r = await admin.post('/api/members', { orgId, gender: 'nam', birthDate: '1985-06-15', ...body });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id as string;
  };
  const event = async (id: string, body: Record<string, unknown>) => {
    const r = await admin.post(`/api/members/${id}/events`, body);
    expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
  };

  /** The total of the list a link leads to: the member list takes the link's query as it is (its drill-down filters). */
  async function linkedTotal(client: Client, link: DrillDown): Promise<number | null> {
    if (link.kind === 'orgs') return (await client.get(`/api/reports/orgs?${new URLSearchParams(link.query)}`)).body.total;
    if (link.kind === 'evaluation') {
      const r = await client.get(`/api/evaluation/results/records?${new URLSearchParams(link.query)}`);
      return r.body.total;
    }
    const r = await client.get(`/api/members?${new URLSearchParams({ ...link.query, pageSize: '1' })}`);
    expect(r.status, `${JSON.stringify(link.query)}: ${JSON.stringify(r.body)}`).toBe(200);
    return r.body.total;
  }

  /** Every member link of a table (this year's and, compared, last year's) against its cell; the number checked. */
  async function checkMemberLinks(client: Client, tb: ReportTableResponse['table']): Promise<number> {
    let checked = 0;
    for (const r of tb.rows)
      for (const [i, c] of tb.columns.entries()) {
        if (c.unit !== 'count' || r.unit === 'years') continue;
        const cell = r.cells[i]!;
        for (const [link, value] of [
          [cell.link, cell.value],
          [cell.previousLink, cell.previous],
        ] as const) {
          if (!link || link.kind !== 'members' || value === null || value === undefined) continue;
          expect(await linkedTotal(client, link), `${tb.key} ${r.key} ${c.key} ${JSON.stringify(link.query)}`).toBe(value);
          checked++;
        }
      }
    return checked;
  }

  beforeAll(async () => {
    t = await startTestApp(engine);
    f = await buildFixture(t);
    adminA = await t.login('adminA');
    admin = await t.login('admin');
    // Dated history under commune A (a1, a2 in gA) and ward B (gB):
    ids.woman = await createMember(f.orgs.a1, {
      fullName: 'Lò Thị Mai',
      gender: 'nu',
      birthDate: '1998-03-01',
      ethnicity: '02',
      religion: 'phat_giao',
      admittedOn: '2025-03-10',
    });
    ids.died = await createMember(f.orgs.a2, { fullName: 'Trần Văn Tư', birthDate: '1950-02-02', admittedOn: '2000-01-10', officialOn: '2001-01-10' });
    await event(ids.died, { kind: 'deceased', date: '2025-06-01' });
    ids.leaving = await createMember(f.orgs.a1, { fullName: 'Phạm Văn Đi', admittedOn: '2015-02-03', officialOn: '2016-02-03' });
    await event(ids.leaving, { kind: 'transfer_out_started', toOrgId: f.orgs.gB, date: '2025-04-01' });
    await event(ids.leaving, { kind: 'transfer_in_confirmed', orgId: f.orgs.gB, date: '2025-04-20' });
    ids.coming = await createMember(f.orgs.gB, { fullName: 'Hoàng Văn Đến', admittedOn: '2012-07-01', officialOn: '2013-07-01' });
    await event(ids.coming, { kind: 'transfer_out_started', toOrgId: f.orgs.a2, date: '2025-05-01' });
    await event(ids.coming, { kind: 'transfer_in_confirmed', orgId: f.orgs.a2, date: '2025-05-10' });
    ids.moving = await createMember(f.orgs.a1, { fullName: 'Đỗ Văn Chuyển', admittedOn: '2018-09-09', officialOn: '2019-09-09' });
    await event(ids.moving, { kind: 'transfer_out_started', toOrgId: f.orgs.a2, date: '2025-08-01' });
    await event(ids.moving, { kind: 'transfer_in_confirmed', orgId: f.orgs.a2, date: '2025-08-05' });
  });
  afterAll(() => t?.close());

  it('the catalogue names every table', async () => {
    const r = await adminA.get('/api/reports/catalogue');
    expect(r.status).toBe(200);
    expect(r.body.tables.map((x: { key: string }) => x.key)).toEqual([
      'orgs-by-kind',
      'orgs-by-sector',
      'members-composition',
      'member-changes',
      'evaluation',
      'excellent-share',
      'admissions-span',
      'term-annex',
      'inspection-work',
      'meetings-compliance',
      'directives-tasks',
    ]);
  });

  it('every member count of the composition and the changes opens the member list whose total is the cell, this year and last', async () => {
    let checked = 0;
    for (const orgId of [f.orgs.P, f.orgs.A])
      for (const d of [TODAY, '2025-06-30']) {
        checked += await checkMemberLinks(admin, await table(admin, 'members-composition', { orgId, asOf: d, compare: 'true' }));
        checked += await checkMemberLinks(admin, await table(admin, 'member-changes', { orgId, from: `${d.slice(0, 4)}-01-01`, to: d, compare: 'true' }));
      }
    expect(checked).toBeGreaterThan(100);
  }, 240_000);

  it('organisations by kind and by sector: the subtree below the organisation on the date, each cell its list', async () => {
    const a = await table(adminA, 'orgs-by-kind', { orgId: f.orgs.A });
    // below commune A: gA (đảng bộ cơ sở) and its cells a1, a2
    expect([value(a, 'all'), value(a, 'kind:dang_bo_co_so'), value(a, 'kind:chi_bo_truc_thuoc'), value(a, 'grassroots')]).toEqual([3, 1, 2, 1]);
    const p = await table(admin, 'orgs-by-kind', { orgId: f.orgs.P });
    expect([value(p, 'all'), value(p, 'kind:dang_bo_cap_tren_co_so'), value(p, 'kind:chi_bo_co_so'), value(p, 'grassroots')]).toEqual([6, 2, 1, 2]);
    const s = await table(admin, 'orgs-by-sector', { orgId: f.orgs.P });
    expect([value(s, 'grassroots'), value(s, 'sector:don_vi_su_nghiep'), value(s, 'sector:dn_ngoai_nha_nuoc'), value(s, 'sector:xa')]).toEqual([2, 1, 1, 0]);
    expect(value(s, 'sector:don_vi_su_nghiep', 'share')).toBe(50);
    // before the organisations existed (established 01/01/2000): nothing
    expect(value(await table(admin, 'orgs-by-kind', { orgId: f.orgs.P, asOf: '1999-12-31' }), 'all')).toBe(0);
    for (const tb of [a, p, s])
      for (const r of tb.rows)
        if (r.cells[0]!.link) expect(await linkedTotal(tb === a ? adminA : admin, r.cells[0]!.link), `${tb.key} ${r.key}`).toBe(r.cells[0]!.value);
  });

  it('members on a date by composition: hand-counted figures of commune A', async () => {
    const c = await table(adminA, 'members-composition', { orgId: f.orgs.A });
    // 32 of the fixture (men born 1980, official since 2011) + the woman admitted 2025 + the one come from B + the one moved inside
    expect(value(c, 'all')).toBe(35);
    expect(value(c, 'women')).toBe(1);
    expect(value(c, 'probationary')).toBe(1);
    expect(value(c, 'official')).toBe(34);
    expect(value(c, 'ethnicity:minority')).toBe(1);
    expect(value(c, 'ethnicity:02')).toBe(1);
    expect(value(c, 'religion:any')).toBe(1);
    expect(value(c, 'religion:phat_giao')).toBe(1);
    // ages on 20/11/2026: 32 born 1980 (46), the woman 28, two born 1985 (41)
    expect([value(c, 'age:le30'), value(c, 'age:41_50'), value(c, 'age:ge61')]).toEqual([1, 34, 0]);
    expect(value(c, 'age:avg')).toBe(Math.round(((32 * 46 + 28 + 2 * 41) / 35) * 10) / 10);
    expect(value(c, 'women', 'share')).toBe(2.86);
    let checked = 0;
    for (const r of c.rows)
      if (r.cells[0]!.link && r.unit !== 'years') {
        const n = await linkedTotal(adminA, r.cells[0]!.link);
        if (n === null) continue;
        expect(n, r.key).toBe(r.cells[0]!.value);
        checked++;
      }
    expect(checked).toBeGreaterThan(10);
  });

  it('changes of 2025 in commune A: placed on the tree of each event, transfers inside apart; the check row holds', async () => {
    const ch = await table(adminA, 'member-changes', { orgId: f.orgs.A, from: '2025-01-01', to: '2025-12-31', compare: 'true' });
    const v = (k: string) => value(ch, k);
    expect([v('admitted'), v('admitted:women'), v('admitted:minority'), v('admitted:religious'), v('admitted:youth')]).toEqual([1, 1, 1, 1, 0]);
    expect([v('transferred_in'), v('transferred_out'), v('moved_in'), v('deceased'), v('struck_off')]).toEqual([1, 1, 1, 1, 0]);
    expect([v('opening'), v('closing')]).toEqual([35, 35]);
    expect(ch.checks).toEqual([expect.objectContaining({ ok: true })]);
    // a year earlier: nothing happened but the records' admissions
    expect(cell(ch, 'admitted').previous).toBe(0);
    expect(cell(ch, 'admitted').link).toEqual({
      kind: 'members',
      query: { orgId: f.orgs.A, change: 'admitted', changeFrom: '2025-01-01', changeTo: '2025-12-31' },
    });
    expect(cell(ch, 'opening').link?.query).toEqual({ orgId: f.orgs.A, asOf: '2024-12-31' });
    // ward B sees the same transfers from its side
    const b = await table(admin, 'member-changes', { orgId: f.orgs.B, from: '2025-01-01', to: '2025-12-31' });
    expect([value(b, 'transferred_in'), value(b, 'transferred_out'), value(b, 'moved_in')]).toEqual([1, 1, 0]);
    // the province: both transfers are moves inside
    const p = await table(admin, 'member-changes', { orgId: f.orgs.P, from: '2025-01-01', to: '2025-12-31' });
    expect([value(p, 'transferred_in'), value(p, 'transferred_out'), value(p, 'moved_in')]).toEqual([0, 0, 3]);
  });

  it('admissions over a span of years: per year, the total and the yearly average', async () => {
    const s = await table(admin, 'admissions-span', { orgId: f.orgs.P, fromYear: '2022', toYear: '2026' });
    expect(s.rows.map((r) => [r.key, r.cells[0]!.value])).toEqual([
      ['year:2022', 0],
      ['year:2023', 0],
      ['year:2024', 0],
      ['year:2025', 1],
      ['year:2026', 0],
      ['total', 1],
      ['average', 0.2],
    ]);
  });

  it('breakdown by the organisations directly below: the province shows A and B, commune A never shows B', async () => {
    const p = await table(admin, 'members-composition', { orgId: f.orgs.P, breakdown: 'children' });
    expect(p.rows.map((r) => r.label)).toEqual(['Đảng bộ tỉnh Hưng Yên (toàn đảng bộ)', 'Đảng bộ phường Hòa Bình', 'Đảng bộ xã Tân Lập']);
    const all = p.columns.findIndex((c) => c.key === 'all|count');
    expect(p.rows.map((r) => r.cells[all]!.value)).toEqual([38, 3, 35]);
    const a = await table(adminA, 'orgs-by-kind', { orgId: f.orgs.A, breakdown: 'children' });
    expect(a.rows.map((r) => r.label)).toEqual(['Đảng bộ xã Tân Lập (toàn đảng bộ)', 'Đảng bộ Trường THPT Nguyễn Du']);
    // the child's row links to its own subtree, itself included
    expect(a.rows[1]!.cells[0]!.link).toEqual({ kind: 'orgs', query: { orgId: f.orgs.gA, asOf: TODAY, includeSelf: 'true' } });
    expect(await linkedTotal(adminA, a.rows[1]!.cells[0]!.link!)).toBe(3);
  });

  it("the benchmark's hand-written statements give the tables' figures", async () => {
    const db = t.database.db;
    const get = async (u: string) => (await admin.get<ReportTableResponse>(u)).body;
    for (const orgId of [f.orgs.P, f.orgs.A, f.orgs.B])
      for (const d of [TODAY, '2025-06-30']) {
        const q = `orgId=${orgId}&asOf=${d}`;
        expect(projectTable(null)(await get(`/api/reports/tables/orgs-by-kind?${q}`))).toEqual(await orgsByKindReference(db, orgId, d));
        expect(projectTable(null)(await get(`/api/reports/tables/orgs-by-sector?${q}`))).toEqual(await orgsBySectorReference(db, orgId, d));
        expect(projectTable(COMPOSITION_KEYS)(await get(`/api/reports/tables/members-composition?${q}`))).toEqual(await compositionReference(db, orgId, d));
        const from = `${d.slice(0, 4)}-01-01`;
        expect(projectTable(CHANGE_KEYS)(await get(`/api/reports/tables/member-changes?orgId=${orgId}&from=${from}&to=${d}`))).toEqual(
          await changesReference(db, orgId, from, d),
        );
        const y = Number(d.slice(0, 4));
        expect(
          projectTable(admissionKeys(y - 4, y))(await get(`/api/reports/tables/admissions-span?orgId=${orgId}&from=${y - 4}-01-01&to=${d}&fromYear=${y - 4}`)),
        ).toEqual(await admissionsReference(db, orgId, y - 4, d));
      }
  });

  it('evaluation tables reuse the published results: a year by level, the share of excellent organisations over the years with its range', async () => {
    await seedEvaluations(t.database.db, t.clock, f.admin, { rootOrgId: f.orgs.P, fromYear: 2023, toYear: 2025, seed: 3 });
    const results = (await admin.get(`/api/evaluation/results?orgId=${f.orgs.P}&year=2025&fromYear=2023`)).body;
    const e = await table(admin, 'evaluation', { orgId: f.orgs.P, toYear: '2025', asOf: '2025-12-31', breakdown: 'children' });
    const col = (k: string) => e.columns.findIndex((c) => c.key === k);
    const total = e.rows[0]!;
    expect(total.cells[col('org:total|count')]!.value).toBe(results.orgs.total);
    expect(total.cells[col('member:good|count')]!.value).toBe(results.members.levels[1].count);
    expect(total.cells[col('member:good|share')]!.value).toBe(results.members.levels[1].percent);
    // every count of every row links to the records behind it, and their total is the cell
    for (const r of e.rows)
      for (const [i, c] of e.columns.entries())
        if (c.key.endsWith('|count') && r.cells[i]!.link) expect(await linkedTotal(admin, r.cells[i]!.link!), `${r.key} ${c.key}`).toBe(r.cells[i]!.value);
    const share = await table(admin, 'excellent-share', { orgId: f.orgs.P, fromYear: '2023', toYear: '2025' });
    expect(share.rows.map((r) => r.key)).toEqual(['year:2023', 'year:2024', 'year:2025', 'min', 'max']);
    for (const y of results.span.years) {
      expect(value(share, `year:${y.year}`, 'rated')).toBe(y.orgs.total);
      expect(value(share, `year:${y.year}`, 'share')).toBe(y.orgs.levels[0].percent);
    }
    expect([value(share, 'min', 'share'), value(share, 'max', 'share')]).toEqual([results.span.orgsExcellent.min, results.span.orgsExcellent.max]);
    // the term annex: one column per year, the same rows
    const annex = await table(admin, 'term-annex', { orgId: f.orgs.P, fromYear: '2023', toYear: '2026' });
    expect(annex.columns.map((c) => c.label)).toEqual(['2023', '2024', '2025', '2026']);
    expect(annex.rows.find((r) => r.key === 'admitted')!.cells.map((c) => c.value)).toEqual([0, 0, 1, 0]);
    expect(annex.rows.find((r) => r.key === 'deceased')!.cells.map((c) => c.value)).toEqual([0, 0, 1, 0]);
    expect(annex.rows.find((r) => r.key === 'grassroots')!.cells.map((c) => c.value)).toEqual([2, 2, 2, 2]);
    expect(annex.rows.find((r) => r.key === 'org:excellent')!.cells[2]!.value).toBe(results.span.years[2].orgs.levels[0].count);
    const admittedLink = annex.rows.find((r) => r.key === 'admitted')!.cells[2]!.link;
    expect(admittedLink).toEqual({ kind: 'members', query: { orgId: f.orgs.P, change: 'admitted', changeFrom: '2025-01-01', changeTo: '2025-12-31' } });
    for (const r of annex.rows)
      if (r.cells[2]!.link && r.cells[2]!.link.kind !== 'members') expect(await linkedTotal(admin, r.cells[2]!.link!), r.key).toBe(r.cells[2]!.value);
  });

  it('compare: each cell carries the same date a year earlier and its own link', async () => {
    const c = await table(adminA, 'members-composition', { orgId: f.orgs.A, asOf: '2026-06-30', compare: 'true' });
    // on 30/06/2025 the one who died (01/06/2025) had left, the woman admitted 10/03/2025 was on the roll
    expect(cell(c, 'women').previous).toBe(1);
    expect(cell(c, 'all').previousLink).toEqual({ kind: 'members', query: { orgId: f.orgs.A, asOf: '2025-06-30' } });
    const r = await adminA.get(`/api/reports/tables/orgs-by-kind?orgId=${f.orgs.A}&asOf=2024-02-29&compare=true`);
    expect(r.body.scope.previous.asOf).toBe('2023-02-28');
  });

  it('OpenAPI documents every report endpoint with its query and its answer', async () => {
    const r = await admin.get('/api/docs/json');
    expect(r.status).toBe(200);
    type Op = { parameters?: { in: string; name: string }[]; responses: Record<string, { content?: unknown }> };
    const paths = r.body.paths as Record<string, Record<string, Op>>;
    for (const path of ['/api/reports', '/api/reports/tables/{table}', '/api/reports/orgs', '/api/reports/catalogue']) {
      const op = paths[path]?.get;
      expect(op, path).toBeDefined();
      expect(op!.responses['200']!.content, path).toBeDefined();
    }
    const names = (p: string) => (paths[p]!.get!.parameters ?? []).map((x) => x.name);
    expect(names('/api/reports/tables/{table}')).toEqual(
      expect.arrayContaining(['table', 'orgId', 'asOf', 'from', 'to', 'compare', 'breakdown', 'fromYear', 'toYear']),
    );
    expect(names('/api/reports/orgs')).toEqual(expect.arrayContaining(['orgId', 'asOf', 'kind', 'sector', 'grassroots', 'includeSelf']));
  });

  it('isolation: a sibling or a superior answers 404, never figures', async () => {
    const adminB = await t.login('adminB');
    for (const path of [`/api/reports/tables/members-composition?orgId=${f.orgs.A}`, `/api/reports?orgId=${f.orgs.A}`, `/api/reports/orgs?orgId=${f.orgs.A}`]) {
      const r = await adminB.get(path);
      expect(r.status, path).toBe(404);
      expect(JSON.stringify(r.body)).not.toContain('Tân Lập');
    }
    expect((await adminA.get(`/api/reports/tables/orgs-by-kind?orgId=${f.orgs.P}`)).status).toBe(404);
  });

  it('bad input answers 400 in Vietnamese', async () => {
    const bad = [
      `/api/reports/tables/nope?orgId=${f.orgs.A}`,
      `/api/reports/tables/member-changes?orgId=${f.orgs.A}&from=2025-12-01&to=2025-01-01`,
      `/api/reports/tables/members-composition?orgId=${f.orgs.A}&asOf=2099-01-01`,
      `/api/reports/tables/members-composition?orgId=${f.orgs.A}&asOf=2025-02-31`,
      `/api/reports/tables/admissions-span?orgId=${f.orgs.A}&fromYear=2099`,
      `/api/reports/tables/admissions-span?orgId=${f.orgs.A}&fromYear=2025&toYear=2020`,
      `/api/reports?orgId=nope`,
      `/api/reports/orgs?orgId=${f.orgs.A}&grassroots=yes`,
    ];
    for (const path of bad) {
      const r = await adminA.get(path);
      expect(r.status, path).toBe(400);
      expect(r.body.error.message, path).toMatch(/[àáảãạăâđêôơưạếệốộớợứự]/i);
    }
  });
});

describe('reports layouts', () => {
  it('every table key has a layout with columns and rows', async () => {
    const { LAYOUTS } = await import('./reports.layouts.ts');
    for (const l of Object.values(LAYOUTS)) {
      expect(l.columns.length).toBeGreaterThan(0);
      expect(l.rows.length).toBeGreaterThan(0);
    }
  });
});
