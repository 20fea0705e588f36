/**
 * The absence alert's reads and its dismissals (issue 16 part 5): the members absent without reason from held cell
 * meetings in enough distinct months of a year (the index on absent rows finds them), every mark of those members in
 * the year (the domain decides which months count), and the dismissals people recorded.
 */
import { sql, type Insertable, type Kysely } from 'kysely';
import type { AbsenceAlertDismissalTable, DB } from '../../db/schema.ts';
import type { Scope } from '../../http/actor.ts';
import { orgInScopeSql } from '../orgs/orgs.admissions.repo.ts';

/** Members absent without reason, at meetings of organisations in the scope, in at least `months` distinct months of `year`. */
export async function absenceCandidates(db: Kysely<DB>, scope: Scope, year: number, months: number): Promise<string[]> {
  const rows = await db
    .selectFrom('meeting_attendance as a')
    .innerJoin('meeting as g', 'g.id', 'a.meeting_id')
    .select('a.member_id')
    .where('a.attendance', '=', 'absent')
    .where('g.status', '=', 'held')
    .where('g.held_on', '>=', `${year}-01-01`)
    .where('g.held_on', '<=', `${year}-12-31`)
    .where(orgInScopeSql('g.org_id', scope))
    .groupBy('a.member_id')
    .having(sql<number>`count(DISTINCT date_trunc('month', g.held_on))`, '>=', months)
    .execute();
  return rows.map((r) => r.member_id);
}

/** Every mark of these members at held meetings of `year`, with the meeting's kind and topic, by date. */
export function yearMarks(db: Kysely<DB>, memberIds: readonly string[], year: number) {
  if (memberIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('meeting_attendance as a')
    .innerJoin('meeting as g', 'g.id', 'a.meeting_id')
    .select(['a.member_id', 'a.meeting_id', 'a.attendance', sql<string>`to_char(g.held_on, 'YYYY-MM-DD')`.as('held_on'), 'g.kind', 'g.topic'])
    .where('a.member_id', 'in', [...memberIds])
    .where('g.status', '=', 'held')
    .where('g.held_on', '>=', `${year}-01-01`)
    .where('g.held_on', '<=', `${year}-12-31`)
    .orderBy('g.held_on')
    .orderBy('g.id')
    .execute();
}

/** The latest dismissal (most months) of each member's alert of `year` from `source`. */
export async function dismissalsOf(db: Kysely<DB>, memberIds: readonly string[], year: number, source: string): Promise<Map<string, number>> {
  if (memberIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('absence_alert_dismissal')
    .select(['member_id', sql<number>`max(months)`.as('months')])
    .where('member_id', 'in', [...memberIds])
    .where('year', '=', year)
    .where('source', '=', source as 'meetings')
    .groupBy('member_id')
    .execute();
  return new Map(rows.map((r) => [r.member_id, Number(r.months)]));
}

export function insertDismissal(db: Kysely<DB>, row: Insertable<AbsenceAlertDismissalTable>) {
  return db.insertInto('absence_alert_dismissal').values(row).execute();
}

// --- the member's own view (meetings.self.ts)

/**
 * The meetings a member sees of a period: his cell's (not cancelled) and any other where he is on the roll (a cell that
 * hosted him, his former cell), each with his own mark, by date.
 */
export function memberOwnMeetings(db: Kysely<DB>, memberId: string, orgId: string | null, from: string, to: string) {
  return db
    .selectFrom('meeting as g')
    .leftJoin('meeting_attendance as a', (j) => j.onRef('a.meeting_id', '=', 'g.id').on('a.member_id', '=', memberId))
    .select([
      'g.id',
      'g.org_id',
      'g.kind',
      'g.status',
      sql<string>`to_char(g.planned_on, 'YYYY-MM-DD')`.as('planned_on'),
      sql<string | null>`to_char(g.held_on, 'YYYY-MM-DD')`.as('held_on'),
      'g.topic',
      'g.place',
      'g.start_minute',
      'g.end_minute',
      'a.attendance',
      'a.reason',
    ])
    .where('g.status', '<>', 'cancelled')
    .where(sql<string>`coalesce(g.held_on, g.planned_on)`, '>=', from)
    .where(sql<string>`coalesce(g.held_on, g.planned_on)`, '<=', to)
    .where((eb) => eb.or([eb('a.member_id', 'is not', null), ...(orgId ? [eb.and([eb('g.org_id', '=', orgId), eb('g.body', '=', 'cell')])] : [])]))
    .orderBy(sql`coalesce(g.held_on, g.planned_on)`)
    .orderBy('g.id')
    .execute();
}

/** The materials sent to the members of these meetings (title and when), by time sent. */
export function sentMaterials(db: Kysely<DB>, meetingIds: readonly string[]) {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('meeting_document')
    .select(['id', 'meeting_id', 'title', 'sent_at', 'file_name'])
    .where('meeting_id', 'in', [...meetingIds])
    .where('role', '=', 'material')
    .where('sent_at', 'is not', null)
    .orderBy('sent_at')
    .orderBy('id')
    .execute();
}

/**
 * A material with its file that a member may download: sent to the members, of a meeting he sees (his cell's, not
 * cancelled, or one where he is on the roll), with the meeting's organisation for the audit entry; undefined otherwise.
 */
export function memberMaterial(db: Kysely<DB>, memberId: string, orgId: string | null, documentId: string) {
  return db
    .selectFrom('meeting_document as d')
    .innerJoin('meeting as g', 'g.id', 'd.meeting_id')
    .leftJoin('meeting_attendance as a', (j) => j.onRef('a.meeting_id', '=', 'g.id').on('a.member_id', '=', memberId))
    .select(['d.id', 'd.meeting_id', 'd.title', 'd.file_name', 'd.mime', 'd.size', 'd.sha256', 'd.storage_key', 'g.org_id'])
    .where('d.id', '=', documentId)
    .where('d.role', '=', 'material')
    .where('d.sent_at', 'is not', null)
    .where('g.status', '<>', 'cancelled')
    .where((eb) => eb.or([eb('a.member_id', 'is not', null), ...(orgId ? [eb.and([eb('g.org_id', '=', orgId), eb('g.body', '=', 'cell')])] : [])]))
    .executeTakeFirst();
}
