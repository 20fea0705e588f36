/**
 * Figures kept on the meeting for the compliance of a province (issue 16 part 10), so a year's statement is one pass
 * over the meetings with integer arithmetic and no probe per meeting:
 * - `held_month`: the month held, counted from January of year 0 (year × 12 + month − 1), generated from `held_on`;
 *   the compliance sets a bit per month and per quarter from it (extract() per row was a third of the statement);
 * - `materials_sent_on`: the latest Vietnam calendar day a material of the meeting was sent (null: none sent), kept by
 *   the repository functions that register and send documents (meetings.repo.ts, same transaction); "documents late"
 *   is `materials_sent_on > held_on − documentsDaysBefore` (any material late ⇔ the latest one late). It replaces a
 *   probe of meeting_document per meeting (half a second on PGlite for a year under the 2025 rules).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE meeting ADD COLUMN held_month int GENERATED ALWAYS AS (extract(year FROM held_on)::int * 12 + extract(month FROM held_on)::int - 1) STORED`.execute(
    db,
  );
  await sql`ALTER TABLE meeting ADD COLUMN materials_sent_on date`.execute(db);
  await sql`
    UPDATE meeting g SET materials_sent_on = d.last_sent
    FROM (SELECT meeting_id, max((sent_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) AS last_sent FROM meeting_document
      WHERE role = 'material' AND sent_at IS NOT NULL GROUP BY meeting_id) d
    WHERE d.meeting_id = g.id`.execute(db);
}
