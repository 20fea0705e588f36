/** Representative calls of the orgs' reads for admissions, for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './orgs.admissions.repo.ts';

const ROOT = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7b04';
const CELL = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7b03';

export const cases: SqlCases<typeof repo> = {
  orgInScopeSql: 'a condition composed by the admissions repository: see admissions.repo.sql (findDossier, listDossiers)',
  orgInSubtreeSql: 'a condition composed by other repositories: see admissions.repo.sql (pipelineIn) and members.admissions.repo.sql (admittedIn)',
  orgCurrentPathSql: 'a scalar subquery composed by the admissions repository: see admissions.repo.sql (findDossier, findCandidate)',
  orgIsChildOnSql: 'a condition composed by the admissions repository: see admissions.repo.sql (siblingTargetSum)',
  orgWithChildren: (db) => repo.orgWithChildren(db, ROOT, '2026-03-02'),
  orgPath: (db) => repo.orgPath(db, CELL),
  orgIdAndPath: (db) => repo.orgIdAndPath(db, ROOT),
  firstRootOrg: (db) => repo.firstRootOrg(db, '2026-03-02'),
};
