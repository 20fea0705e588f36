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

/** How many decisions the demo holds (its report). */
export async function decisionCount(db: Kysely<DB>): Promise<number> {
  const r = await db
    .selectFrom('discipline_decision')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
