/**
 * The consistency checks of a period (domain.md §8, the period's rule-set version) as the service runs them: the
 * inputs read from the period's rows, the failures a caller may see, a refusal naming the failures, and the override
 * of a failed check with its written reason.
 */
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { DisciplineDecision } from '../../../domain/discipline.ts';
import { disciplinedInYear, runChecks, CHECK_LABELS, type CheckCode, type CheckFailure, type EvaluationRuleSet } from '../../../domain/evaluation.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { orgInScope } from '../orgs/orgs.evaluation.repo.ts';
import { currentOf, iso, loadPeriod, lvl, requireOpen, type EvaluationContext, type MemberRow, type OrgRow, type PeriodRow } from './evaluation.common.ts';
import { canRunPeriod, type Reader, readerOf } from './evaluation.policy.ts';
import * as repo from './evaluation.repo.ts';
import { rowToDecision } from '../discipline/discipline.effects.ts';

/**
 * The members and the organisations of a period disciplined in its year (a party decision that counts for the year),
 * by id: both read from the discipline module (issue 15).
 */
export async function disciplineMap(tx: Kysely<DB>, p: PeriodRow): Promise<Set<string>> {
  const [memberRows, orgRows] = await Promise.all([repo.disciplinesInYear(tx, p.id, p.year), repo.orgDisciplinesInYear(tx, p.id, p.year)]);
  const by = new Map<string, DisciplineDecision[]>();
  for (const r of [...memberRows, ...orgRows]) {
    const key = r.member_id ?? r.org_id!;
    by.set(key, [...(by.get(key) ?? []), rowToDecision(r)]);
  }
  return new Set([...by].filter(([, ds]) => disciplinedInYear(ds, p.year)).map(([id]) => id));
}

/** The checks of the rule set over a period's rows (those admitted late are not rated). */
export function failuresOf(rules: EvaluationRuleSet, members: MemberRow[], orgs: OrgRow[], disciplined: Set<string>): CheckFailure[] {
  return runChecks(
    rules,
    members
      .filter((m) => !m.late_admission)
      .map((m) => ({
        id: m.member_id,
        cellId: m.org_id,
        grassrootsId: m.grassroots_id,
        level: lvl('member', currentOf(m)),
        disciplinedInYear: disciplined.has(m.member_id),
        selfDetectedFixed: m.self_detected_fixed,
      })),
    orgs.map((o) => ({
      id: o.org_id,
      parentId: o.parent_id,
      isCell: o.is_cell,
      isGrassroots: o.is_grassroots,
      level: lvl('org', o.decided_label ?? o.proposed_label ?? o.self_label),
      // The organisation's own decisions come from the discipline module; a fact ticked by hand on the period
      // (before decisions were recorded here) still counts. The leadership has no roster in the product: as ticked.
      disciplined: o.disciplined || disciplined.has(o.org_id),
      leadershipMemberDisciplined: o.leadership_disciplined,
    })),
  );
}

/** The failures the caller may see: about an organisation in scope, naming only records in scope. */
export function visibleFailures(
  failures: CheckFailure[],
  overrides: Awaited<ReturnType<typeof repo.overridesOf>>,
  reader: Reader,
  members: MemberRow[],
  orgs: OrgRow[],
  pathOf: Map<string, string>,
) {
  const memberPath = new Map(members.map((m) => [m.member_id, m.org_path]));
  const orgPath = new Map(orgs.map((o) => [o.org_id, o.org_path]));
  return failures
    .filter((f) => reader.sees(pathOf.get(f.orgId) ?? orgPath.get(f.orgId)))
    .map((f) => {
      const o = overrides.find((x) => x.check_code === f.code && x.org_id === f.orgId);
      return {
        code: f.code,
        title: CHECK_LABELS[f.code],
        orgId: f.orgId,
        message: f.message,
        memberIds: f.memberIds.filter((id) => reader.sees(memberPath.get(id))),
        orgIds: f.orgIds.filter((id) => reader.sees(orgPath.get(id) ?? pathOf.get(id))),
        overridden: o ? { reason: o.reason, at: iso(o.created_at) } : null,
      };
    });
}

export const isOverridden = (f: CheckFailure, overrides: { check_code: string; org_id: string }[]) =>
  overrides.some((o) => o.check_code === f.code && o.org_id === f.orgId);

/** The refusal of a decision or a publication that failed checks name (409 CHECK_FAILED). */
export function blocked(failures: CheckFailure[]) {
  const first = failures[0]!;
  return new AppError(
    409,
    'CHECK_FAILED',
    `Không thể phê duyệt: ${CHECK_LABELS[first.code]}. ${first.message}${failures.length > 1 ? ` (và ${failures.length - 1} lỗi khác)` : ''} Sửa kết quả hoặc ghi lý do vượt qua kiểm tra.`,
    failures.map((f) => ({ field: f.code, message: f.message, orgId: f.orgId, memberIds: f.memberIds, orgIds: f.orgIds })),
  );
}

/** Lets a failed check pass, with a written reason; audited. */
export async function overrideCheck(ctx: EvaluationContext, actor: Actor, id: string, input: { checkCode: CheckCode; orgId: string; reason: string }) {
  const { db, clock } = ctx;
  const p = await loadPeriod(ctx, actor, id);
  requireOpen(p);
  const org = await orgInScope(db, readerOf(actor).scope, input.orgId);
  if (!org) throw notFound('Không tìm thấy tổ chức đảng.');
  if (!canRunPeriod(actor, p.root_path)) throw forbidden('Chỉ cấp mở kỳ đánh giá mới được cho vượt qua kiểm tra.');
  await db.transaction().execute(async (tx) => {
    const existing = await repo.findOverride(tx, id, input.checkCode, input.orgId);
    if (existing) await repo.updateOverride(tx, existing.id, { reason: input.reason, created_by: actor.userId, created_at: clock.now() });
    else
      await repo.insertOverride(tx, {
        id: uuidv7(),
        period_id: id,
        check_code: input.checkCode,
        org_id: input.orgId,
        reason: input.reason,
        created_by: actor.userId,
        created_at: clock.now(),
      });
    await ctx.audit(tx, actor, [
      {
        action: 'evaluation.override',
        entityType: 'evaluation_period',
        entityId: id,
        scopeOrgId: input.orgId,
        before: existing ? { reason: existing.reason } : null,
        after: input,
      },
    ]);
  });
}
