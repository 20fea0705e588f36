/** The user reads the members module needs (users owns app_user): the name of whoever recorded an event. */
import { sql, type RawBuilder } from 'kysely';

/** The full name of the user whose id is in `userIdColumn` (null for none), as a scalar subquery. */
export function userFullNameSql(userIdColumn: string): RawBuilder<string | null> {
  return sql<string | null>`(SELECT u.full_name FROM app_user u WHERE u.id = ${sql.ref(userIdColumn)})`;
}
