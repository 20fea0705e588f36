/**
 * Demo inspection work (issue 15 part 8): for the last three years up to this one, a plan of each đảng ủy and chi bộ of
 * the province (about 9 in 10 of them; the others carry out none, so the coverage lists are not empty), with 2–6 items
 * (1–3 for a cell) about the organisation itself or one directly below it, concluded at a rate of 70–100% per
 * organisation for past years and, this year, for the items due by today; a few arising ones; and about one case a
 * year per 40 organisations, about organisations, mostly concluded. Depends only on the seed and today's date.
 */
import type { Insertable, Kysely } from 'kysely';
import type { DB, InspectionCaseTable, InspectionItemTable, InspectionPlanTable } from '../db/schema.ts';
import { insertDemoInspection } from '../modules/inspection/inspection.demo.repo.ts';
import { COVERAGE_KINDS } from '../modules/inspection/inspection.service.ts';
import { orgListOn, reportRootOn } from '../modules/orgs/orgs.reports.repo.ts';
import { CASE_SOURCES } from '../../contract/inspection.ts';
import { createRng } from './random.ts';
import { createUuidFactory } from './uuid.ts';

const pad = (n: number) => String(n).padStart(2, '0');

export async function seedInspection(db: Kysely<DB>, opts: { seed: number; today: string; rootOrgId: string }) {
  const rng = createRng(opts.seed * 7919 + 15);
  const uuid = createUuidFactory(rng.fork('ids'), '2025-06-01T00:00:00Z');
  const root = await reportRootOn(db, opts.rootOrgId, opts.today);
  if (!root?.path) return { plans: 0, items: 0, cases: 0 };
  const { rows } = await orgListOn(db, root.path, opts.today, 'all', {}, 1, 1_000_000);
  const kinds = [...COVERAGE_KINDS.dang_uy, ...COVERAGE_KINDS.chi_bo];
  const carriers = rows.filter((r) => kinds.includes(r.kind_code));
  const childrenOf = new Map<string, string[]>();
  for (const r of rows) {
    const parent = r.path.split('/').filter(Boolean).at(-2);
    if (parent) childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), r.org_id]);
  }
  const plans: Insertable<InspectionPlanTable>[] = [];
  const items: Insertable<InspectionItemTable>[] = [];
  const cases: Insertable<InspectionCaseTable>[] = [];
  const thisYear = Number(opts.today.slice(0, 4));
  for (let year = thisYear - 2; year <= thisYear; year++) {
    for (const org of carriers) {
      if (rng.next() < 0.1) continue; // no plan, nothing carried out: the coverage lists
      const cell = COVERAGE_KINDS.chi_bo.includes(org.kind_code);
      const body = cell || rng.next() < 0.4 ? 'committee' : 'inspection_committee';
      const planId = uuid();
      plans.push({
        id: planId,
        org_id: org.org_id,
        year,
        body,
        title: `Kế hoạch kiểm tra, giám sát năm ${year}`,
        decision_no: null,
        approved_on: `${year}-01-15`,
      });
      const rate = 0.7 + rng.next() * 0.3;
      const n = cell ? rng.int(1, 3) : rng.int(2, 6);
      const subjects = [org.org_id, ...(childrenOf.get(org.org_id) ?? [])];
      for (let i = 0; i < n + (rng.next() < 0.1 ? 1 : 0); i++) {
        const arising = i >= n;
        const due = `${year}-${pad(rng.int(2, 12))}-${pad(rng.int(1, 28))}`;
        const concluded = (arising || due <= opts.today) && (arising || rng.next() < rate) ? (due <= opts.today ? due : null) : null;
        if (arising && concluded === null) continue;
        items.push({
          id: uuid(),
          plan_id: arising ? null : planId,
          org_id: org.org_id,
          body,
          kind: rng.next() < 0.55 ? 'inspection' : 'supervision',
          mode: rng.next() < 0.7 ? 'regular' : 'thematic',
          subject_org_id: subjects[rng.int(0, subjects.length - 1)]!,
          subject_member_id: null,
          content:
            rng.next() < 0.5
              ? 'Việc chấp hành Điều lệ Đảng, nghị quyết, chỉ thị của Đảng'
              : 'Việc thực hiện nhiệm vụ được giao, giữ gìn phẩm chất đạo đức, lối sống',
          period_from: `${year - 1}-01-01`,
          period_to: `${year - 1}-12-31`,
          in_charge: null,
          due_on: due,
          status: concluded ? 'concluded' : due <= opts.today ? 'under_way' : 'planned',
          concluded_on: concluded,
          conclusion: concluded ? 'Cơ bản chấp hành tốt; có một số hạn chế cần khắc phục.' : null,
          violation_found: concluded ? rng.next() < 0.08 : null,
          cancel_reason: null,
          added_in_version: arising ? null : 1,
        });
      }
      if (rng.next() < 0.025) {
        const opened = `${year}-${pad(rng.int(1, 10))}-${pad(rng.int(1, 28))}`;
        if (opened > opts.today) continue;
        const open = year === thisYear && rng.next() < 0.5;
        const concludedOn = `${year}-${pad(Math.min(12, Number(opened.slice(5, 7)) + 2))}-15`;
        const done = !open && concludedOn <= opts.today;
        const violation = rng.next() < 0.6;
        cases.push({
          id: uuid(),
          org_id: org.org_id,
          body,
          subject_kind: 'org',
          subject_member_id: null,
          subject_org_id: subjects[rng.int(0, subjects.length - 1)]!,
          source: CASE_SOURCES[rng.int(0, CASE_SOURCES.length - 1)]!,
          summary: 'Có dấu hiệu vi phạm trong thực hiện nhiệm vụ được giao.',
          received_on: opened,
          opened_on: opened,
          decision_no: null,
          decided_on: null,
          status: done ? 'concluded' : 'open',
          concluded_on: done ? concludedOn : null,
          conclusion: done ? (violation ? 'Có vi phạm, yêu cầu kiểm điểm, rút kinh nghiệm.' : 'Không có vi phạm.') : null,
          violation_found: done ? violation : null,
          outcome: done ? (violation ? 'reminder' : 'none') : null,
        });
      }
    }
  }
  await db.transaction().execute((tx) => insertDemoInspection(tx, { plans, items, cases }));
  return { plans: plans.length, items: items.length, cases: cases.length };
}
