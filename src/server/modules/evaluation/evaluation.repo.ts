/**
 * Evaluation queries. Scope follows the organisations' present place (docs/architecture.md, Access): a row is in the
 * caller's scope when the current path of its organisation (the member's cell on the period's date, or the rated
 * organisation) lies in the scope. Every read that returns rows takes the scope; the figures are set-based (one
 * GROUP BY over a year's rows joined to `org` by its current-path range), never a loop over organisations.
 */
import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Level } from '../../../domain/evaluation.ts';
import { subtreeRange } from '../../../domain/org-path.ts';
import type { DB } from '../../db/schema.ts';
import { pathInScopeSql } from '../../db/scope-sql.ts';
import { latestOrgNameSql, orgNameOnSql } from '../orgs/orgs.names.repo.ts';
import type { Scope } from '../../http/actor.ts';
import { memberRollColumns } from '../members/members.evaluation.repo.ts';
import { partyMemberDecisionsInYear, partyOrgDecisionsInYear } from '../discipline/discipline.repo.ts';
import { currentOrgs } from '../orgs/orgs.evaluation.repo.ts';

/** A period with its root's current path (the caller's access is evaluation.policy.ts's canReadPeriod) and its root's name on the period's date. */
export function findPeriod(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('evaluation_period as p')
    .innerJoin(currentOrgs(db).as('o'), 'o.id', 'p.root_org_id')
    .selectAll('p')
    .select(['o.current_path as root_path', orgNameOnSql('p.root_org_id', { column: 'p.as_of' }).as('root_name')])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

/** Periods whose root is in scope or above a scope subtree, newest first. */
export async function listPeriods(db: Kysely<DB>, scope: Scope, year?: number) {
  let q = db
    .selectFrom('evaluation_period as p')
    .innerJoin(currentOrgs(db).as('o'), 'o.id', 'p.root_org_id')
    .selectAll('p')
    .select(['o.current_path as root_path', orgNameOnSql('p.root_org_id', { column: 'p.as_of' }).as('root_name')])
    .orderBy('p.year', 'desc')
    .orderBy('p.opened_at', 'desc');
  if (year !== undefined) q = q.where('p.year', '=', year);
  if (scope !== 'all') {
    if (scope.length === 0) return [];
    q = q.where((eb) =>
      eb.or([
        pathInScopeSql(eb, 'o.current_path', scope),
        // The root above one of the caller's subtrees: its path is a prefix of a scope path.
        eb.or(scope.map((p) => sql<boolean>`starts_with(${p}, o.current_path)`)),
      ]),
    );
  }
  return q.limit(500).execute();
}

/** Overlapping periods of the same year and kind: a root inside the other's subtree or above it. */
export async function overlappingPeriod(db: Kysely<DB>, rootPath: string, year: number, kind: 'year' | 'quarter' | 'term') {
  return db
    .selectFrom('evaluation_period as p')
    .innerJoin(currentOrgs(db).as('o'), 'o.id', 'p.root_org_id')
    .select(['p.id'])
    .where('p.year', '=', year)
    .where('p.kind', '=', kind)
    .where((eb) => eb.or([sql<boolean>`starts_with(o.current_path, ${rootPath})`, sql<boolean>`starts_with(${rootPath}, o.current_path)`]))
    .executeTakeFirst();
}

/**
 * The member rows of a period with the current path of their cell: all of them, or only those of some members, of
 * some grassroots organisations (every member check stays inside one grassroots organisation) or of one cell.
 */
export function periodMembers(db: Kysely<DB>, periodId: string, only?: { ids?: string[]; memberIds?: string[]; grassrootsIds?: string[]; orgId?: string }) {
  let q = db
    .selectFrom('member_evaluation as e')
    .innerJoin(currentOrgs(db).as('o'), 'o.id', 'e.org_id')
    .selectAll('e')
    .select(['o.current_path as org_path'])
    .where('e.period_id', '=', periodId);
  if (only?.ids) q = only.ids.length ? q.where('e.id', 'in', only.ids) : q.where(sql<boolean>`false`);
  if (only?.memberIds) q = only.memberIds.length ? q.where('e.member_id', 'in', only.memberIds) : q.where(sql<boolean>`false`);
  if (only?.grassrootsIds) q = only.grassrootsIds.length ? q.where('e.grassroots_id', 'in', only.grassrootsIds) : q.where(sql<boolean>`false`);
  if (only?.orgId) q = q.where('e.org_id', '=', only.orgId);
  return q.execute();
}

/** The member rows of a period in the given organisations (their own rolls), with the current path of their cell. */
export async function periodMembersOfOrgs(db: Kysely<DB>, periodId: string, orgIds: string[]) {
  const out = [];
  for (let i = 0; i < orgIds.length; i += 1000) {
    const chunk = orgIds.slice(i, i + 1000);
    out.push(
      ...(await db
        .selectFrom('member_evaluation as e')
        .innerJoin(currentOrgs(db).as('o'), 'o.id', 'e.org_id')
        .selectAll('e')
        .select(['o.current_path as org_path'])
        .where('e.period_id', '=', periodId)
        .where('e.org_id', 'in', chunk)
        .execute()),
    );
  }
  return out;
}

/** Serialises the saves of a period's organisation ratings (each writes the whole rows it read), until the transaction ends. */
export async function lockPeriodOrgs(db: Kysely<DB>, periodId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`evaluation.orgs:${periodId}`}))`.execute(db);
}

/** The columns of an organisation's rating a save writes, with their next values. */
export interface OrgRatingWrite {
  id: string;
  self_label: string | null;
  self_report: string | null;
  self_by: string | null;
  self_at: Date | null;
  proposed_label: string | null;
  proposed_by: string | null;
  proposed_at: Date | null;
  decided_label: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  disciplined: boolean;
  leadership_disciplined: boolean;
  status: string;
}

/** Writes many organisations' ratings (full next values of the editable columns), 1,000 rows per statement. */
export async function updateOrgRatings(db: Kysely<DB>, rows: readonly OrgRatingWrite[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = JSON.stringify(rows.slice(i, i + 1000));
    await sql`UPDATE org_evaluation e SET
        self_label = x.self_label, self_report = x.self_report, self_by = x.self_by, self_at = x.self_at,
        proposed_label = x.proposed_label, proposed_by = x.proposed_by, proposed_at = x.proposed_at,
        decided_label = x.decided_label, decided_by = x.decided_by, decided_at = x.decided_at,
        disciplined = x.disciplined, leadership_disciplined = x.leadership_disciplined, status = x.status
      FROM jsonb_populate_recordset(NULL::org_evaluation, ${chunk}::jsonb) x WHERE e.id = x.id`.execute(db);
  }
}

/**
 * The period-wide member list: the member rows of a period whose cell's current path lies in the caller's scope and
 * under `path` (an organisation's subtree; the whole period when null), filtered by the current label (one of `labels`,
 * or none yet when `labels` is null), the stage and the late admission flag; sorted by name, paged.
 */
export async function periodMemberList(
  db: Kysely<DB>,
  scope: Scope,
  periodId: string,
  q: {
    path: string | null;
    labels?: string[] | null | undefined;
    stage?: string | undefined;
    lateAdmission?: boolean | undefined;
    page: number;
    pageSize: number;
  },
) {
  let base = db
    .selectFrom('member_evaluation as e')
    .innerJoin(currentOrgs(db).as('o'), 'o.id', 'e.org_id')
    .innerJoin(memberRollColumns(db).as('m'), 'm.id', 'e.member_id')
    .where('e.period_id', '=', periodId)
    .where((eb) => pathInScopeSql(eb, 'o.current_path', scope));
  if (q.path !== null) {
    const r = subtreeRange(q.path);
    base = base.where('o.current_path', '>=', r.from).where('o.current_path', '<', r.to);
  }
  const current = sql`coalesce(e.decided_label, e.grassroots_label, e.cell_label, e.self_label)`;
  if (q.labels === null) base = base.where(sql<boolean>`${current} IS NULL`);
  else if (q.labels !== undefined) base = q.labels.length ? base.where(sql<boolean>`${current} IN (${sql.join(q.labels)})`) : base.where(sql<boolean>`false`);
  if (q.stage !== undefined) base = base.where('e.status', '=', q.stage);
  if (q.lateAdmission !== undefined) base = base.where('e.late_admission', '=', q.lateAdmission);
  const [total, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base
      .selectAll('e')
      .select(['o.current_path as org_path', 'm.full_name', 'm.birth_date', 'm.birth_year', latestOrgNameSql('e.org_id').as('org_name')])
      .orderBy('m.name_sort_key')
      .orderBy('m.id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
  ]);
  return { total: Number(total.n), rows };
}

/** The organisation rows of a period; their names only when asked (the checks do not need them). */
export function periodOrgs(db: Kysely<DB>, periodId: string, withNames = true) {
  // Names as on the period's date: the page is about that roll (issue 12 part 6).
  return db
    .selectFrom('org_evaluation as e')
    .innerJoin(currentOrgs(db).as('o'), 'o.id', 'e.org_id')
    .innerJoin('evaluation_period as p', 'p.id', 'e.period_id')
    .selectAll('e')
    .select([
      'o.current_path as org_path',
      withNames ? orgNameOnSql('e.org_id', { column: 'p.as_of' }).as('org_name') : sql<string | null>`NULL::text`.as('org_name'),
    ])
    .where('e.period_id', '=', periodId)
    .execute();
}

/** The grid: a cell's member rows (in scope), with names, sorted by the name key. */
export function gridRows(db: Kysely<DB>, scope: Scope, periodId: string, orgId: string) {
  return db
    .selectFrom('member_evaluation as e')
    .innerJoin(currentOrgs(db).as('o'), 'o.id', 'e.org_id')
    .innerJoin(memberRollColumns(db).as('m'), 'm.id', 'e.member_id')
    .selectAll('e')
    .select(['m.full_name', 'm.birth_date', 'm.birth_year', 'm.name_sort_key'])
    .where('e.period_id', '=', periodId)
    .where('e.org_id', '=', orgId)
    .where((eb) => pathInScopeSql(eb, 'o.current_path', scope))
    .orderBy('m.name_sort_key')
    .orderBy('m.id')
    .execute();
}

/** Party discipline decisions of a period's members taken in the year (read from the discipline module, issue 15). */
export function disciplinesInYear(db: Kysely<DB>, periodId: string, year: number) {
  return partyMemberDecisionsInYear(db, db.selectFrom('member_evaluation').select('member_id').where('period_id', '=', periodId), year);
}

/** Party discipline decisions of a period's organisations taken in the year (read from the discipline module, issue 15). */
export function orgDisciplinesInYear(db: Kysely<DB>, periodId: string, year: number) {
  return partyOrgDecisionsInYear(db, db.selectFrom('org_evaluation').select('org_id').where('period_id', '=', periodId), year);
}

export function overridesOf(db: Kysely<DB>, periodId: string) {
  return db.selectFrom('evaluation_override').selectAll().where('period_id', '=', periodId).orderBy('created_at').execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Results

/** The immediate child of `rootPath` a path lies under ('' for the root itself), as SQL over `column`. */
function childOf(column: string, rootPath: string) {
  // A literal, not a parameter: the GROUP BY must repeat the very expression of the select list.
  return sql<string>`substr(${sql.ref(column)}, ${sql.lit(rootPath.length + 1)}, 36)`;
}

/**
 * Published levels of a year over a subtree, for members or grassroots organisations, grouped by the root's immediate
 * child and level: the year's tally rows (one per organisation and level) of the organisations in the subtree and in
 * the caller's scope.
 */
export function distributionByChild(db: Kysely<DB>, scope: Scope, rootPath: string, year: number, subject: 'member' | 'grassroots') {
  const r = subtreeRange(rootPath);
  return db
    .selectFrom(currentOrgs(db).as('o'))
    .innerJoin('evaluation_tally as t', (j) => j.onRef('t.org_id', '=', 'o.id').on('t.year', '=', year).on('t.subject', '=', subject))
    .select([childOf('o.current_path', rootPath).as('child'), 't.level as level', sql<number>`sum(t.n)::int`.as('n')])
    .where('o.current_path', '>=', r.from)
    .where('o.current_path', '<', r.to)
    .where((eb) => pathInScopeSql(eb, 'o.current_path', scope))
    .groupBy([childOf('o.current_path', rootPath), 't.level'])
    .execute();
}

/** The latest year with published results (members or grassroots organisations) in a subtree within the scope; null when none. */
export async function latestPublishedYear(db: Kysely<DB>, scope: Scope, rootPath: string): Promise<number | null> {
  const r = subtreeRange(rootPath);
  const row = await db
    .selectFrom(currentOrgs(db).as('o'))
    .innerJoin('evaluation_tally as t', 't.org_id', 'o.id')
    .select(sql<number | null>`max(t.year)`.as('year'))
    .where('o.current_path', '>=', r.from)
    .where('o.current_path', '<', r.to)
    .where((eb) => pathInScopeSql(eb, 'o.current_path', scope))
    .executeTakeFirst();
  return row?.year ?? null;
}

/** Published levels per year over a span, for members or grassroots organisations. */
export function yearlyDistribution(db: Kysely<DB>, scope: Scope, rootPath: string, fromYear: number, toYear: number, subject: 'member' | 'grassroots') {
  const r = subtreeRange(rootPath);
  return db
    .selectFrom(currentOrgs(db).as('o'))
    .innerJoin('evaluation_tally as t', (j) =>
      j.onRef('t.org_id', '=', 'o.id').on('t.subject', '=', subject).on('t.year', '>=', fromYear).on('t.year', '<=', toYear),
    )
    .select(['t.year', 't.level as level', sql<number>`sum(t.n)::int`.as('n')])
    .where('o.current_path', '>=', r.from)
    .where('o.current_path', '<', r.to)
    .where((eb) => pathInScopeSql(eb, 'o.current_path', scope))
    .groupBy(['t.year', 't.level'])
    .execute();
}

/**
 * Rewrites the tally of a period's organisations from its published rows (at publication, after a change, after a
 * bulk load). Periods of a year never overlap, so an organisation's tally of the year is its period's.
 */
export async function refreshTally(db: Kysely<DB>, periodId: string, year: number): Promise<void> {
  await sql`DELETE FROM evaluation_tally t USING (
      SELECT org_id FROM member_evaluation WHERE period_id = ${periodId} UNION SELECT org_id FROM org_evaluation WHERE period_id = ${periodId}
    ) x WHERE t.year = ${year} AND t.org_id = x.org_id`.execute(db);
  await sql`INSERT INTO evaluation_tally (year, subject, org_id, level, n)
    SELECT year, 'member', org_id, final_level, count(*)::int FROM member_evaluation WHERE period_id = ${periodId} AND final_level IS NOT NULL GROUP BY year, org_id, final_level
    UNION ALL
    SELECT year, 'grassroots', org_id, final_level, count(*)::int FROM org_evaluation WHERE period_id = ${periodId} AND final_level IS NOT NULL AND is_grassroots GROUP BY year, org_id, final_level`.execute(
    db,
  );
}

/**
 * Grassroots organisations whose published result meets the criterion in every year of [toYear − years + 1, toYear]:
 * a level of the current scale (the mapped level), or original labels (the decided label itself, e.g. TSVM tiêu biểu).
 */
export function streaks(db: Kysely<DB>, scope: Scope, rootPath: string, years: number, toYear: number, criterion: { level: Level } | { labels: string[] }) {
  const r = subtreeRange(rootPath);
  return db
    .selectFrom(currentOrgs(db).as('o'))
    .innerJoin('org_evaluation as e', (j) => {
      let on = j
        .onRef('e.org_id', '=', 'o.id')
        .on('e.year', '>=', toYear - years + 1)
        .on('e.year', '<=', toYear)
        .on('e.is_grassroots', '=', true);
      on =
        'level' in criterion
          ? on.on('e.final_level', '=', criterion.level)
          : on.on('e.final_level', 'is not', null).on('e.decided_label', 'in', criterion.labels);
      return on;
    })
    .select(['o.id as org_id', 'o.current_path', latestOrgNameSql('o.id').as('name')])
    .where('o.current_path', '>=', r.from)
    .where('o.current_path', '<', r.to)
    .where((eb) => pathInScopeSql(eb, 'o.current_path', scope))
    .groupBy(['o.id', 'o.current_path'])
    .having(sql<number>`count(DISTINCT e.year)`, '=', years)
    .orderBy('o.current_path')
    .execute();
}

export function consolidationList(db: Kysely<DB>, scope: Scope, rootPath: string, year?: number, status?: 'open' | 'done') {
  const r = subtreeRange(rootPath);
  let q = db
    .selectFrom('consolidation as c')
    .innerJoin(currentOrgs(db).as('o'), 'o.id', 'c.org_id')
    .selectAll('c')
    .select([latestOrgNameSql('c.org_id').as('org_name')])
    .where('o.current_path', '>=', r.from)
    .where('o.current_path', '<', r.to)
    .where((eb) => pathInScopeSql(eb, 'o.current_path', scope))
    .orderBy('c.year', 'desc')
    .orderBy('o.current_path');
  if (year !== undefined) q = q.where('c.year', '=', year);
  if (status !== undefined) q = q.where('c.status', '=', status);
  return q.execute();
}

/** Counts of the consolidation entries of a subtree (and year), by status, and the open ones past their deadline. */
export async function consolidationCounts(db: Kysely<DB>, scope: Scope, rootPath: string, today: string, year?: number) {
  const r = subtreeRange(rootPath);
  let q = db
    .selectFrom('consolidation as c')
    .innerJoin(currentOrgs(db).as('o'), 'o.id', 'c.org_id')
    .select([
      sql<number>`count(*)::int`.as('total'),
      sql<number>`count(*) FILTER (WHERE c.status = 'open')::int`.as('open'),
      sql<number>`count(*) FILTER (WHERE c.status = 'done')::int`.as('done'),
      sql<number>`count(*) FILTER (WHERE c.status = 'open' AND c.deadline < ${today})::int`.as('overdue'),
    ])
    .where('o.current_path', '>=', r.from)
    .where('o.current_path', '<', r.to)
    .where((eb) => pathInScopeSql(eb, 'o.current_path', scope));
  if (year !== undefined) q = q.where('c.year', '=', year);
  const row = await q.executeTakeFirstOrThrow();
  return { total: Number(row.total), open: Number(row.open), done: Number(row.done), overdue: Number(row.overdue) };
}

/** Consolidation entries by id, in scope, with their organisation's current path and name; locked for update when asked. */
export async function findConsolidations(db: Kysely<DB>, scope: Scope, ids: string[], opts: { lock?: boolean } = {}) {
  if (ids.length === 0) return [];
  const q = db
    .selectFrom('consolidation as c')
    .innerJoin(currentOrgs(db).as('o'), 'o.id', 'c.org_id')
    .selectAll('c')
    .select(['o.current_path as org_path', latestOrgNameSql('c.org_id').as('org_name')])
    .where('c.id', 'in', ids)
    .where((eb) => pathInScopeSql(eb, 'o.current_path', scope));
  return opts.lock ? q.forUpdate('c').execute() : q.execute();
}

/** Writes consolidation entries' editable columns from their next values (one statement per 1,000 entries). */
export async function updateConsolidations(
  db: Kysely<DB>,
  rows: { id: string; plan: string | null; responsible: string | null; deadline: string | null; outcome: string | null; status: string; updated_at: Date }[],
) {
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = JSON.stringify(rows.slice(i, i + 1000));
    await sql`UPDATE consolidation c SET plan = x.plan, responsible = x.responsible, deadline = x.deadline, outcome = x.outcome, status = x.status, updated_at = x.updated_at
      FROM jsonb_populate_recordset(NULL::consolidation, ${chunk}::jsonb) x WHERE c.id = x.id`.execute(db);
  }
}

export function findConsolidation(db: Kysely<DB>, scope: Scope, id: string) {
  return db
    .selectFrom('consolidation as c')
    .innerJoin(currentOrgs(db).as('o'), 'o.id', 'c.org_id')
    .selectAll('c')
    .select(['o.current_path as org_path'])
    .where('c.id', '=', id)
    .where((eb) => pathInScopeSql(eb, 'o.current_path', scope))
    .executeTakeFirst();
}

/** The members or grassroots organisations behind one figure of the results: a level in a year over a subtree, paged. */
export async function resultRecords(
  db: Kysely<DB>,
  scope: Scope,
  path: string,
  q: { year: number; subject: 'member' | 'org'; level: 'excellent' | 'good' | 'completed' | 'not_completed'; page: number; pageSize: number },
) {
  const r = subtreeRange(path);
  if (q.subject === 'member') {
    const base = db
      .selectFrom(currentOrgs(db).as('o'))
      .innerJoin('member_evaluation as e', (j) => j.onRef('e.org_id', '=', 'o.id').on('e.year', '=', q.year))
      .innerJoin(memberRollColumns(db).as('m'), 'm.id', 'e.member_id')
      .where('o.current_path', '>=', r.from)
      .where('o.current_path', '<', r.to)
      .where((eb) => pathInScopeSql(eb, 'o.current_path', scope))
      .where('e.final_level', '=', q.level);
    const [total, rows] = await Promise.all([
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      base
        .select([
          'e.id',
          'e.member_id as subject_id',
          'm.full_name as name',
          'e.org_id',
          'o.current_path as org_path',
          latestOrgNameSql('e.org_id').as('org_name'),
          'e.decided_label as label',
        ])
        .orderBy('m.name_sort_key')
        .orderBy('m.id')
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize)
        .execute(),
    ]);
    return { total: Number(total.n), rows };
  }
  const base = db
    .selectFrom(currentOrgs(db).as('o'))
    .innerJoin('org_evaluation as e', (j) => j.onRef('e.org_id', '=', 'o.id').on('e.year', '=', q.year).on('e.is_grassroots', '=', true))
    .leftJoin(currentOrgs(db).as('po'), 'po.id', 'e.parent_id')
    .where('o.current_path', '>=', r.from)
    .where('o.current_path', '<', r.to)
    .where((eb) => pathInScopeSql(eb, 'o.current_path', scope))
    .where('e.final_level', '=', q.level);
  const [total, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base
      .select([
        'e.id',
        'e.org_id as subject_id',
        latestOrgNameSql('e.org_id').as('name'),
        'e.parent_id as org_id',
        'po.current_path as org_path',
        latestOrgNameSql('e.parent_id').as('org_name'),
        'e.decided_label as label',
      ])
      .orderBy('o.current_path')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
  ]);
  return { total: Number(total.n), rows };
}

/** The members of a period the caller may see, with what an import matches them by (not those admitted late). */
export function importCandidates(db: Kysely<DB>, scope: Scope, periodId: string) {
  return db
    .selectFrom('member_evaluation as e')
    .innerJoin(currentOrgs(db).as('o'), 'o.id', 'e.org_id')
    .innerJoin(memberRollColumns(db).as('m'), 'm.id', 'e.member_id')
    .select(['e.member_id', 'm.full_name', 'm.birth_date', 'm.birth_year', 'm.cccd'])
    .where('e.period_id', '=', periodId)
    .where('e.late_admission', '=', false)
    .where((eb) => pathInScopeSql(eb, 'o.current_path', scope))
    .execute();
}

/** Year and root organisation of periods by id (the audit log names them). */
export async function periodHeads(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, { year: number; rootOrgId: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('evaluation_period')
    .select(['id', 'year', 'root_org_id'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, { year: r.year, rootOrgId: r.root_org_id }]));
}

/** An organisation's name on a period's date (the grid's title names the cell as on the roll's date). */
export async function nameOnPeriodDate(db: Kysely<DB>, periodId: string, orgId: string): Promise<string | null> {
  const row = await db
    .selectFrom('evaluation_period as p')
    .select(orgNameOnSql({ id: orgId }, { column: 'p.as_of' }).as('name'))
    .where('p.id', '=', periodId)
    .executeTakeFirst();
  return row?.name ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Writes and reads of the service's steps

/** Serialises the openings of periods, until the transaction ends. */
export async function lockPeriodOpen(db: Kysely<DB>): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext('evaluation.open'))`.execute(db);
}

export async function insertPeriod(db: Kysely<DB>, row: Insertable<DB['evaluation_period']>): Promise<void> {
  await db.insertInto('evaluation_period').values(row).execute();
}

/** The recorded changes of a published period, oldest first. */
export function changesOf(db: Kysely<DB>, periodId: string) {
  return db.selectFrom('evaluation_change').selectAll().where('period_id', '=', periodId).orderBy('created_at').execute();
}

export async function updateMemberEvaluation(db: Kysely<DB>, id: string, set: Updateable<DB['member_evaluation']>): Promise<void> {
  await db.updateTable('member_evaluation').set(set).where('id', '=', id).execute();
}

export async function updateOrgEvaluation(db: Kysely<DB>, id: string, set: Updateable<DB['org_evaluation']>): Promise<void> {
  await db.updateTable('org_evaluation').set(set).where('id', '=', id).execute();
}

export function findOverride(db: Kysely<DB>, periodId: string, checkCode: string, orgId: string) {
  return db
    .selectFrom('evaluation_override')
    .selectAll()
    .where('period_id', '=', periodId)
    .where('check_code', '=', checkCode)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
}

export async function updateOverride(db: Kysely<DB>, id: string, set: Updateable<DB['evaluation_override']>): Promise<void> {
  await db.updateTable('evaluation_override').set(set).where('id', '=', id).execute();
}

export async function insertOverride(db: Kysely<DB>, row: Insertable<DB['evaluation_override']>): Promise<void> {
  await db.insertInto('evaluation_override').values(row).execute();
}

/** Publishes a period's member rows (not those admitted late): the final level from the decided label by `levelCase`, a SQL CASE. */
export async function publishMemberRows(db: Kysely<DB>, periodId: string, levelCase: string): Promise<void> {
  await sql`UPDATE member_evaluation SET final_level = ${sql.raw(levelCase)}, status = 'published' WHERE period_id = ${periodId} AND NOT late_admission`.execute(
    db,
  );
}

/** Publishes a period's organisation rows: the final level from the decided label by `levelCase`, a SQL CASE. */
export async function publishOrgRows(db: Kysely<DB>, periodId: string, levelCase: string): Promise<void> {
  await sql`UPDATE org_evaluation SET final_level = ${sql.raw(levelCase)}, status = 'published' WHERE period_id = ${periodId}`.execute(db);
}

export async function updatePeriod(db: Kysely<DB>, id: string, set: Updateable<DB['evaluation_period']>): Promise<void> {
  await db.updateTable('evaluation_period').set(set).where('id', '=', id).execute();
}

/** Puts an organisation on the year's consolidation list unless it is already there. */
export async function insertConsolidationIfAbsent(
  db: Kysely<DB>,
  row: { id: string; orgId: string; year: number; reason: string; createdBy: string; now: Date },
): Promise<void> {
  await sql`INSERT INTO consolidation (id, org_id, year, reason, status, created_by, created_at, updated_at)
            VALUES (${row.id}, ${row.orgId}, ${row.year}, ${row.reason}, 'open', ${row.createdBy}, ${row.now}, ${row.now})
            ON CONFLICT (org_id, year) DO NOTHING`.execute(db);
}

export async function insertChange(db: Kysely<DB>, row: Insertable<DB['evaluation_change']>): Promise<void> {
  await db.insertInto('evaluation_change').values(row).execute();
}

/** The consolidation entry of an organisation and year, if any. */
export function consolidationOf(db: Kysely<DB>, orgId: string, year: number) {
  return db.selectFrom('consolidation').select('id').where('org_id', '=', orgId).where('year', '=', year).executeTakeFirst();
}

export async function insertConsolidation(db: Kysely<DB>, row: Insertable<DB['consolidation']>): Promise<void> {
  await db.insertInto('consolidation').values(row).execute();
}

export async function updateConsolidation(db: Kysely<DB>, id: string, set: Updateable<DB['consolidation']>): Promise<void> {
  await db.updateTable('consolidation').set(set).where('id', '=', id).execute();
}
