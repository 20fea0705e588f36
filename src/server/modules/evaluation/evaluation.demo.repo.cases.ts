/** Representative calls of the evaluation repository of the demo generator, for the SQL snapshot. */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './evaluation.demo.repo.ts';

const PERIOD = '01890a5d-ac96-7c3e-9b1a-4f2e8d6c2a01';
const ADMIN = '01890a5d-ac96-7c3e-9b1a-4f2e8d6c0d41';
const NOW = new Date('2025-12-25T09:00:00Z');

export const cases: SqlCases<typeof repo> = {
  periodMemberRoll: (db) => repo.periodMemberRoll(db, PERIOD),
  periodOrgRoll: (db) => repo.periodOrgRoll(db, PERIOD, '2025-12-01'),
  publishMemberLevels: (db) =>
    repo.publishMemberLevels(
      db,
      [
        { id: '01890a5d-ac96-7c3e-9b1a-4f2e8d6c2b01', l: 'excellent' },
        { id: '01890a5d-ac96-7c3e-9b1a-4f2e8d6c2b02', l: 'good' },
      ],
      ADMIN,
      NOW,
    ),
  publishOrgLevels: (db) => repo.publishOrgLevels(db, [{ id: '01890a5d-ac96-7c3e-9b1a-4f2e8d6c2c01', l: 'good' }], ADMIN, NOW),
  markPeriodPublished: (db) => repo.markPeriodPublished(db, PERIOD, { actorId: ADMIN, now: NOW, decisionNo: '125-QĐ/TU', decisionDate: '2025-12-25' }),
  insertConsolidationIfAbsent: (db) =>
    repo.insertConsolidationIfAbsent(db, {
      id: '01890a5d-ac96-7c3e-9b1a-4f2e8d6c2d01',
      org_id: '01890a5d-ac96-7c3e-9b1a-4f2e8d6c0a03',
      year: 2025,
      reason: 'Xếp loại Không hoàn thành nhiệm vụ năm 2025',
      plan: 'Nâng cao chất lượng sinh hoạt chi bộ',
      responsible: 'Đồng chí Trưởng Ban Tổ chức',
      deadline: '2026-06-30',
      outcome: null,
      status: 'open',
      created_by: ADMIN,
      created_at: NOW,
      updated_at: NOW,
    }),
};
