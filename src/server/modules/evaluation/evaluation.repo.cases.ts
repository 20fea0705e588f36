/** Representative calls of the evaluation repository for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './evaluation.repo.ts';

const PERIOD = '01900000-0000-7000-8000-000000000001';
const ROOT = '01900000-0000-7000-8000-0000000000a1';
const CELL = '01900000-0000-7000-8000-0000000000c1';
const GRASSROOTS = '01900000-0000-7000-8000-0000000000b1';
const MEMBER = '01900000-0000-7000-8000-0000000000d1';
const USER = '01900000-0000-7000-8000-0000000000e1';
const CONSOLIDATION = '01900000-0000-7000-8000-0000000000f1';
const ROOT_PATH = `/${ROOT}/`;
const SCOPE = [`/${ROOT}/${GRASSROOTS}/`];
const NOW = new Date('2026-12-15T03:00:00Z');
const LEVEL_CASE =
  "CASE decided_label WHEN 'excellent' THEN 'excellent' WHEN 'good' THEN 'good' WHEN 'completed' THEN 'completed' WHEN 'not_completed' THEN 'not_completed' END";

export const cases: SqlCases<typeof repo> = {
  findPeriod: (db) => repo.findPeriod(db, PERIOD),
  listPeriods: (db) => repo.listPeriods(db, SCOPE, 2026),
  overlappingPeriod: (db) => repo.overlappingPeriod(db, ROOT_PATH, 2026, 'year'),
  periodMembers: (db) => repo.periodMembers(db, PERIOD, { grassrootsIds: [GRASSROOTS], orgId: CELL }),
  periodMembersOfOrgs: (db) => repo.periodMembersOfOrgs(db, PERIOD, [CELL]),
  lockPeriodOrgs: (db) => repo.lockPeriodOrgs(db, PERIOD),
  updateOrgRatings: (db) =>
    repo.updateOrgRatings(db, [
      {
        id: PERIOD,
        self_label: 'good',
        self_report: 'Báo cáo kiểm điểm',
        self_by: USER,
        self_at: NOW,
        proposed_label: 'good',
        proposed_by: USER,
        proposed_at: NOW,
        decided_label: null,
        decided_by: null,
        decided_at: null,
        disciplined: false,
        leadership_disciplined: false,
        status: 'proposed',
      },
    ]),
  periodMemberList: (db) =>
    repo.periodMemberList(db, SCOPE, PERIOD, {
      path: `/${ROOT}/${GRASSROOTS}/`,
      labels: ['excellent', 'good'],
      stage: 'decided',
      lateAdmission: false,
      page: 2,
      pageSize: 50,
    }),
  periodOrgs: (db) => repo.periodOrgs(db, PERIOD),
  gridRows: (db) => repo.gridRows(db, SCOPE, PERIOD, CELL),
  disciplinesInYear: (db) => repo.disciplinesInYear(db, PERIOD, 2026),
  orgDisciplinesInYear: (db) => repo.orgDisciplinesInYear(db, PERIOD, 2026),
  overridesOf: (db) => repo.overridesOf(db, PERIOD),
  distributionByChild: (db) => repo.distributionByChild(db, SCOPE, ROOT_PATH, 2026, 'member'),
  latestPublishedYear: (db) => repo.latestPublishedYear(db, SCOPE, ROOT_PATH),
  yearlyDistribution: (db) => repo.yearlyDistribution(db, SCOPE, ROOT_PATH, 2022, 2026, 'grassroots'),
  refreshTally: (db) => repo.refreshTally(db, PERIOD, 2026),
  streaks: (db) => repo.streaks(db, SCOPE, ROOT_PATH, 3, 2026, { level: 'excellent' }),
  consolidationList: (db) => repo.consolidationList(db, SCOPE, ROOT_PATH, 2026, 'open'),
  consolidationCounts: (db) => repo.consolidationCounts(db, SCOPE, ROOT_PATH, '2026-12-15', 2026),
  findConsolidations: (db) => repo.findConsolidations(db, SCOPE, [CONSOLIDATION], { lock: true }),
  updateConsolidations: (db) =>
    repo.updateConsolidations(db, [
      { id: CONSOLIDATION, plan: 'Kiện toàn cấp ủy', responsible: 'Đồng chí Bí thư', deadline: '2027-06-30', outcome: null, status: 'open', updated_at: NOW },
    ]),
  findConsolidation: (db) => repo.findConsolidation(db, SCOPE, CONSOLIDATION),
  resultRecords: (db) => repo.resultRecords(db, SCOPE, ROOT_PATH, { year: 2026, subject: 'org', level: 'not_completed', page: 1, pageSize: 50 }),
  importCandidates: (db) => repo.importCandidates(db, SCOPE, PERIOD),
  periodHeads: (db) => repo.periodHeads(db, [PERIOD]),
  nameOnPeriodDate: (db) => repo.nameOnPeriodDate(db, PERIOD, CELL),
  lockPeriodOpen: (db) => repo.lockPeriodOpen(db),
  insertPeriod: (db) =>
    repo.insertPeriod(db, {
      id: PERIOD,
      root_org_id: ROOT,
      year: 2026,
      kind: 'year',
      quarter: null,
      as_of: '2026-12-01',
      ruleset_id: 'evaluation-2026',
      status: 'open',
      excluded: JSON.stringify({ exempt: 0, suspended: 0, lateAdmission: 0 }),
      opened_by: USER,
      opened_at: NOW,
      published_by: null,
      published_at: null,
      decision_no: null,
      decision_date: null,
    }),
  changesOf: (db) => repo.changesOf(db, PERIOD),
  updateMemberEvaluation: (db) => repo.updateMemberEvaluation(db, MEMBER, { cell_label: 'good', cell_by: USER, cell_at: NOW, status: 'cell_proposed' }),
  updateOrgEvaluation: (db) => repo.updateOrgEvaluation(db, CELL, { decided_label: 'excellent', decided_by: USER, decided_at: NOW, final_level: 'excellent' }),
  findOverride: (db) => repo.findOverride(db, PERIOD, 'member_quota', GRASSROOTS),
  updateOverride: (db) => repo.updateOverride(db, PERIOD, { reason: 'Đơn vị có nhiều đảng viên tiêu biểu', created_by: USER, created_at: NOW }),
  insertOverride: (db) =>
    repo.insertOverride(db, {
      id: PERIOD,
      period_id: PERIOD,
      check_code: 'member_quota',
      org_id: GRASSROOTS,
      reason: 'Đơn vị có nhiều đảng viên tiêu biểu',
      created_by: USER,
      created_at: NOW,
    }),
  publishMemberRows: (db) => repo.publishMemberRows(db, PERIOD, LEVEL_CASE),
  publishOrgRows: (db) => repo.publishOrgRows(db, PERIOD, LEVEL_CASE),
  updatePeriod: (db) =>
    repo.updatePeriod(db, PERIOD, { status: 'published', published_by: USER, published_at: NOW, decision_no: '125-QĐ/ĐU', decision_date: '2026-12-20' }),
  insertConsolidationIfAbsent: (db) =>
    repo.insertConsolidationIfAbsent(db, {
      id: CONSOLIDATION,
      orgId: GRASSROOTS,
      year: 2026,
      reason: 'Xếp loại «Không hoàn thành nhiệm vụ» năm 2026',
      createdBy: USER,
      now: NOW,
    }),
  insertChange: (db) =>
    repo.insertChange(db, {
      id: CONSOLIDATION,
      period_id: PERIOD,
      subject: 'member',
      evaluation_id: MEMBER,
      before_label: 'good',
      after_label: 'completed',
      decision_no: '130-QĐ/ĐU',
      decision_date: '2027-01-10',
      reason: 'Phát hiện vi phạm sau công bố',
      created_by: USER,
      created_at: NOW,
    }),
  consolidationOf: (db) => repo.consolidationOf(db, GRASSROOTS, 2026),
  insertConsolidation: (db) =>
    repo.insertConsolidation(db, {
      id: CONSOLIDATION,
      org_id: GRASSROOTS,
      year: 2026,
      reason: 'Nội bộ mất đoàn kết',
      plan: 'Kiện toàn cấp ủy',
      responsible: 'Đồng chí Phó Bí thư',
      deadline: '2027-06-30',
      outcome: null,
      status: 'open',
      created_by: USER,
      created_at: NOW,
      updated_at: NOW,
    }),
  updateConsolidation: (db) => repo.updateConsolidation(db, CONSOLIDATION, { outcome: 'Đã kiện toàn', status: 'done', updated_at: NOW }),
};
