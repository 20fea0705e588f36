/** Representative calls of the member periods' repository for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './members.periods.repo.ts';

const MEMBER = '01900000-0000-7000-8000-000000000011';
const COMMUNE = '01900000-0000-7000-8000-000000000002';
const CELL = '01900000-0000-7000-8000-000000000003';
const ROW = { member_id: MEMBER, valid_from: '2020-01-01', valid_to: null, status: 'active', membership: 'official', org_id: CELL, host_org_id: null } as const;

export const cases: SqlCases<typeof repo> = {
  rollMoves: (db) => repo.rollMoves(db),
  insertMemberPeriodRows: (db) => repo.insertMemberPeriodRows(db, [ROW]),
  replaceMemberPeriods: (db) => repo.replaceMemberPeriods(db, [MEMBER], [ROW]),
  movePeriods: (db) => repo.movePeriods(db, CELL, COMMUNE, '2025-07-01'),
};
