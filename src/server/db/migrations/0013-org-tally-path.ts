/**
 * The roll tally by path: org_member_tally carries each organisation's current path, and member_tally_horizon the
 * latest date any organisation version starts (`tree_latest`). On a date on or after both horizons every version in
 * force is the latest one, whose path is the organisation's current path, so the members of a subtree are one range
 * of the tally's path index: a province page of the national tree (~8,800 organisations) sums them without joining
 * the versions to the whole tally (members/members.tally.repo.ts).
 *
 * Kept by triggers: a tally row takes its organisation's path when it is made, an organisation's new current path
 * (a reorganisation) is copied to its tally row, and every statement that writes versions raises tree_latest.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE org_member_tally ADD COLUMN path text COLLATE "C"`.execute(db);
  await sql`UPDATE org_member_tally AS t SET path = o.current_path FROM org AS o WHERE o.id = t.org_id`.execute(db);
  await sql`CREATE INDEX org_member_tally_path_idx ON org_member_tally (path) INCLUDE (official, probationary)`.execute(db);
  await sql`
    CREATE FUNCTION hn_tally_path() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.path := (SELECT current_path FROM org WHERE id = NEW.org_id);
      RETURN NEW;
    END$$`.execute(db);
  await sql`CREATE TRIGGER org_member_tally_path BEFORE INSERT ON org_member_tally FOR EACH ROW EXECUTE FUNCTION hn_tally_path()`.execute(db);
  await sql`
    CREATE FUNCTION hn_org_path_to_tally() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE org_member_tally AS t SET path = n.current_path
      FROM new_rows AS n JOIN old_rows AS o ON o.id = n.id
      WHERE t.org_id = n.id AND n.current_path IS DISTINCT FROM o.current_path;
      RETURN NULL;
    END$$`.execute(db);
  await sql`
    CREATE TRIGGER org_path_to_tally AFTER UPDATE ON org REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION hn_org_path_to_tally()`.execute(db);

  await sql`ALTER TABLE member_tally_horizon ADD COLUMN tree_latest date`.execute(db);
  await sql`INSERT INTO member_tally_horizon (latest) SELECT NULL WHERE NOT EXISTS (SELECT 1 FROM member_tally_horizon)`.execute(db);
  await sql`UPDATE member_tally_horizon SET tree_latest = (SELECT max(valid_from) FROM org_version)`.execute(db);
  const raise = (rows: string) =>
    sql.raw(`
    BEGIN
      UPDATE member_tally_horizon SET tree_latest = GREATEST(tree_latest, (SELECT max(valid_from) FROM ${rows}));
      RETURN NULL;
    END`);
  await sql`CREATE FUNCTION hn_tree_latest_insert() RETURNS trigger LANGUAGE plpgsql AS $$${raise('new_rows')}$$`.execute(db);
  await sql`CREATE TRIGGER org_version_tree_latest_insert AFTER INSERT ON org_version REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hn_tree_latest_insert()`.execute(
    db,
  );
  await sql`
    CREATE TRIGGER org_version_tree_latest_update AFTER UPDATE ON org_version REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION hn_tree_latest_insert()`.execute(db);
}
