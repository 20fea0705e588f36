/** Representative calls of the organisation name fragments for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import type * as repo from './orgs.names.repo.ts';

export const cases: SqlCases<typeof repo> = {
  latestOrgNameSql:
    'a scalar subquery for other modules’ selects (labels of home, scope and destination organisations); shown in the snapshots of members.repo and evaluation.repo',
  orgNameOnSql:
    'a scalar subquery for other modules’ selects (names on the date a page is about); shown in the snapshots of admissions.repo and evaluation.repo',
};
