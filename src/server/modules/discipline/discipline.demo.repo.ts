/**
 * What the demo generator (src/server/demo) writes and reads of discipline: bulk inserts of generated decisions and
 * the members disciplined in a period. Not used by the product's requests.
 */
import type { Insertable, Kysely } from 'kysely';
import type { DB, DisciplineComplaintTable, DisciplineDecisionTable } from '../../db/schema.ts';

export async function insertDecisionRows(db: Kysely<DB>, rows: Insertable<DisciplineDecisionTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('discipline_decision').values(rows).execute();
}

export async function insertComplaintRows(db: Kysely<DB>, rows: Insertable<DisciplineComplaintTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('discipline_complaint').values(rows).execute();
}

/** The members with a party discipline decided between two dates (inclusive). */
export async function partyDisciplinedBetween(db: Kysely<DB>, from: string, to: string): Promise<string[]> {
  const rows = await db
    .selectFrom('discipline_decision')
    .select('member_id')
    .where('kind', '=', 'party')
    .where('member_id', 'is not', null)
    .where('decided_on', '>=', from)
    .where('decided_on', '<=', to)
    .execute();
  return rows.map((r) => r.member_id!);
}

/** The organisations with a party discipline decided between two dates (inclusive): the demo evaluation's facts. */
export async function partyDisciplinedOrgsBetween(db: Kysely<DB>, from: string, to: string): Promise<string[]> {
  const rows = await db
    .selectFrom('discipline_decision')
    .select('org_id')
    .where('kind', '=', 'party')
    .where('org_id', 'is not', null)
    .where('decided_on', '>=', from)
    .where('decided_on', '<=', to)
    .execute();
  return rows.map((r) => r.org_id!);
}

/** Party decisions about members decided on or after `from` in a form that lapses (reprimand, warning), not revoked: the demo's complaints. */
export function lapsingMemberDecisionsSince(
  db: Kysely<DB>,
  from: string,
): Promise<{ id: string; decided_on: string; announced_on: string | null; subject_org_id: string | null }[]> {
  return db
    .selectFrom('discipline_decision')
    .select(['id', 'decided_on', 'announced_on', 'subject_org_id'])
    .where('kind', '=', 'party')
    .where('subject_kind', '=', 'member')
    .where('form', 'in', ['reprimand', 'warning'])
    .where('revoked_on', 'is', null)
    .where('decided_on', '>=', from)
    .orderBy('decided_on')
    .orderBy('id')
    .execute();
}

/** A complaint filed while the decision was in force keeps it from lapsing; an outcome `revoked` ends it on its day. */
export async function markComplained(db: Kysely<DB>, id: string, filedOn: string, revokedOn: string | null): Promise<void> {
  await db
    .updateTable('discipline_decision')
    .set({
      lapse_blocked: true,
      lapse_blocked_on: filedOn,
      lapse_blocked_reason: 'complaint',
      ...(revokedOn ? { revoked_on: revokedOn, revoked_reason: 'Hủy bỏ khi giải quyết khiếu nại' } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** How many decisions the demo holds (its report). */
export async function decisionCount(db: Kysely<DB>): Promise<number> {
  const r = await db
    .selectFrom('discipline_decision')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
