/** Representative calls of the members' report queries, for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './members.reports.repo.ts';

const ROOT = '01900000-0000-7000-8000-0000000000a1';
const PATH = `/${ROOT}/`;
const SCOPE = [PATH];

export const cases: SqlCases<typeof repo> = {
  compositionOn: (db) =>
    repo.compositionOn(db, {
      path: PATH,
      asOf: '2025-12-31',
      scope: SCOPE,
      childAt: 3,
      ageBands: [
        { key: 'ge61', startOnOrBefore: '1964-12-31' },
        { key: 'le30', startOnOrBefore: null },
      ],
      partyAgeBands: [
        { key: 'ge50', startOnOrBefore: '1975-12-31' },
        { key: 'lt10', startOnOrBefore: null },
      ],
    }),
  changesBetween: (db) =>
    repo.changesBetween(
      db,
      [
        { path: PATH, from: '2025-01-01', to: '2025-06-30' },
        { path: `/01900000-0000-7000-8000-0000000000c1${PATH}`, from: '2025-07-01', to: '2025-12-31' },
      ],
      SCOPE,
      3,
    ),
  admissionsBetween: (db) => repo.admissionsBetween(db, [{ path: PATH, from: '2021-01-01', to: '2025-10-31' }], SCOPE, 3),
  rollTotalsOn: (db) =>
    repo.rollTotalsOn(
      db,
      [
        { asOf: '2024-12-31', path: PATH, childAt: 3 },
        { asOf: '2025-12-31', path: `/01900000-0000-7000-8000-0000000000c1${PATH}`, childAt: 4 },
      ],
      SCOPE,
    ),
  disciplinesOfSegmentSql: 'a part of changesBetween (shown in its snapshot)',
  rollCountOn: (db) => repo.rollCountOn(db, PATH, '2025-12-31', 'all', null),
};
