/**
 * Issue 16 parts 5 and 7 (owned by modules/meetings, beside m16a's 0025):
 *
 * - `absence_alert_dismissal`: a person's decision not to propose striking a member off for a year's absences, with
 *   the reason (required) and how many months the source counted then; the alert comes back when a further month
 *   counts (domain/meetings.alerts.ts). `source` keeps the alert's sources apart (meetings now, dues later).
 * - The `member` role: a member who logs in, linked to his member record (`role_assignment.member_id`, required for
 *   that role and only for it). The grant's organisation is the member's cell when it was granted; what he sees
 *   follows his member record, not the grant.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE absence_alert_dismissal (
      id uuid PRIMARY KEY,
      member_id uuid NOT NULL REFERENCES member(id),
      year int NOT NULL CHECK (year BETWEEN 1930 AND 2200),
      source text NOT NULL CHECK (source IN ('meetings', 'dues')),
      months int NOT NULL CHECK (months BETWEEN 1 AND 12),
      reason text NOT NULL CHECK (length(reason) > 0),
      dismissed_by uuid NOT NULL REFERENCES app_user(id),
      dismissed_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX absence_alert_dismissal_member ON absence_alert_dismissal (member_id, year, source)`.execute(db);

  await sql`ALTER TABLE role_assignment DROP CONSTRAINT role_assignment_role_check`.execute(db);
  await sql`
    ALTER TABLE role_assignment ADD CONSTRAINT role_assignment_role_check
    CHECK (role IN ('system_admin', 'org_admin', 'editor', 'viewer', 'inspector', 'member'))`.execute(db);
  await sql`ALTER TABLE role_assignment ADD COLUMN member_id uuid REFERENCES member(id)`.execute(db);
  await sql`ALTER TABLE role_assignment ADD CONSTRAINT role_assignment_member_check CHECK ((role = 'member') = (member_id IS NOT NULL))`.execute(db);
  await sql`CREATE UNIQUE INDEX role_assignment_member_uniq ON role_assignment (member_id) WHERE role = 'member'`.execute(db);
}
