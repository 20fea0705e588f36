/** Representative calls of the orgs repository of the demo generator, for the SQL snapshot. */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './orgs.demo.repo.ts';

const ROOT = '01890a5d-ac96-7c3e-9b1a-4f2e8d6c0a01';
const COMMUNE = '01890a5d-ac96-7c3e-9b1a-4f2e8d6c0a03';
const BATCH = '01890a5d-ac96-7c3e-9b1a-4f2e8d6c0e51';

export const cases: SqlCases<typeof repo> = {
  insertOrgs: (db) =>
    repo.insertOrgs(db, [{ id: COMMUNE, established_on: '2020-01-01', ended_on: null, end_reason: null, current_path: `/${ROOT}/${COMMUNE}/` }]),
  insertOrgVersions: (db) =>
    repo.insertOrgVersions(db, [
      {
        id: '01890a5d-ac96-7c3e-9b1a-4f2e8d6c0a13',
        org_id: COMMUNE,
        valid_from: '2020-01-01',
        valid_to: null,
        name: 'Đảng bộ xã Tân Phú',
        kind_code: 'dang_bo_co_so',
        sector_code: 'xa',
        parent_id: ROOT,
        path: `/${ROOT}/${COMMUNE}/`,
        depth: 2,
        code: null,
      },
    ]),
  insertOrgEvents: (db) =>
    repo.insertOrgEvents(db, [
      {
        id: BATCH,
        org_id: COMMUNE,
        kind: 'created',
        effective_date: '2020-01-01',
        decision_no: '12-QĐ/TU',
        decision_date: '2019-12-20',
        details: '{}',
        batch_id: null,
        actor_id: null,
      },
    ]),
  orgCount: (db) => repo.orgCount(db),
  currentCells: (db) => repo.currentCells(db),
  firstCreatedInBatch: (db) => repo.firstCreatedInBatch(db, BATCH),
  firstCurrentCellUnder: (db) => repo.firstCurrentCellUnder(db, `/${ROOT}/${COMMUNE}/`),
  currentRoot: (db) => repo.currentRoot(db),
  currentChildren: (db) => repo.currentChildren(db, ROOT),
  orgVersionsInForce: (db) => repo.orgVersionsInForce(db, '2024-12-01').execute(),
};
