/**
 * Directive queries. A directive belongs to the scope of the organisation that follows it (`owner_org_id`); an
 * assignee reads it too, but of its tasks only the shares of organisations in its own scope (its share and the parts
 * it split to its subordinates): a sibling never sees another's share or report.
 */
import { sql, type Insertable, type Kysely } from 'kysely';
import { foldAccents } from '../../../domain/text.ts';
import type { DB } from '../../db/schema.ts';
import type { Scope } from '../../http/actor.ts';
import { orgCurrentPathSql, orgInScopeSql } from '../orgs/orgs.admissions.repo.ts';
import { currentOrgPaths, orgNameInForceSql } from '../orgs/orgs.members.repo.ts';
import { pathInScopeSql } from '../../db/scope-sql.ts';
import { latestOrgNameSql } from '../orgs/orgs.names.repo.ts';

/** Directives the scope reads: followed by an organisation in it, or with a share given to one. */
function readable(db: Kysely<DB>, scope: Scope) {
  return db
    .selectFrom('directive as d')
    .where((eb) =>
      eb.or([
        orgInScopeSql('d.owner_org_id', scope),
        eb.exists(
          eb
            .selectFrom('directive_task as t')
            .innerJoin('directive_assignment as a', 'a.task_id', 't.id')
            .select('a.id')
            .whereRef('t.directive_id', '=', 'd.id')
            .where(orgInScopeSql('a.org_id', scope)),
        ),
      ]),
    );
}

const LIKE = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** A directive the scope reads, with its owner's current path and latest name. */
export function findDirective(db: Kysely<DB>, scope: Scope, id: string) {
  return readable(db, scope)
    .selectAll('d')
    .select([orgCurrentPathSql('d.owner_org_id').as('owner_path'), latestOrgNameSql('d.owner_org_id').as('owner_name')])
    .where('d.id', '=', id)
    .executeTakeFirst();
}

/** The head of a directive whatever the scope (the document a plan implements is named on the plan's page). */
export function directiveHead(db: Kysely<DB>, id: string) {
  return db.selectFrom('directive').select(['id', 'kind', 'symbol', 'title', 'issued_on']).where('id', '=', id).executeTakeFirst();
}

export interface DirectiveFilters {
  q?: string | undefined;
  kind?: string | undefined;
  page: number;
  pageSize: number;
}

/** A page of the directives the scope reads, newest first; `q` matches the symbol or the words of the title without accents. */
export async function listDirectives(db: Kysely<DB>, scope: Scope, f: DirectiveFilters) {
  let q = readable(db, scope);
  if (f.kind) q = q.where('d.kind', '=', f.kind as 'chi_thi');
  const words = f.q ? foldAccents(f.q).split(' ').filter(Boolean) : [];
  for (const w of words) q = q.where('d.search_key', 'like', LIKE(w));
  const [rows, total] = await Promise.all([
    q
      .selectAll('d')
      .select(latestOrgNameSql('d.owner_org_id').as('owner_name'))
      .orderBy('d.issued_on', 'desc')
      .orderBy('d.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** The directives in scope that implement this one (the communes' plans under the province's plan). */
export function implementedBy(db: Kysely<DB>, scope: Scope, id: string) {
  return readable(db, scope)
    .select(['d.id', 'd.kind', 'd.symbol', 'd.title', 'd.issued_on', latestOrgNameSql('d.owner_org_id').as('owner_name')])
    .where('d.implements_id', '=', id)
    .orderBy('d.issued_on')
    .orderBy('d.id')
    .execute();
}

export async function insertDirective(db: Kysely<DB>, row: Insertable<DB['directive']>): Promise<void> {
  await db.insertInto('directive').values(row).execute();
}

/** The tasks of a directive in order. */
export function tasksOf(db: Kysely<DB>, directiveId: string) {
  return db.selectFrom('directive_task').selectAll().where('directive_id', '=', directiveId).orderBy('seq').execute();
}

export async function nextTaskSeq(db: Kysely<DB>, directiveId: string): Promise<number> {
  const r = await db
    .selectFrom('directive_task')
    .select((eb) => eb.fn.max<number | null>('seq').as('m'))
    .where('directive_id', '=', directiveId)
    .executeTakeFirst();
  return Number(r?.m ?? 0) + 1;
}

export async function insertTask(db: Kysely<DB>, row: Insertable<DB['directive_task']>): Promise<void> {
  await db.insertInto('directive_task').values(row).execute();
}

export async function insertAssignments(db: Kysely<DB>, rows: Insertable<DB['directive_assignment']>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('directive_assignment').values(rows).execute();
}

/**
 * The shares of a directive's tasks whose organisation lies in the scope, each with its organisation's name on
 * `today`, its latest report's status, the periods its reports answer, the number of its reports and the last date.
 * One statement: the progress page of a directive given to a thousand organisations reads it.
 */
export function sharesOf(db: Kysely<DB>, scope: Scope, directiveId: string, today: string) {
  return db
    .selectFrom('directive_assignment as a')
    .innerJoin('directive_task as t', 't.id', 'a.task_id')
    .innerJoin(currentOrgPaths(db).as('o'), 'o.id', 'a.org_id')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('directive_report as r')
          .innerJoin('directive_assignment as ra', 'ra.id', 'r.assignment_id')
          .innerJoin('directive_task as rt', 'rt.id', 'ra.task_id')
          .where('rt.directive_id', '=', directiveId)
          .select([
            'r.assignment_id',
            sql<number>`count(*)`.as('reports'),
            sql<string | null>`max(r.reported_on)`.as('last_reported_on'),
            sql<string | null>`string_agg(DISTINCT r.period_due_on::text, ',')`.as('periods'),
            sql<string>`(array_agg(r.status ORDER BY r.reported_on DESC, r.created_at DESC, r.id DESC))[1]`.as('latest_status'),
          ])
          .groupBy('r.assignment_id')
          .as('s'),
      (join) => join.onRef('s.assignment_id', '=', 'a.id'),
    )
    .select([
      'a.id',
      'a.task_id',
      'a.org_id',
      'a.role',
      'a.parent_id',
      'a.due_on',
      'o.current_path as org_path',
      orgNameInForceSql('a.org_id', today).as('org_name'),
      's.reports',
      's.last_reported_on',
      's.periods',
      's.latest_status',
    ])
    .where('t.directive_id', '=', directiveId)
    .where((eb) => pathInScopeSql(eb, 'o.current_path', scope))
    .orderBy('t.seq')
    .orderBy('o.current_path')
    .execute();
}

/** A share with its task and directive, its organisation's current path and name on `today`; undefined when none. */
export function findShare(db: Kysely<DB>, id: string, today: string) {
  return db
    .selectFrom('directive_assignment as a')
    .innerJoin('directive_task as t', 't.id', 'a.task_id')
    .select([
      'a.id',
      'a.task_id',
      'a.org_id',
      'a.role',
      'a.parent_id',
      'a.due_on',
      't.directive_id',
      orgCurrentPathSql('a.org_id').as('org_path'),
      orgNameInForceSql('a.org_id', today).as('org_name'),
    ])
    .where('a.id', '=', id)
    .executeTakeFirst();
}

/** The organisations that already hold a share of the task. */
export async function taskOrgIds(db: Kysely<DB>, taskId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('directive_assignment').select('org_id').where('task_id', '=', taskId).execute();
  return new Set(rows.map((r) => r.org_id));
}

/** A share's reports, newest first. */
export function reportsOf(db: Kysely<DB>, assignmentId: string) {
  return db
    .selectFrom('directive_report')
    .selectAll()
    .where('assignment_id', '=', assignmentId)
    .orderBy('reported_on', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function insertReport(db: Kysely<DB>, row: Insertable<DB['directive_report']>): Promise<void> {
  await db.insertInto('directive_report').values(row).execute();
}

/** The directives with a share in the scope that is not known done (the work queue reads their shares). */
export async function directivesWithOpenShares(db: Kysely<DB>, scope: Scope): Promise<string[]> {
  const rows = await db
    .selectFrom('directive_assignment as a')
    .innerJoin('directive_task as t', 't.id', 'a.task_id')
    .select('t.directive_id')
    .distinct()
    .where(orgInScopeSql('a.org_id', scope))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('directive_report as r')
            .select('r.id')
            .whereRef('r.assignment_id', '=', 'a.id')
            .where('r.status', '=', 'done')
            .where('t.recurrence', 'is', null),
        ),
      ),
    )
    .execute();
  return rows.map((r) => r.directive_id);
}

/** The programmes (directives of kind chương trình) the scope reads, newest first. */
export function programmes(db: Kysely<DB>, scope: Scope) {
  return readable(db, scope)
    .selectAll('d')
    .select(latestOrgNameSql('d.owner_org_id').as('owner_name'))
    .where('d.kind', '=', 'chuong_trinh')
    .orderBy('d.issued_on', 'desc')
    .orderBy('d.id')
    .execute();
}

/** Names of directives for the audit log. */
export async function directiveNames(db: Kysely<DB>, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('directive').select(['id', 'symbol', 'title']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.symbol ? `${r.symbol} ${r.title}` : r.title]));
}

/**
 * The shares held by organisations of a subtree (by current path) in the scope, of the tasks with a deadline in
 * [from, to] (a one-off deadline of the task or of one of its shares, or a recurring report with a period in it):
 * each with its task's deadline fields, its directive, the latest report's status and the periods its reports answer.
 * The reports module's table of directives (tasks assigned / reported / late per unit) and its drill-down read it;
 * the shares of those tasks due outside the period come too, for the roll-up of split shares.
 */
export function sharesOfSubtreeDue(db: Kysely<DB>, scope: Scope, path: string, from: string, to: string, today: string) {
  const dueInPeriod = db
    .selectFrom('directive_task as dt')
    .leftJoin('directive_assignment as da', 'da.task_id', 'dt.id')
    .select('dt.id')
    .where((eb) =>
      eb.or([
        eb.and([eb('dt.due_on', '>=', from), eb('dt.due_on', '<=', to)]),
        eb.and([eb('da.due_on', '>=', from), eb('da.due_on', '<=', to)]),
        eb.and([eb('dt.recurrence', 'is not', null), eb('dt.recur_from', '<=', to), eb('dt.recur_until', '>=', from)]),
      ]),
    );
  return db
    .selectFrom('directive_assignment as a')
    .innerJoin('directive_task as t', 't.id', 'a.task_id')
    .innerJoin('directive as d', 'd.id', 't.directive_id')
    .innerJoin(currentOrgPaths(db).as('o'), 'o.id', 'a.org_id')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('directive_report as r')
          .select([
            'r.assignment_id',
            sql<number>`count(*)`.as('reports'),
            sql<string | null>`string_agg(DISTINCT r.period_due_on::text, ',')`.as('periods'),
            sql<string>`(array_agg(r.status ORDER BY r.reported_on DESC, r.created_at DESC, r.id DESC))[1]`.as('latest_status'),
          ])
          .groupBy('r.assignment_id')
          .as('s'),
      (join) => join.onRef('s.assignment_id', '=', 'a.id'),
    )
    .select([
      'a.id',
      'a.task_id',
      'a.org_id',
      'a.parent_id',
      'a.due_on',
      't.title as task_title',
      't.due_on as task_due_on',
      't.recurrence',
      't.recur_from',
      't.recur_until',
      'd.id as directive_id',
      'd.kind as directive_kind',
      'd.symbol as directive_symbol',
      'd.title as directive_title',
      'o.current_path as org_path',
      orgNameInForceSql('a.org_id', today).as('org_name'),
      's.reports',
      's.periods',
      's.latest_status',
    ])
    .where('a.task_id', 'in', dueInPeriod)
    .where((eb) => pathInScopeSql(eb, 'o.current_path', [path]))
    .where((eb) => pathInScopeSql(eb, 'o.current_path', scope))
    .orderBy('o.current_path')
    .orderBy('d.issued_on')
    .orderBy('t.seq')
    .execute();
}
