/** Representative calls of the orgs repository used by the member file's satellites, for the SQL snapshot. */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './orgs.files.repo.ts';

const ROOT = '01890a5d-ac96-7c3e-9b1a-4f2e8d6c0a01';
const CELL = '01890a5d-ac96-7c3e-9b1a-4f2e8d6c0a02';

export const cases: SqlCases<typeof repo> = {
  orgNamesOn: (db) => repo.orgNamesOn(db, [ROOT, CELL], '2026-12-07'),
};
