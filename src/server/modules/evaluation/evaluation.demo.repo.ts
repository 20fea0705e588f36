/**
 * What the demo generator (src/server/demo) reads and writes of evaluations: the roll of a period it opened through
 * the service, the levels it rates in bulk (every stage at once), the publication, and the consolidation list.
 */
import { sql, type Insertable, type Kysely } from 'kysely';
import type { ConsolidationTable, DB } from '../../db/schema.ts';
import { orgVersionsInForce } from '../orgs/orgs.demo.repo.ts';

/** A level to write: the evaluation row's id and its level. */
export interface LevelRow {
  id: string;
  l: string;
}

/** Members' rows per UPDATE statement (one jsonb parameter each). */
const MEMBER_CHUNK = 5000;

/** The members on a period's roll. */
export function periodMemberRoll(db: Kysely<DB>, periodId: string) {
  return db
    .selectFrom('member_evaluation')
    .select(['id', 'member_id', 'org_id', 'grassroots_id', 'late_admission'])
    .where('period_id', '=', periodId)
    .execute();
}

/** The organisations on a period's roll whose version is in force on `asOf`, with that version's depth. */
export function periodOrgRoll(db: Kysely<DB>, periodId: string, asOf: string) {
  return db
    .selectFrom('org_evaluation as e')
    .innerJoin(orgVersionsInForce(db, asOf).as('v'), 'v.org_id', 'e.org_id')
    .select(['e.id', 'e.org_id', 'e.parent_id', 'e.is_cell', 'e.is_grassroots', 'v.depth'])
    .where('e.period_id', '=', periodId)
    .execute();
}

/** Writes each member's level at every stage (self = cell = grassroots = decided) and publishes it. */
export async function publishMemberLevels(db: Kysely<DB>, rows: readonly LevelRow[], actorId: string, now: Date): Promise<void> {
  for (let i = 0; i < rows.length; i += MEMBER_CHUNK) {
    await sql`UPDATE member_evaluation e SET self_label = x.l, cell_label = x.l, grassroots_label = x.l, decided_label = x.l, final_level = x.l, status = 'published',
                self_at = ${now}, cell_at = ${now}, grassroots_at = ${now}, decided_at = ${now}, decided_by = ${actorId}
              FROM jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + MEMBER_CHUNK))}::jsonb) AS x(id uuid, l text) WHERE e.id = x.id`.execute(db);
  }
}

/** Writes each organisation's level at every stage (self = proposed = decided) and publishes it. */
export async function publishOrgLevels(db: Kysely<DB>, rows: readonly LevelRow[], actorId: string, now: Date): Promise<void> {
  await sql`UPDATE org_evaluation e SET self_label = x.l, proposed_label = x.l, decided_label = x.l, final_level = x.l, status = 'published', decided_at = ${now}, decided_by = ${actorId}
            FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(id uuid, l text) WHERE e.id = x.id`.execute(db);
}

/** Marks a period published under a decision. */
export async function markPeriodPublished(
  db: Kysely<DB>,
  periodId: string,
  p: { actorId: string; now: Date; decisionNo: string; decisionDate: string },
): Promise<void> {
  await db
    .updateTable('evaluation_period')
    .set({ status: 'published', published_by: p.actorId, published_at: p.now, decision_no: p.decisionNo, decision_date: p.decisionDate })
    .where('id', '=', periodId)
    .execute();
}

/** Puts an organisation on a year's consolidation list, unless it is there already. */
export async function insertConsolidationIfAbsent(db: Kysely<DB>, row: Insertable<ConsolidationTable>): Promise<void> {
  await db
    .insertInto('consolidation')
    .values(row)
    .onConflict((oc) => oc.columns(['org_id', 'year']).doNothing())
    .execute();
}
