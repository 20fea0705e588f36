/**
 * The organisation reads of the member import and export (orgs owns org, org_version and org_kind): the cells an
 * import may put members in. The members repository's helpers for a member's organisation are in orgs.members.repo.ts.
 */
import type { Kysely } from 'kysely';
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
