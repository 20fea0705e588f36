/**
 * The discipline tables (discipline_decision, discipline_complaint, discipline_deferral; migration 0028): this module
 * owns them. Other modules read "in force on a date" through `disciplineInForceSql` (bulk) or the service's
 * `disciplineInForce` (one subject); the member list, the reports and evaluation compose the fragments below.
 */
import { sql, type Insertable, type Kysely, type RawBuilder, type Selectable, type SelectQueryBuilder } from 'kysely';
import type { DB, DisciplineComplaintTable, DisciplineDecisionTable, DisciplineDeferralTable } from '../../db/schema.ts';
import type { Scope } from '../../http/actor.ts';
import { orgInScopeSql, orgInSubtreeSql } from '../orgs/orgs.admissions.repo.ts';

export type DecisionRow = Selectable<DisciplineDecisionTable>;
export type ComplaintRow = Selectable<DisciplineComplaintTable>;
export type DeferralRow = Selectable<DisciplineDeferralTable>;

/**
 * Party decisions in force on `asOf` (a date literal or a column, e.g. `{ column: 'p.valid_from' }`), as a subquery
 * with columns `id, subject_kind, member_id, org_id, form, decided_on`: decided on or before the day, not revoked by
 * then, and not lapsed (`lapseMonths` after the announcement, the decision's day when unknown; expulsion, dissolution
 * and a blocked lapse never lapse). The one SQL reading of domain/discipline.ts `inForceOn`.
 */
export function disciplineInForceSql(
  asOf: string | { column: string },
  lapseMonths = 12,
): RawBuilder<{ id: string; subject_kind: string; member_id: string | null; org_id: string | null; form: string; decided_on: string }> {
  const day = typeof asOf === 'string' ? sql`${asOf}::date` : sql.ref(asOf.column);
  return sql`(SELECT d.id, d.subject_kind, d.member_id, d.org_id, d.form, d.decided_on FROM discipline_decision d
    WHERE d.kind = 'party' AND d.decided_on <= ${day} AND (d.revoked_on IS NULL OR d.revoked_on > ${day})
      AND (d.form IN ('expulsion', 'dissolution') OR d.lapse_blocked
        OR (coalesce(d.announced_on, d.decided_on) + make_interval(months => ${sql.lit(lapseMonths)}))::date > ${day}))`;
}

/** A condition: the member in `memberIdColumn` is under a party discipline in force on `asOf`. */
export function memberUnderDisciplineSql(memberIdColumn: string, asOf: string | { column: string }, lapseMonths = 12): RawBuilder<boolean> {
  return sql<boolean>`EXISTS (SELECT 1 FROM ${disciplineInForceSql(asOf, lapseMonths)} AS f WHERE f.member_id = ${sql.ref(memberIdColumn)})`;
}

/**
 * A condition: the member in `memberIdColumn` has a party decision decided within [from, to] (`form` when given);
 * `extra` is a further condition on the decision `d` (e.g. the member's roll on `d.decided_on`).
 */
export function memberDisciplinedBetweenSql(
  memberIdColumn: string,
  from: string,
  to: string,
  form: string | null,
  extra: (decidedOnColumn: string) => RawBuilder<boolean> = () => sql<boolean>`true`,
): RawBuilder<boolean> {
  const byForm = form ? sql<boolean>`d.form = ${form}` : sql<boolean>`true`;
  return sql<boolean>`EXISTS (SELECT 1 FROM discipline_decision d WHERE d.member_id = ${sql.ref(memberIdColumn)} AND d.kind = 'party'
    AND d.decided_on >= ${from} AND d.decided_on <= ${to} AND ${byForm} AND ${extra('d.decided_on')})`;
}

/**
 * Party decisions about members decided within [from, to], as a subquery with columns `member_id, form, decided_on`:
 * the reports' discipline figures (by the decision's day, as the drill-down's `memberDisciplinedBetweenSql` filters,
 * so that a report's cell and the list behind it count the same decisions).
 */
export function memberDecisionsDecidedSql(from: string, to: string): RawBuilder<{ member_id: string; form: string; decided_on: string }> {
  return sql`(SELECT d.member_id, d.form, d.decided_on FROM discipline_decision d
    WHERE d.kind = 'party' AND d.subject_kind = 'member' AND d.decided_on >= ${from} AND d.decided_on <= ${to})`;
}

/** A decision as the member file shows it (its fields, without the timestamps and the case links). */
export type MemberFileDecisionRow = Pick<
  DecisionRow,
  | 'id'
  | 'member_id'
  | 'kind'
  | 'form'
  | 'deciding_label'
  | 'decision_no'
  | 'decided_on'
  | 'announced_on'
  | 'violation_on'
  | 'reason'
  | 'lapse_blocked'
  | 'revoked_on'
>;

/**
 * The decisions about the member in `memberIdColumn` (party and state), oldest first, as one JSON array: the member
 * file reads them inside its one statement (the same rows as `decisionsOfMember`).
 */
export function memberDecisionsJsonSql(memberIdColumn: string): RawBuilder<MemberFileDecisionRow[]> {
  return sql<MemberFileDecisionRow[]>`coalesce((SELECT json_agg(json_build_object(
    'id', d.id, 'member_id', d.member_id, 'kind', d.kind, 'form', d.form, 'deciding_label', d.deciding_label, 'decision_no', d.decision_no,
    'decided_on', d.decided_on, 'announced_on', d.announced_on, 'violation_on', d.violation_on, 'reason', d.reason,
    'lapse_blocked', d.lapse_blocked, 'revoked_on', d.revoked_on) ORDER BY d.decided_on, d.id)
    FROM discipline_decision d WHERE d.member_id = ${sql.ref(memberIdColumn)}), '[]'::json)`;
}

/** A condition: the member in `memberIdColumn` has ever had a party decision. */
export function memberEverDisciplinedSql(memberIdColumn: string): RawBuilder<boolean> {
  return sql<boolean>`EXISTS (SELECT 1 FROM discipline_decision d WHERE d.member_id = ${sql.ref(memberIdColumn)} AND d.kind = 'party')`;
}

export async function insertDecision(tx: Kysely<DB>, row: Insertable<DisciplineDecisionTable>): Promise<void> {
  await tx.insertInto('discipline_decision').values(row).execute();
}

export function getDecision(db: Kysely<DB>, id: string): Promise<DecisionRow | undefined> {
  return db.selectFrom('discipline_decision').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks a decision for a change (revocation, complaint, lapse block). */
export function lockDecision(tx: Kysely<DB>, id: string): Promise<DecisionRow | undefined> {
  return tx.selectFrom('discipline_decision').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Every decision about a member (party and state), oldest first. */
export function decisionsOfMember(db: Kysely<DB>, memberId: string): Promise<DecisionRow[]> {
  return db.selectFrom('discipline_decision').selectAll().where('member_id', '=', memberId).orderBy('decided_on').orderBy('id').execute();
}

/** Every decision about an organisation, oldest first. */
export function decisionsOfOrg(db: Kysely<DB>, orgId: string): Promise<DecisionRow[]> {
  return db.selectFrom('discipline_decision').selectAll().where('org_id', '=', orgId).orderBy('decided_on').orderBy('id').execute();
}

/** Party decisions of many members (badges, evaluation), oldest first (2,000 members per statement). */
export async function partyDecisionsOfMembers(db: Kysely<DB>, memberIds: readonly string[]): Promise<DecisionRow[]> {
  const out: DecisionRow[] = [];
  for (let i = 0; i < memberIds.length; i += 2000) {
    const chunk = memberIds.slice(i, i + 2000);
    if (chunk.length === 0) continue;
    out.push(
      ...(await db
        .selectFrom('discipline_decision')
        .selectAll()
        .where('member_id', 'in', chunk)
        .where('kind', '=', 'party')
        .orderBy('member_id')
        .orderBy('decided_on')
        .execute()),
    );
  }
  return out;
}

/** Party decisions about the given organisations decided within [from, to] (evaluation of collectives). */
export async function partyDecisionsOfOrgsBetween(db: Kysely<DB>, orgIds: readonly string[], from: string, to: string): Promise<DecisionRow[]> {
  if (orgIds.length === 0) return [];
  return db
    .selectFrom('discipline_decision')
    .selectAll()
    .where('org_id', 'in', [...orgIds])
    .where('kind', '=', 'party')
    .where('decided_on', '>=', from)
    .where('decided_on', '<=', to)
    .orderBy('decided_on')
    .execute();
}

/** Party decisions taken in a year about the members a subquery selects (one `member_id` column): evaluation. */
export function partyMemberDecisionsInYear(
  db: Kysely<DB>,
  memberIds: SelectQueryBuilder<DB, keyof DB, { member_id: string }>,
  year: number,
): Promise<DecisionRow[]> {
  return db
    .selectFrom('discipline_decision as d')
    .selectAll('d')
    .where('d.member_id', 'in', memberIds)
    .where('d.kind', '=', 'party')
    .where('d.decided_on', '>=', `${year}-01-01`)
    .where('d.decided_on', '<=', `${year}-12-31`)
    .execute();
}

/** Party decisions taken in a year about the organisations a subquery selects (one `org_id` column): evaluation. */
export function partyOrgDecisionsInYear(db: Kysely<DB>, orgIds: SelectQueryBuilder<DB, keyof DB, { org_id: string }>, year: number): Promise<DecisionRow[]> {
  return db
    .selectFrom('discipline_decision as d')
    .selectAll('d')
    .where('d.org_id', 'in', orgIds)
    .where('d.kind', '=', 'party')
    .where('d.decided_on', '>=', `${year}-01-01`)
    .where('d.decided_on', '<=', `${year}-12-31`)
    .execute();
}

export interface DecisionListFilter {
  scope: Scope;
  /** The subtree (`subtreeRange` of the organisation's current path). */
  subtree?: { from: string; to: string } | undefined;
  memberId?: string | undefined;
  inForceOn?: string | undefined;
  year?: number | undefined;
  limit: number;
  offset: number;
}

/** A page of decisions whose subject's organisation is in the scope (and the subtree), the latest first, with the total. */
export async function listDecisions(db: Kysely<DB>, f: DecisionListFilter): Promise<{ rows: DecisionRow[]; total: number }> {
  let q = db.selectFrom('discipline_decision as d').where(orgInScopeSql('d.subject_org_id', f.scope));
  if (f.subtree) q = q.where(orgInSubtreeSql('d.subject_org_id', f.subtree));
  if (f.memberId) q = q.where('d.member_id', '=', f.memberId);
  if (f.year) q = q.where('d.decided_on', '>=', `${f.year}-01-01`).where('d.decided_on', '<=', `${f.year}-12-31`);
  if (f.inForceOn) q = q.where(sql<boolean>`d.id IN (SELECT f.id FROM ${disciplineInForceSql(f.inForceOn)} AS f)`);
  const [rows, count] = await Promise.all([
    q.selectAll('d').orderBy('d.decided_on', 'desc').orderBy('d.id', 'desc').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function revokeDecision(tx: Kysely<DB>, id: string, revokedOn: string, reason: string, replacedBy: string | null = null): Promise<void> {
  await tx.updateTable('discipline_decision').set({ revoked_on: revokedOn, revoked_reason: reason, replaced_by: replacedBy }).where('id', '=', id).execute();
}

/** Records that a new violation or a complaint keeps the decision from lapsing by itself. */
export async function blockLapse(tx: Kysely<DB>, id: string, on: string, reason: 'new_violation' | 'complaint'): Promise<void> {
  await tx
    .updateTable('discipline_decision')
    .set({ lapse_blocked: true, lapse_blocked_on: on, lapse_blocked_reason: reason })
    .where('id', '=', id)
    .where('lapse_blocked', '=', false)
    .execute();
}

export async function insertComplaint(tx: Kysely<DB>, row: Insertable<DisciplineComplaintTable>): Promise<void> {
  await tx.insertInto('discipline_complaint').values(row).execute();
}

export function complaintsOf(db: Kysely<DB>, decisionIds: readonly string[]): Promise<ComplaintRow[]> {
  if (decisionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('discipline_complaint')
    .selectAll()
    .where('decision_id', 'in', [...decisionIds])
    .orderBy('filed_on')
    .orderBy('id')
    .execute();
}

export function lockComplaint(tx: Kysely<DB>, decisionId: string, id: string): Promise<ComplaintRow | undefined> {
  return tx.selectFrom('discipline_complaint').selectAll().where('id', '=', id).where('decision_id', '=', decisionId).forUpdate().executeTakeFirst();
}

export async function setComplaintOutcome(
  tx: Kysely<DB>,
  id: string,
  outcome: 'upheld' | 'changed' | 'revoked',
  on: string,
  note: string | null,
): Promise<void> {
  await tx.updateTable('discipline_complaint').set({ outcome, outcome_on: on, outcome_note: note }).where('id', '=', id).execute();
}

export async function insertDeferral(tx: Kysely<DB>, row: Insertable<DisciplineDeferralTable>): Promise<void> {
  await tx.insertInto('discipline_deferral').values(row).execute();
}

export function deferralsOf(db: Kysely<DB>, memberId: string): Promise<DeferralRow[]> {
  return db.selectFrom('discipline_deferral').selectAll().where('member_id', '=', memberId).orderBy('from_on').orderBy('id').execute();
}
