/** Representative calls of the member reads of the meetings module for the SQL snapshot. */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './members.meetings.repo.ts';

const CELL = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7c01';
const MEMBER = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7c02';

export const cases: SqlCases<typeof repo> = {
  meetingRollOn: (db) => repo.meetingRollOn(db, CELL, '2026-03-10'),
  memberNames: (db) => repo.memberNames(db, [MEMBER]),
};
