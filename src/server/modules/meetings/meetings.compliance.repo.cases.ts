/** Representative calls of the compliance repository for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './meetings.compliance.repo.ts';

const CELL = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7d02';
const RULES: repo.RuleStretch[] = [
  { from: '2011-01-19', to: '2025-10-28', minMinutes: 0, minMinutesCombined: 0, documentsDaysBefore: 0 },
  { from: '2025-10-28', to: null, minMinutes: 90, minMinutesCombined: 120, documentsDaysBefore: 1 },
];

const PATH = '/01936f5e-7a40-7c1e-9b2a-3f4d5e6a7d01/';

export const cases: SqlCases<typeof repo> = {
  complianceOfCells: (db) => repo.complianceOfCells(db, PATH, [PATH], '2025-01-01', '2025-12-31', RULES),
  complianceByCell: (db) => repo.complianceByCell(db, [CELL], '2025-01-01', '2025-12-31', RULES),
  complianceMeetings: (db) => repo.complianceMeetings(db, [CELL], '2025-01-01', '2025-12-31', RULES, 'short', 1, 50),
};
