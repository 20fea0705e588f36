/**
 * Annual evaluation and classification (domain.md §8): periods opened per subtree under a rule-set version, one row
 * per member evaluated and per organisation rated, the overrides of failed checks (each with its written reason),
 * the changes made after publication (each with its decision, keeping the earlier value) and the consolidation list
 * of weak organisations.
 *
 * Levels are stored as the label codes of the period's rule-set version (the four levels from 2018, TSVM, yếu kém,
 * đủ tư cách … before); `final_level` is the published result mapped to the current scale, the only column the
 * results read, next to `year` so a year's figures over a subtree are one index range per organisation.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE evaluation_period (
      id uuid PRIMARY KEY,
      root_org_id uuid NOT NULL REFERENCES org(id),
      year int NOT NULL CHECK (year BETWEEN 1930 AND 2200),
      kind text NOT NULL CHECK (kind IN ('year', 'quarter', 'term')),
      quarter int CHECK (quarter BETWEEN 1 AND 4),
      as_of date NOT NULL,
      ruleset_id text NOT NULL,
      status text NOT NULL CHECK (status IN ('open', 'published')),
      excluded jsonb NOT NULL DEFAULT '{}'::jsonb,
      opened_by uuid REFERENCES app_user(id),
      opened_at timestamptz NOT NULL,
      published_by uuid REFERENCES app_user(id),
      published_at timestamptz,
      decision_no text,
      decision_date date
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX evaluation_period_uniq ON evaluation_period (root_org_id, year, kind, coalesce(quarter, 0))`.execute(db);
  await sql`CREATE INDEX evaluation_period_year_idx ON evaluation_period (year, kind)`.execute(db);

  await sql`
    CREATE TABLE member_evaluation (
      id uuid PRIMARY KEY,
      period_id uuid NOT NULL REFERENCES evaluation_period(id),
      year int NOT NULL,
      member_id uuid NOT NULL REFERENCES member(id),
      org_id uuid NOT NULL REFERENCES org(id),
      grassroots_id uuid NOT NULL REFERENCES org(id),
      late_admission boolean NOT NULL DEFAULT false,
      self_detected_fixed boolean NOT NULL DEFAULT false,
      self_label text,
      self_score jsonb,
      self_by uuid REFERENCES app_user(id),
      self_at timestamptz,
      votes jsonb,
      cell_label text,
      cell_by uuid REFERENCES app_user(id),
      cell_at timestamptz,
      grassroots_label text,
      grassroots_by uuid REFERENCES app_user(id),
      grassroots_at timestamptz,
      decided_label text,
      decided_by uuid REFERENCES app_user(id),
      decided_at timestamptz,
      final_level text CHECK (final_level IN ('excellent', 'good', 'completed', 'not_completed')),
      status text NOT NULL DEFAULT 'draft',
      UNIQUE (period_id, member_id)
    )`.execute(db);
  await sql`CREATE INDEX member_evaluation_period_org_idx ON member_evaluation (period_id, org_id)`.execute(db);
  // The checks of a grid's save read the members of the grassroots organisations it touches.
  await sql`CREATE INDEX member_evaluation_period_grassroots_idx ON member_evaluation (period_id, grassroots_id)`.execute(db);
  // Results: a year's published levels per organisation, read without touching the table (index-only when vacuumed).
  await sql`CREATE INDEX member_evaluation_year_org_idx ON member_evaluation (year, org_id, final_level)`.execute(db);
  await sql`CREATE INDEX member_evaluation_member_idx ON member_evaluation (member_id, year)`.execute(db);

  await sql`
    CREATE TABLE org_evaluation (
      id uuid PRIMARY KEY,
      period_id uuid NOT NULL REFERENCES evaluation_period(id),
      year int NOT NULL,
      org_id uuid NOT NULL REFERENCES org(id),
      parent_id uuid REFERENCES org(id),
      is_cell boolean NOT NULL,
      is_grassroots boolean NOT NULL,
      disciplined boolean NOT NULL DEFAULT false,
      leadership_disciplined boolean NOT NULL DEFAULT false,
      self_label text,
      self_report text,
      self_by uuid REFERENCES app_user(id),
      self_at timestamptz,
      proposed_label text,
      proposed_by uuid REFERENCES app_user(id),
      proposed_at timestamptz,
      decided_label text,
      decided_by uuid REFERENCES app_user(id),
      decided_at timestamptz,
      final_level text CHECK (final_level IN ('excellent', 'good', 'completed', 'not_completed')),
      status text NOT NULL DEFAULT 'draft',
      UNIQUE (period_id, org_id)
    )`.execute(db);
  await sql`CREATE INDEX org_evaluation_year_org_idx ON org_evaluation (year, org_id, final_level)`.execute(db);
  await sql`CREATE INDEX org_evaluation_streak_idx ON org_evaluation (final_level, year, org_id)`.execute(db);

  // Published counts per year, organisation, subject and level, written at publication and on every later change:
  // a province's figures join ~10,000 tally rows to its organisations instead of counting ~90,000 ratings.
  await sql`
    CREATE TABLE evaluation_tally (
      year int NOT NULL,
      subject text NOT NULL CHECK (subject IN ('member', 'grassroots')),
      org_id uuid NOT NULL REFERENCES org(id),
      level text NOT NULL CHECK (level IN ('excellent', 'good', 'completed', 'not_completed')),
      n int NOT NULL,
      PRIMARY KEY (year, subject, org_id, level)
    )`.execute(db);

  await sql`
    CREATE TABLE evaluation_override (
      id uuid PRIMARY KEY,
      period_id uuid NOT NULL REFERENCES evaluation_period(id),
      check_code text NOT NULL,
      org_id uuid NOT NULL REFERENCES org(id),
      reason text NOT NULL,
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      UNIQUE (period_id, check_code, org_id)
    )`.execute(db);

  await sql`
    CREATE TABLE evaluation_change (
      id uuid PRIMARY KEY,
      period_id uuid NOT NULL REFERENCES evaluation_period(id),
      subject text NOT NULL CHECK (subject IN ('member', 'org')),
      evaluation_id uuid NOT NULL,
      before_label text,
      after_label text NOT NULL,
      decision_no text NOT NULL,
      decision_date date NOT NULL,
      reason text NOT NULL,
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX evaluation_change_subject_idx ON evaluation_change (evaluation_id, created_at)`.execute(db);

  await sql`
    CREATE TABLE consolidation (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES org(id),
      year int NOT NULL,
      reason text NOT NULL,
      plan text,
      responsible text,
      deadline date,
      outcome text,
      status text NOT NULL CHECK (status IN ('open', 'done')),
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      UNIQUE (org_id, year)
    )`.execute(db);
}
