/** Representative calls of the organisations' reads for discipline, for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './orgs.discipline.repo.ts';

export const cases: SqlCases<typeof repo> = {
  orgForDiscipline: (db) => repo.orgForDiscipline(db, '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', '2025-06-01'),
};
