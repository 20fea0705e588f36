/** Representative calls of the organisation reads of the reports, for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './orgs.reports.repo.ts';

const ROOT = '01900000-0000-7000-8000-0000000000a1';
const CHILD = '01900000-0000-7000-8000-0000000000b1';
const PATH = `/${ROOT}/`;

export const cases: SqlCases<typeof repo> = {
  reportRootOn: (db) => repo.reportRootOn(db, ROOT, '2025-12-31'),
  rootVersionsBetween: (db) => repo.rootVersionsBetween(db, ROOT, '2025-01-01', '2025-12-31'),
  childrenOn: (db) => repo.childrenOn(db, PATH, 0, '2025-12-31', [PATH]),
  orgCountsOn: (db) => repo.orgCountsOn(db, PATH, '2025-12-31', [`${PATH}${CHILD}/`], 3),
  orgListOn: (db) => repo.orgListOn(db, PATH, '2025-12-31', 'all', { kind: 'chi_bo_truc_thuoc', sector: 'none', grassroots: true, includeSelf: true }, 2, 50),
  kindsAndSectors: (db) => repo.kindsAndSectors(db),
  subtreeOrgsOnQuery: (db) => repo.subtreeOrgsOnQuery(db, PATH, '2025-12-31', [PATH], ['chi_bo_co_so', 'chi_bo_truc_thuoc']).execute(),
  orgWithinOnSql: 'a condition of the members report queries (members.reports.repo snapshot)',
  childSegmentOnSql: 'a column of the members report queries (members.reports.repo snapshot)',
  orgIdInScopeSql: 'a condition of the members report queries (members.reports.repo snapshot)',
  subtreeVersionsSql: 'a derived table of the members report queries (members.reports.repo snapshot)',
  onVersionSql: 'a join condition of the members report queries (members.reports.repo snapshot)',
};
