/**
 * Demo evaluation results: one published period per year over the province, opened through the evaluation service
 * (so the roll on each year's date is the product's own: exempt and suspended members out, late admissions apart),
 * then rated in bulk with levels drawn from a seeded generator and repaired until every consistency check of that
 * year's rule set passes, and published with the weak grassroots organisations on the consolidation list.
 *
 * Shares: members ≈ 12–18% excellent (never above the 20%-of-good quota of their grassroots organisation),
 * ≈ 78–84% good, a few completed and not completed (every member disciplined in the year is not completed).
 * Organisations: a stable "quality" per organisation decides who is excellent, so streaks exist. Under QĐ 132
 * (2021–2022) about 80% of the organisations are excellent, as the reports of those years show; from QĐ 124 (2023)
 * the collectives' quota (excellent at most 20% of good per superior) applies, and each superior rates about as
 * many excellent as the quota allows (≈ 1 in 6 of a large group, none in a group under six): 10–15% overall.
 * Levels depend only on the seed, the year and the member or organisation id.
 */
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { evaluationRulesForYear, runChecks, type Level } from '../../domain/evaluation.ts';
import type { Clock } from '../clock.ts';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../http/actor.ts';
import { createEvaluationService } from '../modules/evaluation/evaluation.service.ts';
import {
  insertConsolidationIfAbsent,
  markPeriodPublished,
  periodMemberRoll,
  periodOrgRoll,
  publishMemberLevels,
  publishOrgLevels,
} from '../modules/evaluation/evaluation.demo.repo.ts';
import { refreshTally } from '../modules/evaluation/evaluation.repo.ts';
import { partyDisciplinedBetween, partyDisciplinedOrgsBetween } from '../modules/discipline/discipline.demo.repo.ts';
import { createRng, hashString } from './random.ts';

export interface EvaluationSeedResult {
  periods: number;
  members: number;
  orgs: number;
  weak: number;
}

const PLANS = ['Kiện toàn cấp ủy, phân công lại nhiệm vụ', 'Nâng cao chất lượng sinh hoạt chi bộ', 'Giải quyết dứt điểm đơn thư, củng cố đoàn kết nội bộ'];
const RESPONSIBLE = ['Đồng chí Phó Bí thư Thường trực', 'Đồng chí Trưởng Ban Tổ chức', 'Đồng chí Chủ nhiệm Ủy ban Kiểm tra'];

/** Rates and publishes one period per year for the subtree of `rootOrgId`, years `fromYear`..`toYear`. */
export async function seedEvaluations(
  db: Kysely<DB>,
  clock: Clock,
  actor: Actor,
  opts: { rootOrgId: string; fromYear: number; toYear: number; seed: number },
): Promise<EvaluationSeedResult> {
  const svc = createEvaluationService({ db, clock });
  const out: EvaluationSeedResult = { periods: 0, members: 0, orgs: 0, weak: 0 };
  for (let year = opts.fromYear; year <= opts.toYear; year++) {
    const asOf = `${year}-12-01` <= clock.today() ? `${year}-12-01` : clock.today();
    const opened = await svc.open(actor, { rootOrgId: opts.rootOrgId, year, kind: 'year', asOf });
    const periodId = opened.period.id;
    const rules = evaluationRulesForYear(year);
    const quotaYears = rules.checks.orgExcellentMaxPercentOfGood !== null;
    const members = await periodMemberRoll(db, periodId);
    const orgs = await periodOrgRoll(db, periodId, asOf);
    // Every member disciplined in the year (only those on the roll are looked up).
    const disciplined = new Set(await partyDisciplinedBetween(db, `${year}-01-01`, `${year}-12-31`));
    // Every organisation disciplined in the year (demo/discipline.ts): the checks read them.
    const disciplinedOrgs = new Set(await partyDisciplinedOrgsBetween(db, `${year}-01-01`, `${year}-12-31`));

    // Members: drawn, then the quota of each grassroots organisation enforced.
    const rated = members.filter((m) => !m.late_admission);
    const mLevel = new Map<string, Level>();
    for (const m of rated) {
      const r = createRng(hashString(`${opts.seed}:${year}:${m.member_id}`)).next();
      let level: Level = r < 0.15 ? 'excellent' : r < 0.975 ? 'good' : r < 0.995 ? 'completed' : 'not_completed';
      if (disciplined.has(m.member_id)) level = 'not_completed';
      mLevel.set(m.member_id, level);
    }
    // Organisations: a stable quality per organisation, a little noise per year.
    const quality = (orgId: string) =>
      createRng(hashString(`${opts.seed}:q:${orgId}`)).next() * 0.85 + createRng(hashString(`${opts.seed}:${year}:${orgId}`)).next() * 0.15;
    const oLevel = new Map<string, Level>();
    for (const o of orgs) {
      const q = quality(o.org_id);
      oLevel.set(o.org_id, o.is_grassroots && q < 0.02 ? 'not_completed' : !quotaYears && q > 0.18 ? 'excellent' : q < 0.06 ? 'completed' : 'good');
    }
    if (quotaYears) {
      // Under the quota each superior proposes about as many excellent organisations as it may: in each group of
      // subordinate organisations, the best ones up to the share of the good ones the quota allows (a group of
      // fewer than six has none), skipping the middling ones, so the share stays a little under the cap.
      const pct = rules.checks.orgExcellentMaxPercentOfGood!;
      const groups = new Map<string, string[]>();
      for (const o of orgs) {
        const key = o.parent_id ?? '';
        groups.set(key, [...(groups.get(key) ?? []), o.org_id]);
      }
      for (const ids of groups.values()) {
        const good = ids.filter((id) => oLevel.get(id) === 'good').sort((a, b) => quality(b) - quality(a));
        const allowed = Math.floor((pct * good.length) / (100 + pct));
        for (const id of good.slice(0, allowed)) if (quality(id) > 0.3) oLevel.set(id, 'excellent');
      }
    }

    // Repair until every check of the year passes.
    for (let round = 0; round < 10; round++) {
      const failures = runChecks(
        rules,
        rated.map((m) => ({
          id: m.member_id,
          cellId: m.org_id,
          grassrootsId: m.grassroots_id,
          level: mLevel.get(m.member_id)!,
          disciplinedInYear: disciplined.has(m.member_id),
        })),
        orgs.map((o) => ({
          id: o.org_id,
          parentId: o.parent_id,
          isCell: o.is_cell,
          isGrassroots: o.is_grassroots,
          level: oLevel.get(o.org_id)!,
          disciplined: disciplinedOrgs.has(o.org_id),
          leadershipMemberDisciplined: false,
        })),
      );
      if (failures.length === 0) break;
      for (const f of failures) {
        if (f.code === 'member_quota') {
          const pct = rules.checks.memberExcellentMaxPercentOfGood!;
          const ids = f.memberIds;
          const good = rated.filter((m) => m.grassroots_id === f.orgId && mLevel.get(m.member_id) === 'good').length;
          // Keep the largest count the quota allows once the surplus has become good.
          let keep = ids.length;
          while (keep > 0 && keep * 100 > pct * (good + ids.length - keep)) keep--;
          for (const id of ids.slice(keep)) mLevel.set(id, 'good');
        } else if (f.code === 'org_quota') {
          const pct = rules.checks.orgExcellentMaxPercentOfGood!;
          const ids = [...f.orgIds].sort((a, b) => quality(b) - quality(a));
          const good = orgs.filter((o) => o.parent_id === f.orgId && oLevel.get(o.org_id) === 'good').length;
          let keep = ids.length;
          while (keep > 0 && keep * 100 > pct * (good + ids.length - keep)) keep--;
          for (const id of ids.slice(keep)) oLevel.set(id, 'good');
        } else if (f.code === 'disciplined_member') {
          for (const id of f.memberIds) mLevel.set(id, 'not_completed');
        } else if (f.code === 'excellent_cell' || f.code === 'excellent_party_committee' || f.code === 'excellent_disciplined_collective') {
          oLevel.set(f.orgId, 'good');
        } else if (f.code === 'not_completed_collective') {
          oLevel.set(f.orgId, 'not_completed');
        }
      }
    }

    // Write every stage at once (self = cell = grassroots = decided for the demo) and publish.
    const now = clock.now();
    const mRows = rated.map((m) => ({ id: m.id, l: mLevel.get(m.member_id)! }));
    await publishMemberLevels(db, mRows, actor.userId, now);
    const oRows = orgs.map((o) => ({ id: o.id, l: oLevel.get(o.org_id)! }));
    await publishOrgLevels(db, oRows, actor.userId, now);
    await markPeriodPublished(db, periodId, {
      actorId: actor.userId,
      now,
      decisionNo: `${100 + (year % 100)}-QĐ/TU`,
      decisionDate: `${year}-12-25` <= clock.today() ? `${year}-12-25` : clock.today(),
    });
    await refreshTally(db, periodId, year);
    const weak = orgs.filter((o) => o.is_grassroots && oLevel.get(o.org_id) === 'not_completed');
    for (const [i, o] of weak.entries()) {
      const done = year < opts.toYear - 1;
      await insertConsolidationIfAbsent(db, {
        id: uuidv7(),
        org_id: o.org_id,
        year,
        reason: `Xếp loại Không hoàn thành nhiệm vụ năm ${year}`,
        plan: PLANS[i % PLANS.length]!,
        responsible: RESPONSIBLE[i % RESPONSIBLE.length]!,
        deadline: `${year + 1}-06-30`,
        outcome: done ? 'Đã kiện toàn, năm sau xếp loại Hoàn thành nhiệm vụ trở lên' : null,
        status: done ? 'done' : 'open',
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      });
    }
    out.periods += 1;
    out.members += mRows.length;
    out.orgs += oRows.length;
    out.weak += weak.length;
  }
  return out;
}
