/**
 * Indexes for the report tables of a period (issue 14 part 10): the changes of a period, the admissions over a span
 * and the term annex read the events of some kinds between two dates, so `member_event (kind, effective_date)` gives
 * them one index range per kind instead of a scan of every event. The columns the period tables read from the event
 * (its organisation, its member, the destination of a transfer) are included, so the range is all they touch before
 * the organisation's placement on the tree of the event's date.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX member_event_kind_date_idx ON member_event (kind, effective_date) INCLUDE (org_id, member_id, to_org_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX member_event_kind_date_idx`.execute(db);
}
