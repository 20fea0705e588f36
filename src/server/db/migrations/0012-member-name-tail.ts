/**
 * member_name_tail: every member's folded name from each of its words to the end ("nguyen van an", "van an", "an"),
 * with the member's name sort key and organisation, kept by statement-level triggers on `member` (every writer: the
 * service, the import, the bulk loaders).
 *
 * A name search matches names whose words begin with the words typed (members.repo.ts): exactly the tails that begin
 * with the folded text, one range of the btree index, read without touching `member`. A whole name typed at
 * national scale ("nguyen van hung", ~10,000 of 5.6 million) is counted and its first page sorted from the index
 * alone in a few milliseconds; the trigram index had to read every posting of its most common trigrams.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION hn_name_tails(text) RETURNS SETOF text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$
      SELECT array_to_string(w[i:], ' ')
      FROM (SELECT regexp_split_to_array(btrim(hn_fold($1)), '\\s+') AS w) AS x, generate_series(1, array_length(w, 1)) AS i
      WHERE w[i] <> ''
    $$`.execute(db);
  await sql`
    CREATE TABLE member_name_tail (
      tail text COLLATE "C" NOT NULL,
      member_id uuid NOT NULL,
      sort_key text COLLATE "C" NOT NULL,
      org_id uuid
    )`.execute(db);
  await sql`
    INSERT INTO member_name_tail (tail, member_id, sort_key, org_id)
    SELECT t, m.id, m.name_sort_key, m.org_id FROM member AS m, hn_name_tails(m.full_name) AS t`.execute(db);
  await sql`CREATE INDEX member_name_tail_idx ON member_name_tail (tail, sort_key, member_id) INCLUDE (org_id)`.execute(db);
  // The matches of a word as common as "nguyen" fill the name order everywhere: a page is the first tails in name order.
  await sql`CREATE INDEX member_name_tail_sort_idx ON member_name_tail (sort_key, member_id) INCLUDE (tail, org_id)`.execute(db);
  // The name order of every list is (name_sort_key, id): many members share a name, and a page must not sort them all.
  await sql`DROP INDEX member_sort_idx`.execute(db);
  await sql`CREATE INDEX member_sort_idx ON member (name_sort_key, id)`.execute(db);

  // A name, sort key or roll changed: the member's tails are written again.
  const changed = `(o.full_name IS DISTINCT FROM n.full_name OR o.name_sort_key IS DISTINCT FROM n.name_sort_key OR o.org_id IS DISTINCT FROM n.org_id)`;
  await sql`
    CREATE FUNCTION hn_name_tail_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO member_name_tail (tail, member_id, sort_key, org_id)
      SELECT t, n.id, n.name_sort_key, n.org_id FROM new_rows AS n, hn_name_tails(n.full_name) AS t;
      RETURN NULL;
    END$$`.execute(db);
  await sql`
    CREATE FUNCTION hn_name_tail_update() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM member_name_tail AS x USING old_rows AS o JOIN new_rows AS n ON n.id = o.id
      WHERE x.member_id = o.id AND x.sort_key = o.name_sort_key AND ${sql.raw(changed)};
      INSERT INTO member_name_tail (tail, member_id, sort_key, org_id)
      SELECT t, n.id, n.name_sort_key, n.org_id
      FROM new_rows AS n JOIN old_rows AS o ON o.id = n.id CROSS JOIN LATERAL hn_name_tails(n.full_name) AS t
      WHERE ${sql.raw(changed)};
      RETURN NULL;
    END$$`.execute(db);
  await sql`
    CREATE FUNCTION hn_name_tail_delete() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM member_name_tail AS x USING old_rows AS o WHERE x.sort_key = o.name_sort_key AND x.member_id = o.id;
      RETURN NULL;
    END$$`.execute(db);
  await sql`CREATE TRIGGER member_name_tail_delete AFTER DELETE ON member REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hn_name_tail_delete()`.execute(
    db,
  );
  await sql`CREATE TRIGGER member_name_tail_insert AFTER INSERT ON member REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hn_name_tail_insert()`.execute(
    db,
  );
  await sql`
    CREATE TRIGGER member_name_tail_update AFTER UPDATE ON member REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION hn_name_tail_update()`.execute(db);
}
