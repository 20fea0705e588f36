/**
 * Organisations' ratings: one organisation's save and many in one request (issue 10, item 12), all or nothing, with
 * the checks run over the period as saved with the whole batch.
 */
import type { Kysely } from 'kysely';
import { findLabel, type EvaluationRuleSet } from '../../../domain/evaluation.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { blocked, disciplineMap, failuresOf, isOverridden } from './evaluation.checks.ts';
import { loadPeriod, requireOpen, rulesOf, type AuditEntry, type EvaluationContext, type OrgRow, type PeriodRow } from './evaluation.common.ts';
import { canDecideOrgRating, canProposeOrgRating, canRateOrgSelf, readerOf, type Reader } from './evaluation.policy.ts';
import * as repo from './evaluation.repo.ts';
import type { OrgEntriesInput, OrgEntryInput } from '../../../contract/evaluation.ts';

type OrgItem = OrgEntryInput & { orgId: string };
/** `at(i)` prefixes the field names of item i's errors ('' for a single save). */
type FieldPrefix = (i: number) => string;

/** The row's editable columns as they are, the start of a save's next values. */
function currentRating(row: OrgRow): repo.OrgRatingWrite {
  return {
    id: row.id,
    self_label: row.self_label,
    self_report: row.self_report,
    self_by: row.self_by,
    self_at: row.self_at === null ? null : new Date(row.self_at),
    proposed_label: row.proposed_label,
    proposed_by: row.proposed_by,
    proposed_at: row.proposed_at === null ? null : new Date(row.proposed_at),
    decided_label: row.decided_label,
    decided_by: row.decided_by,
    decided_at: row.decided_at === null ? null : new Date(row.decided_at),
    disciplined: row.disciplined,
    leadership_disciplined: row.leadership_disciplined,
    status: row.status,
  };
}

/** Refuses an item the caller may not fill in; in a batch the refusal names the item, so that a client knows which organisation to leave out. */
function requireOrgRights(actor: Actor, row: OrgRow, input: OrgItem, prefix: string) {
  const refuse = (message: string) => new AppError(403, 'FORBIDDEN', message, prefix ? [{ field: `${prefix}orgId`, message }] : []);
  const own = input.selfLabel !== undefined || input.selfReport !== undefined || input.disciplined !== undefined || input.leadershipDisciplined !== undefined;
  if (own && !canRateOrgSelf(actor, row.org_path)) throw refuse('Bạn không có quyền nhập tự đánh giá của tổ chức này.');
  if (input.proposedLabel !== undefined && !canProposeOrgRating(actor, row)) throw refuse('Đề xuất xếp loại tổ chức thuộc thẩm quyền của cấp ủy cơ sở.');
  if (input.decidedLabel !== undefined && !canDecideOrgRating(actor, row.org_path))
    throw refuse('Quyết định xếp loại tổ chức thuộc thẩm quyền của ban thường vụ cấp ủy cấp trên.');
}

/** The next values of one organisation's rating, its labels checked against the period's rules. */
function nextRating(actor: Actor, rules: EvaluationRuleSet, row: OrgRow, input: OrgItem, prefix: string, now: Date): repo.OrgRatingWrite {
  const next = currentRating(row);
  for (const [field, stage] of [
    ['selfLabel', 'self'],
    ['proposedLabel', 'proposed'],
    ['decidedLabel', 'decided'],
  ] as const) {
    const v = input[field];
    if (v === undefined) continue;
    if (v !== null && !findLabel(rules, 'org', v))
      throw invalid(`${prefix}${field}`, `Xếp loại «${v}» không có trong quy định của kỳ đánh giá (${rules.basis}).`);
    next[`${stage}_label`] = v;
    next[`${stage}_by`] = v === null ? null : actor.userId;
    next[`${stage}_at`] = v === null ? null : now;
  }
  if (input.selfReport !== undefined) next.self_report = input.selfReport;
  if (input.disciplined !== undefined) next.disciplined = input.disciplined;
  if (input.leadershipDisciplined !== undefined) next.leadership_disciplined = input.leadershipDisciplined;
  next.status = next.decided_label ? 'decided' : next.proposed_label ? 'proposed' : next.self_label ? 'self_assessed' : 'draft';
  return next;
}

function orgAuditEntry(p: PeriodRow, row: OrgRow, input: OrgItem): AuditEntry {
  const { orgId, ...fields } = input;
  return {
    action: 'evaluation.org.update',
    entityType: 'org',
    entityId: orgId,
    scopeOrgId: orgId,
    before: {
      periodId: p.id,
      selfLabel: row.self_label,
      proposedLabel: row.proposed_label,
      decidedLabel: row.decided_label,
      disciplined: row.disciplined,
      leadershipDisciplined: row.leadership_disciplined,
    },
    after: { periodId: p.id, ...fields },
  };
}

/** Every item checked (in the period and the scope, once, the caller's rights, the labels) and its next values. */
function planOrgWrites(actor: Actor, reader: Reader, p: PeriodRow, byOrg: Map<string, OrgRow>, items: OrgItem[], at: FieldPrefix, now: Date) {
  const rules = rulesOf(p);
  const seen = new Set<string>();
  const writes: repo.OrgRatingWrite[] = [];
  const entries: AuditEntry[] = [];
  const decided = new Set<string>();
  items.forEach((input, i) => {
    const { orgId } = input;
    const row = byOrg.get(orgId);
    if (!row || !reader.sees(row.org_path)) {
      const message = 'Không tìm thấy tổ chức đảng trong kỳ đánh giá.';
      throw new AppError(404, 'NOT_FOUND', message, at(i) ? [{ field: `${at(i)}orgId`, message }] : []);
    }
    if (seen.has(orgId)) throw invalid(`${at(i)}orgId`, 'Một tổ chức xuất hiện hai lần trong danh sách.');
    seen.add(orgId);
    requireOrgRights(actor, row, input, at(i));
    writes.push(nextRating(actor, rules, row, input, at(i), now));
    if (input.decidedLabel != null) decided.add(orgId);
    entries.push(orgAuditEntry(p, row, input));
  });
  return { writes, entries, decided };
}

/** The checks a decision can fail, over the organisations and the own members of the cells decided in the batch. */
async function checkOrgDecisions(tx: Kysely<DB>, p: PeriodRow, byOrg: Map<string, OrgRow>, decided: Set<string>) {
  const cells = [...decided].filter((o) => byOrg.get(o)!.is_cell);
  const [members, orgs, overrides, disciplined] = await Promise.all([
    repo.periodMembersOfOrgs(tx, p.id, cells),
    repo.periodOrgs(tx, p.id, false),
    repo.overridesOf(tx, p.id),
    disciplineMap(tx, p),
  ]);
  const failures = failuresOf(rulesOf(p), members, orgs, disciplined).filter(
    (f) =>
      !isOverridden(f, overrides) &&
      f.code !== 'member_quota' &&
      f.code !== 'disciplined_member' &&
      (decided.has(f.orgId) || f.orgIds.some((o) => decided.has(o))),
  );
  if (failures.length > 0) throw blocked(failures);
}

/**
 * Writes organisations' ratings (one or many), all or nothing, in one transaction. Every item's organisation, rights
 * and labels are checked before anything is written; then the rows are written together and, when the batch sets decisions, the
 * checks run over the period as saved with the whole batch: a failure not overridden that names an organisation
 * decided in the batch refuses everything (409 CHECK_FAILED).
 */
async function writeOrgRatings(ctx: EvaluationContext, actor: Actor, p: PeriodRow, items: OrgItem[], at: FieldPrefix): Promise<repo.OrgRatingWrite[]> {
  const reader = readerOf(actor);
  return ctx.db.transaction().execute(async (tx) => {
    // Organisation ratings of a period are written one save at a time: a save writes whole rows it has read.
    await repo.lockPeriodOrgs(tx, p.id);
    const byOrg = new Map((await repo.periodOrgs(tx, p.id, false)).map((o) => [o.org_id, o]));
    const { writes, entries, decided } = planOrgWrites(actor, reader, p, byOrg, items, at, ctx.clock.now());
    await repo.updateOrgRatings(tx, writes);
    if (decided.size > 0) await checkOrgDecisions(tx, p, byOrg, decided);
    await ctx.audit(tx, actor, entries);
    return writes;
  });
}

/** One organisation's rating (the period's page answers the period again). */
export async function saveOrg(ctx: EvaluationContext, actor: Actor, id: string, orgId: string, input: OrgEntryInput) {
  const p = await loadPeriod(ctx, actor, id);
  requireOpen(p);
  await writeOrgRatings(ctx, actor, p, [{ ...input, orgId }], () => '');
}

/**
 * Many organisations' ratings in one request (issue 10, item 12), all or nothing, answering a summary rather than
 * the whole period: the rights and labels of every item are checked first, then all are written and the checks
 * run over the batch as if it had been saved at once, in one transaction with one audit entry per organisation.
 */
export async function saveOrgs(ctx: EvaluationContext, actor: Actor, id: string, items: OrgEntriesInput) {
  const p = await loadPeriod(ctx, actor, id);
  requireOpen(p);
  const written = await writeOrgRatings(ctx, actor, p, items, (i) => `items.${i}.`);
  const stages = { draft: 0, self_assessed: 0, proposed: 0, decided: 0 };
  for (const w of written) stages[w.status as keyof typeof stages] += 1;
  return { updated: written.length, stages };
}
