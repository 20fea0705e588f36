/** Representative calls of the tally by month of birth for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './members.birth-tally.repo.ts';

export const cases: SqlCases<typeof repo> = {
  birthBandOf: 'sends no SQL: it decides whether countByBirthBand counts the list (members.repo.ts listMembers)',
  // No band (the unfiltered list), then a band of ages 40–49 on 20/11/2026 on the roll, then one open at the top.
  countByBirthBand: async (db) => {
    await repo.countByBirthBand(db, { onRoll: false });
    await repo.countByBirthBand(db, { bornOnOrBefore: '1986-11-20', bornAfter: '1976-11-20', onRoll: true });
    await repo.countByBirthBand(db, { bornOnOrBefore: '1966-11-20', onRoll: false });
  },
};
