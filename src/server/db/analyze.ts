/** Fresh planner statistics after a bulk load: PGlite never analyses by itself. */
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.ts';

export async function analyzeAll(db: Kysely<DB>): Promise<void> {
  await sql`ANALYZE`.execute(db);
}
