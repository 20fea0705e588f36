/** The catalogue reads the members module needs (catalogue owns catalogue_item): the codes a member file may hold. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** A catalogue's item with this code, if any. */
export function findCatalogueCode(db: Kysely<DB>, catalogue: string, code: string) {
  return db.selectFrom('catalogue_item').select('code').where('catalogue', '=', catalogue).where('code', '=', code).executeTakeFirst();
}

/** The catalogue items of these catalogues (code and catalogue). */
export function catalogueCodes(db: Kysely<DB>, catalogues: readonly string[]) {
  return db.selectFrom('catalogue_item').select(['catalogue', 'code']).where('catalogue', 'in', catalogues).execute();
}

/** Every catalogue item, by catalogue and sort order. */
export function catalogueItems(db: Kysely<DB>) {
  return db.selectFrom('catalogue_item').select(['catalogue', 'code', 'name']).orderBy('catalogue').orderBy('sort').execute();
}
