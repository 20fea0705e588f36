/**
 * What the demo generator (src/server/demo) writes and reads of organisations: bulk inserts of generated trees and
 * the few look-ups that pick the demo's scoped accounts and targets. Not used by the product's requests.
 */
import type { Insertable, Kysely } from 'kysely';
import type { DB, OrgEventTable, OrgTable, OrgVersionTable } from '../../db/schema.ts';

export async function insertOrgs(db: Kysely<DB>, rows: Insertable<OrgTable>[]): Promise<void> {
  await db.insertInto('org').values(rows).execute();
}

export async function insertOrgVersions(db: Kysely<DB>, rows: Insertable<OrgVersionTable>[]): Promise<void> {
  await db.insertInto('org_version').values(rows).execute();
}

export async function insertOrgEvents(db: Kysely<DB>, rows: Insertable<OrgEventTable>[]): Promise<void> {
  await db.insertInto('org_event').values(rows).execute();
}

/** How many organisations there are (an empty database has none). */
export async function orgCount(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('org')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The cells as they are now, in tree order. */
export function currentCells(db: Kysely<DB>) {
  return db
    .selectFrom('org_version as v')
    .innerJoin('org_kind as k', 'k.code', 'v.kind_code')
    .select(['v.org_id'])
    .where('v.valid_to', 'is', null)
    .where('k.is_cell', '=', true)
    .orderBy('v.path')
    .execute();
}

/** The first by name of the organisations a reorganisation batch created, as they are now. */
export function firstCreatedInBatch(db: Kysely<DB>, batchId: string) {
  return db
    .selectFrom('org_event as e')
    .innerJoin('org_version as v', 'v.org_id', 'e.org_id')
    .select(['e.org_id', 'v.name', 'v.path'])
    .where('e.batch_id', '=', batchId)
    .where('e.kind', '=', 'created')
    .where('v.valid_to', 'is', null)
    .orderBy('v.name')
    .limit(1)
    .executeTakeFirst();
}

/** The first cell, in tree order, of the subtree at `path` as it is now. */
export function firstCurrentCellUnder(db: Kysely<DB>, path: string) {
  return db
    .selectFrom('org_version as v')
    .innerJoin('org_kind as k', 'k.code', 'v.kind_code')
    .select('v.org_id')
    .where('v.path', 'like', `${path}%`)
    .where('v.valid_to', 'is', null)
    .where('k.is_cell', '=', true)
    .orderBy('v.path')
    .limit(1)
    .executeTakeFirst();
}

/** The first top organisation, in tree order, as it is now. */
export function currentRoot(db: Kysely<DB>) {
  return db
    .selectFrom('org_version')
    .select(['org_id', 'path'])
    .where('parent_id', 'is', null)
    .where('valid_to', 'is', null)
    .orderBy('path')
    .executeTakeFirst();
}

/** The organisations directly under `parentId` now, in tree order, with their current paths. */
export function currentChildren(db: Kysely<DB>, parentId: string) {
  return db
    .selectFrom('org_version as v')
    .innerJoin('org as o', 'o.id', 'v.org_id')
    .select(['v.org_id', 'o.current_path'])
    .where('v.parent_id', '=', parentId)
    .where('v.valid_to', 'is', null)
    .orderBy('v.path')
    .execute();
}

// --- used by evaluation (its demo generator) ---

/** The versions in force on `asOf` (org_id, depth), as a subquery to join on org_id. */
export function orgVersionsInForce(db: Kysely<DB>, asOf: string) {
  return db
    .selectFrom('org_version as v')
    .select(['v.org_id', 'v.depth'])
    .where('v.valid_from', '<=', asOf)
    .where((eb) => eb.or([eb('v.valid_to', 'is', null), eb('v.valid_to', '>', asOf)]));
}
