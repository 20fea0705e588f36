/** Representative calls of the members' tally repository for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './members.tally.repo.ts';
import { orgPage } from '../orgs/orgs.repo.ts';

const PROVINCE = '01900000-0000-7000-8000-000000000001';
const COMMUNE = '01900000-0000-7000-8000-000000000002';
const CELL = '01900000-0000-7000-8000-000000000003';
const PATH = `/${PROVINCE}/${COMMUNE}/`;

export const cases: SqlCases<typeof repo> = {
  // Each way of counting in turn: the tally by path, the tally joined to the versions in force, the member rows.
  memberCountsByChild: async (db) => {
    for (const mode of ['path', 'versions', 'scan'] as const) await repo.memberCountsByChild(db, PATH, 1, '2025-06-30', mode);
  },
  // First as the service calls it (the horizons choose the way; on the empty database, the tally by path), then the others.
  memberCountOfSubtree: async (db) => {
    await repo.memberCountOfSubtree(db, PATH, '2025-06-30');
    for (const mode of ['versions', 'scan'] as const) await repo.memberCountOfSubtree(db, PATH, '2025-06-30', mode);
  },
  // The organisation page's statement (orgs.repo.ts) with the fragment of each way of counting; first as the service
  // asks for it (the horizons read, on the empty database the tally by path).
  countsByChildOfSql: async (db) => {
    await orgPage(db, COMMUNE, '2025-06-30', [`/${PROVINCE}/`], await repo.countsByChildOfSql(db, '2025-06-30'));
    for (const mode of ['versions', 'scan'] as const) await orgPage(db, COMMUNE, '2025-06-30', 'all', await repo.countsByChildOfSql(db, '2025-06-30', mode));
  },
  directMemberCounts: (db) => repo.directMemberCounts(db, [COMMUNE, CELL], '2025-06-30'),
  moveMembers: (db) => repo.moveMembers(db, CELL, COMMUNE, '2025-07-01'),
};
