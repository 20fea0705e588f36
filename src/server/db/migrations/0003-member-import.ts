/**
 * Spreadsheet import of members (domain.md §15): each preview is kept with its rows, so the commit applies what the
 * user saw without uploading the file again. The folded-name index serves the reconciliation by name and birth date.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE member_import (
      id uuid PRIMARY KEY,
      actor_id uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      file_name text NOT NULL,
      file_kind text NOT NULL CHECK (file_kind IN ('xlsx', 'csv')),
      file_sha256 text NOT NULL,
      status text NOT NULL CHECK (status IN ('previewed', 'committed')),
      total_rows int NOT NULL,
      columns jsonb NOT NULL,
      summary jsonb NOT NULL,
      committed_at timestamptz,
      result jsonb
    )`.execute(db);
  await sql`CREATE INDEX member_import_actor_idx ON member_import (actor_id, created_at)`.execute(db);
  await sql`CREATE INDEX member_import_sha_idx ON member_import (file_sha256)`.execute(db);
  await sql`
    CREATE TABLE member_import_row (
      import_id uuid NOT NULL REFERENCES member_import(id) ON DELETE CASCADE,
      row_no int NOT NULL,
      action text NOT NULL CHECK (action IN ('new', 'update', 'unchanged', 'error')),
      member_id uuid,
      data jsonb NOT NULL,
      changes jsonb NOT NULL,
      problems jsonb NOT NULL,
      warnings jsonb NOT NULL,
      PRIMARY KEY (import_id, row_no)
    )`.execute(db);
  await sql`CREATE INDEX member_fold_name_idx ON member (hn_fold(full_name))`.execute(db);
}
