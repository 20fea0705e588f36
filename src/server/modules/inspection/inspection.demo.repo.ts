/** The demo's bulk inserts of inspection plans, items and cases (src/server/demo/inspection.ts). */
import type { Insertable, Kysely } from 'kysely';
import type { DB, InspectionCaseTable, InspectionItemTable, InspectionPlanTable } from '../../db/schema.ts';
import { insertJsonRows } from '../../db/json-insert.ts';

export async function insertDemoInspection(
  tx: Kysely<DB>,
  rows: { plans: Insertable<InspectionPlanTable>[]; items: Insertable<InspectionItemTable>[]; cases: Insertable<InspectionCaseTable>[] },
): Promise<void> {
  await insertJsonRows(tx, 'inspection_plan', rows.plans as Record<string, unknown>[]);
  await insertJsonRows(tx, 'inspection_item', rows.items as Record<string, unknown>[]);
  await insertJsonRows(tx, 'inspection_case', rows.cases as Record<string, unknown>[]);
}
