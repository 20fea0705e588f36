/**
 * The organisation reads the members module needs (issue 11: orgs owns org, org_version and org_kind; members composes
 * these helpers instead of naming those tables). A member belongs to the scope of the organisation whose roll holds
 * him: his queries join the organisations' current paths (`currentOrgPaths`) or keep to the organisations of a scope
 * (`orgIdsInScope`), and show names through `orgNameInForceSql` or the readers below.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inForceSql, pathInScopeSql } from '../../db/scope-sql.ts';
import type { Scope } from '../../http/actor.ts';

/**
 * Every organisation's id and current path, as a table to join (`.innerJoin(currentOrgPaths(db).as('o'), 'o.id',
 * 'm.org_id')`): PostgreSQL flattens it into a plain join of `org`.
 */
export function currentOrgPaths(db: Kysely<DB>) {
  return db.selectFrom('org').select(['org.id', 'org.current_path']);
}

/** The ids of the organisations whose current path lies in the scope, and in the subtree when given (a subquery for `IN`). */
export function orgIdsInScope(db: Kysely<DB>, scope: Scope, subtree?: { from: string; to: string }) {
  const orgs = db
    .selectFrom('org as o')
    .select('o.id')
    .where((e) => pathInScopeSql(e, 'o.current_path', scope));
  return subtree ? orgs.where('o.current_path', '>=', subtree.from).where('o.current_path', '<', subtree.to) : orgs;
}

/** The name of the organisation whose id is in `orgIdColumn`, from its version in force on `asOf` (null when none is), as a scalar subquery. */
export function orgNameInForceSql(orgIdColumn: string, asOf: string): RawBuilder<string | null> {
  return sql<string | null>`(SELECT v.name FROM org_version v WHERE v.org_id = ${sql.ref(orgIdColumn)} AND ${inForceSql('v', asOf)} LIMIT 1)`;
}

/** The names in force on a day of some organisations. */
export function orgNamesInForce(db: Kysely<DB>, orgIds: string[], asOf: string): Promise<{ org_id: string; name: string }[]> {
  return db.selectFrom('org_version as v').select(['v.org_id', 'v.name']).where('v.org_id', 'in', orgIds).where(inForceSql('v', asOf)).execute();
}

/** An organisation's id and current path, or undefined when there is none with that id. */
export function orgCurrentPath(db: Kysely<DB>, orgId: string) {
  return db.selectFrom('org').select(['id', 'current_path']).where('id', '=', orgId).executeTakeFirst();
}

/** An organisation as it is on the date: its current path, its name and whether its kind is a cell. */
export function orgKindOn(db: Kysely<DB>, orgId: string, date: string) {
  return db
    .selectFrom('org as o')
    .innerJoin('org_version as v', 'v.org_id', 'o.id')
    .innerJoin('org_kind as k', 'k.code', 'v.kind_code')
    .select(['o.current_path', 'k.is_cell', 'v.name'])
    .where('o.id', '=', orgId)
    .where(inForceSql('v', date))
    .executeTakeFirst();
}

/** The organisation's name on the date: its last version begun by then, else its first ('' for no organisation). */
export async function orgNameOn(db: Kysely<DB>, orgId: string, date: string): Promise<string> {
  const rows = await db.selectFrom('org_version').select(['name', 'valid_from']).where('org_id', '=', orgId).orderBy('valid_from').execute();
  return (rows.filter((r) => r.valid_from <= date).at(-1) ?? rows[0])?.name ?? '';
}

/**
 * Whether the organisation whose id is in `orgIdColumn` lies in the subtree of `rootId` (the root included) on the
 * date in `dateColumn`, on the tree of that date: its version in force then has the root's id among its path's
 * segments. A condition for the member list's changes of a period (each event seen on the tree of its own date).
 */
export function orgUnderOnSql(orgIdColumn: string, dateColumn: string, rootId: string): RawBuilder<boolean> {
  return sql<boolean>`EXISTS (SELECT 1 FROM org_version v WHERE v.org_id = ${sql.ref(orgIdColumn)} AND v.valid_from <= ${sql.ref(dateColumn)}
    AND (v.valid_to IS NULL OR v.valid_to > ${sql.ref(dateColumn)}) AND strpos(v.path, ${`/${rootId}/`}) > 0)`;
}

/** The organisation's path in the tree of the date (its version in force then), or undefined when it did not exist. */
export function orgPathOn(db: Kysely<DB>, orgId: string, date: string) {
  return db.selectFrom('org_version as v').select('v.path').where('v.org_id', '=', orgId).where(inForceSql('v', date)).executeTakeFirst();
}
