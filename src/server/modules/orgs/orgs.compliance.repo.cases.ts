/** Representative calls of the organisation reads of the meetings' compliance, for the SQL snapshot. */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './orgs.compliance.repo.ts';

const ROOT = '01900000-0000-7000-8000-0000000000a1';
const PATH = `/${ROOT}/`;

export const cases: SqlCases<typeof repo> = {
  cellsUnderBetween: (db) => repo.cellsUnderBetween(db, PATH, '2025-01-01', '2025-12-31', [PATH]),
  cellsUnderBetweenQuery: 'a subquery composed by the meetings compliance: see meetings.compliance.repo.sql (complianceOfCells)',
};
