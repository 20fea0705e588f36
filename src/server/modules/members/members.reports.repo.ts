/**
 * The members' figures of the reports (issue 14): the composition of the roll of a date over the tree of that date,
 * and the changes of a period placed on the tree of each event's date. One statement per table (grouping sets,
 * FILTER), each answering a flat list of (child, dimension, value, count) the reports' layouts read.
 *
 * Every count "as of D" reads `rollOnSql(D)` (members.roll.repo.ts) placed on the tree of D with orgs'
 * `subtreeInForceSql`; the drill-down list (GET /api/members with `asOf`) reads the same fragment, so its total is the
 * cell. Ages and party ages are full years on D; the bands' limits are birth / party-age-start dates computed by the
 * caller (the domain's `latestStartForYears`), the same limits the member list's filters use.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Scope } from '../../http/actor.ts';
import { subtreeInForceSql } from '../orgs/orgs.repo.ts';
import { childSegmentOnSql, onVersionSql, orgIdInScopeSql, orgWithinOnSql, subtreeVersionsSql } from '../orgs/orgs.reports.repo.ts';
import { partyAgeStartOnSql, rollOnSql } from './members.roll.repo.ts';
import { memberDecisionsDecidedSql } from '../discipline/discipline.repo.ts';

/** A band of the composition: its key and the latest start date (birth, party-age start) that reaches it on the date. */
export interface Band {
  key: string;
  /** Reached when the start is on or before this date; the first band (the youngest) has none. */
  startOnOrBefore: string | null;
}

export interface CompositionInput {
  /** The root's path on the date. */
  path: string;
  asOf: string;
  scope: Scope;
  /** 1-based segment of the path naming the child of the root (breakdown), null for the subtree's total. */
  childAt: number | null;
  /** Age bands, the oldest first (≥ 61, 51–60, …, ≤ 30). */
  ageBands: Band[];
  /** Party-age bands, the longest first. */
  partyAgeBands: Band[];
}

export interface CompositionRow {
  child: string;
  /** Which dimension this row counts ('all' for the total of the child), and its value ('' when unknown). */
  dim: string;
  val: string;
  n: number;
  /** Sum of full years of age of those with a known age (for the average). */
  age_sum: number;
  age_n: number;
}

/**
 * Runs a report's statement with room to hash its groups in memory (`SET LOCAL work_mem`, this transaction only): the
 * planner cannot estimate the groups of a materialised roll and, with the default 4 MB, sorts the province's roll once
 * per grouping set (to disk) where hashing it once does (issue 14 part 10). Read-only; one transaction.
 */
async function withReportMemory<T>(db: Kysely<DB>, run: (tx: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`SET LOCAL work_mem = '64MB'`.execute(tx);
    return run(tx);
  });
}

/** `column` (a start date) lies in each band: the bands' FILTER conditions, the oldest first (the youngest band has no limit). */
function bandFilters(column: ReturnType<typeof sql.ref>, bands: Band[]) {
  return bands.map((b, i) => {
    const older = i > 0 ? bands[i - 1]!.startOnOrBefore : null;
    const upper = b.startOnOrBefore === null ? sql`true` : sql`${column} <= ${b.startOnOrBefore}`;
    const lower = older === null ? sql`true` : sql`${column} > ${older}`;
    return { key: b.key, n: sql<number>`count(*) FILTER (WHERE ${upper} AND ${lower})::int` };
  });
}

/**
 * The roll of `asOf` in the subtree of `path` on that date, counted by sex, age band, ethnicity, religion, education,
 * professional level, political theory, occupation, party-age band, membership, and the badges held by the date.
 *
 * One pass over the roll: the roll of the date is read once into `x` (each member's birth and party age of the day
 * computed once), then one aggregate per child gives the fixed bands as FILTER columns (women, official, the age and
 * party-age bands, the ages' sum), one hashed GROUPING SETS gives the catalogue dimensions, and the badges join the
 * same rows. The answer is flat (child, dimension, value, count) as the layouts read it; the fixed bands are unpivoted
 * from their one row per child.
 */
export async function compositionOn(db: Kysely<DB>, q: CompositionInput): Promise<CompositionRow[]> {
  const child = q.childAt === null ? sql<string>`''` : sql<string>`split_part(s.path, '/', ${sql.lit(q.childAt)})`;
  const age = bandFilters(sql.ref('x.born'), q.ageBands);
  const pa = bandFilters(sql.ref('x.pa_from'), q.partyAgeBands);
  const col = (prefix: string, key: string) => sql.ref(`${prefix}_${key}`);
  const fixed = [
    sql`('gender', 'nu', f.women)`,
    sql`('ms', 'official', f.official)`,
    sql`('ms', 'probationary', f.n - f.official)`,
    ...age.map((b) => sql`('age', ${b.key}, f.${col('age', b.key)})`),
    ...pa.map((b) => sql`('pa', ${b.key}, f.${col('pa', b.key)})`),
  ];
  const statement = sql<CompositionRow>`
    WITH x AS MATERIALIZED (
      SELECT ${child} AS child, r.member_id, r.membership = 'official' AS official, m.gender,
        COALESCE(m.birth_date, make_date(m.birth_year, 1, 1)) AS born,
        CASE WHEN r.membership = 'official' THEN ${partyAgeStartOnSql('m', q.asOf)} END AS pa_from,
        COALESCE(m.ethnicity, '') AS ethnicity, COALESCE(m.religion, '') AS religion,
        COALESCE(m.general_education, '') AS general_education, COALESCE(m.professional_level, '') AS professional_level,
        COALESCE(m.theory_level, '') AS theory_level, COALESCE(m.occupation, '') AS occupation
      FROM ${rollOnSql(q.asOf)} AS r
      JOIN ${subtreeInForceSql(q.path, q.asOf)} AS s ON s.org_id = r.org_id
      JOIN member m ON m.id = r.member_id
      WHERE ${orgIdInScopeSql('r.org_id', q.scope)}
    ),
    f AS (
      SELECT x.child, count(*)::int AS n, count(*) FILTER (WHERE x.gender = 'nu')::int AS women, count(*) FILTER (WHERE x.official)::int AS official,
        ${sql.join([...age.map((b) => sql`${b.n} AS ${col('age', b.key)}`), ...pa.map((b) => sql`${b.n} AS ${col('pa', b.key)}`)])},
        COALESCE(sum(EXTRACT(YEAR FROM age(${q.asOf}::date, x.born))), 0)::int AS age_sum, count(x.born)::int AS age_n
      FROM x
      GROUP BY x.child
    )
    SELECT f.child, 'all' AS dim, '' AS val, f.n, f.age_sum, f.age_n FROM f
    UNION ALL
    SELECT f.child, v.dim, v.val, v.n, 0, 0 FROM f CROSS JOIN LATERAL (VALUES ${sql.join(fixed)}) AS v(dim, val, n)
    UNION ALL
    SELECT child,
      CASE WHEN GROUPING(ethnicity) = 0 THEN 'ethnicity' WHEN GROUPING(religion) = 0 THEN 'religion' WHEN GROUPING(general_education) = 0 THEN 'edu'
        WHEN GROUPING(professional_level) = 0 THEN 'prof' WHEN GROUPING(theory_level) = 0 THEN 'theory' ELSE 'occ' END,
      COALESCE(ethnicity, religion, general_education, professional_level, theory_level, occupation),
      count(*)::int, 0, 0
    FROM x
    GROUP BY GROUPING SETS ((child, ethnicity), (child, religion), (child, general_education), (child, professional_level), (child, theory_level), (child, occupation))
    UNION ALL
    SELECT x.child, 'badge', b.milestone::text, count(*)::int, 0, 0
    FROM x JOIN member_badge_award b ON b.member_id = x.member_id AND b.awarded_on <= ${q.asOf}
    GROUP BY 1, 3`;
  return withReportMemory(db, async (tx) => (await statement.execute(tx)).rows);
}

/** The stretch of a period in which the report's root stood at `path` (the root's versions overlapping the period). */
export interface PeriodSegment {
  path: string;
  from: string;
  to: string;
}

export interface ChangeRow {
  child: string;
  year: number;
  kind: string;
  n: number;
}

/** The child of the root named by a path of the subtree ('' for the total). */
function segmentOf(pathColumn: string, childAt: number | null) {
  return childAt === null ? sql<string>`''` : sql<string>`split_part(${sql.ref(pathColumn)}, '/', ${sql.lit(childAt)})`;
}

/** The child of the root an event's organisation stood under on the event's date ('' for the total). */
function childOf(orgColumn: string, dateColumn: string, childAt: number | null) {
  return childAt === null ? sql<string>`''` : childSegmentOnSql(orgColumn, dateColumn, childAt);
}

/**
 * The changes of a period in a subtree, each event placed on the tree of its own date (the root's place in each
 * segment of the period), per year of the event and per child of the root when `childAt` is given:
 * - admitted (with of-which women, minorities, Youth Union members, religious), readmitted, recognized_official,
 *   deceased, struck_off, allowed_to_leave, expelled: the event's organisation in the subtree;
 * - transfers, at the arrival (transfer_in_confirmed, when the roll moves): transferred_in from outside the subtree,
 *   transferred_out to outside it, moved_in between two of its organisations; a departure towards no organisation
 *   of the system (to_org_id null) is a transfer out on its own date;
 * - disciplined:<form>: disciplinesOfSegmentSql (decided in the period, the member's roll on the decision date).
 */
export async function changesBetween(db: Kysely<DB>, segments: PeriodSegment[], scope: Scope, childAt: number | null): Promise<ChangeRow[]> {
  if (segments.length === 0) return [];
  const parts = segments.map((seg) => {
    const here = subtreeVersionsSql(seg.path, scope);
    const inPeriod = sql`e.effective_date >= ${seg.from} AND e.effective_date <= ${seg.to}`;
    return sql<ChangeRow>`
      SELECT ${segmentOf('d.path', childAt)} AS child, EXTRACT(YEAR FROM e.effective_date)::int AS year, e.kind, count(*)::int AS n
      FROM member_event e
      JOIN ${here} AS d ON ${onVersionSql('d', 'e.org_id', 'e.effective_date')}
      WHERE ${inPeriod} AND e.kind IN ('admitted', 'readmitted', 'recognized_official', 'deceased', 'struck_off', 'allowed_to_leave', 'expelled')
      GROUP BY 1, 2, 3
      UNION ALL
      SELECT a.child, a.year, k.kind, k.n
      FROM (
        SELECT ${segmentOf('d.path', childAt)} AS child, EXTRACT(YEAR FROM e.effective_date)::int AS year,
          count(*) FILTER (WHERE m.gender = 'nu')::int AS women,
          count(*) FILTER (WHERE m.ethnicity IS NOT NULL AND m.ethnicity NOT IN ('01', '55'))::int AS minority,
          count(*) FILTER (WHERE m.youth_union_on IS NOT NULL AND m.youth_union_on <= e.effective_date)::int AS youth,
          count(*) FILTER (WHERE m.religion IS NOT NULL AND m.religion <> 'khong')::int AS religious
        FROM member_event e
        JOIN ${here} AS d ON ${onVersionSql('d', 'e.org_id', 'e.effective_date')}
        JOIN member m ON m.id = e.member_id
        WHERE ${inPeriod} AND e.kind = 'admitted'
        GROUP BY 1, 2
      ) a
      CROSS JOIN LATERAL (VALUES ('admitted:women', a.women), ('admitted:minority', a.minority), ('admitted:youth', a.youth), ('admitted:religious', a.religious)) AS k(kind, n)
      WHERE k.n > 0
      UNION ALL
      SELECT CASE WHEN dst.org_id IS NOT NULL THEN ${segmentOf('dst.path', childAt)} ELSE ${segmentOf('src.path', childAt)} END AS child,
        EXTRACT(YEAR FROM e.effective_date)::int AS year,
        CASE WHEN dst.org_id IS NOT NULL AND src.org_id IS NOT NULL THEN 'moved_in' WHEN dst.org_id IS NOT NULL THEN 'transferred_in' ELSE 'transferred_out' END AS kind,
        count(*)::int AS n
      FROM member_event e
      LEFT JOIN LATERAL (SELECT o.org_id AS src FROM member_event o WHERE o.member_id = e.member_id AND o.kind = 'transfer_out_started'
        AND o.effective_date <= e.effective_date ORDER BY o.effective_date DESC, o.created_at DESC LIMIT 1) s ON true
      LEFT JOIN ${here} AS dst ON ${onVersionSql('dst', 'e.org_id', 'e.effective_date')}
      LEFT JOIN ${here} AS src ON ${onVersionSql('src', 's.src', 'e.effective_date')}
      WHERE e.kind = 'transfer_in_confirmed' AND ${inPeriod}
        AND (dst.org_id IS NOT NULL OR src.org_id IS NOT NULL)
      GROUP BY 1, 2, 3
      UNION ALL
      SELECT ${segmentOf('d.path', childAt)} AS child, EXTRACT(YEAR FROM e.effective_date)::int AS year, 'transferred_out' AS kind, count(*)::int AS n
      FROM member_event e
      JOIN ${here} AS d ON ${onVersionSql('d', 'e.org_id', 'e.effective_date')}
      WHERE e.kind = 'transfer_out_started' AND e.to_org_id IS NULL AND ${inPeriod}
      GROUP BY 1, 2, 3
      UNION ALL
      ${disciplinesOfSegmentSql(seg, scope, childAt)}`;
  });
  const { rows } = await sql<ChangeRow>`${sql.join(parts, sql` UNION ALL `)}`.execute(db);
  return rows;
}

/**
 * The admissions of a span of years per year (and per child when `childAt` is given), each admission placed on the
 * tree of its own date (the root's place in each segment): the same rows as changesBetween's `admitted`, without the
 * rest of the changes (one index range of member_event (kind, effective_date) per segment).
 */
export async function admissionsBetween(db: Kysely<DB>, segments: PeriodSegment[], scope: Scope, childAt: number | null): Promise<ChangeRow[]> {
  if (segments.length === 0) return [];
  // The total alone probes the version of each admission's organisation (a few thousand probes); per child, the
  // subtree's versions are hashed once and give the child's segment (measured: docs/performance.md, session 8).
  const parts = segments.map((seg) =>
    childAt === null
      ? sql<ChangeRow>`
      SELECT '' AS child, EXTRACT(YEAR FROM e.effective_date)::int AS year, 'admitted' AS kind, count(*)::int AS n
      FROM member_event e
      WHERE e.kind = 'admitted' AND e.effective_date >= ${seg.from} AND e.effective_date <= ${seg.to}
        AND ${orgWithinOnSql('e.org_id', 'e.effective_date', seg.path)} AND ${orgIdInScopeSql('e.org_id', scope)}
      GROUP BY 1, 2`
      : sql<ChangeRow>`
      SELECT ${segmentOf('d.path', childAt)} AS child, EXTRACT(YEAR FROM e.effective_date)::int AS year, 'admitted' AS kind, count(*)::int AS n
      FROM member_event e
      JOIN ${subtreeVersionsSql(seg.path, scope)} AS d ON ${onVersionSql('d', 'e.org_id', 'e.effective_date')}
      WHERE e.kind = 'admitted' AND e.effective_date >= ${seg.from} AND e.effective_date <= ${seg.to}
      GROUP BY 1, 2`,
  );
  const { rows } = await sql<ChangeRow>`${sql.join(parts, sql` UNION ALL `)}`.execute(db);
  return rows;
}

/**
 * The roll of each date of `dates` in the subtree of the root's path on that date (the term annex's year ends): per
 * date (and child of the root on that date, when `childAt` is given) the members, the women and the ethnic minorities (not Kinh, not foreigners). One
 * statement; the members' file is read once per member on a roll.
 */
export async function rollTotalsOn(
  db: Kysely<DB>,
  places: { asOf: string; path: string; childAt: number | null }[],
  scope: Scope,
): Promise<{ as_of: string; child: string; n: number; women: number; minority: number }[]> {
  if (places.length === 0) return [];
  const childOn = (childAt: number | null) => (childAt === null ? sql<string>`''` : sql<string>`split_part(s.path, '/', ${sql.lit(childAt)})`);
  const parts = places.map(
    (pl) => sql`
      SELECT ${pl.asOf}::text AS as_of, ${childOn(pl.childAt)} AS child, r.member_id
      FROM ${rollOnSql(pl.asOf)} AS r
      JOIN ${subtreeInForceSql(pl.path, pl.asOf)} AS s ON s.org_id = r.org_id
      WHERE ${orgIdInScopeSql('r.org_id', scope)}`,
  );
  const { rows } = await sql<{ as_of: string; child: string; n: number; women: number; minority: number }>`
    SELECT x.as_of, x.child, count(*)::int AS n, count(*) FILTER (WHERE m.gender = 'nu')::int AS women,
      count(*) FILTER (WHERE m.ethnicity NOT IN ('01', '55'))::int AS minority
    FROM (${sql.join(parts, sql` UNION ALL `)}) x
    JOIN member m ON m.id = x.member_id
    GROUP BY 1, 2`.execute(db);
  return rows;
}

/**
 * The party disciplines of a segment of the period by form (`disciplined:<form>`), the one reading of the disciplines
 * in the reports: decided in the segment (decision date), of members whose roll on the decision date (member_period,
 * not today's organisation) stood in the subtree on that date; per year of the decision and child of the root. The
 * member list's drill-down (`change=disciplined`) reads the same. When the decisions move to the discipline module,
 * this is the function to point at its table.
 */
export function disciplinesOfSegmentSql(seg: PeriodSegment, scope: Scope, childAt: number | null): RawBuilder<ChangeRow> {
  return sql<ChangeRow>`
      SELECT ${childOf('d.org_id', 'd.decided_on', childAt)} AS child, EXTRACT(YEAR FROM d.decided_on)::int AS year, 'disciplined:' || d.form AS kind, count(*)::int AS n
      FROM (
        SELECT d.form, d.decided_on, p.org_id
        FROM ${memberDecisionsDecidedSql(seg.from, seg.to)} d
        JOIN member_period p ON p.member_id = d.member_id AND p.valid_from <= d.decided_on AND (p.valid_to IS NULL OR p.valid_to > d.decided_on)
      ) d
      WHERE ${orgWithinOnSql('d.org_id', 'd.decided_on', seg.path)} AND ${orgIdInScopeSql('d.org_id', scope)}
      GROUP BY 1, 2, 3`;
}

/** The number of members on the roll of `asOf` in the subtree of `path` on that date, per child when asked (the opening and closing of a period). */
export async function rollCountOn(db: Kysely<DB>, path: string, asOf: string, scope: Scope, childAt: number | null): Promise<{ child: string; n: number }[]> {
  const child = childAt === null ? sql<string>`''` : sql<string>`split_part(s.path, '/', ${sql.lit(childAt)})`;
  const { rows } = await sql<{ child: string; n: number }>`
    SELECT ${child} AS child, count(*)::int AS n
    FROM ${rollOnSql(asOf)} AS r
    JOIN ${subtreeInForceSql(path, asOf)} AS s ON s.org_id = r.org_id
    WHERE ${orgIdInScopeSql('r.org_id', scope)}
    GROUP BY 1`.execute(db);
  return rows;
}
