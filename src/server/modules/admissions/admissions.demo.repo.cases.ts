/** Representative calls of the admissions repository of the demo generator, for the SQL snapshot. */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './admissions.demo.repo.ts';

const CELL = '01890a5d-ac96-7c3e-9b1a-4f2e8d6c0a02';
const CANDIDATE = '01890a5d-ac96-7c3e-9b1a-4f2e8d6c1a01';
const DOSSIER = '01890a5d-ac96-7c3e-9b1a-4f2e8d6c1b01';
const ADMIN = '01890a5d-ac96-7c3e-9b1a-4f2e8d6c0d41';
const NOW = new Date('2026-12-07T08:00:00Z');

export const cases: SqlCases<typeof repo> = {
  insertCandidates: (db) =>
    repo.insertCandidates(db, [
      {
        id: CANDIDATE,
        org_id: CELL,
        full_name: 'Trần Thị Bình',
        family_name: 'Trần',
        middle_name: 'Thị',
        given_name: 'Bình',
        name_sort_key: 'binh tran thi',
        gender: 'nu',
        birth_date: '1998-07-02',
        general_education: 'thpt',
      },
    ]),
  insertDossiers: (db) =>
    repo.insertDossiers(db, [
      {
        id: DOSSIER,
        candidate_id: CANDIDATE,
        org_id: CELL,
        opened_on: '2026-03-02',
        listing_resolution_no: '12-NQ/CB',
        ruleset_id: 'qd294-2025',
        stage: 'course',
        status: 'open',
        certificate_valid_until: '2031-04-15',
        ceremony_due_on: null,
      },
    ]),
  insertSteps: (db) =>
    repo.insertSteps(db, [
      {
        id: '01890a5d-ac96-7c3e-9b1a-4f2e8d6c1c01',
        dossier_id: DOSSIER,
        seq: 1,
        kind: 'course',
        on_date: '2026-04-15',
        decision_no: null,
        data: JSON.stringify({ certificateNo: '215/GCN' }),
        documents: '[]',
        note: null,
        recorded_by: ADMIN,
        recorded_at: NOW,
      },
    ]),
  insertTargets: (db) =>
    repo.insertTargets(db, [{ id: '01890a5d-ac96-7c3e-9b1a-4f2e8d6c1d01', org_id: CELL, year: 2026, target: 12, note: null, set_by: ADMIN, set_at: NOW }]),
};
