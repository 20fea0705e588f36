/** Representative calls of the discipline demo repository for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './discipline.demo.repo.ts';

const ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

export const cases: SqlCases<typeof repo> = {
  insertDecisionRows: (db) =>
    repo.insertDecisionRows(db, [
      {
        id: ID,
        subject_kind: 'org',
        org_id: ID,
        subject_org_id: ID,
        form: 'warning',
        deciding_org_id: ID,
        deciding_body: 'standing_committee',
        deciding_label: 'Ban Thường vụ — Đảng ủy xã',
        decision_no: '12-QĐ/ĐU',
        decided_on: '2025-09-10',
        announced_on: '2025-09-12',
        violation_on: '2025-03-01',
        violation_level: 'warning',
      },
    ]),
  insertComplaintRows: (db) => repo.insertComplaintRows(db, [{ id: ID, decision_id: ID, received_on: '2025-09-12', filed_on: '2025-09-30' }]),
  partyDisciplinedBetween: (db) => repo.partyDisciplinedBetween(db, '2025-01-01', '2025-12-31'),
  partyDisciplinedOrgsBetween: (db) => repo.partyDisciplinedOrgsBetween(db, '2025-01-01', '2025-12-31'),
  lapsingMemberDecisionsSince: (db) => repo.lapsingMemberDecisionsSince(db, '2023-01-01'),
  markComplained: (db) => repo.markComplained(db, ID, '2025-09-30', '2025-11-01'),
  decisionCount: (db) => repo.decisionCount(db),
};
