/**
 * Members counted by month of birth, kept by the database: the member list's count for an age band (and with no
 * filter at all) over the whole tree reads this tally instead of counting a quarter of the members (issue 13 part 4).
 *
 * One row per (year of birth, month of birth, on the roll): `birth_month` 0 holds the members whose file knows only
 * the year (an age band counts them from 1 January), `birth_year` 0 those whose file knows neither. `on_roll` is
 * `left_on IS NULL`, the list's default "on the roll". The count of a band takes the whole months inside it from the
 * tally and counts the members born in the two months at its edges from `member_birth_date_idx`
 * (members/members.birth-tally.repo.ts), so it stays exact at the boundaries.
 *
 * Kept like org_member_tally (migration 0006): statement-level triggers on `member` add the rows each statement
 * gained and subtract those it lost, so every writer (the services, the import, the bulk loaders, a reorganisation)
 * keeps it right. Rows are touched in key order, so that two writers never wait on each other in a cycle.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE member_birth_tally (
      birth_year int NOT NULL,
      birth_month smallint NOT NULL,
      on_roll boolean NOT NULL,
      n int NOT NULL DEFAULT 0,
      PRIMARY KEY (birth_year, birth_month, on_roll)
    )`.execute(db);
  await sql`CREATE INDEX member_birth_date_idx ON member (birth_date) WHERE birth_date IS NOT NULL`.execute(db);

  // The key of a row of `member` (or of a transition table).
  const key = `coalesce(extract(year FROM birth_date)::int, birth_year, 0) AS birth_year,
    CASE WHEN birth_date IS NOT NULL THEN extract(month FROM birth_date)::smallint ELSE 0::smallint END AS birth_month,
    left_on IS NULL AS on_roll`;
  const body = (parts: string) =>
    sql.raw(`
    BEGIN
      WITH d AS (${parts})
      INSERT INTO member_birth_tally AS t (birth_year, birth_month, on_roll, n)
      SELECT birth_year, birth_month, on_roll, sum(n) FROM d GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
      ON CONFLICT (birth_year, birth_month, on_roll) DO UPDATE SET n = t.n + EXCLUDED.n;
      RETURN NULL;
    END`);
  const gained = `SELECT ${key}, 1 AS n FROM new_rows`;
  const lost = `SELECT ${key}, -1 AS n FROM old_rows`;
  await sql`CREATE FUNCTION hn_member_birth_tally_insert() RETURNS trigger LANGUAGE plpgsql AS $$${body(gained)}$$`.execute(db);
  await sql`CREATE FUNCTION hn_member_birth_tally_delete() RETURNS trigger LANGUAGE plpgsql AS $$${body(lost)}$$`.execute(db);
  await sql`CREATE FUNCTION hn_member_birth_tally_update() RETURNS trigger LANGUAGE plpgsql AS $$${body(`${lost} UNION ALL ${gained}`)}$$`.execute(db);
  await sql`
    CREATE TRIGGER member_birth_tally_insert AFTER INSERT ON member REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION hn_member_birth_tally_insert()`.execute(db);
  await sql`
    CREATE TRIGGER member_birth_tally_delete AFTER DELETE ON member REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION hn_member_birth_tally_delete()`.execute(db);
  await sql`
    CREATE TRIGGER member_birth_tally_update AFTER UPDATE ON member REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION hn_member_birth_tally_update()`.execute(db);

  // What is there already.
  await sql.raw(`INSERT INTO member_birth_tally (birth_year, birth_month, on_roll, n) SELECT ${key}, count(*) FROM member GROUP BY 1, 2, 3`).execute(db);
}
