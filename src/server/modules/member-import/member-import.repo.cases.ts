/** Representative calls of the member import's repository (its stored previews), for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './member-import.repo.ts';

const IMPORT = '0190a1b2-0000-7000-8000-00000000abcd';
const ACTOR = '0190a1b2-0000-7000-8000-000000000001';
const MEMBER = '0190a1b2-0000-7000-8000-000000000100';
const SHA = 'c0ffee0000000000000000000000000000000000000000000000000000000000';
const AT = new Date('2026-11-20T03:00:00Z');
const SUMMARY = { new: 1, update: 1, unchanged: 0, error: 0, problems: 0, warnings: 0 };

export const cases: SqlCases<typeof repo> = {
  insertImport: (db) =>
    repo.insertImport(db, {
      id: IMPORT,
      actorId: ACTOR,
      createdAt: AT,
      fileName: 'Danh sách chi bộ.xlsx',
      fileKind: 'xlsx',
      sha256: SHA,
      totalRows: 0,
      columns: [{ index: 1, header: 'Họ và tên', field: 'fullName' }],
      summary: SUMMARY,
    }),
  insertImportRows: (db) =>
    repo.insertImportRows(db, IMPORT, [
      { row: 4, action: 'new', memberId: null, data: { fullName: 'Phạm Văn Dũng' }, changes: [], problems: [], warnings: [] },
      {
        row: 5,
        action: 'update',
        memberId: MEMBER,
        data: { fullName: 'Trần Thị Bình' },
        changes: [{ field: 'ethnicity', from: null, to: '01' }],
        problems: [],
        warnings: [],
      },
    ]),
  finishImport: (db) => repo.finishImport(db, IMPORT, 2, SUMMARY),
  deleteImport: (db) => repo.deleteImport(db, IMPORT),
  importExists: (db) => repo.importExists(db, IMPORT),
  findImport: (db) => repo.findImport(db, ACTOR, IMPORT),
  sameFileImport: (db) => repo.sameFileImport(db, ACTOR, SHA, IMPORT),
  importRows: (db) => repo.importRows(db, IMPORT, { offset: 0, limit: 200, action: 'update' }),
  rowsWithIssues: (db) => repo.rowsWithIssues(db, IMPORT, 'problems', 1000),
  storedRowChunks: async (db) => {
    for await (const chunk of repo.storedRowChunks(db, IMPORT, 2000)) return chunk;
  },
  storedRows: (db) => repo.storedRows(db, IMPORT, [5, 9]),
  markCommitted: (db) => repo.markCommitted(db, IMPORT, AT, { created: 1, updated: 1, unchanged: 0 }),
  purgeImports: (db) => repo.purgeImports(db, new Date('2026-11-13T03:00:00Z')),
};
