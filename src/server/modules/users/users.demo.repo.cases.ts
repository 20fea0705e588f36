/** Representative calls of the users repository of the demo generator, for the SQL snapshot. */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './users.demo.repo.ts';

export const cases: SqlCases<typeof repo> = {
  userCount: (db) => repo.userCount(db),
};
