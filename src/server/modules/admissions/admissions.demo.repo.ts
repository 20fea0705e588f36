/** What the demo generator (src/server/demo) writes of admissions: generated candidates, dossiers, steps and targets. */
import type { Insertable, Kysely } from 'kysely';
import type { AdmissionCandidateTable, AdmissionDossierTable, AdmissionStepTable, AdmissionTargetTable, DB } from '../../db/schema.ts';

/** Rows per INSERT statement. */
const CHUNK = 500;

export async function insertCandidates(db: Kysely<DB>, rows: Insertable<AdmissionCandidateTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto('admission_candidate')
      .values(rows.slice(i, i + CHUNK))
      .execute();
}

export async function insertDossiers(db: Kysely<DB>, rows: Insertable<AdmissionDossierTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto('admission_dossier')
      .values(rows.slice(i, i + CHUNK))
      .execute();
}

export async function insertSteps(db: Kysely<DB>, rows: Insertable<AdmissionStepTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto('admission_step')
      .values(rows.slice(i, i + CHUNK))
      .execute();
}

export async function insertTargets(db: Kysely<DB>, rows: Insertable<AdmissionTargetTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto('admission_target')
      .values(rows.slice(i, i + CHUNK))
      .execute();
}
