/**
 * The reads of the organisation tables that the reports need (issue 14): where a report's root stands on a date, the
 * organisations of its subtree on that date by kind and sector (the counts and the drill-down list read the same
 * conditions, so the list's total is the cell), the children of the root on a date, and a fragment that places an
 * organisation id on the tree of a date for the members' and evaluations' report queries.
 */
import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { subtreeRange } from '../../../domain/org-path.ts';
import type { DB } from '../../db/schema.ts';
import { inForceSql, pathInScopeSql } from '../../db/scope-sql.ts';
import type { Scope } from '../../http/actor.ts';
import { latestOrgNameSql } from './orgs.names.repo.ts';

/** An organisation with its current path (the scope reads it), latest name and its place on `asOf` (null when it did not exist that day). */
export async function reportRootOn(db: Kysely<DB>, orgId: string, asOf: string) {
  const row = await db
    .selectFrom('org as o')
    .leftJoin('org_version as v', (j) => j.onRef('v.org_id', '=', 'o.id').on(inForceSql('v', asOf)))
    .select(['o.id', 'o.current_path', 'v.path', 'v.depth', 'v.name as name_on', latestOrgNameSql('o.id').as('name')])
    .where('o.id', '=', orgId)
    .executeTakeFirst();
  return row;
}

/** The versions of an organisation overlapping [from, to]: its place in each stretch of a period (the events of a period are placed by date). */
export function rootVersionsBetween(db: Kysely<DB>, orgId: string, from: string, to: string) {
  return db
    .selectFrom('org_version as v')
    .select(['v.path', 'v.valid_from', 'v.valid_to'])
    .where('v.org_id', '=', orgId)
    .where('v.valid_from', '<=', to)
    .where((eb) => eb.or([eb('v.valid_to', 'is', null), eb('v.valid_to', '>', from)]))
    .orderBy('v.valid_from')
    .execute();
}

/** The organisations directly below `path` on `asOf` that the scope sees, with their names on that date. */
export function childrenOn(db: Kysely<DB>, path: string, depth: number, asOf: string, scope: Scope) {
  const r = subtreeRange(path);
  return db
    .selectFrom('org_version as v')
    .innerJoin('org as o', 'o.id', 'v.org_id')
    .select(['v.org_id', 'v.name', 'v.path'])
    .where('v.path', '>', r.from)
    .where('v.path', '<', r.to)
    .where('v.depth', '=', depth + 1)
    .where(inForceSql('v', asOf))
    .where((eb) => pathInScopeSql(eb, 'o.current_path', scope))
    .orderBy('v.name')
    .execute();
}

/** What the organisation counts and list filter on: a kind, a sector, grassroots only; the root itself included or not. */
export interface OrgReportFilter {
  kind?: string | undefined;
  sector?: string | undefined;
  grassroots?: boolean | undefined;
  includeSelf?: boolean | undefined;
}

function subtreeOn(db: Kysely<DB>, path: string, asOf: string, scope: Scope, f: OrgReportFilter) {
  const r = subtreeRange(path);
  let q = db
    .selectFrom('org_version as v')
    .innerJoin('org_kind as k', 'k.code', 'v.kind_code')
    .where(f.includeSelf ? sql<SqlBool>`v.path >= ${r.from}` : sql<SqlBool>`v.path > ${r.from}`)
    .where('v.path', '<', r.to)
    .where(inForceSql('v', asOf));
  if (scope !== 'all')
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('org as o')
          .select('o.id')
          .whereRef('o.id', '=', 'v.org_id')
          .where((e) => pathInScopeSql(e, 'o.current_path', scope)),
      ),
    );
  if (f.kind !== undefined) q = q.where('v.kind_code', '=', f.kind);
  if (f.sector !== undefined) q = f.sector === 'none' ? q.where('v.sector_code', 'is', null) : q.where('v.sector_code', '=', f.sector);
  if (f.grassroots) q = q.where('k.is_grassroots', '=', true);
  return q;
}

/**
 * The organisations of the subtree of `path` on `asOf` (the root itself excluded) counted by kind and sector, per
 * organisation directly below the root when `childAt` (the path segment of the child, 1-based) is given.
 */
export function orgCountsOn(db: Kysely<DB>, path: string, asOf: string, scope: Scope, childAt: number | null) {
  const child: RawBuilder<string> = childAt === null ? sql<string>`''` : sql<string>`split_part(v.path, '/', ${sql.lit(childAt)})`;
  return subtreeOn(db, path, asOf, scope, {})
    .select([child.as('child'), 'v.kind_code', 'v.sector_code', 'k.is_grassroots', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy([sql`1`, 'v.kind_code', 'v.sector_code', 'k.is_grassroots'])
    .execute();
}

/**
 * Fragment: the organisations of the subtree of `path` on `asOf` (the root itself excluded) in the scope, of these
 * kinds (`org_id`, `path` and `name` on that date, `kind_code`, `kind_name`), not executed: a caller's statement counts
 * its own figures over it (the inspection coverage).
 */
export function subtreeOrgsOnQuery(db: Kysely<DB>, path: string, asOf: string, scope: Scope, kinds: readonly string[]) {
  return subtreeOn(db, path, asOf, scope, {})
    .where('v.kind_code', 'in', [...kinds])
    .select(['v.org_id', 'v.path', 'v.name', 'v.kind_code', 'k.name as kind_name']);
}

/** The organisation list behind a count: the same conditions, a page of it and the total. */
export async function orgListOn(db: Kysely<DB>, path: string, asOf: string, scope: Scope, f: OrgReportFilter, page: number, pageSize: number) {
  const base = subtreeOn(db, path, asOf, scope, f);
  const [total, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base
      .leftJoin('sector_type as s', 's.code', 'v.sector_code')
      .select(['v.org_id', 'v.name', 'v.path', 'v.kind_code', 'k.name as kind_name', 'v.sector_code', 's.name as sector_name'])
      .orderBy('v.path')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
  ]);
  return { total: Number(total.n), rows };
}

/** The kinds and sectors, in their order (the rows of the tables by kind and by sector). */
export async function kindsAndSectors(db: Kysely<DB>) {
  const [kinds, sectors] = await Promise.all([
    db.selectFrom('org_kind').select(['code', 'name', 'is_grassroots', 'is_cell']).orderBy('sort').execute(),
    db.selectFrom('sector_type').select(['code', 'name']).orderBy('sort').execute(),
  ]);
  return { kinds, sectors };
}

/**
 * `orgIdColumn` (an organisation id) stands, on `dateColumn`'s date (a date column or parameter), in the subtree of
 * `path`: one index probe of org_version by (org_id, valid_from). For the events of a period, placed on the tree of
 * their own date.
 */
export function orgWithinOnSql(orgIdColumn: string, dateExpr: RawBuilder<string> | string, path: string): Expression<SqlBool> {
  const r = subtreeRange(path);
  const date = typeof dateExpr === 'string' ? sql.ref(dateExpr) : dateExpr;
  return sql<SqlBool>`EXISTS (SELECT 1 FROM org_version ov WHERE ov.org_id = ${sql.ref(orgIdColumn)} AND ov.valid_from <= ${date}
    AND (ov.valid_to IS NULL OR ov.valid_to > ${date}) AND ov.path >= ${r.from} AND ov.path < ${r.to})`;
}

/** `orgIdColumn`'s current path lies in the scope (a sibling's organisation never counts in a report). */
export function orgIdInScopeSql(orgIdColumn: string, scope: Scope): Expression<SqlBool> {
  if (scope === 'all') return sql<SqlBool>`true`;
  if (scope.length === 0) return sql<SqlBool>`false`;
  const parts = scope.map((p) => {
    const r = subtreeRange(p);
    return sql<SqlBool>`(oc.current_path >= ${r.from} AND oc.current_path < ${r.to})`;
  });
  return sql<SqlBool>`EXISTS (SELECT 1 FROM org oc WHERE oc.id = ${sql.ref(orgIdColumn)} AND (${sql.join(parts, sql` OR `)}))`;
}

/** The `childAt`-th segment of the path on `dateColumn`'s date of the organisation `orgColumn` (the root's child it stood under). */
export function childSegmentOnSql(orgColumn: string, dateColumn: string, childAt: number): RawBuilder<string> {
  return sql<string>`(SELECT split_part(cv.path, '/', ${sql.lit(childAt)}) FROM org_version cv WHERE cv.org_id = ${sql.ref(orgColumn)}
    AND cv.valid_from <= ${sql.ref(dateColumn)} AND (cv.valid_to IS NULL OR cv.valid_to > ${sql.ref(dateColumn)}) LIMIT 1)`;
}

/**
 * Every version of the organisations under `path` (the root itself included) whose current path is in the scope, as a
 * derived table (org_id, path, valid_from, valid_to): joined to events by organisation and date (`onVersionSql`), it
 * places each event on the tree of its own date with one hash probe, where orgWithinOnSql is an index probe per event.
 */
export function subtreeVersionsSql(path: string, scope: Scope): RawBuilder<{ org_id: string; path: string; valid_from: string; valid_to: string | null }> {
  const r = subtreeRange(path);
  return sql`(SELECT sv.org_id, sv.path, sv.valid_from, sv.valid_to FROM org_version sv
    WHERE sv.path >= ${r.from} AND sv.path < ${r.to} AND ${orgIdInScopeSql('sv.org_id', scope)})`;
}

/** The join condition of subtreeVersionsSql's `alias` to the organisation `orgColumn` on `dateColumn`'s date. */
export function onVersionSql(alias: string, orgColumn: string, dateColumn: string): RawBuilder<SqlBool> {
  const v = (c: string) => sql.ref(`${alias}.${c}`);
  const d = sql.ref(dateColumn);
  return sql<SqlBool>`(${v('org_id')} = ${sql.ref(orgColumn)} AND ${v('valid_from')} <= ${d} AND (${v('valid_to')} IS NULL OR ${v('valid_to')} > ${d}))`;
}
