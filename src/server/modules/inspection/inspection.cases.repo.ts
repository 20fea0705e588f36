/**
 * SQL of the inspection cases (inspection_case, owned by inspection): opened on signs of violation against a member or
 * an organisation, handled by a committee or its inspection committee, closed by a conclusion (or dropped). While one
 * against a member is open, the member may not be transferred: `openCaseAgainst` is the members module's port.
 */
import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { DB, InspectionCaseTable } from '../../db/schema.ts';
import { pathInScopeSql } from '../../db/scope-sql.ts';
import type { Scope } from '../../http/actor.ts';
import { currentOrgs } from '../orgs/orgs.evaluation.repo.ts';
import { latestOrgNameSql } from '../orgs/orgs.names.repo.ts';

export async function insertCase(tx: Kysely<DB>, row: Omit<Insertable<InspectionCaseTable>, 'documents'> & { documents: unknown[] }): Promise<void> {
  await tx
    .insertInto('inspection_case')
    .values({ ...row, documents: JSON.stringify(row.documents) })
    .execute();
}

export async function updateCase(tx: Kysely<DB>, id: string, set: Updateable<InspectionCaseTable> & { documents?: string }): Promise<void> {
  await tx.updateTable('inspection_case').set(set).where('id', '=', id).execute();
}

function cases(db: Kysely<DB>) {
  return db
    .selectFrom('inspection_case as c')
    .innerJoin(currentOrgs(db).as('o'), 'o.id', 'c.org_id')
    .selectAll('c')
    .select(['o.current_path', latestOrgNameSql('c.org_id').as('org_name'), latestOrgNameSql('c.subject_org_id').as('subject_org_name')]);
}

/** One case with its organisation's current path; undefined when absent. */
export function findCase(db: Kysely<DB>, id: string) {
  return cases(db).where('c.id', '=', id).executeTakeFirst();
}

/** The cases handled by the organisations under `path` in the scope, newest first, a page and the total. */
export async function listCases(db: Kysely<DB>, path: string, scope: Scope, status: InspectionCaseTable['status'] | undefined, page: number, pageSize: number) {
  let q = cases(db)
    .where((eb) => pathInScopeSql(eb, 'o.current_path', [path]))
    .where((eb) => pathInScopeSql(eb, 'o.current_path', scope));
  if (status !== undefined) q = q.where('c.status', '=', status);
  const [total, rows] = await Promise.all([
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    q
      .orderBy('c.opened_on', 'desc')
      .orderBy('c.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
  ]);
  return { total: Number(total.n), rows };
}

/** The open case against a member (the oldest), with the handling organisation's latest name; undefined when none. */
export function openCaseAgainst(db: Kysely<DB>, memberId: string) {
  return db
    .selectFrom('inspection_case as c')
    .select(['c.id', 'c.opened_on', 'c.body', latestOrgNameSql('c.org_id').as('org_name')])
    .where('c.subject_member_id', '=', memberId)
    .where('c.status', '=', 'open')
    .orderBy('c.opened_on')
    .limit(1)
    .executeTakeFirst();
}

/**
 * The statistics of a period: cases opened in it by source and subject, those concluded in it, with a violation, and
 * proposed for discipline; per child of the root (the `childAt`-th segment of the current path) when asked.
 */
export function caseStatistics(db: Kysely<DB>, path: string, scope: Scope, from: string, to: string, childAt: number | null = null) {
  return db
    .selectFrom('inspection_case as c')
    .innerJoin(currentOrgs(db).as('o'), 'o.id', 'c.org_id')
    .select([
      (childAt === null ? sql<string>`''` : sql<string>`split_part(o.current_path, '/', ${sql.lit(childAt)})`).as('child'),
      'c.source',
      'c.subject_kind',
      sql<number>`count(*) FILTER (WHERE c.opened_on BETWEEN ${from} AND ${to})`.as('opened'),
      sql<number>`count(*) FILTER (WHERE c.concluded_on BETWEEN ${from} AND ${to} AND c.status = 'concluded')`.as('concluded'),
      sql<number>`count(*) FILTER (WHERE c.concluded_on BETWEEN ${from} AND ${to} AND c.violation_found)`.as('violations'),
      sql<number>`count(*) FILTER (WHERE c.concluded_on BETWEEN ${from} AND ${to} AND c.outcome = 'discipline')`.as('to_discipline'),
    ])
    .where((eb) =>
      eb.or([eb.and([eb('c.opened_on', '>=', from), eb('c.opened_on', '<=', to)]), eb.and([eb('c.concluded_on', '>=', from), eb('c.concluded_on', '<=', to)])]),
    )
    .where((eb) => pathInScopeSql(eb, 'o.current_path', [path]))
    .where((eb) => pathInScopeSql(eb, 'o.current_path', scope))
    .groupBy([sql`1`, 'c.source', 'c.subject_kind'])
    .execute();
}
