/**
 * The organisation reads of the member import and export (orgs owns org, org_version and org_kind): the cells an
 * import may put members in, and the helpers the members repository composes to give a member his organisation's
 * current path and name.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inForceSql, pathInScopeSql } from '../../db/scope-sql.ts';
import type { Scope } from '../../http/actor.ts';

/** Cells in force today whose current place lies in the scope: where an import may put members. */
export function editableCells(db: Kysely<DB>, scope: Scope, today: string) {
  return db
    .selectFrom('org as o')
    .innerJoin('org_version as v', 'v.org_id', 'o.id')
    .innerJoin('org_kind as k', 'k.code', 'v.kind_code')
    .select(['o.id', 'v.name', 'v.code'])
    .where('k.is_cell', '=', true)
    .where('o.ended_on', 'is', null)
    .where(inForceSql('v', today))
    .where((eb) => pathInScopeSql(eb, 'o.current_path', scope))
    .orderBy('o.current_path')
    .execute();
}

/**
 * Every organisation's id and current path, as a table to join (`.innerJoin(currentOrgPaths(db).as('o'), 'o.id',
 * 'm.org_id')`): PostgreSQL flattens it into a plain join of the organisations.
 */
export function currentOrgPaths(db: Kysely<DB>) {
  return db.selectFrom('org').select(['org.id', 'org.current_path']);
}

/** The name of the organisation whose id is in `orgIdColumn`, from its version in force on `asOf` (null when none is), as a scalar subquery. */
export function orgNameInForceSql(orgIdColumn: string, asOf: string): RawBuilder<string | null> {
  return sql<string | null>`(SELECT v.name FROM org_version v WHERE v.org_id = ${sql.ref(orgIdColumn)} AND ${inForceSql('v', asOf)} LIMIT 1)`;
}
