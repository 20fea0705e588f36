/**
 * The member dossier (domain.md §4 "Dossier"): one row per uploaded version of a document. A new upload of the same
 * member, type and title is the next version; earlier rows are never updated nor deleted, and their files stay in the
 * document store under their own keys. No ON DELETE CASCADE: a member with documents is never deleted underneath them.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE member_document (
      id uuid PRIMARY KEY,
      member_id uuid NOT NULL REFERENCES member(id),
      doc_type text NOT NULL,
      title text NOT NULL,
      version int NOT NULL CHECK (version >= 1),
      file_name text NOT NULL,
      mime text NOT NULL,
      size bigint NOT NULL CHECK (size > 0),
      sha256 text NOT NULL,
      storage_key text NOT NULL UNIQUE,
      certified_by text,
      certified_on date,
      note text,
      uploaded_by uuid NOT NULL REFERENCES app_user(id),
      uploaded_at timestamptz NOT NULL,
      UNIQUE (member_id, doc_type, title, version)
    )`.execute(db);
}
