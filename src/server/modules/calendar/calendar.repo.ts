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
