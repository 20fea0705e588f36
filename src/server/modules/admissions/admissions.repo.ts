/**
 * Admission queries. A candidate, a dossier and a target belong to the scope of their organisation (the cell for a
 * candidate and a dossier): a reader sees them when that organisation's current path lies in his scope.
 */
import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import { subtreeRange } from '../../../domain/org-path.ts';
import { foldAccents } from '../../../domain/text.ts';
import type { DB } from '../../db/schema.ts';
import { orgNameOnSql } from '../orgs/orgs.names.repo.ts';
import type { Scope } from '../../http/actor.ts';
import { orgCurrentPathSql, orgInScopeSql, orgInSubtreeSql, orgIsChildOnSql } from '../orgs/orgs.admissions.repo.ts';
import { userNameSql } from '../users/users.repo.ts';

/** Dossiers joined with their candidate, their organisation in scope. */
export function scopedDossiers(db: Kysely<DB>, scope: Scope) {
  return db.selectFrom('admission_dossier as d').innerJoin('admission_candidate as c', 'c.id', 'd.candidate_id').where(orgInScopeSql('d.org_id', scope));
}

/** A dossier in scope, with its cell's name on `today` (the date the dossier page is about). */
export function findDossier(db: Kysely<DB>, scope: Scope, id: string, today: string) {
  return scopedDossiers(db, scope)
    .selectAll('d')
    .select([orgCurrentPathSql('d.org_id').as('current_path'), orgNameOnSql('d.org_id', today).as('org_name')])
    .where('d.id', '=', id)
    .executeTakeFirst();
}

export function findCandidate(db: Kysely<DB>, scope: Scope, id: string) {
  return db
    .selectFrom('admission_candidate as c')
    .selectAll('c')
    .select(orgCurrentPathSql('c.org_id').as('current_path'))
    .where(orgInScopeSql('c.org_id', scope))
    .where('c.id', '=', id)
    .executeTakeFirst();
}

export interface CandidateFilters {
  q?: string | undefined;
  subtree?: { from: string; to: string } | undefined;
  stage?: string | undefined;
  status?: string | undefined;
}

function filtered(db: Kysely<DB>, scope: Scope, f: CandidateFilters) {
  let q = scopedDossiers(db, scope);
  if (f.subtree) q = q.where(orgInSubtreeSql('d.org_id', f.subtree));
  if (f.status) q = q.where('d.status', '=', f.status as 'open');
  if (f.q) q = q.where(sql<boolean>`hn_fold(c.full_name) LIKE ${`%${foldAccents(f.q).replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`}`);
  return q;
}

/** A page of dossiers, each cell named as on `today`. */
export async function listDossiers(db: Kysely<DB>, scope: Scope, f: CandidateFilters & { page: number; pageSize: number }, today: string) {
  let q = filtered(db, scope, f);
  if (f.stage) q = q.where('d.stage', '=', f.stage);
  const [rows, total] = await Promise.all([
    q
      .select([
        'd.id as dossier_id',
        'c.id as candidate_id',
        'c.full_name',
        'c.gender',
        'c.birth_date',
        'd.org_id',
        orgNameOnSql('d.org_id', today).as('org_name'),
        'd.opened_on',
        'd.stage',
        'd.status',
        'd.member_id',
        'd.readmission',
      ])
      .orderBy('c.name_sort_key')
      .orderBy('d.id')
      .offset((f.page - 1) * f.pageSize)
      .limit(f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Dossiers per stage for the pipeline board (the other filters applied, not the stage). */
export async function stageCounts(db: Kysely<DB>, scope: Scope, f: CandidateFilters): Promise<Map<string, number>> {
  const rows = await filtered(db, scope, f)
    .select(['d.stage', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('d.stage')
    .execute();
  return new Map(rows.map((r) => [r.stage, Number(r.n)]));
}

export function stepsOf(db: Kysely<DB>, dossierId: string) {
  return db
    .selectFrom('admission_step as s')
    .selectAll('s')
    .select(userNameSql('s.recorded_by').as('recorded_by_name'))
    .where('s.dossier_id', '=', dossierId)
    .orderBy('s.seq')
    .execute();
}

export function overridesOf(db: Kysely<DB>, dossierId: string) {
  return db
    .selectFrom('admission_check_override as x')
    .selectAll('x')
    .select(userNameSql('x.overridden_by').as('by_name'))
    .where('x.dossier_id', '=', dossierId)
    .orderBy('x.overridden_at')
    .execute();
}

/** Open dossiers (before the ceremony) in the subtree. */
export async function pipelineIn(db: Kysely<DB>, path: string): Promise<number> {
  const row = await db
    .selectFrom('admission_dossier as d')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('d.status', '=', 'open')
    .where(orgInSubtreeSql('d.org_id', subtreeRange(path)))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function targetsOf(db: Kysely<DB>, orgIds: readonly string[], years: readonly number[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (orgIds.length === 0 || years.length === 0) return out;
  const rows = await db.selectFrom('admission_target').select(['org_id', 'target']).where('org_id', 'in', orgIds).where('year', 'in', years).execute();
  for (const r of rows) out.set(r.org_id, (out.get(r.org_id) ?? 0) + r.target);
  return out;
}

/** The candidate's name of each dossier by id (the audit log names the person concerned). */
export async function dossierNames(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('admission_dossier as d')
    .innerJoin('admission_candidate as c', 'c.id', 'd.candidate_id')
    .select(['d.id', 'c.full_name'])
    .where('d.id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.full_name]));
}

export function candidateById(db: Kysely<DB>, id: string) {
  return db.selectFrom('admission_candidate').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export function candidateIdByCccd(db: Kysely<DB>, cccd: string) {
  return db.selectFrom('admission_candidate').select('id').where('cccd', '=', cccd).executeTakeFirst();
}

export function otherCandidateIdByCccd(db: Kysely<DB>, cccd: string, exceptId: string) {
  return db.selectFrom('admission_candidate').select('id').where('cccd', '=', cccd).where('id', '<>', exceptId).executeTakeFirst();
}

export function insertCandidate(db: Kysely<DB>, row: Insertable<DB['admission_candidate']>) {
  return db.insertInto('admission_candidate').values(row).execute();
}

export function insertDossier(db: Kysely<DB>, row: Insertable<DB['admission_dossier']>) {
  return db.insertInto('admission_dossier').values(row).execute();
}

/** The candidate's latest dossier. */
export function latestDossierOf(db: Kysely<DB>, candidateId: string) {
  return db
    .selectFrom('admission_dossier')
    .select(['id', 'status'])
    .where('candidate_id', '=', candidateId)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
}

export function updateCandidate(db: Kysely<DB>, id: string, values: Updateable<DB['admission_candidate']>) {
  return db.updateTable('admission_candidate').set(values).where('id', '=', id).execute();
}

export function lockDossier(db: Kysely<DB>, id: string) {
  return sql`SELECT id FROM admission_dossier WHERE id = ${id} FOR UPDATE`.execute(db);
}

export function dossierById(db: Kysely<DB>, id: string) {
  return db.selectFrom('admission_dossier').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export function updateDossier(db: Kysely<DB>, id: string, values: Updateable<DB['admission_dossier']>) {
  return db.updateTable('admission_dossier').set(values).where('id', '=', id).execute();
}

export function insertStep(db: Kysely<DB>, row: Insertable<DB['admission_step']>) {
  return db.insertInto('admission_step').values(row).execute();
}

export function insertOverride(db: Kysely<DB>, row: Insertable<DB['admission_check_override']>) {
  return db.insertInto('admission_check_override').values(row).execute();
}

/** Dossiers in probation, with the number of recognition votes recorded. */
export function probationDossiers(db: Kysely<DB>, scope: Scope) {
  return scopedDossiers(db, scope)
    .select(['d.id', 'd.member_id', 'c.full_name', 'd.org_id', 'd.ceremony_on', 'd.probation_ends_on', 'd.recognition_due_on', 'd.stage'])
    .select(sql<number>`(SELECT count(*) FROM admission_step s WHERE s.dossier_id = d.id AND s.kind = 'recognition_vote')`.as('votes'))
    .where('d.status', '=', 'probation')
    .orderBy('d.probation_ends_on')
    .orderBy('d.id')
    .execute();
}

/** Dossiers with something due for the work queue (see the service's workQueue). */
export function workQueueDossiers(db: Kysely<DB>, scope: Scope, memberFormStep: string, beforeVote: readonly string[], soon: string, certSoon: string) {
  const noMemberForm = sql<boolean>`NOT EXISTS (SELECT 1 FROM admission_step s WHERE s.dossier_id = d.id AND s.kind = ${memberFormStep})`;
  return scopedDossiers(db, scope)
    .select([
      'd.id',
      'c.full_name',
      'd.org_id',
      'd.stage',
      'd.status',
      'd.ruleset_id',
      'd.opened_on',
      'd.certificate_valid_until',
      'd.ceremony_due_on',
      'd.ceremony_on',
      'd.probation_ends_on',
      'd.recognition_due_on',
    ])
    .select(noMemberForm.as('member_form_due'))
    .where((eb) =>
      eb.or([
        eb.and([eb('d.status', '=', 'probation'), eb('d.stage', 'in', ['ceremony', 'recognition_vote']), eb('d.ceremony_on', 'is not', null), noMemberForm]),
        eb.and([eb('d.status', '=', 'open'), eb('d.stage', '=', 'decision')]),
        eb.and([eb('d.status', '=', 'probation'), eb('d.stage', 'in', ['ceremony', 'recognition_vote']), eb('d.probation_ends_on', '<=', soon)]),
        eb.and([eb('d.status', '=', 'open'), eb('d.stage', 'in', ['listed', ...beforeVote]), eb('d.certificate_valid_until', '<=', certSoon)]),
      ]),
    )
    .execute();
}

export function lockTargets(db: Kysely<DB>) {
  return sql`SELECT pg_advisory_xact_lock(74110004)`.execute(db);
}

/** The sum of the year's targets of the given organisations (0 if none). */
export function targetSumOf(db: Kysely<DB>, year: number, orgIds: string[]) {
  return db
    .selectFrom('admission_target')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('target'), sql<number>`0`).as('n'))
    .where('year', '=', year)
    .where('org_id', 'in', orgIds)
    .executeTakeFirstOrThrow();
}

export function targetValueOf(db: Kysely<DB>, orgId: string, year: number) {
  return db.selectFrom('admission_target').select('target').where('org_id', '=', orgId).where('year', '=', year).executeTakeFirst();
}

/** The sum of the year's targets of the parent's subordinates in force on `today`, but `exceptOrgId` (0 if none). */
export function siblingTargetSum(db: Kysely<DB>, parentId: string, year: number, exceptOrgId: string, today: string) {
  return db
    .selectFrom('admission_target as t')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('t.target'), sql<number>`0`).as('n'))
    .where('t.year', '=', year)
    .where(orgIsChildOnSql('t.org_id', parentId, today))
    .where('t.org_id', '<>', exceptOrgId)
    .executeTakeFirstOrThrow();
}

export function targetRowOf(db: Kysely<DB>, orgId: string, year: number) {
  return db.selectFrom('admission_target').selectAll().where('org_id', '=', orgId).where('year', '=', year).executeTakeFirst();
}

export function updateTarget(db: Kysely<DB>, id: string, values: Updateable<DB['admission_target']>) {
  return db.updateTable('admission_target').set(values).where('id', '=', id).execute();
}

export function insertTarget(db: Kysely<DB>, row: Insertable<DB['admission_target']>) {
  return db.insertInto('admission_target').values(row).execute();
}
