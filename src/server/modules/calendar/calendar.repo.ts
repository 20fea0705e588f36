/** The administrator's calendar adjustments (calendar_adjustment): days off and days worked beyond the law's table. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export interface AdjustmentRow {
  date: string;
  kind: 'holiday' | 'workday';
  note: string | null;
}

export function listAdjustments(db: Kysely<DB>): Promise<AdjustmentRow[]> {
  return db.selectFrom('calendar_adjustment').select(['date', 'kind', 'note']).orderBy('date').execute();
}

export function adjustmentsBetween(db: Kysely<DB>, from: string, to: string): Promise<AdjustmentRow[]> {
  return db.selectFrom('calendar_adjustment').select(['date', 'kind', 'note']).where('date', '>=', from).where('date', '<=', to).orderBy('date').execute();
}

export function findAdjustment(db: Kysely<DB>, date: string): Promise<AdjustmentRow | undefined> {
  return db.selectFrom('calendar_adjustment').select(['date', 'kind', 'note']).where('date', '=', date).executeTakeFirst();
}

export async function upsertAdjustment(db: Kysely<DB>, row: AdjustmentRow): Promise<void> {
  await db
    .insertInto('calendar_adjustment')
    .values(row)
    .onConflict((oc) => oc.column('date').doUpdateSet({ kind: row.kind, note: row.note }))
    .execute();
}

export async function deleteAdjustment(db: Kysely<DB>, date: string): Promise<void> {
  await db.deleteFrom('calendar_adjustment').where('date', '=', date).execute();
}

/** Members with a transfer departure in [from, to): their party age may count a day the calendar changed. */
export async function membersDepartedBetween(db: Kysely<DB>, from: string, to: string): Promise<string[]> {
  const rows = await db
    .selectFrom('member_event')
    .select('member_id')
    .distinct()
    .where('kind', '=', 'transfer_out_started')
    .where('effective_date', '>=', from)
    .where('effective_date', '<', to)
    .execute();
  return rows.map((r) => r.member_id);
}

/** A member's events in the order the rules read them. */
export function memberEventsInOrder(db: Kysely<DB>, memberId: string) {
  return db.selectFrom('member_event').selectAll().where('member_id', '=', memberId).orderBy('effective_date').orderBy('created_at').execute();
}

/** Stores a member's recomputed party-age start. */
export async function setPartyAgeFrom(db: Kysely<DB>, memberId: string, partyAgeFrom: string | null): Promise<void> {
  await db.updateTable('member').set({ party_age_from: partyAgeFrom }).where('id', '=', memberId).execute();
}
