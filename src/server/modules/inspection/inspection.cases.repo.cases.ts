/** Representative calls of the inspection cases' repository for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './inspection.cases.repo.ts';

const ORG = '01900000-0000-7000-8000-000000000001';
const CASE = '01900000-0000-7000-8000-000000000004';
const MEMBER = '01900000-0000-7000-8000-000000000005';
const PATH = `/${ORG}/`;

export const cases: SqlCases<typeof repo> = {
  insertCase: (db) =>
    repo.insertCase(db, {
      id: CASE,
      org_id: ORG,
      body: 'inspection_committee',
      subject_kind: 'member',
      subject_member_id: MEMBER,
      subject_org_id: null,
      source: 'denunciation',
      summary: 'Đơn tố cáo',
      received_on: '2026-03-01',
      opened_on: '2026-03-10',
      decision_no: null,
      decided_on: null,
      status: 'open',
      concluded_on: null,
      conclusion: null,
      violation_found: null,
      outcome: null,
      documents: [],
    }),
  updateCase: (db) => repo.updateCase(db, CASE, { status: 'concluded', concluded_on: '2026-05-01', violation_found: true, outcome: 'discipline' }),
  findCase: (db) => repo.findCase(db, CASE),
  listCases: (db) => repo.listCases(db, PATH, [PATH], 'open', 1, 50),
  openCaseAgainst: (db) => repo.openCaseAgainst(db, MEMBER),
  caseStatistics: (db) => repo.caseStatistics(db, PATH, 'all', '2026-01-01', '2026-12-31', 3),
};
