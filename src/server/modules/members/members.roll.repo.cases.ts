/** Representative calls of the roll of a date for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './members.roll.repo.ts';

export const cases: SqlCases<typeof repo> = {
  onRollOnSql: 'the condition rollOnSql and the member list’s `asOf` compose',
  partyAgeStartOnSql: 'a fragment the composition’s party-age bands and the member list’s `asOf` party-age filter compose (shown in their snapshots)',
  membershipOnSql: 'a column the member list composes (shown in its snapshot)',
  membershipOf: (db) => repo.membershipOf(db, '01900000-0000-7000-8000-0000000000b1', '2025-12-31'),
  rollOnSql: 'a derived table the reports and the organisation counts of a date compose (shown in their snapshots)',
};
