/**
 * The member list's count from the tally by month of birth (migration 0018), for the lists that filter by nothing
 * but an age band and "on the roll" over the whole tree: a count that reads a few hundred tally rows and the members
 * born in the two months at the band's edges, however many members the tree holds. Any other filter, a scope short of
 * the whole tree or a subtree counts the rows as before (members.repo.ts).
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Scope } from '../../http/actor.ts';
import type { MemberFilters } from './members.repo.ts';

/** An age band as birth dates (members.filters.ts) and whether only the members on the roll count. */
export interface BirthBand {
  /** Born on or before this date (a year-only birth: in or before its year). */
  bornOnOrBefore?: string | undefined;
  /** Born after this date (a year-only birth: after its year). */
  bornAfter?: string | undefined;
  onRoll: boolean;
}

/** The band when the tally can count the list of these filters, else null. */
export function birthBandOf(scope: Scope, f: MemberFilters): BirthBand | null {
  const { bornOnOrBefore, bornAfter, status, page: _page, pageSize: _size, drill, ...others } = f;
  if (scope !== 'all' || (status !== undefined && status !== 'on_roll')) return null;
  // A report's drill-down (the roll of a date, a change) is never the tally's: only its date, always set, may be.
  if (drill && Object.entries(drill).some(([k, v]) => k !== 'day' && v !== undefined && v !== false)) return null;
  if (Object.values(others).some((v) => v !== undefined && v !== false && v !== '')) return null;
  return { bornOnOrBefore, bornAfter, onRoll: status === 'on_roll' };
}

const ymOf = (date: string) => ({ y: Number(date.slice(0, 4)), m: Number(date.slice(5, 7)) });
const monthStart = (y: number, m: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
const nextMonthStart = (y: number, m: number) => (m === 12 ? monthStart(y + 1, 1) : monthStart(y, m + 1));

/**
 * How many members the band holds: the whole months of birth inside it and the year-only births from the tally, and
 * the members born in the months of its edges counted one by one (exact at the boundaries, as the list filters).
 */
export async function countByBirthBand(db: Kysely<DB>, band: BirthBand): Promise<number> {
  const before = band.bornOnOrBefore ? ymOf(band.bornOnOrBefore) : null;
  const after = band.bornAfter ? ymOf(band.bornAfter) : null;
  const roll = band.onRoll ? sql<SqlBool>`t.on_roll` : sql<SqlBool>`true`;
  const tallied =
    !before && !after
      ? sql<SqlBool>`true`
      : sql<SqlBool>`t.birth_year > 0 AND (
          (t.birth_month > 0 ${before ? sql`AND (t.birth_year, t.birth_month) < (${before.y}, ${before.m})` : sql``}
            ${after ? sql`AND (t.birth_year, t.birth_month) > (${after.y}, ${after.m})` : sql``})
          OR (t.birth_month = 0 ${before ? sql`AND t.birth_year <= ${before.y}` : sql``} ${after ? sql`AND t.birth_year > ${after.y}` : sql``}))`;
  const edges = [before, after].filter((e) => e !== null);
  const edge =
    edges.length === 0
      ? sql`0`
      : sql`(SELECT count(*) FROM member m
          WHERE (${sql.join(
            edges.map((e) => sql`(m.birth_date >= ${monthStart(e.y, e.m)}::date AND m.birth_date < ${nextMonthStart(e.y, e.m)}::date)`),
            sql` OR `,
          )})
          ${band.bornOnOrBefore ? sql`AND m.birth_date <= ${band.bornOnOrBefore}::date` : sql``}
          ${band.bornAfter ? sql`AND m.birth_date > ${band.bornAfter}::date` : sql``}
          ${band.onRoll ? sql`AND m.left_on IS NULL` : sql``})`;
  const { rows } = await sql<{ n: string | number }>`
    SELECT (SELECT coalesce(sum(t.n), 0) FROM member_birth_tally t WHERE ${roll} AND ${tallied}) + ${edge} AS n`.execute(db);
  return Number(rows[0]?.n ?? 0);
}
