/** Representative calls of the inspection plans' repository for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './inspection.repo.ts';

const ORG = '01900000-0000-7000-8000-000000000001';
const PLAN = '01900000-0000-7000-8000-000000000002';
const ITEM = '01900000-0000-7000-8000-000000000003';
const PATH = `/${ORG}/`;
const GROUPS = { dang_uy: ['dang_bo_co_so'], chi_bo: ['chi_bo_co_so', 'chi_bo_truc_thuoc'] };

export const cases: SqlCases<typeof repo> = {
  insertPlan: (db) =>
    repo.insertPlan(db, {
      id: PLAN,
      org_id: ORG,
      year: 2026,
      body: 'inspection_committee',
      title: 'Kế hoạch kiểm tra, giám sát năm 2026',
      decision_no: null,
      approved_on: null,
    }),
  findPlanOf: (db) => repo.findPlanOf(db, ORG, 2026, 'committee'),
  findPlan: (db) => repo.findPlan(db, PLAN),
  plansUnder: (db) => repo.plansUnder(db, PATH, 2026, [PATH]),
  planCounts: (db) => repo.planCounts(db, [PLAN]),
  bumpPlanVersion: (db) => repo.bumpPlanVersion(db, PLAN, new Date('2026-06-01T03:00:00Z')),
  insertAmendment: (db) => repo.insertAmendment(db, { id: ITEM, plan_id: PLAN, version: 1, amended_on: '2026-06-01', reason: 'Bổ sung', items: [] }),
  amendmentsOf: (db) => repo.amendmentsOf(db, PLAN),
  insertItem: (db) =>
    repo.insertItem(db, {
      id: ITEM,
      plan_id: PLAN,
      org_id: ORG,
      body: 'committee',
      kind: 'inspection',
      mode: 'regular',
      subject_org_id: ORG,
      subject_member_id: null,
      content: 'Kiểm tra việc chấp hành Điều lệ Đảng',
      period_from: '2025-01-01',
      period_to: '2025-12-31',
      in_charge: null,
      due_on: '2026-06-30',
      status: 'planned',
      concluded_on: null,
      conclusion: null,
      violation_found: null,
      cancel_reason: null,
      added_in_version: 1,
    }),
  updateItem: (db) => repo.updateItem(db, ITEM, { status: 'concluded', concluded_on: '2026-06-20' }),
  findItem: (db) => repo.findItem(db, ITEM),
  itemsOfPlan: (db) => repo.itemsOfPlan(db, PLAN),
  listItems: (db) =>
    repo.listItems(db, { path: PATH, scope: 'all', from: '2026-01-01', to: '2026-12-31', status: 'concluded', kind: 'inspection', violation: true }, 1, 50),
  progressFigures: (db) => repo.progressFigures(db, PATH, [PATH], '2026-01-01', '2026-12-31'),
  progressWithChildren: (db) => repo.progressWithChildren(db, { id: ORG, path: PATH }, [PATH], '2026-01-01', '2026-12-31', '2026-11-20'),
  coverageByGroup: (db) => repo.coverageByGroup(db, PATH, [PATH], '2026-01-01', '2026-12-31', GROUPS),
  coverageList: (db) =>
    repo.coverageList(db, PATH, 'all', '2026-01-01', '2026-12-31', GROUPS, { group: 'chi_bo', which: 'without_own', page: 2, pageSize: 50 }),
  itemStatistics: (db) => repo.itemStatistics(db, PATH, 'all', '2026-01-01', '2026-12-31', 3),
};
