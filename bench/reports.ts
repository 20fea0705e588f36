/**
 * The reports' tables in the benchmark (issue 14 part 10): each standard table of the province through its route
 * (`GET /api/reports/tables/:table`), for today and for the same date five years back, side by side with a
 * hand-written statement giving the same figures (run.ts `compare` checks them equal, then times both, interleaved).
 *
 * The statements read the tables directly and follow the same readings as the application (docs/modules/reports.md):
 * the roll of a date is the member periods on a roll that day (members.roll.repo.ts), the party age that of the day
 * (the first admission shifted by the gaps before it, members.roll.repo.ts's partyAgeStartOnSql); a subtree is the versions in force on the date
 * under the root's path of that date. The composition is compared on its fixed rows (totals, sex, membership, age
 * bands, minorities, religion, party-age bands, badges); the catalogue rows the application also computes are not in
 * the statement. The tables built on the evaluation module's published results (evaluation, excellent-share) and the
 * term annex (five rolls and a span of changes) are timed alone: evaluation-results in run.ts is their
 * side-by-side case.
 */
import { sql, type Kysely } from 'kysely';
import { latestStartForYears } from '../src/domain/party-age.ts';
import type { ReportTable, ReportTableResponse } from '../src/contract/reports.ts';
import type { DB } from '../src/server/db/schema.ts';

/** Issue 14's targets: any table ≤ 100 ms on PostgreSQL and ≤ 250 ms on PGlite (median of the route). */
export const REPORT_TABLE_TARGET_MS = { postgres: 100, pglite: 250 } as const;
/** The dashboard: ≤ 300 ms (issue 14 part 10). */
const DASHBOARD_TARGET_MS = 300;

type Figures = Record<string, number>;

/** The application's table as compared: its rows' first cells, by row key, zeros left out. */
export function projectTable(keys: readonly string[] | null) {
  return (answer: ReportTableResponse): Figures => {
    const out: Figures = {};
    for (const r of answer.table.rows) {
      if (keys && !keys.includes(r.key)) continue;
      const v = r.cells[0]?.value;
      if (v !== null && v !== undefined && v !== 0) out[r.key] = v;
    }
    return sorted(out);
  };
}

function sorted(f: Figures): Figures {
  return Object.fromEntries(Object.entries(f).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
const nonZero = (f: Record<string, number | string | null>): Figures =>
  sorted(
    Object.fromEntries(
      Object.entries(f)
        .filter(([, v]) => v !== null && Number(v) !== 0)
        .map(([k, v]) => [k, Number(v)]),
    ),
  );

/** The root's path on a date, as a CTE. */
const rootOn = (rootId: string, d: string) =>
  sql`SELECT v.path, left(v.path, -1) || '0' AS upper FROM org_version v WHERE v.org_id = ${rootId} AND v.valid_from <= ${d} AND (v.valid_to IS NULL OR v.valid_to > ${d})`;

export async function orgsByKindReference(db: Kysely<DB>, rootId: string, d: string): Promise<Figures> {
  const { rows } = await sql<{ kind_code: string; is_grassroots: boolean; n: number }>`
    WITH root AS (${rootOn(rootId, d)})
    SELECT v.kind_code, k.is_grassroots, count(*)::int AS n
    FROM root JOIN org_version v ON v.path > root.path AND v.path < root.upper AND v.valid_from <= ${d} AND (v.valid_to IS NULL OR v.valid_to > ${d})
    JOIN org_kind k ON k.code = v.kind_code
    GROUP BY 1, 2`.execute(db);
  const f: Figures = {};
  for (const r of rows) {
    f.all = (f.all ?? 0) + r.n;
    f[`kind:${r.kind_code}`] = r.n;
    if (r.is_grassroots) f.grassroots = (f.grassroots ?? 0) + r.n;
  }
  return nonZero(f);
}

/** Grassroots organisations by sector on the date (the table by sector): the same subtree, grassroots kinds only, «Chưa rõ» for none. */
export async function orgsBySectorReference(db: Kysely<DB>, rootId: string, d: string): Promise<Figures> {
  const { rows } = await sql<{ sector: string; n: number }>`
    WITH root AS (${rootOn(rootId, d)})
    SELECT COALESCE(v.sector_code, '') AS sector, count(*)::int AS n
    FROM root JOIN org_version v ON v.path > root.path AND v.path < root.upper AND v.valid_from <= ${d} AND (v.valid_to IS NULL OR v.valid_to > ${d})
    JOIN org_kind k ON k.code = v.kind_code AND k.is_grassroots
    GROUP BY 1`.execute(db);
  const f: Figures = {};
  for (const r of rows) {
    f.grassroots = (f.grassroots ?? 0) + r.n;
    f[`sector:${r.sector}`] = r.n;
  }
  return nonZero(f);
}

/** Calendar days in transit that do not count against party age: 30 working days × 7/5. */
const TRANSIT_ALLOWANCE_DAYS = 42;

export const COMPOSITION_KEYS = [
  'all',
  'women',
  'official',
  'probationary',
  'age:le30',
  'age:31_40',
  'age:41_50',
  'age:51_60',
  'age:ge61',
  'ethnicity:kinh',
  'ethnicity:minority',
  'religion:any',
  'pa:lt10',
  'pa:10_19',
  'pa:20_29',
  'pa:30_39',
  'pa:40_49',
  'pa:ge50',
  ...[30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90].map((k) => `badge:${k}`),
] as const;

export async function compositionReference(db: Kysely<DB>, rootId: string, d: string): Promise<Figures> {
  const a = (y: number) => latestStartForYears(d, y);
  const { rows } = await sql<Record<string, number | null> & { badges: Record<string, number> | null }>`
    WITH root AS (${rootOn(rootId, d)}),
    roll AS (
      SELECT m.id, m.gender, m.ethnicity, m.religion, COALESCE(m.birth_date, make_date(m.birth_year, 1, 1)) AS born,
        p.membership = 'official' AS official,
        -- the party age's start on the day: the row's when no day was lost or every gap ended by then, else the first
        -- admission shifted by the gap days before the day (transit beyond the allowance, an annulled expulsion no gap)
        CASE WHEN m.party_age_from = m.admitted_on THEN m.admitted_on ELSE (
          SELECT CASE WHEN m.party_age_from IS NOT NULL AND COALESCE(bool_and(COALESCE(g.valid_to <= ${d}::date, false)), true) THEN m.party_age_from
            ELSE m.admitted_on + COALESCE(sum(CASE WHEN g.status = 'in_transit' THEN GREATEST(0, LEAST(COALESCE(g.valid_to, ${d}::date), ${d}::date) - g.valid_from - ${TRANSIT_ALLOWANCE_DAYS}::int)
              ELSE LEAST(COALESCE(g.valid_to, ${d}::date), ${d}::date) - g.valid_from END) FILTER (WHERE g.valid_from < ${d}::date), 0)::int END
          FROM member_period g WHERE g.member_id = m.id AND g.status IN ('struck_off', 'left', 'expelled', 'lost_contact', 'in_transit')
            AND NOT (g.status = 'expelled' AND EXISTS (SELECT 1 FROM member_event a WHERE a.member_id = m.id AND a.kind = 'expulsion_annulled' AND a.effective_date = g.valid_to))
        ) END AS party_age_from
      FROM root JOIN org_version v ON v.path >= root.path AND v.path < root.upper AND v.valid_from <= ${d} AND (v.valid_to IS NULL OR v.valid_to > ${d})
      JOIN member_period p ON p.org_id = v.org_id AND p.valid_from <= ${d} AND (p.valid_to IS NULL OR p.valid_to > ${d})
        AND p.status NOT IN ('deceased', 'struck_off', 'left', 'expelled')
      JOIN member m ON m.id = p.member_id
    )
    SELECT count(*)::int AS "all",
      count(*) FILTER (WHERE gender = 'nu')::int AS "women",
      count(*) FILTER (WHERE official)::int AS "official",
      count(*) FILTER (WHERE NOT official)::int AS "probationary",
      count(*) FILTER (WHERE born > ${a(31)})::int AS "age:le30",
      count(*) FILTER (WHERE born > ${a(41)} AND born <= ${a(31)})::int AS "age:31_40",
      count(*) FILTER (WHERE born > ${a(51)} AND born <= ${a(41)})::int AS "age:41_50",
      count(*) FILTER (WHERE born > ${a(61)} AND born <= ${a(51)})::int AS "age:51_60",
      count(*) FILTER (WHERE born <= ${a(61)})::int AS "age:ge61",
      count(*) FILTER (WHERE ethnicity = '01')::int AS "ethnicity:kinh",
      count(*) FILTER (WHERE ethnicity NOT IN ('01', '55'))::int AS "ethnicity:minority",
      count(*) FILTER (WHERE religion <> 'khong')::int AS "religion:any",
      count(*) FILTER (WHERE official AND party_age_from > ${a(10)})::int AS "pa:lt10",
      count(*) FILTER (WHERE official AND party_age_from > ${a(20)} AND party_age_from <= ${a(10)})::int AS "pa:10_19",
      count(*) FILTER (WHERE official AND party_age_from > ${a(30)} AND party_age_from <= ${a(20)})::int AS "pa:20_29",
      count(*) FILTER (WHERE official AND party_age_from > ${a(40)} AND party_age_from <= ${a(30)})::int AS "pa:30_39",
      count(*) FILTER (WHERE official AND party_age_from > ${a(50)} AND party_age_from <= ${a(40)})::int AS "pa:40_49",
      count(*) FILTER (WHERE official AND party_age_from <= ${a(50)})::int AS "pa:ge50",
      (SELECT json_object_agg(x.milestone, x.n) FROM (
        SELECT b.milestone, count(DISTINCT b.member_id)::int AS n FROM roll r JOIN member_badge_award b ON b.member_id = r.id AND b.awarded_on <= ${d} GROUP BY 1
      ) x) AS badges
    FROM roll`.execute(db);
  const { badges, ...counts } = rows[0]!;
  return nonZero({ ...counts, ...Object.fromEntries(Object.entries(badges ?? {}).map(([k, n]) => [`badge:${k}`, n])) });
}

export const CHANGE_KEYS = [
  'opening',
  'closing',
  'admitted',
  'admitted:women',
  'readmitted',
  'recognized_official',
  'transferred_in',
  'transferred_out',
  'moved_in',
  'deceased',
  'struck_off',
  'allowed_to_leave',
  'expelled',
] as const;

/** The changes of [from, to] in the subtree of the root's path at `to` (the root kept its place over the period). */
export async function changesReference(db: Kysely<DB>, rootId: string, from: string, to: string): Promise<Figures> {
  const opening = new Date(Date.parse(from) - 86_400_000).toISOString().slice(0, 10);
  // "in the subtree on the event's date": the organisation's version in force that day lies under the root's path
  const here = (org: string, date: string) =>
    sql`EXISTS (SELECT 1 FROM org_version i WHERE i.org_id = ${sql.ref(org)} AND i.valid_from <= ${sql.ref(date)} AND (i.valid_to IS NULL OR i.valid_to > ${sql.ref(date)})
      AND i.path >= (SELECT path FROM root) AND i.path < (SELECT upper FROM root))`;
  const roll = (
    d: string,
  ) => sql`(SELECT count(*)::int FROM root JOIN org_version v ON v.path >= root.path AND v.path < root.upper AND v.valid_from <= ${d} AND (v.valid_to IS NULL OR v.valid_to > ${d})
      JOIN member_period p ON p.org_id = v.org_id AND p.valid_from <= ${d} AND (p.valid_to IS NULL OR p.valid_to > ${d}) AND p.status NOT IN ('deceased', 'struck_off', 'left', 'expelled'))`;
  const { rows } = await sql<{ k: string; n: number }>`
    WITH root AS (${rootOn(rootId, to)}),
    ev AS MATERIALIZED (
      SELECT e.member_id, e.kind, e.org_id, e.to_org_id, e.effective_date, ${here('e.org_id', 'e.effective_date')} AS here
      FROM member_event e
      WHERE e.effective_date >= ${from} AND e.effective_date <= ${to}
        AND e.kind IN ('admitted', 'readmitted', 'recognized_official', 'deceased', 'struck_off', 'allowed_to_leave', 'expelled', 'transfer_in_confirmed', 'transfer_out_started')
    ),
    arrivals AS (
      SELECT ev.here AS dst, COALESCE((
        SELECT ${here('o.org_id', 'ev.effective_date')}
        FROM member_event o WHERE o.member_id = ev.member_id AND o.kind = 'transfer_out_started' AND o.effective_date <= ev.effective_date
        ORDER BY o.effective_date DESC, o.created_at DESC LIMIT 1), false) AS src
      FROM ev WHERE ev.kind = 'transfer_in_confirmed'
    )
    SELECT kind AS k, count(*)::int AS n FROM ev WHERE here AND kind NOT IN ('transfer_in_confirmed', 'transfer_out_started') GROUP BY 1
    UNION ALL SELECT 'admitted:women', count(*)::int FROM ev JOIN member m ON m.id = ev.member_id WHERE ev.here AND ev.kind = 'admitted' AND m.gender = 'nu'
    UNION ALL SELECT 'transferred_in', count(*)::int FROM arrivals WHERE dst AND NOT src
    UNION ALL SELECT 'moved_in', count(*)::int FROM arrivals WHERE dst AND src
    UNION ALL SELECT 'transferred_out', (SELECT count(*)::int FROM arrivals WHERE src AND NOT dst) + (SELECT count(*)::int FROM ev WHERE here AND kind = 'transfer_out_started' AND to_org_id IS NULL)
    UNION ALL SELECT 'opening', ${roll(opening)}
    UNION ALL SELECT 'closing', ${roll(to)}`.execute(db);
  return nonZero(Object.fromEntries(rows.map((r) => [r.k, r.n])));
}

/** Admissions per year of [fromYear, toYear] (the last year up to `end`), the total. */
export async function admissionsReference(db: Kysely<DB>, rootId: string, fromYear: number, end: string): Promise<Figures> {
  const from = `${fromYear}-01-01`;
  const { rows } = await sql<{ y: number; n: number }>`
    WITH root AS (${rootOn(rootId, end)})
    SELECT EXTRACT(YEAR FROM e.effective_date)::int AS y, count(*)::int AS n
    FROM root JOIN org_version v ON v.path >= root.path AND v.path < root.upper
    JOIN member_event e ON e.org_id = v.org_id AND e.kind = 'admitted' AND e.effective_date >= v.valid_from AND (v.valid_to IS NULL OR e.effective_date < v.valid_to)
    WHERE e.effective_date >= ${from} AND e.effective_date <= ${end}
    GROUP BY 1`.execute(db);
  const f: Figures = {};
  for (const r of rows) f[`year:${r.y}`] = r.n;
  f.total = rows.reduce((a, r) => a + r.n, 0);
  return nonZero(f);
}

/** The keys the admissions table is compared on (the years and the total; the average is arithmetic on them). */
export const admissionKeys = (fromYear: number, toYear: number) => [
  ...Array.from({ length: toYear - fromYear + 1 }, (_, i) => `year:${fromYear + i}`),
  'total',
];

type Engine = 'pglite' | 'postgres';
type Compare = <A, R>(
  name: string,
  engine: Engine,
  scale: 'province',
  runs: number,
  targetMs: number | null,
  app: (i: number) => Promise<A>,
  reference: (i: number) => Promise<R>,
  project: (answer: A) => R,
) => Promise<CaseResultLike>;
type Measure = (
  name: string,
  engine: Engine,
  scale: 'province',
  runs: number,
  targetMs: number | null,
  once: (i: number) => Promise<void>,
) => Promise<CaseResultLike>;
type CaseResultLike = { case: string };

/**
 * Every standard table of the province for today and for the same date five years back (the periods: the year to the
 * date), each through its route; side by side with its statement where there is one.
 */
export async function benchReportTables<C extends CaseResultLike>(opts: {
  db: Kysely<DB>;
  get: (url: string) => Promise<unknown>;
  post: (url: string, body: unknown) => Promise<unknown>;
  engine: Engine;
  runs: number;
  rootId: string;
  today: string;
  compare: Compare;
  measure: Measure;
}): Promise<C[]> {
  const { db, engine, runs, rootId } = opts;
  const target = REPORT_TABLE_TARGET_MS[engine];
  const out: CaseResultLike[] = [];
  const y = Number(opts.today.slice(0, 4));
  const fiveBack = `${y - 5}${opts.today.slice(4)}`;
  for (const [label, d] of [
    ['today', opts.today],
    ['5y', fiveBack],
  ] as const) {
    const from = `${d.slice(0, 4)}-01-01`;
    const url = (table: string, q = '') => `/api/reports/tables/${table}?orgId=${rootId}&asOf=${d}${q}`;
    const get = (u: string) => () => opts.get(u) as Promise<ReportTableResponse>;
    out.push(
      await opts.compare(
        `report-orgs-by-kind-${label}`,
        engine,
        'province',
        runs,
        target,
        get(url('orgs-by-kind')),
        () => orgsByKindReference(db, rootId, d),
        projectTable(null),
      ),
    );
    out.push(
      await opts.compare(
        `report-orgs-by-sector-${label}`,
        engine,
        'province',
        runs,
        target,
        get(url('orgs-by-sector')),
        () => orgsBySectorReference(db, rootId, d),
        projectTable(null),
      ),
    );
    out.push(
      await opts.compare(
        `report-members-composition-${label}`,
        engine,
        'province',
        runs,
        target,
        get(url('members-composition')),
        () => compositionReference(db, rootId, d),
        projectTable(COMPOSITION_KEYS),
      ),
    );
    out.push(
      await opts.compare(
        `report-member-changes-${label}`,
        engine,
        'province',
        runs,
        target,
        get(`/api/reports/tables/member-changes?orgId=${rootId}&from=${from}&to=${d}`),
        () => changesReference(db, rootId, from, d),
        projectTable(CHANGE_KEYS),
      ),
    );
    const fromYear = Number(d.slice(0, 4)) - 4;
    out.push(
      await opts.compare(
        `report-admissions-span-${label}`,
        engine,
        'province',
        runs,
        target,
        get(`/api/reports/tables/admissions-span?orgId=${rootId}&to=${d}&from=${fromYear}-01-01&fromYear=${fromYear}`),
        () => admissionsReference(db, rootId, fromYear, d),
        projectTable(admissionKeys(fromYear, Number(d.slice(0, 4)))),
      ),
    );
    for (const table of ['evaluation', 'excellent-share', 'term-annex'])
      out.push(await opts.measure(`report-${table}-${label}`, engine, 'province', runs, target, () => get(url(table))().then(() => undefined)));
    out.push(
      await opts.measure(`report-members-composition-compare-children-${label}`, engine, 'province', runs, null, () =>
        get(url('members-composition', '&compare=true&breakdown=children'))().then(() => undefined),
      ),
    );
    // A submitted report read back: the stored figures and the whole report recomputed for its live differences.
    const submitted = (await opts.post('/api/reports/submissions', { orgId: rootId, from, to: d, compare: true })) as { id: string };
    out.push(
      await opts.measure(`report-submission-live-${label}`, engine, 'province', runs, null, () =>
        opts.get(`/api/reports/submissions/${submitted.id}`).then(() => undefined),
      ),
    );
  }
  // The home page: the province's dashboard (issue 14 part 5: ≤ 300 ms).
  out.push(
    await opts.measure('report-dashboard', engine, 'province', runs, DASHBOARD_TARGET_MS, () =>
      opts.get(`/api/reports/dashboard?orgId=${rootId}`).then(() => undefined),
    ),
  );
  return out as C[];
}

export type { ReportTable };
