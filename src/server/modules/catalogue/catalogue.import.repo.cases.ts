/** Representative calls of the catalogue reads of the member import, for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './catalogue.import.repo.ts';

export const cases: SqlCases<typeof repo> = {
  catalogueItems: (db) => repo.catalogueItems(db),
};
