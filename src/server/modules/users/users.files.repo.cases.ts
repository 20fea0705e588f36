/** Representative calls of the users repository used by the member file's satellites, for the SQL snapshot. */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import type * as repo from './users.files.repo.ts';

export const cases: SqlCases<typeof repo> = {
  userFullNameSql: 'a fragment (scalar subquery); shown in member-documents.repo.sql (listDocuments)',
};
