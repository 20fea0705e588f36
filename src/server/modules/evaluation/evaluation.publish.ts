/**
 * Publishing a period (which locks it, maps the decided labels to the current scale, refreshes the tally and puts
 * weak grassroots organisations on the consolidation list) and changing a published result only by a recorded
 * decision that keeps the earlier value (domain.md §8).
 */
import { v7 as uuidv7 } from 'uuid';
import { findLabel, labelText, type EvaluationRuleSet, type Subject } from '../../../domain/evaluation.ts';
import type { Actor } from '../../http/actor.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { blocked, disciplineMap, failuresOf, isOverridden } from './evaluation.checks.ts';
import { loadPeriod, lvl, requireOpen, rulesOf, type EvaluationContext, type MemberRow, type OrgRow } from './evaluation.common.ts';
import { canRunPeriod, readerOf } from './evaluation.policy.ts';
import * as repo from './evaluation.repo.ts';

/** SQL CASE mapping a label column of the version to the current scale (the labels are the version's own data). */
function levelCase(subject: Subject, rules: EvaluationRuleSet) {
  return (column: string) => {
    const whens = rules.labels[subject].map((l) => `WHEN '${l.code.replace(/[^a-z_]/g, '')}' THEN '${l.level}'`).join(' ');
    return `CASE ${column} ${whens} END`;
  };
}

/** Publishes and locks: every rating decided, no failed check left without an override. */
export async function publishPeriod(ctx: EvaluationContext, actor: Actor, id: string, input: { decisionNo: string; decisionDate: string }) {
  const { db, clock } = ctx;
  const p = await loadPeriod(ctx, actor, id);
  requireOpen(p);
  if (!canRunPeriod(actor, p.root_path)) throw forbidden('Chỉ cấp mở kỳ đánh giá mới được công bố kết quả.');
  const rules = rulesOf(p);
  await db.transaction().execute(async (tx) => {
    const [members, orgs, overrides, disciplined] = await Promise.all([
      repo.periodMembers(tx, id),
      repo.periodOrgs(tx, id, false),
      repo.overridesOf(tx, id),
      disciplineMap(tx, p),
    ]);
    const undecidedMembers = members.filter((m) => !m.late_admission && m.decided_label === null).length;
    const undecidedOrgs = orgs.filter((o) => o.decided_label === null).length;
    if (undecidedMembers > 0 || undecidedOrgs > 0) {
      throw conflict(`Chưa thể công bố: còn ${undecidedMembers} đảng viên và ${undecidedOrgs} tổ chức chưa có quyết định xếp loại.`);
    }
    const failures = failuresOf(rules, members, orgs, disciplined).filter((f) => !isOverridden(f, overrides));
    if (failures.length > 0) throw blocked(failures);
    const now = clock.now();
    await repo.publishMemberRows(tx, id, levelCase('member', rules)('decided_label'));
    await repo.publishOrgRows(tx, id, levelCase('org', rules)('decided_label'));
    await repo.updatePeriod(tx, id, {
      status: 'published',
      published_by: actor.userId,
      published_at: now,
      decision_no: input.decisionNo,
      decision_date: input.decisionDate,
    });
    await repo.refreshTally(tx, id, p.year);
    // Weak grassroots organisations go on the consolidation list.
    const weak = orgs.filter((o) => o.is_grassroots && lvl('org', o.decided_label) === 'not_completed');
    for (const o of weak) {
      const reason = `Xếp loại «${labelText('org', o.decided_label!)}» năm ${p.year}`;
      await repo.insertConsolidationIfAbsent(tx, { id: uuidv7(), orgId: o.org_id, year: p.year, reason, createdBy: actor.userId, now });
    }
    await ctx.audit(tx, actor, [
      {
        action: 'evaluation.publish',
        entityType: 'evaluation_period',
        entityId: id,
        scopeOrgId: p.root_org_id,
        before: { status: 'open' },
        after: { status: 'published', ...input, weak: weak.length },
      },
    ]);
  });
}

type ChangeInput = { subject: Subject; evaluationId: string; label: string; decisionNo: string; decisionDate: string; reason: string };

/** After publication: a change by a recorded decision; the earlier value stays in the history. */
export async function changeResult(ctx: EvaluationContext, actor: Actor, id: string, input: ChangeInput) {
  const { db, clock } = ctx;
  const p = await loadPeriod(ctx, actor, id);
  if (p.status !== 'published') throw conflict('Kỳ đánh giá chưa công bố: sửa trực tiếp kết quả.');
  const rules = rulesOf(p);
  const rows = input.subject === 'member' ? await repo.periodMembers(db, id, { ids: [input.evaluationId] }) : await repo.periodOrgs(db, id, false);
  const row = (rows as (MemberRow | OrgRow)[]).find((r) => r.id === input.evaluationId);
  if (!row || !readerOf(actor).sees(row.org_path)) throw notFound('Không tìm thấy kết quả đánh giá.');
  if (!canRunPeriod(actor, p.root_path)) throw forbidden('Chỉ cấp mở kỳ đánh giá mới được thay đổi kết quả đã công bố.');
  if ('late_admission' in row && row.late_admission) throw conflict('Đảng viên kết nạp cuối năm không xếp loại trong kỳ này.');
  const found = findLabel(rules, input.subject, input.label);
  if (!found) throw invalid('label', `Xếp loại «${input.label}» không có trong quy định của kỳ đánh giá (${rules.basis}).`);
  const now = clock.now();
  await db.transaction().execute(async (tx) => {
    await repo.insertChange(tx, {
      id: uuidv7(),
      period_id: id,
      subject: input.subject,
      evaluation_id: row.id,
      before_label: row.decided_label,
      after_label: input.label,
      decision_no: input.decisionNo,
      decision_date: input.decisionDate,
      reason: input.reason,
      created_by: actor.userId,
      created_at: now,
    });
    const set = { decided_label: input.label, decided_by: actor.userId, decided_at: now, final_level: found.level };
    if (input.subject === 'member') await repo.updateMemberEvaluation(tx, row.id, set);
    else await repo.updateOrgEvaluation(tx, row.id, set);
    await repo.refreshTally(tx, id, p.year);
    if ('is_grassroots' in row && row.is_grassroots && found.level === 'not_completed') {
      const reason = `Xếp loại «${found.label}» năm ${p.year} (quyết định ${input.decisionNo})`;
      await repo.insertConsolidationIfAbsent(tx, { id: uuidv7(), orgId: row.org_id, year: p.year, reason, createdBy: actor.userId, now });
    }
    await ctx.audit(tx, actor, [
      {
        action: 'evaluation.change',
        entityType: input.subject === 'member' ? 'member' : 'org',
        entityId: 'member_id' in row ? row.member_id : row.org_id,
        scopeOrgId: row.org_id,
        before: { periodId: id, decidedLabel: row.decided_label },
        after: { periodId: id, decidedLabel: input.label, decisionNo: input.decisionNo, decisionDate: input.decisionDate, reason: input.reason },
      },
    ]);
  });
}
