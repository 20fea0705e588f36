/**
 * The departures of transfers, for the report tables of a period (issue 14 part 10): a transfer is counted at its
 * arrival, and the arrival's source is the member's latest `transfer_out_started` on or before it. This index answers
 * that lookup with one index-only probe read backwards (member, date, creation), where member_event_member_idx read
 * every event of the member and sorted them. Partial: only the departures, a small share of the events.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX member_event_departure_idx ON member_event (member_id, effective_date, created_at) INCLUDE (org_id)
    WHERE kind = 'transfer_out_started'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX member_event_departure_idx`.execute(db);
}
