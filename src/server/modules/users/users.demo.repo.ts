/** What the demo generator (src/server/demo) reads of user accounts. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** How many accounts there are (an empty database has none). */
export async function userCount(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
