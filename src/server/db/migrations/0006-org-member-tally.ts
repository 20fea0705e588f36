/**
 * Members on each organisation's roll, kept by the database itself: the org pages of a province or of the country
 * count hundreds of thousands of members, which a scan of `member` cannot do in the time a page has. Statement-level
 * triggers on `member` add and subtract the rows every writer touches (the services, the import, the bulk loaders),
 * so the tally cannot drift from the rows.
 *
 * The tally answers for the present only: a member counts when admitted and not gone (left_on IS NULL), officially
 * when official_on is set. That is the answer of the scan "on date D" for any D on or after the latest date recorded
 * on any member (admitted_on, official_on, left_on), which `member_tally_horizon` keeps; readers use the tally only
 * for such dates and scan otherwise (members/members.tally.repo.ts).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE org_member_tally (
      org_id uuid PRIMARY KEY REFERENCES org(id),
      official int NOT NULL DEFAULT 0,
      probationary int NOT NULL DEFAULT 0
    )`.execute(db);
  await sql`
    CREATE TABLE member_tally_horizon (
      only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
      latest date
    )`.execute(db);

  // One function per kind of statement; each adds the rows it gained and subtracts those it lost.
  const body = (parts: string) =>
    sql.raw(`
    BEGIN
      WITH d AS (${parts})
      INSERT INTO org_member_tally AS t (org_id, official, probationary)
      SELECT org_id, coalesce(sum(n) FILTER (WHERE is_official), 0), coalesce(sum(n) FILTER (WHERE NOT is_official), 0)
      FROM d GROUP BY org_id
      ON CONFLICT (org_id) DO UPDATE SET official = t.official + EXCLUDED.official, probationary = t.probationary + EXCLUDED.probationary;
      ${parts.includes('new_rows') ? `UPDATE member_tally_horizon SET latest = GREATEST(latest, (SELECT max(GREATEST(admitted_on, official_on, left_on)) FROM new_rows));` : ''}
      RETURN NULL;
    END`);
  const gained = `SELECT org_id, official_on IS NOT NULL AS is_official, 1 AS n FROM new_rows WHERE left_on IS NULL AND admitted_on IS NOT NULL`;
  const lost = `SELECT org_id, official_on IS NOT NULL AS is_official, -1 AS n FROM old_rows WHERE left_on IS NULL AND admitted_on IS NOT NULL`;
  await sql`CREATE FUNCTION hn_member_tally_insert() RETURNS trigger LANGUAGE plpgsql AS $$${body(gained)}$$`.execute(db);
  await sql`CREATE FUNCTION hn_member_tally_delete() RETURNS trigger LANGUAGE plpgsql AS $$${body(lost)}$$`.execute(db);
  await sql`CREATE FUNCTION hn_member_tally_update() RETURNS trigger LANGUAGE plpgsql AS $$${body(`${lost} UNION ALL ${gained}`)}$$`.execute(db);
  await sql`CREATE TRIGGER member_tally_insert AFTER INSERT ON member REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hn_member_tally_insert()`.execute(
    db,
  );
  await sql`CREATE TRIGGER member_tally_delete AFTER DELETE ON member REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hn_member_tally_delete()`.execute(
    db,
  );
  await sql`
    CREATE TRIGGER member_tally_update AFTER UPDATE ON member REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION hn_member_tally_update()`.execute(db);

  // What is there already.
  await sql`
    INSERT INTO org_member_tally (org_id, official, probationary)
    SELECT org_id, count(*) FILTER (WHERE official_on IS NOT NULL), count(*) FILTER (WHERE official_on IS NULL)
    FROM member WHERE left_on IS NULL AND admitted_on IS NOT NULL GROUP BY org_id`.execute(db);
  await sql`INSERT INTO member_tally_horizon (latest) SELECT max(GREATEST(admitted_on, official_on, left_on)) FROM member`.execute(db);
}
