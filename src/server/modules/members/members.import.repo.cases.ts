/** Representative calls of the members queries of the spreadsheet import and export, for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './members.import.repo.ts';

const COMMUNE = '0190a1b2-0000-7000-8000-000000000010';
const MEMBER = '0190a1b2-0000-7000-8000-000000000100';
const SCOPE = [`/0190a1b2-0000-7000-8000-000000000001/${COMMUNE}/`];

export const cases: SqlCases<typeof repo> = {
  membersByCccd: (db) => repo.membersByCccd(db, ['001090000003', '001185000001']),
  membersByName: (db) =>
    repo.membersByName(db, SCOPE, [
      { name: 'Lê Văn Cường', year: 1979 },
      { name: 'Phạm Văn Dũng', year: 1990 },
    ]),
  memberOrgs: (db) => repo.memberOrgs(db, [MEMBER]),
  updateMembers: (db) => repo.updateMembers(db, [{ id: MEMBER, ethnicity: '01', hometown: 'Xã Tân Lập' }], new Date('2026-11-20T03:00:00Z')),
  exportIds: (db) => repo.exportIds(db, SCOPE, { status: 'on_roll', ethnicity: '01' }),
  exportRows: (db) => repo.exportRows(db, [MEMBER], '2026-11-20'),
};
