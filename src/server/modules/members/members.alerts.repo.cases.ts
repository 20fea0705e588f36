/** Representative calls of the member reads of the absence alert, for the SQL snapshot. */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './members.alerts.repo.ts';

const MEMBER = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7d04';
const PARENT = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7d03';

export const cases: SqlCases<typeof repo> = {
  currentMembersOf: (db) => repo.currentMembersOf(db, [PARENT]),
  alertMembersAmong: (db) => repo.alertMembersAmong(db, [MEMBER], [`/${PARENT}/`]),
};
