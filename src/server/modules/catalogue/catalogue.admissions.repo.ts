/** Catalogue reads the admissions module needs (catalogue owns catalogue_item): a candidate's coded fields. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** A catalogue's item with this code, if any. */
export function findCatalogueCode(db: Kysely<DB>, catalogue: string, code: string) {
  return db.selectFrom('catalogue_item').select('code').where('catalogue', '=', catalogue).where('code', '=', code).executeTakeFirst();
}
