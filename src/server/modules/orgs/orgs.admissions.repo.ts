/**
 * Organisation reads the admissions module needs (orgs owns org and org_version): the cell a candidate is listed in,
 * the tree of a target page, and the query fragments that put a dossier's organisation in a scope or a subtree
 * without admissions naming the tables.
 */
import { expressionBuilder, sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inForceSql, pathInScopeSql } from '../../db/scope-sql.ts';
import type { Scope } from '../../http/actor.ts';

/** `orgIdColumn` holds an organisation whose current path lies in one of the scope's subtrees ('all': true). */
export function orgInScopeSql(orgIdColumn: string, scope: Scope): Expression<SqlBool> {
  if (scope === 'all') return sql<SqlBool>`true`;
  const eb = expressionBuilder<DB, never>();
  return eb(
    sql.ref(orgIdColumn),
    'in',
    eb
      .selectFrom('org as o')
      .select('o.id')
      .where((w) => pathInScopeSql(w, 'o.current_path', scope)),
  );
}

/** `orgIdColumn` holds an organisation whose current path lies in the range of a subtree (`subtreeRange`). */
export function orgInSubtreeSql(orgIdColumn: string, range: { from: string; to: string }): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(orgIdColumn)} IN (SELECT o.id FROM org o WHERE o.current_path >= ${range.from} AND o.current_path < ${range.to})`;
}

/** The current path of the organisation whose id is in `orgIdColumn`, as a scalar subquery. */
export function orgCurrentPathSql(orgIdColumn: string): RawBuilder<string> {
  return sql<string>`(SELECT o.current_path FROM org o WHERE o.id = ${sql.ref(orgIdColumn)})`;
}

/** `orgIdColumn` holds a subordinate of `parentId` on `asOf` (its version in force that day has that parent). */
export function orgIsChildOnSql(orgIdColumn: string, parentId: string, asOf: string): Expression<SqlBool> {
  const eb = expressionBuilder<DB, never>();
  return eb(sql.ref(orgIdColumn), 'in', eb.selectFrom('org_version as v').select('v.org_id').where('v.parent_id', '=', parentId).where(inForceSql('v', asOf)));
}

/** The organisation in force today with its children, and whether it exists (ids in scope only). */
export async function orgWithChildren(db: Kysely<DB>, orgId: string, today: string) {
  const self = await db
    .selectFrom('org as o')
    .innerJoin('org_version as v', 'v.org_id', 'o.id')
    .select(['o.id', 'o.current_path', 'v.name', 'v.parent_id'])
    .where('o.id', '=', orgId)
    .where(sql<boolean>`v.valid_from <= ${today} AND (v.valid_to IS NULL OR v.valid_to > ${today})`)
    .executeTakeFirst();
  if (!self) return null;
  const children = await db
    .selectFrom('org as o')
    .innerJoin('org_version as v', 'v.org_id', 'o.id')
    .select(['o.id', 'o.current_path', 'v.name'])
    .where('v.parent_id', '=', orgId)
    .where(sql<boolean>`v.valid_from <= ${today} AND (v.valid_to IS NULL OR v.valid_to > ${today})`)
    .orderBy('v.name')
    .execute();
  return { self, children };
}

export function orgPath(db: Kysely<DB>, id: string) {
  return db.selectFrom('org').select('current_path').where('id', '=', id).executeTakeFirst();
}

export function orgIdAndPath(db: Kysely<DB>, id: string) {
  return db.selectFrom('org').select(['id', 'current_path']).where('id', '=', id).executeTakeFirst();
}

/** The first root organisation in force on `today`, by name. */
export function firstRootOrg(db: Kysely<DB>, today: string) {
  return db
    .selectFrom('org_version as v')
    .select('v.org_id')
    .where('v.parent_id', 'is', null)
    .where(inForceSql('v', today))
    .orderBy('v.name')
    .executeTakeFirst();
}
