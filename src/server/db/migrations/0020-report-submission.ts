/**
 * Submitted reports (issue 14 part 4): one row per submission of an organisation's report for a date or a period,
 * holding the query it was computed from and its figures exactly as computed (the whole answer, as jsonb), who
 * submitted it and when. A resubmission is a new row with the next version; nothing is ever updated or deleted (the
 * append-only trigger of the audit log, 0017, refuses UPDATE, DELETE and TRUNCATE for every role).
 *
 * The period: `period_to` is the date of a report on a date (then `period_from` is null) or the last day of a period.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE report_submission (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES org(id),
      period_from date,
      period_to date NOT NULL,
      version int NOT NULL CHECK (version >= 1),
      query jsonb NOT NULL,
      report jsonb NOT NULL,
      note text,
      submitted_by uuid REFERENCES app_user(id),
      submitted_by_name text NOT NULL,
      submitted_at timestamptz NOT NULL,
      CHECK (period_from IS NULL OR period_from <= period_to)
    )`.execute(db);
  await sql`
    CREATE UNIQUE INDEX report_submission_version_uniq
    ON report_submission (org_id, period_to, coalesce(period_from, DATE '0001-01-01'), version)`.execute(db);
  await sql`CREATE INDEX report_submission_to_idx ON report_submission (period_to, org_id)`.execute(db);
  await sql`
    CREATE TRIGGER report_submission_append_only BEFORE UPDATE OR DELETE ON report_submission
    FOR EACH ROW EXECUTE FUNCTION hn_append_only()`.execute(db);
  await sql`
    CREATE TRIGGER report_submission_no_truncate BEFORE TRUNCATE ON report_submission
    FOR EACH STATEMENT EXECUTE FUNCTION hn_append_only()`.execute(db);
}
