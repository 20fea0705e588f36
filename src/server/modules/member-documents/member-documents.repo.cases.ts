/** Representative calls of the member-documents repository for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './member-documents.repo.ts';

const MEMBER = '01890a5d-ac96-7c3e-9b1a-4f2e8d6c0a11';
const DOCUMENT = '01890a5d-ac96-7c3e-9b1a-4f2e8d6c0c31';
const USER = '01890a5d-ac96-7c3e-9b1a-4f2e8d6c0d41';

export const cases: SqlCases<typeof repo> = {
  listDocuments: (db) => repo.listDocuments(db, MEMBER),
  findDocument: (db) => repo.findDocument(db, MEMBER, DOCUMENT),
  latestVersion: (db) => repo.latestVersion(db, MEMBER, 'application', 'Đơn xin vào Đảng'),
  lockMember: (db) => repo.lockMember(db, MEMBER),
  insertDocument: (db) =>
    repo.insertDocument(db, {
      id: DOCUMENT,
      member_id: MEMBER,
      doc_type: 'application',
      title: 'Đơn xin vào Đảng',
      version: 1,
      file_name: 'Don xin vao Dang.pdf',
      mime: 'application/pdf',
      size: 48213,
      sha256: 'b5bb9d8014a0f9b1d61e21e796d78dccdf1352f23cd32812f4850b878ae4944c',
      storage_key: 'b5/bb/b5bb9d8014a0f9b1d61e21e796d78dccdf1352f23cd32812f4850b878ae4944c',
      certified_by: 'UBND xã Tân Phú',
      certified_on: '2026-11-30',
      note: null,
      uploaded_by: USER,
      uploaded_at: new Date('2026-12-07T08:00:00Z'),
    }),
};
