/** Representative calls of the catalogue's reads for admissions, for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './catalogue.admissions.repo.ts';

export const cases: SqlCases<typeof repo> = {
  findCatalogueCode: (db) => repo.findCatalogueCode(db, 'ethnicity', 'kinh'),
};
