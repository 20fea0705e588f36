/**
 * SQL of the inspection plans and their items (inspection_plan, inspection_plan_amendment, inspection_item, owned by
 * inspection). Organisations are read through the orgs module's fragments: an item belongs to the subtree of the
 * organisation carrying it out by that organisation's current path (its present place, like every list of the house).
 * Scope is decided by the service on the organisations' current paths; the lists also take the caller's scope.
 */
import { sql, type Insertable, type Kysely, type SqlBool, type Updateable } from 'kysely';
import type { DB, InspectionItemTable, InspectionPlanTable } from '../../db/schema.ts';
import { pathInScopeSql } from '../../db/scope-sql.ts';
import type { Scope } from '../../http/actor.ts';
import { currentOrgs } from '../orgs/orgs.evaluation.repo.ts';
import { latestOrgNameSql } from '../orgs/orgs.names.repo.ts';
import { childrenOfQuery } from '../orgs/orgs.repo.ts';
import { subtreeOrgsOnQuery } from '../orgs/orgs.reports.repo.ts';

// --- plans ----------------------------------------------------------------------------------------------------------

export async function insertPlan(tx: Kysely<DB>, row: Insertable<InspectionPlanTable>): Promise<void> {
  await tx.insertInto('inspection_plan').values(row).execute();
}

/** The plan of an organisation for a year and body, if any. */
export function findPlanOf(db: Kysely<DB>, orgId: string, year: number, body: InspectionPlanTable['body']) {
  return db.selectFrom('inspection_plan').select('id').where('org_id', '=', orgId).where('year', '=', year).where('body', '=', body).executeTakeFirst();
}

function plans(db: Kysely<DB>) {
  return db
    .selectFrom('inspection_plan as p')
    .innerJoin(currentOrgs(db).as('o'), 'o.id', 'p.org_id')
    .select([
      'p.id',
      'p.org_id',
      'p.year',
      'p.body',
      'p.version',
      'p.title',
      'p.decision_no',
      'p.approved_on',
      'o.current_path',
      latestOrgNameSql('p.org_id').as('org_name'),
    ]);
}

/** One plan with its organisation's current path and name; undefined when absent. */
export function findPlan(db: Kysely<DB>, id: string) {
  return plans(db).where('p.id', '=', id).executeTakeFirst();
}

/** The plans of a year of the organisations whose current path lies under `path` and in the scope, in path order. */
export function plansUnder(db: Kysely<DB>, path: string, year: number, scope: Scope) {
  return plans(db)
    .where('p.year', '=', year)
    .where((eb) => pathInScopeSql(eb, 'o.current_path', [path]))
    .where((eb) => pathInScopeSql(eb, 'o.current_path', scope))
    .orderBy('o.current_path')
    .orderBy('p.body')
    .limit(2000)
    .execute();
}

/** Items of these plans counted by status (every item of a plan, whatever its due date). */
export async function planCounts(db: Kysely<DB>, planIds: readonly string[]) {
  if (planIds.length === 0) return [];
  return db
    .selectFrom('inspection_item')
    .select(['plan_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('plan_id', 'in', [...planIds])
    .groupBy(['plan_id', 'status'])
    .execute();
}

/** The next version of a plan (an amendment); returns the new version. */
export async function bumpPlanVersion(tx: Kysely<DB>, id: string, at: Date): Promise<number> {
  const row = await tx
    .updateTable('inspection_plan')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: at }))
    .where('id', '=', id)
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

export async function insertAmendment(
  tx: Kysely<DB>,
  row: { id: string; plan_id: string; version: number; amended_on: string; reason: string; items: unknown },
): Promise<void> {
  await tx
    .insertInto('inspection_plan_amendment')
    .values({ ...row, items: JSON.stringify(row.items) })
    .execute();
}

/** A plan's amendments (the version each one closed, with the items as they stood), oldest first. */
export function amendmentsOf(db: Kysely<DB>, planId: string) {
  return db
    .selectFrom('inspection_plan_amendment')
    .select(['version', 'amended_on', 'reason', sql<number>`jsonb_array_length(items)`.as('items')])
    .where('plan_id', '=', planId)
    .orderBy('version')
    .execute();
}

// --- items ----------------------------------------------------------------------------------------------------------

export async function insertItem(tx: Kysely<DB>, row: Insertable<InspectionItemTable>): Promise<void> {
  await tx.insertInto('inspection_item').values(row).execute();
}

export async function updateItem(tx: Kysely<DB>, id: string, set: Updateable<InspectionItemTable>): Promise<void> {
  await tx.updateTable('inspection_item').set(set).where('id', '=', id).execute();
}

function items(db: Kysely<DB>) {
  return db
    .selectFrom('inspection_item as i')
    .innerJoin(currentOrgs(db).as('o'), 'o.id', 'i.org_id')
    .selectAll('i')
    .select(['o.current_path', latestOrgNameSql('i.org_id').as('org_name'), latestOrgNameSql('i.subject_org_id').as('subject_org_name')]);
}
export type ItemRow = Awaited<ReturnType<typeof findItem>> & {};

/** One item with its organisation's current path; undefined when absent. */
export function findItem(db: Kysely<DB>, id: string) {
  return items(db).where('i.id', '=', id).executeTakeFirst();
}

/** The items of a plan, by due date. */
export function itemsOfPlan(db: Kysely<DB>, planId: string) {
  return items(db).where('i.plan_id', '=', planId).orderBy('i.due_on').orderBy('i.id').execute();
}

/** What the item list filters on (the drill-down of a figure). */
export interface ItemFilter {
  path: string;
  scope: Scope;
  from: string;
  to: string;
  status?: InspectionItemTable['status'] | undefined;
  kind?: InspectionItemTable['kind'] | undefined;
  subjectType?: 'org' | 'member' | undefined;
  arising?: boolean | undefined;
  violation?: boolean | undefined;
  /** The items concluded in [from, to], planned or arising (the statistics' basis) instead of the plan items due in it. */
  concludedIn?: boolean | undefined;
}

/**
 * The items of a subtree in a period: plan items due in it (the status as of today, or `concluded` only when concluded
 * by `to`), or with `arising`, the items outside any plan concluded in it. The same conditions as the figures.
 */
function filtered(db: Kysely<DB>, f: ItemFilter) {
  let q = items(db)
    .where((eb) => pathInScopeSql(eb, 'o.current_path', [f.path]))
    .where((eb) => pathInScopeSql(eb, 'o.current_path', f.scope));
  if (f.concludedIn) {
    q = q.where('i.concluded_on', '>=', f.from).where('i.concluded_on', '<=', f.to);
    if (f.arising !== undefined) q = q.where('i.plan_id', f.arising ? 'is' : 'is not', null);
  } else if (f.arising) q = q.where('i.plan_id', 'is', null).where('i.concluded_on', '>=', f.from).where('i.concluded_on', '<=', f.to);
  else q = q.where('i.plan_id', 'is not', null).where('i.due_on', '>=', f.from).where('i.due_on', '<=', f.to);
  if (f.status === 'concluded') q = q.where('i.concluded_on', '<=', f.to);
  if (f.status === 'under_way') q = q.where((eb) => eb.or([eb('i.status', '=', 'under_way'), eb('i.concluded_on', '>', f.to)]));
  else if (f.status !== undefined) q = q.where('i.status', '=', f.status);
  if (f.kind !== undefined) q = q.where('i.kind', '=', f.kind);
  if (f.subjectType === 'org') q = q.where('i.subject_org_id', 'is not', null);
  if (f.subjectType === 'member') q = q.where('i.subject_member_id', 'is not', null);
  if (f.violation === true) q = q.where('i.violation_found', '=', true);
  if (f.violation === false) q = q.where('i.violation_found', 'is not', true);
  return q;
}

export async function listItems(db: Kysely<DB>, f: ItemFilter, page: number, pageSize: number) {
  const [total, rows] = await Promise.all([
    filtered(db, f)
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    filtered(db, f)
      .orderBy('o.current_path')
      .orderBy('i.due_on')
      .orderBy('i.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
  ]);
  return { total: Number(total.n), rows };
}

// --- figures --------------------------------------------------------------------------------------------------------

/**
 * The progress figures of a period per child of the root `path` (the segment of the carrying organisation's current path
 * after the root's: '' for the root's own items), and the subtree's total (`child` null, a ROLLUP row), for the
 * organisations under `path` in the scope: plan items due in [from, to] by their state on `to` (concluded by then,
 * cancelled, under way, planned), and the items outside any plan concluded in the period. Counted per organisation
 * first (one pass over the period's items), then per child: the path is cut once per organisation, not per item.
 */
function progressPerChild(db: Kysely<DB>, path: string, scope: Scope, from: string, to: string) {
  const planned = sql<boolean>`(i.plan_id IS NOT NULL AND i.due_on BETWEEN ${from} AND ${to})`;
  const sum = (c: string) => sql<number>`sum(${sql.ref(`p.${c}`)})::int`;
  return db
    .with('per_org', (qb) =>
      qb
        .selectFrom('inspection_item as i')
        .innerJoin(currentOrgs(db).as('o'), 'o.id', 'i.org_id')
        .select([
          'o.current_path',
          sql<number>`count(*) FILTER (WHERE ${planned} AND i.status <> 'cancelled')`.as('planned'),
          sql<number>`count(*) FILTER (WHERE ${planned} AND i.concluded_on <= ${to})`.as('concluded'),
          sql<number>`count(*) FILTER (WHERE ${planned} AND i.status = 'cancelled')`.as('cancelled'),
          sql<number>`count(*) FILTER (WHERE ${planned} AND (i.status = 'under_way' OR i.concluded_on > ${to}))`.as('under_way'),
          sql<number>`count(*) FILTER (WHERE i.plan_id IS NULL AND i.concluded_on BETWEEN ${from} AND ${to})`.as('arising'),
        ])
        .where((eb) =>
          eb.or([
            eb.and([eb('i.plan_id', 'is not', null), eb('i.due_on', '>=', from), eb('i.due_on', '<=', to)]),
            eb.and([eb('i.plan_id', 'is', null), eb('i.concluded_on', '>=', from), eb('i.concluded_on', '<=', to)]),
          ]),
        )
        .where((eb) => pathInScopeSql(eb, 'o.current_path', [path]))
        .where((eb) => pathInScopeSql(eb, 'o.current_path', scope))
        .groupBy(['i.org_id', 'o.current_path']),
    )
    .with('f', (qb) =>
      qb
        .selectFrom('per_org as p')
        .select([
          sql<string | null>`split_part(substr(p.current_path, ${sql.lit(path.length + 1)}), '/', 1)`.as('child'),
          sum('planned').as('planned'),
          sum('concluded').as('concluded'),
          sum('cancelled').as('cancelled'),
          sum('under_way').as('under_way'),
          sum('arising').as('arising'),
        ])
        .groupBy(sql`ROLLUP (1)`),
    );
}

/** The progress figures per child of the root ('' its own) and the total (`child` null): see progressPerChild. */
export function progressFigures(db: Kysely<DB>, path: string, scope: Scope, from: string, to: string) {
  return progressPerChild(db, path, scope, from, to).selectFrom('f').selectAll('f').execute();
}

/**
 * The progress of the subtree of `root` in one statement: the total (`child` null, `child_id` null), the root's own
 * (`child` ''), and each organisation directly below it on `childrenOn` that the scope sees (`child_id`, `name`, its
 * figures null when it has none), by name.
 */
export function progressWithChildren(db: Kysely<DB>, root: { id: string; path: string }, scope: Scope, from: string, to: string, childrenOn: string) {
  return progressPerChild(db, root.path, scope, from, to)
    .selectFrom('f')
    .fullJoin(childrenOfQuery(db, root.id, childrenOn, scope).as('c'), (j) => j.on(sql<SqlBool>`f.child = c.id::text`))
    .select(['f.child', 'c.id as child_id', 'c.name', 'f.planned', 'f.concluded', 'f.cancelled', 'f.under_way', 'f.arising'])
    .where((eb) => eb.or([eb('c.id', 'is not', null), eb('f.child', 'is', null), eb('f.child', '=', '')]))
    .orderBy('c.name')
    .execute();
}

/**
 * The subordinate organisations of the coverage (`path`'s subtree on `to`, the root excluded, in the scope, of the
 * groups' kinds), each with its group and whether it carried out an inspection or supervision of its own concluded in
 * [from, to] (`own`, planned or arising) and whether it was the subject of one (`subject_of`, whoever carried it out).
 * The two questions are semi-joins of the period's concluded items with the subtree (hashed on a province, probing
 * the (org_id | subject_org_id, concluded_on) indexes on a small subtree).
 */
function coverageOrgs(db: Kysely<DB>, path: string, scope: Scope, from: string, to: string, groups: Record<string, readonly string[]>) {
  const kinds = Object.values(groups).flat();
  const group = sql<string>`CASE ${sql.join(
    Object.entries(groups).map(([g, ks]) => sql`WHEN s.kind_code IN (${sql.join(ks.map((k) => sql.lit(k)))}) THEN ${sql.lit(g)}`),
    sql` `,
  )} END`;
  return db
    .with('s', () => subtreeOrgsOnQuery(db, path, to, scope, kinds))
    .with('x', (qb) =>
      qb
        .selectFrom('s')
        .selectAll('s')
        .select([
          group.as('grp'),
          sql<boolean>`s.org_id IN (SELECT i.org_id FROM inspection_item i JOIN s s2 ON s2.org_id = i.org_id
            WHERE i.concluded_on BETWEEN ${from} AND ${to})`.as('own'),
          sql<boolean>`s.org_id IN (SELECT i.subject_org_id FROM inspection_item i JOIN s s2 ON s2.org_id = i.subject_org_id
            WHERE i.concluded_on BETWEEN ${from} AND ${to})`.as('subject_of'),
        ]),
    );
}

/** Per coverage group: the subordinate organisations, those without an item of their own, those never the subject of one. */
export function coverageByGroup(db: Kysely<DB>, path: string, scope: Scope, from: string, to: string, groups: Record<string, readonly string[]>) {
  return coverageOrgs(db, path, scope, from, to, groups)
    .selectFrom('x')
    .select([
      'x.grp',
      sql<number>`count(*)::int`.as('total'),
      sql<number>`count(*) FILTER (WHERE NOT x.own)::int`.as('without_own'),
      sql<number>`count(*) FILTER (WHERE NOT x.subject_of)::int`.as('without_subject'),
    ])
    .groupBy('x.grp')
    .execute();
}

/**
 * The list behind a coverage count: the organisations of a group (all, without an item of their own, or never the
 * subject of one), in path order, a page of them with the list's total, and for each the number of items concluded in
 * the period it carried out (`own`) and of which it was the subject (`subject_of`).
 */
export function coverageList(
  db: Kysely<DB>,
  path: string,
  scope: Scope,
  from: string,
  to: string,
  groups: Record<string, readonly string[]>,
  q: { group: string; which: 'without_own' | 'without_subject' | 'all'; page: number; pageSize: number },
) {
  const concluded = (column: 'org_id' | 'subject_org_id') =>
    sql<number>`(SELECT count(*)::int FROM inspection_item i WHERE ${sql.ref(`i.${column}`)} = pg.org_id AND i.concluded_on BETWEEN ${from} AND ${to})`;
  const page = coverageOrgs(db, path, scope, from, to, groups)
    .selectFrom('x')
    .select(['x.org_id', 'x.path', 'x.name', 'x.kind_code', 'x.kind_name', sql<number>`(count(*) OVER ())::int`.as('total')])
    .where('x.grp', '=', q.group)
    .$if(q.which === 'without_own', (b) => b.where(sql<SqlBool>`NOT x.own`))
    .$if(q.which === 'without_subject', (b) => b.where(sql<SqlBool>`NOT x.subject_of`))
    .orderBy('x.path')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return db
    .selectFrom(page.as('pg'))
    .selectAll('pg')
    .select([concluded('org_id').as('own'), concluded('subject_org_id').as('subject_of')])
    .orderBy('pg.path')
    .execute();
}

/** The segment of the current path (1-based, split on '/') naming the root's child, or '' for the subtree's total. */
const childOf = (childAt: number | null) => (childAt === null ? sql<string>`''` : sql<string>`split_part(o.current_path, '/', ${sql.lit(childAt)})`);

/**
 * The statistics of a period (issue 15 part 6) for the organisations under `path` (current paths) in the scope: items
 * concluded in it by kind, subject type and plan, with the violations found; per child of the root when `childAt`.
 */
export function itemStatistics(db: Kysely<DB>, path: string, scope: Scope, from: string, to: string, childAt: number | null = null) {
  return db
    .selectFrom('inspection_item as i')
    .innerJoin(currentOrgs(db).as('o'), 'o.id', 'i.org_id')
    .select([
      childOf(childAt).as('child'),
      'i.kind',
      sql<'org' | 'member'>`CASE WHEN i.subject_member_id IS NULL THEN 'org' ELSE 'member' END`.as('subject_type'),
      sql<boolean>`i.plan_id IS NULL`.as('arising'),
      (eb) => eb.fn.countAll<number>().as('n'),
      sql<number>`count(*) FILTER (WHERE i.violation_found)`.as('violations'),
    ])
    .where('i.concluded_on', '>=', from)
    .where('i.concluded_on', '<=', to)
    .where((eb) => pathInScopeSql(eb, 'o.current_path', [path]))
    .where((eb) => pathInScopeSql(eb, 'o.current_path', scope))
    .groupBy([sql`1`, 'i.kind', sql`3`, sql`4`])
    .execute();
}
