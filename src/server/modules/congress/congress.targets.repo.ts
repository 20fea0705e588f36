/**
 * Term targets' queries (issue 17 part 6): the targets of a term and the yearly actuals typed in for the hand-entered
 * ones. The term itself (and its scope) is read through congress.repo.ts `findTerm`; the figures of the records are
 * never stored here, the reports module computes them on every read.
 */
import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** The targets of a term, in their order. */
export function targetsOf(db: Kysely<DB>, termId: string) {
  return db.selectFrom('term_target').selectAll().where('term_id', '=', termId).orderBy('seq').execute();
}

/** A target with its term (to load the term in the reader's scope). */
export function findTarget(db: Kysely<DB>, id: string) {
  return db.selectFrom('term_target').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function nextTargetSeq(db: Kysely<DB>, termId: string): Promise<number> {
  const r = await db
    .selectFrom('term_target')
    .select(sql<number>`coalesce(max(seq), 0) + 1`.as('next'))
    .where('term_id', '=', termId)
    .executeTakeFirstOrThrow();
  return Number(r.next);
}

export async function insertTarget(db: Kysely<DB>, row: Insertable<DB['term_target']>): Promise<void> {
  await db.insertInto('term_target').values(row).execute();
}

/** The yearly actuals typed in for the targets given, by year. */
export function actualsOf(db: Kysely<DB>, targetIds: string[]) {
  if (targetIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('term_target_actual').select(['target_id', 'year', 'value']).where('target_id', 'in', targetIds).orderBy('year').execute();
}

/** Sets the actuals of a target's years (insert or replace). */
export async function upsertActuals(db: Kysely<DB>, rows: Insertable<DB['term_target_actual']>[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('term_target_actual')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['target_id', 'year']).doUpdateSet((eb) => ({
        value: eb.ref('excluded.value'),
        entered_by: eb.ref('excluded.entered_by'),
        entered_at: eb.ref('excluded.entered_at'),
      })),
    )
    .execute();
}

/** Removes the actuals of a target's years. */
export async function deleteActuals(db: Kysely<DB>, targetId: string, years: number[]): Promise<void> {
  if (years.length === 0) return;
  await db.deleteFrom('term_target_actual').where('target_id', '=', targetId).where('year', 'in', years).execute();
}
