/** Representative calls of the term targets' repository for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './congress.targets.repo.ts';

const TERM = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a9c01';
const TARGET = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a9c02';
const AT = new Date('2026-03-02T02:00:00Z');

export const cases: SqlCases<typeof repo> = {
  targetsOf: (db) => repo.targetsOf(db, TERM),
  findTarget: (db) => repo.findTarget(db, TARGET),
  nextTargetSeq: (db) => repo.nextTargetSeq(db, TERM),
  insertTarget: (db) =>
    repo.insertTarget(db, {
      id: TARGET,
      term_id: TERM,
      seq: 1,
      title: 'Tỷ lệ TCCSĐ hoàn thành xuất sắc nhiệm vụ',
      metric: 'orgs_excellent_share',
      kind: 'share',
      unit: 'percent',
      low: 70,
      high: 75,
      created_at: AT,
      updated_at: AT,
    }),
  actualsOf: (db) => repo.actualsOf(db, [TARGET]),
  upsertActuals: (db) => repo.upsertActuals(db, [{ target_id: TARGET, year: 2021, value: 120, entered_at: AT }]),
  deleteActuals: (db) => repo.deleteActuals(db, TARGET, [2022]),
};
