/**
 * The discipline figures of the inspection statistics (issue 15 part 6, the `inspection-work` report table) and the
 * lists behind them, over discipline_decision and discipline_complaint (this module's): party decisions decided in a
 * period by subject kind and form, and the complaints against party decisions filed in it (received) or decided in it
 * (by outcome). A decision is placed by the current path of its subject organisation (`subject_org_id`: the
 * organisation disciplined, or the member's roll on the decision's day), as the inspection table places its items by
 * the current path of the organisation carrying them out; the scope reads the same path (discipline.md: scope).
 */
import { sql, type Kysely } from 'kysely';
import type { DB, DisciplineComplaintTable, DisciplineDecisionTable } from '../../db/schema.ts';
import { pathInScopeSql } from '../../db/scope-sql.ts';
import type { Scope } from '../../http/actor.ts';
import { currentOrgs } from '../orgs/orgs.evaluation.repo.ts';
import { latestOrgNameSql } from '../orgs/orgs.names.repo.ts';

/** The segment of the subject organisation's current path (1-based) naming the root's child, or '' for the total. */
const childOf = (childAt: number | null) => (childAt === null ? sql<string>`''` : sql<string>`split_part(o.current_path, '/', ${sql.lit(childAt)})`);

function decisionsUnder(db: Kysely<DB>, path: string, scope: Scope) {
  return db
    .selectFrom('discipline_decision as d')
    .innerJoin(currentOrgs(db).as('o'), 'o.id', 'd.subject_org_id')
    .where('d.kind', '=', 'party')
    .where((eb) => pathInScopeSql(eb, 'o.current_path', [path]))
    .where((eb) => pathInScopeSql(eb, 'o.current_path', scope));
}

/** Party decisions decided in [from, to] under `path` (current paths) in the scope, by subject kind and form; per child when `childAt`. */
export function decisionStatistics(db: Kysely<DB>, path: string, scope: Scope, from: string, to: string, childAt: number | null = null) {
  return decisionsUnder(db, path, scope)
    .select([childOf(childAt).as('child'), 'd.subject_kind', 'd.form', (eb) => eb.fn.countAll<number>().as('n')])
    .where('d.decided_on', '>=', from)
    .where('d.decided_on', '<=', to)
    .groupBy([sql`1`, 'd.subject_kind', 'd.form'])
    .execute();
}

/**
 * Complaints against party decisions under `path` in the scope: `received` those filed in [from, to], `decided` those
 * whose outcome is dated in it, and the decided ones by outcome; per child when `childAt`.
 */
export function complaintStatistics(db: Kysely<DB>, path: string, scope: Scope, from: string, to: string, childAt: number | null = null) {
  return decisionsUnder(db, path, scope)
    .innerJoin('discipline_complaint as c', 'c.decision_id', 'd.id')
    .select([
      childOf(childAt).as('child'),
      sql<number>`count(*) FILTER (WHERE c.filed_on BETWEEN ${from} AND ${to})`.as('received'),
      sql<number>`count(*) FILTER (WHERE c.outcome_on BETWEEN ${from} AND ${to})`.as('decided'),
      sql<number>`count(*) FILTER (WHERE c.outcome_on BETWEEN ${from} AND ${to} AND c.outcome = 'upheld')`.as('upheld'),
      sql<number>`count(*) FILTER (WHERE c.outcome_on BETWEEN ${from} AND ${to} AND c.outcome = 'changed')`.as('changed'),
      sql<number>`count(*) FILTER (WHERE c.outcome_on BETWEEN ${from} AND ${to} AND c.outcome = 'revoked')`.as('revoked'),
    ])
    .where((eb) =>
      eb.or([eb.and([eb('c.filed_on', '>=', from), eb('c.filed_on', '<=', to)]), eb.and([eb('c.outcome_on', '>=', from), eb('c.outcome_on', '<=', to)])]),
    )
    .groupBy(sql`1`)
    .execute();
}

/** What the list behind a discipline figure filters on (the same conditions as the figures). */
export interface DisciplineFigureFilter {
  path: string;
  scope: Scope;
  from: string;
  to: string;
  subjectKind?: DisciplineDecisionTable['subject_kind'] | undefined;
  form?: DisciplineDecisionTable['form'] | undefined;
  /** The complaints (one row each) filed in the period (`received`), decided in it, or decided in it with this outcome. */
  complaint?: 'received' | 'decided' | NonNullable<DisciplineComplaintTable['outcome']> | undefined;
}

/**
 * The list behind a discipline figure: the party decisions decided in the period (or, with `complaint`, the complaints
 * of the period with their decision), latest first, a page of them and the total (the figure).
 */
export async function listDisciplineFigure(db: Kysely<DB>, f: DisciplineFigureFilter, page: number, pageSize: number) {
  let q = decisionsUnder(db, f.path, f.scope).leftJoin('discipline_complaint as c', (j) =>
    f.complaint === undefined ? j.on(sql<boolean>`false`) : j.onRef('c.decision_id', '=', 'd.id'),
  );
  if (f.complaint === undefined) q = q.where('d.decided_on', '>=', f.from).where('d.decided_on', '<=', f.to);
  else if (f.complaint === 'received') q = q.where('c.filed_on', '>=', f.from).where('c.filed_on', '<=', f.to);
  else {
    q = q.where('c.outcome_on', '>=', f.from).where('c.outcome_on', '<=', f.to);
    if (f.complaint !== 'decided') q = q.where('c.outcome', '=', f.complaint);
  }
  if (f.subjectKind !== undefined) q = q.where('d.subject_kind', '=', f.subjectKind);
  if (f.form !== undefined) q = q.where('d.form', '=', f.form);
  const [total, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    q
      .select([
        'd.id',
        'd.subject_kind',
        'd.member_id',
        'd.org_id',
        'd.subject_org_id',
        'd.form',
        'd.decision_no',
        'd.decided_on',
        'd.deciding_label',
        latestOrgNameSql('d.subject_org_id').as('subject_org_name'),
        'c.id as complaint_id',
        'c.filed_on',
        'c.outcome',
        'c.outcome_on',
      ])
      .orderBy('d.decided_on', 'desc')
      .orderBy('d.id', 'desc')
      .orderBy('c.filed_on')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
  ]);
  return { total: Number(total.n), rows };
}
