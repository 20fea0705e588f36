/** Representative calls of the discipline figures' repository for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './discipline.reports.repo.ts';

const ORG = '01900000-0000-7000-8000-000000000001';
const PATH = `/${ORG}/`;

export const cases: SqlCases<typeof repo> = {
  decisionStatistics: (db) => repo.decisionStatistics(db, PATH, [PATH], '2026-01-01', '2026-12-31', 2),
  complaintStatistics: (db) => repo.complaintStatistics(db, PATH, 'all', '2026-01-01', '2026-12-31'),
  listDisciplineFigure: (db) =>
    repo.listDisciplineFigure(db, { path: PATH, scope: [PATH], from: '2026-01-01', to: '2026-12-31', subjectKind: 'member', complaint: 'changed' }, 1, 50),
};
