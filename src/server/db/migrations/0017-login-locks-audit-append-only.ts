/**
 * Safety (issue 10, items 9 and 10).
 *
 * `login_failure`: failed logins counted per (name typed, client address), known names and unknown alike, plus one
 * row per address (`username_key = ''`) for the address as a whole. A lock then holds one name from one address:
 * a stranger cannot lock out a user who logs in from elsewhere, and a locked name answers the same whether it exists
 * or not. `app_user.failed_logins` and `app_user.locked_until` are no longer read by the login.
 *
 * `audit_log` becomes append-only: a trigger refuses UPDATE, DELETE and TRUNCATE for every role, the owner included
 * (only the owner or a superuser can disable or drop the trigger; the application's role must be neither, see
 * docs/modules/safety.md). `audit_checkpoint` holds signed checkpoints of the chain's head (count and hash, an
 * HMAC whose key is kept outside the database), append-only in the same way; `audit-verify` checks them, so
 * removing the tail or rewriting the chain with recomputed hashes is found.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE login_failure (
      username_key text NOT NULL,
      address text NOT NULL,
      failures int NOT NULL,
      last_failure_at timestamptz NOT NULL,
      locked_until timestamptz,
      PRIMARY KEY (username_key, address)
    )`.execute(db);

  await sql`
    CREATE FUNCTION hn_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'append-only table %: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
    END$$`.execute(db);
  await sql`
    CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION hn_append_only()`.execute(db);
  await sql`
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION hn_append_only()`.execute(db);

  await sql`
    CREATE TABLE audit_checkpoint (
      id bigint PRIMARY KEY,
      at timestamptz NOT NULL,
      seq bigint NOT NULL,
      hash text NOT NULL,
      prev_mac text NOT NULL,
      mac text NOT NULL
    )`.execute(db);
  await sql`
    CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION hn_append_only()`.execute(db);
  await sql`
    CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION hn_append_only()`.execute(db);
}
