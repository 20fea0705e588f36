/** Representative calls of the catalogue repository for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './catalogue.repo.ts';

export const cases: SqlCases<typeof repo> = {
  catalogueItems: (db) => repo.catalogueItems(db),
  catalogueCodes: (db) => repo.catalogueCodes(db, ['general_education', 'ethnicity']),
  findCatalogueCode: (db) => repo.findCatalogueCode(db, 'ethnicity', '01'),
  catalogueItemExists: (db) => repo.catalogueItemExists(db, 'religion', 'khong'),
  missingCatalogueCodes: (db) => repo.missingCatalogueCodes(db, 'general_education', ['thcs', 'thpt']),
};
