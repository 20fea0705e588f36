/** Cases of the user reads the members module composes, for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import type * as repo from './users.members.repo.ts';

export const cases: SqlCases<typeof repo> = {
  userFullNameSql: 'a scalar subquery, shown in members.repo (listMemberEvents: the name of the event’s author)',
};
