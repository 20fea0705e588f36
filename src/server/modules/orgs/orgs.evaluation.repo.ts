/**
 * The reads of the organisation tables that the evaluation module needs (orgs owns org, org_version and org_kind; the
 * evaluation repository composes these functions and fragments, it never names the tables). Issue 11 part 1.
 */
import { sql, type Kysely } from 'kysely';
import { subtreeRange } from '../../../domain/org-path.ts';
import type { DB } from '../../db/schema.ts';
import { inForceSql, pathInScopeSql } from '../../db/scope-sql.ts';
import { latestOrgNameSql } from './orgs.names.repo.ts';
import type { Scope } from '../../http/actor.ts';

/**
 * Every organisation's identity with its present place, as a subquery to join by `id` (alias it, e.g. `.as('o')`):
 * evaluation rows are in scope, in a subtree and sorted by the current path of their organisation. PostgreSQL folds
 * the subquery into the join, so a filter on `current_path` is still one index range on `org`.
 */
export function currentOrgs(db: Kysely<DB>) {
  return db.selectFrom('org').select(['id', 'current_path']);
}

/** The organisations of a subtree on a date, with their kind's flags (an evaluation period's roll of organisations). */
export function subtreeWithKindsOn(db: Kysely<DB>, rootPath: string, asOf: string) {
  const r = subtreeRange(rootPath);
  return db
    .selectFrom('org_version as v')
    .innerJoin('org_kind as k', 'k.code', 'v.kind_code')
    .select(['v.org_id', 'v.parent_id', 'v.path', 'v.kind_code', 'k.is_cell', 'k.is_grassroots', 'v.name'])
    .where('v.path', '>=', r.from)
    .where('v.path', '<', r.to)
    .where(inForceSql('v', asOf))
    .execute();
}

/** Is any of these organisations a grassroots organisation on the date? */
export async function anyGrassrootsOn(db: Kysely<DB>, orgIds: string[], asOf: string): Promise<boolean> {
  const row = await db
    .selectFrom('org_version as v')
    .innerJoin('org_kind as k', 'k.code', 'v.kind_code')
    .select('v.org_id')
    .where('v.org_id', 'in', orgIds)
    .where(inForceSql('v', asOf))
    .where('k.is_grassroots', '=', true)
    .executeTakeFirst();
  return row !== undefined;
}

/** An organisation's path and name on a date; undefined when it does not exist that day. */
export function versionOn(db: Kysely<DB>, orgId: string, asOf: string) {
  return db.selectFrom('org_version as v').select(['v.path', 'v.name']).where('v.org_id', '=', orgId).where(inForceSql('v', asOf)).executeTakeFirst();
}

/** Names of organisations by id (their latest version). */
export async function latestOrgNames(db: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('org as o')
    .select(['o.id', latestOrgNameSql('o.id').as('name')])
    .where('o.id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name ?? '']));
}

/** An organisation in scope, with its current path and latest name; undefined when absent or out of scope. */
export function orgInScope(db: Kysely<DB>, scope: Scope, orgId: string) {
  return db
    .selectFrom('org as o')
    .select(['o.id', 'o.current_path', latestOrgNameSql('o.id').as('name')])
    .where('o.id', '=', orgId)
    .where((eb) => pathInScopeSql(eb, 'o.current_path', scope))
    .executeTakeFirst();
}

/**
 * The organisation a results page opens on when none is chosen: the first subtree of the scope (in path order), or
 * for the whole tree the first organisation at its top that is still in existence.
 */
export function defaultResultsRoot(db: Kysely<DB>, scope: Scope) {
  let q = db.selectFrom('org as o').select(['o.id', 'o.current_path', latestOrgNameSql('o.id').as('name')]);
  if (scope === 'all') q = q.where(sql<boolean>`o.current_path ~ '^/[^/]+/$'`).where('o.ended_on', 'is', null);
  else if (scope.length === 0) return Promise.resolve(undefined);
  else q = q.where('o.current_path', '=', scope[0]!);
  return q.orderBy('o.current_path').limit(1).executeTakeFirst();
}
