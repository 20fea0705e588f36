/**
 * A preview is stored while the file is read, chunk by chunk, so that a large file never sits whole in memory: its
 * header row says 'processing' until the last row is stored and checked, and only a 'previewed' import can be
 * committed.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE member_import DROP CONSTRAINT member_import_status_check`.execute(db);
  await sql`ALTER TABLE member_import ADD CONSTRAINT member_import_status_check CHECK (status IN ('processing', 'previewed', 'committed'))`.execute(db);
}
