/**
 * The kept tallies against a recount of the rows: what a test of a writer asserts after writing, so that a trigger
 * left out or wrong shows where the write happens.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/server/db/schema.ts';

/**
 * The rows where the tally by month of birth (migration 0018) differs from a count of the members, with both numbers;
 * empty when it is right. Also how many members it counts, so that a test can see it counted something.
 */
export async function birthTallyDrift(db: Kysely<DB>): Promise<{ drift: unknown[]; members: number }> {
  const { rows } = await sql<{ birth_year: number; birth_month: number; on_roll: boolean; kept: number | null; counted: number | null }>`
    WITH counted AS (
      SELECT coalesce(extract(year FROM birth_date)::int, birth_year, 0) AS birth_year,
        CASE WHEN birth_date IS NOT NULL THEN extract(month FROM birth_date)::int ELSE 0 END AS birth_month,
        left_on IS NULL AS on_roll, count(*)::int AS n
      FROM member GROUP BY 1, 2, 3
    ), kept AS (SELECT birth_year, birth_month::int AS birth_month, on_roll, n FROM member_birth_tally WHERE n <> 0)
    SELECT coalesce(k.birth_year, c.birth_year) AS birth_year, coalesce(k.birth_month, c.birth_month) AS birth_month,
      coalesce(k.on_roll, c.on_roll) AS on_roll, k.n AS kept, c.n AS counted
    FROM kept k FULL JOIN counted c ON c.birth_year = k.birth_year AND c.birth_month = k.birth_month AND c.on_roll = k.on_roll
    WHERE k.n IS DISTINCT FROM c.n`.execute(db);
  const total = await sql<{ n: number }>`SELECT count(*)::int AS n FROM member`.execute(db);
  return { drift: rows, members: Number(total.rows[0]?.n ?? 0) };
}
