/**
 * The targets of a congress resolution attached to a term (issue 17 part 6; domain.md §1, §2 `target`).
 *
 * - `term_target`: one target of a term: its title as the resolution words it, the metric it is tracked by (a key of
 *   the catalogue computed from the records by the reports module, or `manual`), its kind (a yearly share, or a count
 *   summed over the term), its unit, and its value or range (`low`, `high`). The figures of the records are never
 *   stored here: they are computed on every read.
 * - `term_target_actual`: the yearly actual figure of a target entered by hand (metric `manual` only).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE term_target (
      id uuid PRIMARY KEY,
      term_id uuid NOT NULL REFERENCES congress_term(id),
      seq int NOT NULL,
      title text NOT NULL,
      metric text NOT NULL CHECK (metric IN ('orgs_excellent_share','members_good_share','members_admitted','manual')),
      kind text NOT NULL CHECK (kind IN ('share','cumulative')),
      unit text NOT NULL CHECK (unit IN ('percent','count')),
      low numeric NOT NULL CHECK (low >= 0),
      high numeric,
      note text,
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CHECK (high IS NULL OR high >= low),
      CHECK (unit <> 'percent' OR (low <= 100 AND (high IS NULL OR high <= 100))),
      UNIQUE (term_id, seq)
    )`.execute(db);
  await sql`
    CREATE TABLE term_target_actual (
      target_id uuid NOT NULL REFERENCES term_target(id),
      year int NOT NULL,
      value numeric NOT NULL CHECK (value >= 0),
      entered_by uuid REFERENCES app_user(id),
      entered_at timestamptz NOT NULL,
      PRIMARY KEY (target_id, year)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE term_target_actual`.execute(db);
  await sql`DROP TABLE term_target`.execute(db);
}
