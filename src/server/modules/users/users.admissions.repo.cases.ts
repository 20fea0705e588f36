/** Representative calls of the users' reads for admissions, for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import type * as repo from './users.admissions.repo.ts';

export const cases: SqlCases<typeof repo> = {
  userFullNameSql: 'a scalar subquery composed by the admissions repository: see admissions.repo.sql (stepsOf, overridesOf)',
};
