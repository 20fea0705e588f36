/** Representative calls of the meetings' bulk inserts, for the SQL snapshot. */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './meetings.demo.repo.ts';

const MEETING = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7d01';
const CELL = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7d02';
const MEMBER = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7d04';

export const cases: SqlCases<typeof repo> = {
  insertMeetingRows: (db) =>
    repo.insertMeetingRows(db, [
      { id: MEETING, org_id: CELL, kind: 'regular', status: 'held', planned_on: '2025-03-10', held_on: '2025-03-10', roll_count: 1, present_count: 1 },
    ]),
  insertAttendanceRows: (db) =>
    repo.insertAttendanceRows(db, [
      { meeting_id: MEETING, member_id: MEMBER, attendance: 'present', membership: 'official', member_status: 'active', counts_for_quorum: true },
    ]),
};
