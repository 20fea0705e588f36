/** Representative calls of the organisation reads of the evaluation module, for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './orgs.evaluation.repo.ts';

const ROOT = '01900000-0000-7000-8000-0000000000a1';
const GRASSROOTS = '01900000-0000-7000-8000-0000000000b1';

export const cases: SqlCases<typeof repo> = {
  currentOrgs: (db) => repo.currentOrgs(db).where('id', '=', ROOT).execute(),
  subtreeWithKindsOn: (db) => repo.subtreeWithKindsOn(db, `/${ROOT}/`, '2026-12-01'),
  anyGrassrootsOn: (db) => repo.anyGrassrootsOn(db, [ROOT, GRASSROOTS], '2026-12-01'),
  versionOn: (db) => repo.versionOn(db, GRASSROOTS, '2026-12-01'),
  latestOrgNames: (db) => repo.latestOrgNames(db, [ROOT, GRASSROOTS]),
  orgInScope: (db) => repo.orgInScope(db, [`/${ROOT}/${GRASSROOTS}/`], GRASSROOTS),
  defaultResultsRoot: (db) => repo.defaultResultsRoot(db, 'all'),
};
