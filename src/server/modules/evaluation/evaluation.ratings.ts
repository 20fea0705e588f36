/**
 * Members' ratings: the grid of a cell, the period-wide member list, the grid's save (any stages, the checks run live
 * and a decision that a failed, not overridden check names is refused), and the import of results from a spreadsheet.
 */
import type { Kysely } from 'kysely';
import { findLabel, LEVEL_LABELS, levelFromScore, stageOf, validateTally, type EvaluationRuleSet } from '../../../domain/evaluation.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import * as orgsRepo from '../orgs/orgs.evaluation.repo.ts';
import { blocked, disciplineMap, failuresOf, isOverridden } from './evaluation.checks.ts';
import {
  grassrootsPaths,
  loadPeriod,
  memberView,
  publicRules,
  requireOpen,
  rulesOf,
  type EvaluationContext,
  type MemberRow,
  type PeriodRow,
} from './evaluation.common.ts';
import { planImport } from './evaluation.import.ts';
import { canDecideMemberRatings, canRateInCell, readerOf, type Reader } from './evaluation.policy.ts';
import * as repo from './evaluation.repo.ts';
import type { MemberEntryInput, PeriodMembersFilter } from '../../../contract/evaluation.ts';

/** A cell's members for the grid; those admitted late in the year listed apart. */
export async function grid(ctx: EvaluationContext, actor: Actor, id: string, orgId: string) {
  const { db } = ctx;
  const p = await loadPeriod(ctx, actor, id);
  const { scope } = readerOf(actor);
  const org = await orgsRepo.orgInScope(db, scope, orgId);
  if (!org) throw notFound('Không tìm thấy tổ chức đảng.');
  const rules = rulesOf(p);
  const rows = await repo.gridRows(db, scope, id, orgId);
  const disciplined = await disciplineMap(db, p);
  const published = p.status === 'published';
  const items = rows.map((r) => memberView({ ...r, org_path: org.current_path }, disciplined, rules, published));
  // The columns the caller may fill in, by the rules saveMembers applies (every row of a cell has one grassroots org).
  const gPaths = await grassrootsPaths(db, rows.slice(0, 1));
  const gPath = rows[0] ? gPaths.get(rows[0].grassroots_id) : undefined;
  const can = {
    cell: !published && canRateInCell(actor, org.current_path),
    grassroots: !published && gPath !== undefined && canDecideMemberRatings(actor, gPath),
  };
  const orgName = (await repo.nameOnPeriodDate(db, id, orgId)) ?? org.name ?? '';
  return { orgId, orgName, rules: publicRules(rules), can, items: items.filter((i) => !i.lateAdmission), lateAdmissions: items.filter((i) => i.lateAdmission) };
}

/**
 * The period-wide member list (issue 10, item 12; the grid is per cell): the members of the period in the caller's
 * scope, under an organisation's subtree when asked, by level of the latest stage filled in ('none': not yet
 * rated), by stage and by late admission; sorted by name, paged.
 */
export async function memberList(ctx: EvaluationContext, actor: Actor, id: string, q: PeriodMembersFilter) {
  const { db } = ctx;
  const p = await loadPeriod(ctx, actor, id);
  const { scope } = readerOf(actor);
  const rules = rulesOf(p);
  let path: string | null = null;
  if (q.orgId !== undefined) {
    const org = await orgsRepo.orgInScope(db, scope, q.orgId);
    if (!org) throw notFound('Không tìm thấy tổ chức đảng.');
    path = org.current_path;
  }
  const labels = q.level === undefined ? undefined : q.level === 'none' ? null : rules.labels.member.filter((l) => l.level === q.level).map((l) => l.code);
  const [{ total, rows }, disciplined] = await Promise.all([
    repo.periodMemberList(db, scope, id, { path, labels, stage: q.stage, lateAdmission: q.lateAdmission, page: q.page, pageSize: q.pageSize }),
    disciplineMap(db, p),
  ]);
  const published = p.status === 'published';
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((r) => ({ ...memberView(r, disciplined, rules, published), orgName: r.org_name ?? '' })),
  };
}

type MemberUpdate = { row: MemberRow; set: Record<string, unknown>; after: Record<string, unknown> };
type LabelField = 'selfLabel' | 'cellLabel' | 'grassrootsLabel' | 'decidedLabel';
const LABEL_COLUMNS = [
  ['selfLabel', 'self_label', 'self_by', 'self_at'],
  ['cellLabel', 'cell_label', 'cell_by', 'cell_at'],
  ['grassrootsLabel', 'grassroots_label', 'grassroots_by', 'grassroots_at'],
  ['decidedLabel', 'decided_label', 'decided_by', 'decided_at'],
] as const;

/** The self-assessment's score sheet: its total and level, the self label from it when none is given. */
function scoreChange(
  rules: EvaluationRuleSet,
  it: MemberEntryInput,
  i: number,
  set: Record<string, unknown>,
  after: Record<string, unknown>,
): MemberEntryInput {
  if (it.selfScore === undefined) return it;
  if (it.selfScore === null) {
    set.self_score = null;
  } else {
    if (!rules.scoreSheet) throw invalid(`items.${i}.selfScore`, 'Quy định của kỳ đánh giá này không chấm điểm.');
    const r = levelFromScore(rules.scoreSheet, it.selfScore);
    if (r.errors.length > 0) throw invalid(`items.${i}.selfScore`, r.errors[0]!);
    if (it.selfLabel != null && it.selfLabel !== r.level)
      throw invalid(`items.${i}.selfLabel`, `Tổng điểm ${r.total} ứng với «${LEVEL_LABELS[r.level]}», không khớp với mức tự xếp loại.`);
    set.self_score = JSON.stringify({ ...it.selfScore, total: r.total, level: r.level });
    if (it.selfLabel === undefined) it = { ...it, selfLabel: r.level };
  }
  after.selfScore = it.selfScore;
  return it;
}

/** The columns one grid row's save writes, checked against the rules and the caller's rights; throws on the first problem. */
function memberChange(actor: Actor, rules: EvaluationRuleSet, row: MemberRow, input: MemberEntryInput, i: number, gPath: string | undefined, now: Date) {
  const cellFields = input.selfLabel !== undefined || input.selfScore !== undefined || input.votes !== undefined || input.cellLabel !== undefined;
  const grassrootsFields = input.grassrootsLabel !== undefined || input.decidedLabel !== undefined || input.selfDetectedFixed !== undefined;
  if (cellFields && !canRateInCell(actor, row.org_path)) throw forbidden('Bạn không có quyền nhập kết quả đánh giá của chi bộ này.');
  if (grassrootsFields && !canDecideMemberRatings(actor, gPath))
    throw forbidden('Đề xuất và quyết định xếp loại đảng viên thuộc thẩm quyền của đảng ủy cơ sở.');
  const set: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const it = scoreChange(rules, input, i, set, after);
  const label = ([field, col, by, at]: readonly [LabelField, string, string, string]) => {
    const v = it[field];
    if (v === undefined) return;
    if (v !== null && !findLabel(rules, 'member', v))
      throw invalid(`items.${i}.${field}`, `Xếp loại «${v}» không có trong quy định của kỳ đánh giá (${rules.basis}).`);
    set[col] = v;
    set[by] = v === null ? null : actor.userId;
    set[at] = v === null ? null : now;
    after[field] = v;
  };
  const [self, cell, grassroots, decided] = LABEL_COLUMNS;
  label(self);
  if (it.votes !== undefined) {
    if (it.votes !== null) {
      const errors = validateTally(it.votes);
      if (errors.length > 0) throw invalid(`items.${i}.votes`, errors[0]!);
    }
    set.votes = it.votes === null ? null : JSON.stringify(it.votes);
    after.votes = it.votes;
  }
  label(cell);
  label(grassroots);
  label(decided);
  if (it.selfDetectedFixed !== undefined) {
    set.self_detected_fixed = it.selfDetectedFixed;
    after.selfDetectedFixed = it.selfDetectedFixed;
  }
  const next = { ...row, ...set } as MemberRow;
  set.status = stageOf({ self: next.self_label, cell: next.cell_label, grassroots: next.grassroots_label, decided: next.decided_label }, false);
  return { row, set, after };
}

/** The rows a save changes, every item checked (in scope, once, not admitted late, the caller's rights, the labels). */
async function memberUpdates(ctx: EvaluationContext, actor: Actor, reader: Reader, p: PeriodRow, items: MemberEntryInput[]): Promise<MemberUpdate[]> {
  const rules = rulesOf(p);
  const all = await repo.periodMembers(ctx.db, p.id, { memberIds: [...new Set(items.map((i) => i.memberId))] });
  const byMember = new Map(all.map((m) => [m.member_id, m]));
  const gPaths = await grassrootsPaths(ctx.db, all);
  const seen = new Set<string>();
  const now = ctx.clock.now();
  return items.map((it, i) => {
    const row = byMember.get(it.memberId);
    if (!row || !reader.sees(row.org_path)) throw notFound('Không tìm thấy đảng viên trong kỳ đánh giá.');
    if (seen.has(it.memberId)) throw invalid(`items.${i}.memberId`, 'Một đảng viên xuất hiện hai lần trong danh sách.');
    seen.add(it.memberId);
    if (row.late_admission) throw conflict('Đảng viên kết nạp cuối năm được liệt kê riêng, không xếp loại trong kỳ này.');
    return memberChange(actor, rules, row, it, i, gPaths.get(row.grassroots_id), now);
  });
}

/**
 * The checks after a save, over the grassroots organisations it touched: the quota on the batch as a whole (any
 * decision it records in a grassroots organisation, a demotion too, which lowers the count it is measured against,
 * must leave that organisation's quota kept, whichever members it names); the other checks concern the members decided.
 */
async function checkMemberDecisions(tx: Kysely<DB>, p: PeriodRow, updates: MemberUpdate[]) {
  const grassroots = [...new Set(updates.map((u) => u.row.grassroots_id))];
  const [members, orgs, overrides, disciplined] = await Promise.all([
    repo.periodMembers(tx, p.id, { grassrootsIds: grassroots }),
    repo.periodOrgs(tx, p.id, false),
    repo.overridesOf(tx, p.id),
    disciplineMap(tx, p),
  ]);
  const decided = new Set(updates.filter((u) => u.after.decidedLabel != null).map((u) => u.row.member_id));
  const decidedIn = new Set(updates.filter((u) => u.after.decidedLabel !== undefined).map((u) => u.row.grassroots_id));
  const failures = failuresOf(rulesOf(p), members, orgs, disciplined).filter(
    (f) => !isOverridden(f, overrides) && (f.code === 'member_quota' ? decidedIn.has(f.orgId) : f.memberIds.some((m) => decided.has(m))),
  );
  if (failures.length > 0) throw blocked(failures);
}

/** Saves grid rows (any stages), checks live, and refuses a decision that a failed, not overridden check names. */
export async function saveMembers(ctx: EvaluationContext, actor: Actor, id: string, items: MemberEntryInput[]) {
  const p = await loadPeriod(ctx, actor, id);
  requireOpen(p);
  const updates = await memberUpdates(ctx, actor, readerOf(actor), p, items);
  await ctx.db.transaction().execute(async (tx) => {
    for (const u of updates) await repo.updateMemberEvaluation(tx, u.row.id, u.set);
    await checkMemberDecisions(tx, p, updates);
    await ctx.audit(
      tx,
      actor,
      updates.map((u) => ({
        action: 'evaluation.member.update',
        entityType: 'member',
        entityId: u.row.member_id,
        scopeOrgId: u.row.org_id,
        before: {
          periodId: id,
          selfLabel: u.row.self_label,
          cellLabel: u.row.cell_label,
          grassrootsLabel: u.row.grassroots_label,
          decidedLabel: u.row.decided_label,
        },
        after: { periodId: id, ...u.after },
      })),
    );
  });
  return { updated: updates.length };
}

async function plan(ctx: EvaluationContext, actor: Actor, p: PeriodRow, bytes: Buffer) {
  const candidates = await repo.importCandidates(ctx.db, readerOf(actor).scope, p.id);
  return planImport(
    bytes,
    rulesOf(p),
    candidates.map((c) => ({ memberId: c.member_id, fullName: c.full_name, birthDate: c.birth_date, birthYear: c.birth_year, cccd: c.cccd })),
  );
}

/** Reads a spreadsheet of results and matches every row; writes nothing. */
export async function importPreview(ctx: EvaluationContext, actor: Actor, id: string, bytes: Buffer) {
  const p = await loadPeriod(ctx, actor, id);
  requireOpen(p);
  const rows = await plan(ctx, actor, p, bytes);
  return {
    total: rows.length,
    errors: rows.filter((r) => r.errors.length > 0).length,
    rows: rows.map((r) => ({ row: r.row, fullName: r.fullName, memberId: r.memberId, entry: r.entry, errors: r.errors })),
  };
}

/** Writes the file's results, all or nothing: refused while any row has a problem; the grid's save does the rest. */
export async function importCommit(ctx: EvaluationContext, actor: Actor, id: string, bytes: Buffer) {
  const p = await loadPeriod(ctx, actor, id);
  requireOpen(p);
  const rows = await plan(ctx, actor, p, bytes);
  const bad = rows.filter((r) => r.errors.length > 0);
  if (bad.length > 0) {
    throw new AppError(
      400,
      'VALIDATION_ERROR',
      `Chưa nhập được: ${bad.length} dòng có lỗi (dòng ${bad[0]!.row}: ${bad[0]!.errors[0]}). Không dòng nào được ghi.`,
      bad.slice(0, 100).map((r) => ({ field: `row ${r.row}`, message: r.errors.join(' ') })),
    );
  }
  const result = await saveMembers(
    ctx,
    actor,
    id,
    rows.map((r) => r.entry!),
  );
  return { imported: result.updated };
}
