/** Representative calls of the organisation reads of the member import, for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './orgs.import.repo.ts';

const SCOPE = ['/0190a1b2-0000-7000-8000-000000000001/0190a1b2-0000-7000-8000-000000000010/'];

export const cases: SqlCases<typeof repo> = {
  editableCells: (db) => repo.editableCells(db, SCOPE, '2026-11-20'),
};
