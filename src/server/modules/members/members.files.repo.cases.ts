/** Representative calls of the members repository used by the member file's satellites, for the SQL snapshot. */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './members.files.repo.ts';

const MEMBER = '01890a5d-ac96-7c3e-9b1a-4f2e8d6c0a11';

export const cases: SqlCases<typeof repo> = {
  memberCccd: (db) => repo.memberCccd(db, MEMBER),
  lockMemberRow: (db) => repo.lockMemberRow(db, MEMBER),
};
