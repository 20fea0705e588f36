/** Representative calls of the organisation tree's repository for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './orgs.repo.ts';

const PROVINCE = '01900000-0000-7000-8000-000000000001';
const COMMUNE = '01900000-0000-7000-8000-000000000002';
const CELL = '01900000-0000-7000-8000-000000000003';
const VERSION = '01900000-0000-7000-8000-00000000000a';
const COMMUNE_PATH = `/${PROVINCE}/${COMMUNE}/`;
const CELL_PATH = `${COMMUNE_PATH}${CELL}/`;
const SCOPE = [COMMUNE_PATH];

export const cases: SqlCases<typeof repo> = {
  findOrgVersion: (db) => repo.findOrgVersion(db, CELL, '2025-06-30', SCOPE),
  listChildren: (db) => repo.listChildren(db, COMMUNE, '2025-06-30', SCOPE),
  childrenOfQuery: (db) => repo.childrenOfQuery(db, COMMUNE, '2025-06-30', SCOPE).execute(),
  // A scoped caller's roots: visible organisations whose superior is not (for 'all', the parentless ones).
  listRoots: (db) => repo.listRoots(db, '2025-06-30', SCOPE),
  countChildren: (db) => repo.countChildren(db, [COMMUNE, CELL], '2025-06-30'),
  subtreeInForceSql: 'a derived table for the member counts of members.tally.repo (shown in its snapshot)',
  subtreeInForceOfSql: 'a derived table for the member counts of the organisation page (shown in members.tally.repo.sql)',
  orgPage: 'the organisation page takes the members fragment the service passes: shown in members.tally.repo.sql with each way of counting',
  namesAsOf: (db) => repo.namesAsOf(db, [PROVINCE, COMMUNE], '2025-06-30'),
  searchOrgs: (db) => repo.searchOrgs(db, 'chi bo', '2025-06-30', SCOPE, 20),
  subtreeFlat: (db) => repo.subtreeFlat(db, COMMUNE_PATH, '2025-06-30'),
  listEvents: (db) => repo.listEvents(db, COMMUNE),
  rootIdsOf: (db) => repo.rootIdsOf(db, [COMMUNE, CELL], '2025-06-30'),
  laterChangeDates: (db) => repo.laterChangeDates(db, [COMMUNE, CELL], '2025-06-30'),
  lockTree: (db) => repo.lockTree(db),
  findPathAsOf: (db) => repo.findPathAsOf(db, PROVINCE, '2025-06-30'),
  currentPathsOf: (db) => repo.currentPathsOf(db, [COMMUNE, CELL]),
  listKindNames: (db) => repo.listKindNames(db),
  listSectorNames: (db) => repo.listSectorNames(db),
  findKindCode: (db) => repo.findKindCode(db, 'chi_bo_truc_thuoc'),
  findSectorCode: (db) => repo.findSectorCode(db, 'xa'),
  listKinds: (db) => repo.listKinds(db),
  listSectors: (db) => repo.listSectors(db),
  insertOrgs: (db) => repo.insertOrgs(db, [{ id: CELL, established_on: '2025-07-01', current_path: CELL_PATH, ended_on: null, end_reason: null }]),
  insertVersions: (db) =>
    repo.insertVersions(db, [
      {
        id: VERSION,
        org_id: CELL,
        valid_from: '2025-07-01',
        valid_to: null,
        parent_id: COMMUNE,
        path: CELL_PATH,
        depth: 2,
        name: 'Chi bộ Thôn Đông',
        code: null,
        kind_code: 'chi_bo_truc_thuoc',
        sector_code: null,
      },
    ]),
  insertEvents: (db) =>
    repo.insertEvents(db, [
      {
        id: VERSION,
        org_id: CELL,
        kind: 'created',
        effective_date: '2025-07-01',
        decision_no: '125-QĐ/ĐU',
        decision_date: '2025-06-25',
        details: JSON.stringify({ summary: 'Thành lập «Chi bộ Thôn Đông»' }),
        batch_id: null,
        actor_id: null,
      },
    ]),
  closeVersions: (db) => repo.closeVersions(db, [VERSION], '2025-07-01'),
  deleteVersions: (db) => repo.deleteVersions(db, [VERSION]),
  updateCurrentPaths: (db) =>
    repo.updateCurrentPaths(db, [
      { id: COMMUNE, path: `/${PROVINCE}/${COMMUNE}/` },
      { id: CELL, path: CELL_PATH },
    ]),
  endOrgs: (db) => repo.endOrgs(db, [CELL], '2025-07-01', 'merged'),
};
