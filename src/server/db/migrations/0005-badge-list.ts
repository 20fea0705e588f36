/**
 * Index of the badge list (domain.md §5): the members whose admission falls in a milestone's window are found
 * through the admission date.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX member_admitted_idx ON member (admitted_on)`.execute(db);
}
