/** Representative calls of the organisation reads the members module composes, for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './orgs.members.repo.ts';

const ORG = '0190a1b2-0000-7000-8000-000000000010';

export const cases: SqlCases<typeof repo> = {
  currentOrgPaths: 'a table to join, shown in the members repositories (members.repo: findMember, incomingTransferRows)',
  orgIdsInScope: 'a subquery, shown in members.badges.repo (findPlainDue) and members.repo (listMembers by name)',
  orgNameInForceSql: 'a scalar subquery, shown in members.repo (listMembers)',
  orgNamesInForce: (db) => repo.orgNamesInForce(db, [ORG], '2026-11-20'),
  orgCurrentPath: (db) => repo.orgCurrentPath(db, ORG),
  orgKindOn: (db) => repo.orgKindOn(db, ORG, '2026-11-20'),
  orgNameOn: (db) => repo.orgNameOn(db, ORG, '2026-11-20'),
  orgUnderOnSql: 'a condition, shown in members.drilldown.repo (the member list’s changes of a period)',
  orgPathOn: (db) => repo.orgPathOn(db, ORG, '2019-12-31'),
};
