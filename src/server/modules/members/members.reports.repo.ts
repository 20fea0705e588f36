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
import { childSegmentOnSql, orgIdInScopeSql, orgWithinOnSql } from '../orgs/orgs.reports.repo.ts';
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

function bandCase(column: ReturnType<typeof sql.ref>, bands: Band[]) {
  const whens = bands.filter((b) => b.startOnOrBefore !== null).map((b) => sql`WHEN ${column} <= ${b.startOnOrBefore} THEN ${b.key}`);
  const last = bands.find((b) => b.startOnOrBefore === null);
  return sql<string>`CASE WHEN ${column} IS NULL THEN '' ${sql.join(whens, sql` `)} ELSE ${last?.key ?? ''} END`;
}

/**
 * The roll of `asOf` in the subtree of `path` on that date, counted by sex, age band, ethnicity, religion, education,
 * professional level, political theory, occupation, party-age band, membership, and the badges held by the date.
 */
export async function compositionOn(db: Kysely<DB>, q: CompositionInput): Promise<CompositionRow[]> {
  const child = q.childAt === null ? sql<string>`''` : sql<string>`split_part(s.path, '/', ${sql.lit(q.childAt)})`;
  const born = sql.ref('x.born');
  const paFrom = sql.ref('x.pa_from');
  const scoped = orgIdInScopeSql('r.org_id', q.scope);
  const { rows } = await sql<CompositionRow>`
    WITH x AS (
      SELECT ${child} AS child, r.member_id, r.membership, m.gender,
        COALESCE(m.birth_date, make_date(m.birth_year, 1, 1)) AS born,
        CASE WHEN r.membership = 'official' THEN ${partyAgeStartOnSql('m', q.asOf)} END AS pa_from,
        COALESCE(m.ethnicity, '') AS ethnicity, COALESCE(m.religion, '') AS religion,
        COALESCE(m.general_education, '') AS general_education, COALESCE(m.professional_level, '') AS professional_level,
        COALESCE(m.theory_level, '') AS theory_level, COALESCE(m.occupation, '') AS occupation
      FROM ${rollOnSql(q.asOf)} AS r
      JOIN ${subtreeInForceSql(q.path, q.asOf)} AS s ON s.org_id = r.org_id
      JOIN member m ON m.id = r.member_id
      WHERE ${scoped}
    ),
    y AS (
      SELECT x.*, ${bandCase(born, q.ageBands)} AS age_band, ${bandCase(paFrom, q.partyAgeBands)} AS pa_band,
        EXTRACT(YEAR FROM age(${q.asOf}::date, x.born))::int AS age
      FROM x
    )
    SELECT child,
      CASE WHEN GROUPING(gender) = 0 THEN 'gender' WHEN GROUPING(age_band) = 0 THEN 'age' WHEN GROUPING(ethnicity) = 0 THEN 'ethnicity'
        WHEN GROUPING(religion) = 0 THEN 'religion' WHEN GROUPING(general_education) = 0 THEN 'edu'
        WHEN GROUPING(professional_level) = 0 THEN 'prof' WHEN GROUPING(theory_level) = 0 THEN 'theory'
        WHEN GROUPING(occupation) = 0 THEN 'occ' WHEN GROUPING(pa_band) = 0 THEN 'pa' WHEN GROUPING(membership) = 0 THEN 'ms' ELSE 'all' END AS dim,
      COALESCE(gender, age_band, ethnicity, religion, general_education, professional_level, theory_level, occupation, pa_band, membership, '') AS val,
      count(*)::int AS n, COALESCE(sum(age), 0)::int AS age_sum, count(age)::int AS age_n
    FROM y
    GROUP BY GROUPING SETS ((child), (child, gender), (child, age_band), (child, ethnicity), (child, religion), (child, general_education),
      (child, professional_level), (child, theory_level), (child, occupation), (child, pa_band), (child, membership))
    UNION ALL
    SELECT ${child} AS child, 'badge' AS dim, b.milestone::text AS val, count(DISTINCT b.member_id)::int AS n, 0 AS age_sum, 0 AS age_n
    FROM ${rollOnSql(q.asOf)} AS r
    JOIN ${subtreeInForceSql(q.path, q.asOf)} AS s ON s.org_id = r.org_id
    JOIN member_badge_award b ON b.member_id = r.member_id AND b.awarded_on <= ${q.asOf}
    WHERE ${scoped}
    GROUP BY 1, 3`.execute(db);
  return rows;
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
    const inE = (col: string) => orgWithinOnSql(col, 'e.effective_date', seg.path);
    return sql<ChangeRow>`
      SELECT ${childOf('e.org_id', 'e.effective_date', childAt)} AS child, EXTRACT(YEAR FROM e.effective_date)::int AS year, k.kind, count(*)::int AS n
      FROM member_event e
      JOIN member m ON m.id = e.member_id
      CROSS JOIN LATERAL (VALUES
        (e.kind),
        (CASE WHEN e.kind = 'admitted' AND m.gender = 'nu' THEN 'admitted:women' END),
        (CASE WHEN e.kind = 'admitted' AND m.ethnicity IS NOT NULL AND m.ethnicity NOT IN ('01', '55') THEN 'admitted:minority' END),
        (CASE WHEN e.kind = 'admitted' AND m.youth_union_on IS NOT NULL AND m.youth_union_on <= e.effective_date THEN 'admitted:youth' END),
        (CASE WHEN e.kind = 'admitted' AND m.religion IS NOT NULL AND m.religion <> 'khong' THEN 'admitted:religious' END)
      ) AS k(kind)
      WHERE e.effective_date >= ${seg.from} AND e.effective_date <= ${seg.to} AND k.kind IS NOT NULL
        AND e.kind IN ('admitted', 'readmitted', 'recognized_official', 'deceased', 'struck_off', 'allowed_to_leave', 'expelled')
        AND ${inE('e.org_id')} AND ${orgIdInScopeSql('e.org_id', scope)}
      GROUP BY 1, 2, 3
      UNION ALL
      SELECT CASE WHEN t.dst_in THEN ${childOf('t.org_id', 't.effective_date', childAt)} ELSE ${childOf('t.src', 't.effective_date', childAt)} END AS child,
        EXTRACT(YEAR FROM t.effective_date)::int AS year,
        CASE WHEN t.dst_in AND t.src_in THEN 'moved_in' WHEN t.dst_in THEN 'transferred_in' ELSE 'transferred_out' END AS kind, count(*)::int AS n
      FROM (
        SELECT e.org_id, e.effective_date, s.src,
          ${inE('e.org_id')} AND ${orgIdInScopeSql('e.org_id', scope)} AS dst_in,
          COALESCE(${orgWithinOnSql('s.src', 'e.effective_date', seg.path)} AND ${orgIdInScopeSql('s.src', scope)}, false) AS src_in
        FROM member_event e
        LEFT JOIN LATERAL (SELECT o.org_id AS src FROM member_event o WHERE o.member_id = e.member_id AND o.kind = 'transfer_out_started'
          AND o.effective_date <= e.effective_date ORDER BY o.effective_date DESC, o.created_at DESC LIMIT 1) s ON true
        WHERE e.kind = 'transfer_in_confirmed' AND e.effective_date >= ${seg.from} AND e.effective_date <= ${seg.to}
      ) t
      WHERE t.dst_in OR t.src_in
      GROUP BY 1, 2, 3
      UNION ALL
      SELECT ${childOf('e.org_id', 'e.effective_date', childAt)} AS child, EXTRACT(YEAR FROM e.effective_date)::int AS year, 'transferred_out' AS kind, count(*)::int AS n
      FROM member_event e
      WHERE e.kind = 'transfer_out_started' AND e.to_org_id IS NULL AND e.effective_date >= ${seg.from} AND e.effective_date <= ${seg.to}
        AND ${inE('e.org_id')} AND ${orgIdInScopeSql('e.org_id', scope)}
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
  const parts = segments.map(
    (seg) => sql<ChangeRow>`
      SELECT ${childOf('e.org_id', 'e.effective_date', childAt)} AS child, EXTRACT(YEAR FROM e.effective_date)::int AS year, 'admitted' AS kind, count(*)::int AS n
      FROM member_event e
      WHERE e.kind = 'admitted' AND e.effective_date >= ${seg.from} AND e.effective_date <= ${seg.to}
        AND ${orgWithinOnSql('e.org_id', 'e.effective_date', seg.path)} AND ${orgIdInScopeSql('e.org_id', scope)}
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
