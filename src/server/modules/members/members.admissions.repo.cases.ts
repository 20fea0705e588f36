/** Representative calls of the members' reads for admissions, for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './members.admissions.repo.ts';

const ROOT = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7b04';
const CELL = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7b03';
const MEMBER = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7b10';

export const cases: SqlCases<typeof repo> = {
  memberEvents: (db) => repo.memberEvents(db, [MEMBER, '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7b11']),
  cellMembersOn: (db) => repo.cellMembersOn(db, CELL, '2026-03-02'),
  admittedIn: (db) => repo.admittedIn(db, `/${ROOT}/`, '2026-01-01', '2026-12-31'),
};
