/** What the member file's satellites (member-documents) read of user accounts, as fragments of their own queries. */
import { sql, type RawBuilder } from 'kysely';

/** The full name of the user whose id is in `userIdColumn`, as a scalar subquery (null for no such user). */
export function userFullNameSql(userIdColumn: string): RawBuilder<string | null> {
  return sql<string | null>`(SELECT u.full_name FROM app_user u WHERE u.id = ${sql.ref(userIdColumn)})`;
}
