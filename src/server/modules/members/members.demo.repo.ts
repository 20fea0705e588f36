/**
 * What the demo generator (src/server/demo) writes and reads of members: bulk inserts of generated rosters and the
 * look-ups that draw admissions and evaluations from them. Not used by the product's requests.
 */
import type { Insertable, Kysely } from 'kysely';
import type { DB, MemberBadgeAwardTable, MemberEventTable, MemberTable } from '../../db/schema.ts';

export async function insertMemberRows(db: Kysely<DB>, rows: Insertable<MemberTable>[]): Promise<void> {
  await db.insertInto('member').values(rows).execute();
}

export async function insertMemberEventRows(db: Kysely<DB>, rows: Insertable<MemberEventTable>[]): Promise<void> {
  await db.insertInto('member_event').values(rows).execute();
}

export async function insertMemberBadgeAwardRows(db: Kysely<DB>, rows: Insertable<MemberBadgeAwardTable>[]): Promise<void> {
  await db.insertInto('member_badge_award').values(rows).execute();
}

/** Active members official since before `officialBefore`, by cell then id: the introducers and helpers of candidates. */
export function activeOfficialsBefore(db: Kysely<DB>, officialBefore: string) {
  return db
    .selectFrom('member')
    .select(['id', 'org_id', 'full_name'])
    .where('status', '=', 'active')
    .where('official_on', 'is not', null)
    .where('official_on', '<', officialBefore)
    .orderBy('org_id')
    .orderBy('id')
    .execute();
}

/**
 * Active members admitted after `admittedAfter` who are on probation or were recognised after `officialAfter`, with
 * their admission event, by id: the members whose admission dossiers the demo shows.
 */
export function recentlyAdmitted(db: Kysely<DB>, admittedAfter: string, officialAfter: string) {
  return db
    .selectFrom('member as m')
    .innerJoin('member_event as e', (j) => j.onRef('e.member_id', '=', 'm.id').on('e.kind', '=', 'admitted'))
    .select([
      'm.id',
      'm.org_id',
      'm.full_name',
      'm.family_name',
      'm.middle_name',
      'm.given_name',
      'm.name_sort_key',
      'm.gender',
      'm.birth_date',
      'm.general_education',
      'm.official_on',
      'e.effective_date',
      'e.decision_no',
      'e.details',
    ])
    .where('m.status', '=', 'active')
    .where((eb) => eb.or([eb('m.official_on', 'is', null), eb('m.official_on', '>', officialAfter)]))
    .where('e.effective_date', '>', admittedAfter)
    .orderBy('m.id')
    .execute();
}
