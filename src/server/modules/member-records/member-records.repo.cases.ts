/** Representative calls of the member-records repository for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './member-records.repo.ts';

const MEMBER = '01890a5d-ac96-7c3e-9b1a-4f2e8d6c0a11';
const RECORD = '01890a5d-ac96-7c3e-9b1a-4f2e8d6c0b21';

export const cases: SqlCases<typeof repo> = {
  listRecords: (db) => repo.listRecords(db, MEMBER, ['work', 'training', 'trip', 'commendation']),
  findRecord: (db) => repo.findRecord(db, MEMBER, RECORD),
  nextSort: (db) => repo.nextSort(db, MEMBER, 'work'),
  insertRecord: (db) =>
    repo.insertRecord(db, {
      id: RECORD,
      member_id: MEMBER,
      kind: 'work',
      data: JSON.stringify({ from: '2015-09', to: '2020-06', unit: 'UBND xã Tân Phú', position: 'Công chức văn phòng' }),
      sort: 1,
      created_at: new Date('2026-12-07T08:00:00Z'),
    }),
  updateRecordData: (db) => repo.updateRecordData(db, MEMBER, RECORD, JSON.stringify({ from: '2015-09', unit: 'UBND xã Tân Phú' })),
  deleteRecord: (db) => repo.deleteRecord(db, MEMBER, RECORD),
  listSheetRecords: (db) => repo.listSheetRecords(db, MEMBER, ['work', 'training', 'trip', 'commendation', 'family', 'political']),
};
