/** The lookups the member list's filters check their values against: catalogue codes and the organisation asked. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** The catalogue items of these catalogues (code and catalogue). */
export function catalogueCodes(db: Kysely<DB>, catalogues: readonly string[]) {
  return db.selectFrom('catalogue_item').select(['catalogue', 'code']).where('catalogue', 'in', catalogues).execute();
}

/** An organisation's path today, or undefined when there is none with that id. */
export function orgCurrentPath(db: Kysely<DB>, orgId: string) {
  return db.selectFrom('org').select('current_path').where('id', '=', orgId).executeTakeFirst();
}
