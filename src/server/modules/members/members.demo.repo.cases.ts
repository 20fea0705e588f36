/** Representative calls of the members repository of the demo generator, for the SQL snapshot. */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './members.demo.repo.ts';

const MEMBER = '01890a5d-ac96-7c3e-9b1a-4f2e8d6c0a11';
const CELL = '01890a5d-ac96-7c3e-9b1a-4f2e8d6c0a02';

export const cases: SqlCases<typeof repo> = {
  insertMemberRows: (db) =>
    repo.insertMemberRows(db, [
      {
        id: MEMBER,
        org_id: CELL,
        full_name: 'Nguyễn Văn An',
        family_name: 'Nguyễn',
        middle_name: 'Văn',
        given_name: 'An',
        name_sort_key: 'an nguyen van',
        gender: 'nam',
        birth_date: '1985-03-14',
        admitted_on: '2010-05-19',
        official_on: '2011-05-19',
        left_on: null,
      },
    ]),
  insertMemberEventRows: (db) =>
    repo.insertMemberEventRows(db, [
      {
        id: '01890a5d-ac96-7c3e-9b1a-4f2e8d6c0f61',
        member_id: MEMBER,
        kind: 'admitted',
        effective_date: '2010-05-19',
        decision_no: '45-QĐ/ĐU',
        decision_date: '2010-05-10',
        org_id: CELL,
        to_org_id: null,
        details: JSON.stringify({ ceremonyOn: '2010-05-19' }),
        actor_id: null,
      },
    ]),
  insertMemberBadgeAwardRows: (db) =>
    repo.insertMemberBadgeAwardRows(db, [
      { id: '01890a5d-ac96-7c3e-9b1a-4f2e8d6c0f81', member_id: MEMBER, milestone: 30, awarded_on: '2040-05-19', decision_no: null, early_reason: null },
    ]),
  activeOfficialsBefore: (db) => repo.activeOfficialsBefore(db, '2024-12-07'),
  recentlyAdmitted: (db) => repo.recentlyAdmitted(db, '2024-10-07', '2025-12-07'),
};
