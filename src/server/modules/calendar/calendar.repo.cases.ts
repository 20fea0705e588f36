/** Representative calls of the calendar repository for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './calendar.repo.ts';

export const cases: SqlCases<typeof repo> = {
  listAdjustments: (db) => repo.listAdjustments(db),
  adjustmentsBetween: (db) => repo.adjustmentsBetween(db, '2026-01-01', '2026-12-31'),
  findAdjustment: (db) => repo.findAdjustment(db, '2026-09-02'),
  upsertAdjustment: (db) => repo.upsertAdjustment(db, { date: '2026-09-01', kind: 'holiday', note: 'Nghỉ bù' }),
  deleteAdjustment: (db) => repo.deleteAdjustment(db, '2026-09-01'),
};
