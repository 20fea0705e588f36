/** The catalogue reads of the member import and export (catalogue owns catalogue_item). */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Every catalogue item, by catalogue and sort order: the import's code lookup, the template's lists, the export's names. */
export function catalogueItems(db: Kysely<DB>) {
  return db.selectFrom('catalogue_item').select(['catalogue', 'code', 'name']).orderBy('catalogue').orderBy('sort').execute();
}
