/** Representative calls of the inspection demo's repository for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './inspection.demo.repo.ts';

const ORG = '01900000-0000-7000-8000-000000000001';

export const cases: SqlCases<typeof repo> = {
  insertDemoInspection: (db) =>
    repo.insertDemoInspection(db, {
      plans: [
        { id: '01900000-0000-7000-8000-000000000002', org_id: ORG, year: 2026, body: 'committee', title: 'Kế hoạch', decision_no: null, approved_on: null },
      ],
      items: [],
      cases: [],
    }),
};
