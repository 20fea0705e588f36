/**
 * Bulk inserts of generated meetings and their attendance (the demo's two years, the benchmark's province year):
 * multi-row INSERTs in chunks, inside the caller's transaction. The counts on each meeting are the generator's, equal
 * to its attendance rows, as the attendance write keeps them.
 */
import type { Insertable, Kysely } from 'kysely';
import type { DB, MeetingAttendanceTable, MeetingTable } from '../../db/schema.ts';

const CHUNK = 1000;

export async function insertMeetingRows(db: Kysely<DB>, rows: readonly Insertable<MeetingTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto('meeting')
      .values(rows.slice(i, i + CHUNK) as Insertable<MeetingTable>[])
      .execute();
}

export async function insertAttendanceRows(db: Kysely<DB>, rows: readonly Insertable<MeetingAttendanceTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK * 4)
    await db
      .insertInto('meeting_attendance')
      .values(rows.slice(i, i + CHUNK * 4) as Insertable<MeetingAttendanceTable>[])
      .execute();
}
