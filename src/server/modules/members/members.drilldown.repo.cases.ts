/** Representative calls of the member list's drill-down conditions for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import type * as repo from './members.drilldown.repo.ts';

export const cases: SqlCases<typeof repo> = {
  drillDownConditions: 'conditions filteredMembers composes (members.repo: listMembers, shown with the drill-down filters)',
};
