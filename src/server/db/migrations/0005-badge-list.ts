/**
 * Indexes of the badge list (domain.md §5). Most histories hold only the admission and the recognition; the list
 * reads the events of the others only, found through a partial index, and finds the members whose admission falls in
 * a milestone's window through the admission date.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX member_event_history_idx ON member_event (member_id) WHERE kind NOT IN ('admitted', 'recognized_official')`.execute(db);
  await sql`CREATE INDEX member_admitted_idx ON member (admitted_on)`.execute(db);
}
