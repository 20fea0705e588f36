/**
 * The reads of the member tables that the evaluation module needs (members owns member and member_event; the evaluation repository composes these functions and fragments, it never names the tables).
 * Issue 11 part 1.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { eventsInOrder, type MemberEventRow } from './members.repo.ts';

/**
 * The member columns of a roll shown by name (names, birth, identity card, the name sort key), as a subquery to join
 * by `id` (alias it, e.g. `.as('m')`) and sort by `name_sort_key, id` like the member list. PostgreSQL folds the
 * subquery into the join.
 */
export function memberRollColumns(db: Kysely<DB>) {
  return db.selectFrom('member').select(['id', 'full_name', 'birth_date', 'birth_year', 'cccd', 'name_sort_key']);
}

/** Members on the current roll of the given organisations (1,000 organisations per statement). */
export async function membersOnRollsOf(db: Kysely<DB>, orgIds: string[]) {
  const out: { id: string; org_id: string; status: string; admitted_on: string | null }[] = [];
  for (let i = 0; i < orgIds.length; i += 1000) {
    const chunk = orgIds.slice(i, i + 1000);
    out.push(...(await db.selectFrom('member').select(['id', 'org_id', 'status', 'admitted_on']).where('org_id', 'in', chunk).execute()));
  }
  return out;
}

/** The events of many members, by member, date and entry (2,000 members per statement). */
export async function eventsOfManyMembers(db: Kysely<DB>, memberIds: string[]): Promise<MemberEventRow[]> {
  const out: MemberEventRow[] = [];
  for (let i = 0; i < memberIds.length; i += 2000) out.push(...(await eventsInOrder(db, memberIds.slice(i, i + 2000))));
  return out;
}
