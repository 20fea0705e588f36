/** Representative calls of the absence alert's repository for the SQL snapshot. */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './meetings.alerts.repo.ts';

const MEMBER = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7d04';
const PARENT = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7d03';
const USER = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7d07';

export const cases: SqlCases<typeof repo> = {
  absenceCandidates: (db) => repo.absenceCandidates(db, [`/${PARENT}/`], 2025, 3),
  yearMarks: (db) => repo.yearMarks(db, [MEMBER], 2025),
  memberOwnMeetings: (db) => repo.memberOwnMeetings(db, MEMBER, PARENT, '2025-01-01', '2025-12-31'),
  sentMaterials: (db) => repo.sentMaterials(db, [MEMBER]),
  memberMaterial: (db) => repo.memberMaterial(db, MEMBER, PARENT, '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7d0a'),
  dismissalsOf: (db) => repo.dismissalsOf(db, [MEMBER], 2025, 'meetings'),
  insertDismissal: (db) =>
    repo.insertDismissal(db, {
      id: '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7d09',
      member_id: MEMBER,
      year: 2025,
      source: 'meetings',
      months: 3,
      reason: 'Đi công tác dài ngày, đã báo chi bộ',
      dismissed_by: USER,
      dismissed_at: new Date('2026-03-09T02:00:00Z'),
    }),
};
