/**
 * Admissions (domain.md §6): candidates (not yet members), one dossier per admission attempt with the rule-set version
 * it was opened under, each step as a dated record, the overrides of failed checks, and the yearly admission targets.
 * Dates the work queue reads (certificate validity, ceremony deadline, end of probation, recognition deadline) are
 * kept on the dossier when the step that fixes them is recorded.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE admission_candidate (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES org(id),
      full_name text NOT NULL,
      family_name text NOT NULL,
      middle_name text NOT NULL,
      given_name text NOT NULL,
      name_sort_key text NOT NULL,
      gender text NOT NULL CHECK (gender IN ('nam', 'nu')),
      birth_date date,
      cccd text,
      ethnicity text,
      religion text,
      general_education text,
      occupation text,
      workplace text,
      position text,
      phone text,
      hometown text,
      current_address text,
      youth_union_on date,
      helper_member_id uuid REFERENCES member(id),
      former_member_id uuid REFERENCES member(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX admission_candidate_org ON admission_candidate (org_id)`.execute(db);
  await sql`CREATE UNIQUE INDEX admission_candidate_cccd ON admission_candidate (cccd) WHERE cccd IS NOT NULL`.execute(db);

  await sql`
    CREATE TABLE admission_dossier (
      id uuid PRIMARY KEY,
      candidate_id uuid NOT NULL REFERENCES admission_candidate(id),
      org_id uuid NOT NULL REFERENCES org(id),
      opened_on date NOT NULL,
      listing_resolution_no text,
      ruleset_id text NOT NULL,
      readmission boolean NOT NULL DEFAULT false,
      stage text NOT NULL DEFAULT 'listed',
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'probation', 'official', 'closed')),
      member_id uuid REFERENCES member(id),
      certificate_valid_until date,
      ceremony_due_on date,
      ceremony_on date,
      probation_ends_on date,
      recognition_due_on date,
      official_on date,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX admission_dossier_org ON admission_dossier (org_id, status)`.execute(db);
  await sql`CREATE INDEX admission_dossier_candidate ON admission_dossier (candidate_id)`.execute(db);

  await sql`
    CREATE TABLE admission_step (
      id uuid PRIMARY KEY,
      dossier_id uuid NOT NULL REFERENCES admission_dossier(id),
      seq int NOT NULL,
      kind text NOT NULL,
      on_date date NOT NULL,
      decision_no text,
      data jsonb NOT NULL DEFAULT '{}',
      documents jsonb NOT NULL DEFAULT '[]',
      note text,
      recorded_by uuid NOT NULL REFERENCES app_user(id),
      recorded_at timestamptz NOT NULL,
      UNIQUE (dossier_id, seq)
    )`.execute(db);

  await sql`
    CREATE TABLE admission_check_override (
      id uuid PRIMARY KEY,
      dossier_id uuid NOT NULL REFERENCES admission_dossier(id),
      step_id uuid NOT NULL REFERENCES admission_step(id),
      check_code text NOT NULL,
      message text NOT NULL,
      reason text NOT NULL,
      overridden_by uuid NOT NULL REFERENCES app_user(id),
      overridden_at timestamptz NOT NULL
    )`.execute(db);

  await sql`
    CREATE TABLE admission_target (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES org(id),
      year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      target int NOT NULL CHECK (target >= 0),
      note text,
      set_by uuid NOT NULL REFERENCES app_user(id),
      set_at timestamptz NOT NULL,
      UNIQUE (org_id, year)
    )`.execute(db);
}
