/** Representative calls of the places the modules below orgs read, for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './orgs.places.repo.ts';

const ORG = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const OTHER = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c';

export const cases: SqlCases<typeof repo> = {
  orgPlaces: (db) => repo.orgPlaces(db, [ORG, OTHER]),
  grassrootsAmong: (db) => repo.grassrootsAmong(db, [ORG, OTHER]),
  grantPlaceSql: "a grant's place in the session's one statement: shown in src/server/queries/auth.repo.sql",
  orgInScopeSql: 'a condition other queries compose (the audit list, the user list): shown in src/server/queries/audit.repo.sql and users.repo.sql',
};
