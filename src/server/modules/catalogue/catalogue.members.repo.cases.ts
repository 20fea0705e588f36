/** Representative calls of the catalogue reads of the members module, for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './catalogue.members.repo.ts';

export const cases: SqlCases<typeof repo> = {
  findCatalogueCode: (db) => repo.findCatalogueCode(db, 'ethnicity', '01'),
  catalogueCodes: (db) => repo.catalogueCodes(db, ['ethnicity', 'religion']),
  catalogueItems: (db) => repo.catalogueItems(db),
};
