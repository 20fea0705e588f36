/**
 * The catalogues (`catalogue_item`: education levels, ethnicities, religions, occupations… seeded by the migrations,
 * domain/catalogues.ts): this module owns the table, and every other module reads and checks catalogue codes through
 * these functions.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Every catalogue item, by catalogue and sort order (the /api/meta/catalogues answer, the import's code lookup). */
export function catalogueItems(db: Kysely<DB>) {
  return db.selectFrom('catalogue_item').select(['catalogue', 'code', 'name']).orderBy('catalogue').orderBy('sort').execute();
}

/** The items (catalogue and code) of these catalogues: what the member list's filters check their values against. */
export function catalogueCodes(db: Kysely<DB>, catalogues: readonly string[]) {
  return db.selectFrom('catalogue_item').select(['catalogue', 'code']).where('catalogue', 'in', catalogues).execute();
}

/** A catalogue's item with this code, if any. */
export function findCatalogueCode(db: Kysely<DB>, catalogue: string, code: string) {
  return db.selectFrom('catalogue_item').select('code').where('catalogue', '=', catalogue).where('code', '=', code).executeTakeFirst();
}

/** Whether the catalogue holds an item with this code. */
export async function catalogueItemExists(db: Kysely<DB>, catalogue: string, code: string): Promise<boolean> {
  return (await findCatalogueCode(db, catalogue, code)) !== undefined;
}

/** The codes, of those given, that the catalogue does not hold (in the order given). */
export async function missingCatalogueCodes(db: Kysely<DB>, catalogue: string, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const found = new Set(
    (
      await db
        .selectFrom('catalogue_item')
        .select('code')
        .where('catalogue', '=', catalogue)
        .where('code', 'in', [...codes])
        .execute()
    ).map((r) => r.code),
  );
  return codes.filter((c) => !found.has(c));
}
