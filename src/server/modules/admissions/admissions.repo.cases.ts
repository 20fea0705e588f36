/** Representative calls of the admissions repository for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './admissions.repo.ts';

const DOSSIER = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7b01';
const CANDIDATE = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7b02';
const CELL = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7b03';
const PARENT = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7b04';
const USER = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7b05';
const STEP = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7b06';
const TARGET = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7b07';
const SCOPE = [`/${PARENT}/`];
const SUBTREE = { from: `/${PARENT}/${CELL}/`, to: `/${PARENT}/${CELL}0` };
const AT = new Date('2026-03-02T02:00:00Z');

export const cases: SqlCases<typeof repo> = {
  scopedDossiers: 'a query builder the other functions start from: see findDossier, listDossiers, probationDossiers, workQueueDossiers',
  findDossier: (db) => repo.findDossier(db, SCOPE, DOSSIER, '2026-03-02'),
  findCandidate: (db) => repo.findCandidate(db, SCOPE, CANDIDATE),
  listDossiers: (db) =>
    repo.listDossiers(db, SCOPE, { q: 'Nguyễn Văn', subtree: SUBTREE, stage: 'cell_vote', status: 'open', page: 2, pageSize: 50 }, '2026-03-02'),
  stageCounts: (db) => repo.stageCounts(db, SCOPE, { q: 'Nguyễn', subtree: SUBTREE, status: 'open' }),
  stepsOf: (db) => repo.stepsOf(db, DOSSIER),
  overridesOf: (db) => repo.overridesOf(db, DOSSIER),
  pipelineIn: (db) => repo.pipelineIn(db, `/${PARENT}/`),
  targetsOf: (db) => repo.targetsOf(db, [PARENT, CELL], [2026]),
  dossierNames: (db) => repo.dossierNames(db, [DOSSIER]),
  candidateById: (db) => repo.candidateById(db, CANDIDATE),
  candidateIdByCccd: (db) => repo.candidateIdByCccd(db, '001203004567'),
  otherCandidateIdByCccd: (db) => repo.otherCandidateIdByCccd(db, '001203004567', CANDIDATE),
  insertCandidate: (db) =>
    repo.insertCandidate(db, {
      id: CANDIDATE,
      org_id: CELL,
      full_name: 'Nguyễn Thị Lan',
      family_name: 'Nguyễn',
      middle_name: 'Thị',
      given_name: 'Lan',
      name_sort_key: 'lan nguyen thi',
      gender: 'nu',
      birth_date: '2000-04-12',
      cccd: '001300004567',
    }),
  insertDossier: (db) =>
    repo.insertDossier(db, {
      id: DOSSIER,
      candidate_id: CANDIDATE,
      org_id: CELL,
      opened_on: '2026-01-15',
      listing_resolution_no: '05-NQ/CB',
      ruleset_id: '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7b08',
      readmission: false,
    }),
  latestDossierOf: (db) => repo.latestDossierOf(db, CANDIDATE),
  updateCandidate: (db) => repo.updateCandidate(db, CANDIDATE, { general_education: '12/12', updated_at: AT }),
  lockDossier: (db) => repo.lockDossier(db, DOSSIER),
  dossierById: (db) => repo.dossierById(db, DOSSIER),
  updateDossier: (db) => repo.updateDossier(db, DOSSIER, { stage: 'cell_vote', updated_at: AT }),
  insertStep: (db) =>
    repo.insertStep(db, {
      id: STEP,
      dossier_id: DOSSIER,
      seq: 6,
      kind: 'cell_vote',
      on_date: '2026-03-02',
      decision_no: '07-NQ/CB',
      data: JSON.stringify({ inFavour: 9 }),
      documents: JSON.stringify([]),
      note: null,
      recorded_by: USER,
      recorded_at: AT,
    }),
  insertOverride: (db) =>
    repo.insertOverride(db, {
      id: '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7b09',
      dossier_id: DOSSIER,
      step_id: STEP,
      check_code: 'age',
      message: 'Chưa đủ 18 tuổi.',
      reason: 'Có văn bản đồng ý của Tỉnh ủy.',
      overridden_by: USER,
      overridden_at: AT,
    }),
  probationDossiers: (db) => repo.probationDossiers(db, SCOPE),
  workQueueDossiers: (db) =>
    repo.workQueueDossiers(db, SCOPE, 'member_form', ['course', 'application', 'verification', 'introduction', 'comments'], '2026-04-01', '2026-05-01'),
  lockTargets: (db) => repo.lockTargets(db),
  targetSumOf: (db) => repo.targetSumOf(db, 2026, [CELL, '00000000-0000-0000-0000-000000000000']),
  targetValueOf: (db) => repo.targetValueOf(db, PARENT, 2026),
  siblingTargetSum: (db) => repo.siblingTargetSum(db, PARENT, 2026, CELL, '2026-03-02'),
  targetRowOf: (db) => repo.targetRowOf(db, CELL, 2026),
  updateTarget: (db) => repo.updateTarget(db, TARGET, { target: 5, note: null, set_by: USER, set_at: AT }),
  insertTarget: (db) => repo.insertTarget(db, { id: TARGET, org_id: CELL, year: 2026, target: 5, note: 'Giao đầu năm', set_by: USER, set_at: AT }),
};
