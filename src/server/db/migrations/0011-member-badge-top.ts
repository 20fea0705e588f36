/**
 * member.badge_top: the highest badge milestone the member has received (0 for none), kept by statement-level
 * triggers on member_badge_award so that every writer (the service, the bulk loaders, a later import) keeps it.
 *
 * With it the badge lists of a province (members.badges.ts) find their members through two partial indexes instead
 * of joining every award: "reached and never awarded" is, for a member who lost no day of party age, one index range
 * per highest award (badge_top = v AND admitted_on <= today - next milestone), and the ~3% of members whose party
 * age has gaps are read through their own small index. The predicates of the two indexes are repeated, word for word,
 * by the queries that use them (PLAIN_SQL and GAPPED_SQL in members.badges.ts): a partial index serves a query only
 * when the planner can see its predicate in the query. A third, of the seriously ill, serves their wider due
 * windows, and a fourth the members who left the Party lately (a posthumous award, a list of an anniversary past).
 */
import { sql, type Kysely } from 'kysely';

const OUT = `'deceased', 'struck_off', 'left', 'expelled'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE member ADD COLUMN badge_top int NOT NULL DEFAULT 0`.execute(db);
  await sql`
    UPDATE member AS m SET badge_top = a.top
    FROM (SELECT member_id, max(milestone) AS top FROM member_badge_award GROUP BY member_id) AS a
    WHERE a.member_id = m.id`.execute(db);

  const body = (ids: string) =>
    sql.raw(`
    BEGIN
      UPDATE member AS m
      SET badge_top = coalesce((SELECT max(w.milestone) FROM member_badge_award AS w WHERE w.member_id = m.id), 0)
      WHERE m.id IN (${ids});
      RETURN NULL;
    END`);
  await sql`CREATE FUNCTION hn_badge_top_insert() RETURNS trigger LANGUAGE plpgsql AS $$${body('SELECT member_id FROM new_rows')}$$`.execute(db);
  await sql`CREATE FUNCTION hn_badge_top_delete() RETURNS trigger LANGUAGE plpgsql AS $$${body('SELECT member_id FROM old_rows')}$$`.execute(db);
  await sql`
    CREATE FUNCTION hn_badge_top_update() RETURNS trigger LANGUAGE plpgsql
    AS $$${body('SELECT member_id FROM old_rows UNION SELECT member_id FROM new_rows')}$$`.execute(db);
  await sql`
    CREATE TRIGGER member_badge_top_insert AFTER INSERT ON member_badge_award REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION hn_badge_top_insert()`.execute(db);
  await sql`
    CREATE TRIGGER member_badge_top_delete AFTER DELETE ON member_badge_award REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION hn_badge_top_delete()`.execute(db);
  await sql`
    CREATE TRIGGER member_badge_top_update AFTER UPDATE ON member_badge_award REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION hn_badge_top_update()`.execute(db);

  // Official members who lost no day of party age and are in no gap that may be opening.
  await sql`
    CREATE INDEX member_badge_plain_idx ON member (badge_top, admitted_on)
    WHERE official_on IS NOT NULL AND party_age_from = admitted_on AND status NOT IN (${sql.raw(OUT)}, 'in_transit', 'lost_contact')`.execute(db);
  // The other official members of the Party: gaps closed or open.
  await sql`
    CREATE INDEX member_badge_gapped_idx ON member (admitted_on)
    WHERE official_on IS NOT NULL AND admitted_on IS NOT NULL AND status NOT IN (${sql.raw(OUT)})
      AND (party_age_from IS NULL OR party_age_from <> admitted_on OR status IN ('in_transit', 'lost_contact'))`.execute(db);
  // The seriously ill, whose badge may come early: their due windows are a year wider.
  await sql`CREATE INDEX member_seriously_ill_idx ON member (admitted_on) WHERE (flags->>'seriouslyIll') = 'true'`.execute(db);
  // Official members who left the Party (died, struck off, left, expelled): the recent ones may still be on a list.
  await sql`CREATE INDEX member_left_idx ON member (left_on) WHERE official_on IS NOT NULL AND left_on IS NOT NULL`.execute(db);
}
