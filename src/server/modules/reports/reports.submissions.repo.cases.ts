/** Representative calls of the submitted reports' repository for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './reports.submissions.repo.ts';

const ORG = '01900000-0000-7000-8000-000000000001';

export const cases: SqlCases<typeof repo> = {
  lockOrgSubmissions: (db) => repo.lockOrgSubmissions(db, ORG),
  nextVersion: (db) => repo.nextVersion(db, ORG, '2025-01-01', '2025-12-31'),
  insertSubmission: (db) =>
    repo.insertSubmission(db, {
      id: '01900000-0000-7000-8000-000000000002',
      org_id: ORG,
      period_from: '2025-01-01',
      period_to: '2025-12-31',
      version: 1,
      query: { orgId: ORG, from: '2025-01-01', to: '2025-12-31' },
      report: { scope: {}, tables: [] },
      note: null,
      submitted_by: null,
      submitted_by_name: 'Quản trị',
      submitted_at: new Date('2026-01-05T03:00:00Z'),
    }),
  findSubmission: (db) => repo.findSubmission(db, '01900000-0000-7000-8000-000000000002'),
  listSubmissions: (db) => repo.listSubmissions(db, ORG, { from: '2025-01-01', to: '2025-12-31' }),
  submissionsFor: (db) => repo.submissionsFor(db, [ORG], null, '2025-12-31'),
};
