/** Representative calls of the member reads of the evaluation module, for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './members.evaluation.repo.ts';

const CELL = '01900000-0000-7000-8000-0000000000c1';
const MEMBER = '01900000-0000-7000-8000-0000000000d1';

export const cases: SqlCases<typeof repo> = {
  memberRollColumns: (db) => repo.memberRollColumns(db).where('id', '=', MEMBER).execute(),
  membersOnRollsOf: (db) => repo.membersOnRollsOf(db, [CELL]),
  eventsOfManyMembers: (db) => repo.eventsOfManyMembers(db, [MEMBER]),
};
