/**
 * Meeting queries (migration 0025). A meeting belongs to the scope of its organisation: a reader sees it when that
 * organisation's current path lies in his scope. Each write is called inside the service's transaction.
 */
import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { DB, MeetingAttendanceTable, MeetingDocumentTable, MeetingTable, MeetingTaskTable } from '../../db/schema.ts';
import type { Scope } from '../../http/actor.ts';
import { orgCurrentPathSql, orgInScopeSql } from '../orgs/orgs.admissions.repo.ts';
import { orgNameOnSql } from '../orgs/orgs.names.repo.ts';

/** A meeting in scope with its organisation's current path and its name on the meeting's date. */
export function findMeeting(db: Kysely<DB>, scope: Scope, id: string) {
  return db
    .selectFrom('meeting as g')
    .selectAll('g')
    .select([orgCurrentPathSql('g.org_id').as('current_path'), orgNameOnSql('g.org_id', { column: 'g.planned_on' }).as('org_name')])
    .where(orgInScopeSql('g.org_id', scope))
    .where('g.id', '=', id)
    .executeTakeFirst();
}

/** The same meeting locked for a write (FOR UPDATE), the caller's scope checked before. */
export function lockMeeting(db: Kysely<DB>, id: string) {
  return db.selectFrom('meeting').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** The meetings of an organisation whose date (held, else planned) lies in [from, to], by date. */
export function listMeetings(db: Kysely<DB>, orgId: string, from: string, to: string) {
  return db
    .selectFrom('meeting as g')
    .selectAll('g')
    .where('g.org_id', '=', orgId)
    .where(sql<string>`coalesce(g.held_on, g.planned_on)`, '>=', from)
    .where(sql<string>`coalesce(g.held_on, g.planned_on)`, '<=', to)
    .orderBy(sql`coalesce(g.held_on, g.planned_on)`)
    .orderBy('g.id')
    .execute();
}

export function insertMeeting(db: Kysely<DB>, row: Insertable<MeetingTable>) {
  return db.insertInto('meeting').values(row).execute();
}

export function updateMeeting(db: Kysely<DB>, id: string, patch: Updateable<MeetingTable>) {
  return db
    .updateTable('meeting')
    .set({ ...patch, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

// --- documents

/** The documents of meetings (one or many), by upload time. */
export function documentsOf(db: Kysely<DB>, meetingIds: readonly string[]) {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('meeting_document').selectAll().where('meeting_id', 'in', meetingIds).orderBy('uploaded_at').orderBy('id').execute();
}

export function findDocument(db: Kysely<DB>, meetingId: string, id: string) {
  return db.selectFrom('meeting_document').selectAll().where('meeting_id', '=', meetingId).where('id', '=', id).executeTakeFirst();
}

/** Registers a document (and keeps the meeting's `materials_sent_on`); inside the caller's transaction. */
export async function insertDocument(db: Kysely<DB>, row: Insertable<MeetingDocumentTable>) {
  await db.insertInto('meeting_document').values(row).execute();
  if (row.role === 'material' && row.sent_at) await keepMaterialsSent(db, row.meeting_id);
}

/** A document of the meeting locked for a write (FOR UPDATE): attaching its file. */
export function lockDocument(db: Kysely<DB>, meetingId: string, id: string) {
  return db.selectFrom('meeting_document').selectAll().where('meeting_id', '=', meetingId).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Records the file of a document registered by its title (only while it has none: a stored file is never replaced). */
export async function attachDocumentFile(
  db: Kysely<DB>,
  id: string,
  file: Pick<Updateable<MeetingDocumentTable>, 'file_name' | 'mime' | 'size' | 'sha256' | 'storage_key' | 'uploaded_by' | 'uploaded_at'>,
): Promise<number> {
  const r = await db.updateTable('meeting_document').set(file).where('id', '=', id).where('storage_key', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Marks the meeting's materials not sent yet as sent at `at` (and keeps `materials_sent_on`); returns how many. */
export async function markMaterialsSent(db: Kysely<DB>, meetingId: string, at: Date): Promise<number> {
  const r = await db
    .updateTable('meeting_document')
    .set({ sent_at: at })
    .where('meeting_id', '=', meetingId)
    .where('role', '=', 'material')
    .where('sent_at', 'is', null)
    .executeTakeFirst();
  await keepMaterialsSent(db, meetingId);
  return Number(r.numUpdatedRows);
}

/**
 * Sets the meeting's `materials_sent_on` (the latest Vietnam day one of its materials was sent, null when none) from its
 * documents: every write of a document's role or sent time calls it in the same transaction (migration 0029).
 */
export async function keepMaterialsSent(db: Kysely<DB>, meetingId: string): Promise<void> {
  await sql`
    UPDATE meeting SET materials_sent_on = (
      SELECT max((d.sent_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) FROM meeting_document d
      WHERE d.meeting_id = ${meetingId} AND d.role = 'material' AND d.sent_at IS NOT NULL)
    WHERE id = ${meetingId}`.execute(db);
}

// --- attendance

export function attendanceOf(db: Kysely<DB>, meetingId: string) {
  return db.selectFrom('meeting_attendance').selectAll().where('meeting_id', '=', meetingId).execute();
}

/**
 * Replaces a meeting's attendance with `rows` and keeps the counts on the meeting, in one statement: the rows as one
 * JSON parameter, upserted on (meeting, member) in a single INSERT … ON CONFLICT, the rows of members no longer on the
 * roll deleted, the meeting's counts set (a 30-member roll is one round trip, not 30 statements).
 */
export async function replaceAttendance(db: Kysely<DB>, meetingId: string, rows: readonly Insertable<MeetingAttendanceTable>[]): Promise<void> {
  const count = (a: string) => rows.filter((r) => r.attendance === a).length;
  await sql`
    WITH input AS (
      SELECT * FROM jsonb_populate_recordset(NULL::meeting_attendance, ${JSON.stringify(rows.map((r) => ({ hosted: false, ...r, meeting_id: meetingId })))}::jsonb)),
    gone AS (
      DELETE FROM meeting_attendance a WHERE a.meeting_id = ${meetingId} AND NOT EXISTS (SELECT 1 FROM input i WHERE i.member_id = a.member_id)),
    marks AS (
      INSERT INTO meeting_attendance (meeting_id, member_id, attendance, reason, membership, member_status, hosted, counts_for_quorum)
      SELECT meeting_id, member_id, attendance, reason, membership, member_status, hosted, counts_for_quorum FROM input
      ON CONFLICT (meeting_id, member_id) DO UPDATE SET attendance = excluded.attendance, reason = excluded.reason, membership = excluded.membership,
        member_status = excluded.member_status, hosted = excluded.hosted, counts_for_quorum = excluded.counts_for_quorum)
    UPDATE meeting SET roll_count = ${rows.length}, present_count = ${count('present')}, excused_count = ${count('excused')},
      absent_count = ${count('absent')}, attendance_recorded_at = now(), updated_at = now()
    WHERE id = ${meetingId}`.execute(db);
}

// --- tasks

export function tasksOf(db: Kysely<DB>, meetingId: string) {
  return db.selectFrom('meeting_task').selectAll().where('meeting_id', '=', meetingId).orderBy('seq').execute();
}

/**
 * The agenda carried to a meeting: tasks of the organisation's earlier meetings still open, and those whose outcome
 * was recorded at this meeting. Each with the date of the meeting that set it.
 */
export function carriedTasks(db: Kysely<DB>, orgId: string, meetingId: string, date: string) {
  return db
    .selectFrom('meeting_task as t')
    .innerJoin('meeting as g', 'g.id', 't.meeting_id')
    .selectAll('t')
    .select(sql<string>`coalesce(g.held_on, g.planned_on)`.as('meeting_date'))
    .where('g.org_id', '=', orgId)
    .where('g.id', '<>', meetingId)
    .where(sql<string>`coalesce(g.held_on, g.planned_on)`, '<=', date)
    .where((eb) => eb.or([eb('t.done_on', 'is', null), eb('t.reviewed_meeting_id', '=', meetingId)]))
    .orderBy(sql`coalesce(g.held_on, g.planned_on)`)
    .orderBy('t.seq')
    .execute();
}

/** A task with its meeting's organisation (for the scope check) and date. */
export function findTask(db: Kysely<DB>, scope: Scope, id: string) {
  return db
    .selectFrom('meeting_task as t')
    .innerJoin('meeting as g', 'g.id', 't.meeting_id')
    .selectAll('t')
    .select(['g.org_id', sql<string>`coalesce(g.held_on, g.planned_on)`.as('meeting_date'), orgCurrentPathSql('g.org_id').as('current_path')])
    .where(orgInScopeSql('g.org_id', scope))
    .where('t.id', '=', id)
    .executeTakeFirst();
}

export async function nextTaskSeq(db: Kysely<DB>, meetingId: string): Promise<number> {
  const r = await db
    .selectFrom('meeting_task')
    .select(sql<number>`coalesce(max(seq), 0) + 1`.as('n'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export function insertTask(db: Kysely<DB>, row: Insertable<MeetingTaskTable>) {
  return db.insertInto('meeting_task').values(row).execute();
}

export function updateTask(db: Kysely<DB>, id: string, patch: Updateable<MeetingTaskTable>) {
  return db.updateTable('meeting_task').set(patch).where('id', '=', id).execute();
}
