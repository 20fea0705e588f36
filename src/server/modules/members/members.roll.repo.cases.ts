/** Representative calls of the roll of a date for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import type * as repo from './members.roll.repo.ts';

export const cases: SqlCases<typeof repo> = {
  onRollOnSql: 'the condition rollOnSql and the member list’s `asOf` compose',
  rollOnSql: 'a derived table the reports and the organisation counts of a date compose (shown in their snapshots)',
};
