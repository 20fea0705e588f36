/**
 * Indexes for the inspection figures of a subtree (issue 15 part 11). The coverage asks, per subordinate organisation,
 * whether it carried out an item concluded in the period: `inspection_item (org_id, concluded_on)` answers it with one
 * probe per organisation on a small subtree (the index on (concluded_on, org_id) made each probe walk the whole period,
 * and PGlite's plan walked the due-date index: 5 s for a province). The progress of a small subtree reads its
 * organisations' items due or concluded in the period: `(org_id, due_on)` finds an organisation's items in one probe
 * (the index on (due_on, org_id) had PostgreSQL 15 walk the whole index for each organisation).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX inspection_item_org_concluded_idx ON inspection_item (org_id, concluded_on) WHERE concluded_on IS NOT NULL`.execute(db);
  await sql`CREATE INDEX inspection_item_org_due_idx ON inspection_item (org_id, due_on)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX inspection_item_org_due_idx`.execute(db);
  await sql`DROP INDEX inspection_item_org_concluded_idx`.execute(db);
}
