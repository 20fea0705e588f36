/**
 * Cell meetings (issue 16, domain.md §9), owned by modules/meetings: a meeting of a cell (or of a committee, `body`),
 * its documents (a title, the file when one is uploaded) with the time each was sent to the members, the attendance of each member on the roll of the
 * meeting's date, and the resolution's follow-up tasks carried to the next meetings until their outcome is recorded.
 *
 * Times of day are minutes after midnight (start_minute, end_minute): the duration is their difference, the figure the
 * rules and the compliance count read. The attendance counts are kept on the meeting by the write that records the
 * attendance (one transaction), so a year's compliance of a province reads meetings, not a million attendance rows.
 *
 * It also adds the rule-set version of Chỉ thị 50-CT/TW with Hướng dẫn 42-HD/BTCTW (from 28/10/2025): the figures of the
 * version in force that day with the meeting rules of §9 (the older versions take the shipped figures, no rule).
 */
import { sql, type Kysely } from 'kysely';

const CT50_MEETINGS = {
  minMinutes: 90,
  minMinutesCombined: 120,
  documentsDaysBefore: 1,
  superiorInvited: 1,
  regularPerMonth: 1,
  topicalPerQuarter: 1,
  absenceMonthsInYear: 3,
};

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE meeting (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES org(id),
      body text NOT NULL DEFAULT 'cell' CHECK (body IN ('cell', 'committee')),
      kind text NOT NULL CHECK (kind IN ('regular', 'topical', 'combined', 'extraordinary')),
      status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
      planned_on date NOT NULL,
      held_on date,
      start_minute smallint CHECK (start_minute BETWEEN 0 AND 1439),
      end_minute smallint CHECK (end_minute BETWEEN 1 AND 1440),
      place text,
      topic text,
      presided_by text,
      minutes_by text,
      superior_rep_name text,
      superior_invited boolean NOT NULL DEFAULT false,
      superior_present boolean NOT NULL DEFAULT false,
      minutes_text text,
      resolution_no text,
      resolution_on date,
      resolution_text text,
      roll_count int NOT NULL DEFAULT 0,
      present_count int NOT NULL DEFAULT 0,
      excused_count int NOT NULL DEFAULT 0,
      absent_count int NOT NULL DEFAULT 0,
      attendance_recorded_at timestamptz,
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (end_minute IS NULL OR start_minute IS NULL OR end_minute > start_minute),
      CHECK (status <> 'held' OR held_on IS NOT NULL)
    )`.execute(db);
  await sql`CREATE INDEX meeting_org_date ON meeting (org_id, (coalesce(held_on, planned_on)))`.execute(db);
  await sql`CREATE INDEX meeting_held_on ON meeting (held_on, org_id) WHERE status = 'held'`.execute(db);

  await sql`
    CREATE TABLE meeting_document (
      id uuid PRIMARY KEY,
      meeting_id uuid NOT NULL REFERENCES meeting(id),
      role text NOT NULL CHECK (role IN ('material', 'minutes', 'resolution')),
      title text NOT NULL,
      file_name text,
      mime text,
      size bigint CHECK (size > 0),
      sha256 text,
      storage_key text UNIQUE,
      sent_at timestamptz,
      uploaded_by uuid REFERENCES app_user(id),
      uploaded_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX meeting_document_meeting ON meeting_document (meeting_id)`.execute(db);

  await sql`
    CREATE TABLE meeting_attendance (
      meeting_id uuid NOT NULL REFERENCES meeting(id),
      member_id uuid NOT NULL REFERENCES member(id),
      attendance text NOT NULL CHECK (attendance IN ('present', 'excused', 'absent')),
      reason text,
      membership text NOT NULL CHECK (membership IN ('probationary', 'official')),
      member_status text NOT NULL,
      hosted boolean NOT NULL DEFAULT false,
      counts_for_quorum boolean NOT NULL,
      PRIMARY KEY (meeting_id, member_id)
    )`.execute(db);
  await sql`CREATE INDEX meeting_attendance_member ON meeting_attendance (member_id) WHERE attendance = 'absent'`.execute(db);

  await sql`
    CREATE TABLE meeting_task (
      id uuid PRIMARY KEY,
      meeting_id uuid NOT NULL REFERENCES meeting(id),
      seq int NOT NULL,
      content text NOT NULL,
      owner_member_id uuid REFERENCES member(id),
      owner_name text,
      due_on date,
      outcome text,
      done_on date,
      reviewed_meeting_id uuid REFERENCES meeting(id),
      UNIQUE (meeting_id, seq)
    )`.execute(db);
  await sql`CREATE INDEX meeting_task_open ON meeting_task (meeting_id) WHERE done_on IS NULL`.execute(db);

  await sql`
    INSERT INTO rule_set (id, effective_from, basis, rules, copied_from, note)
    SELECT 'hd42-2025', DATE '2025-10-28',
      'Điều lệ Đảng; Quy định 294-QĐ/TW (2025); Chỉ thị 50-CT/TW (2025) và Hướng dẫn 42-HD/BTCTW (28/10/2025) về sinh hoạt chi bộ',
      r.rules || jsonb_build_object('meetings', ${JSON.stringify(CT50_MEETINGS)}::jsonb), r.id,
      'Quy định về sinh hoạt chi bộ theo Chỉ thị 50-CT/TW và Hướng dẫn 42-HD/BTCTW'
    FROM rule_set r
    WHERE r.effective_from <= DATE '2025-10-28' AND NOT EXISTS (SELECT 1 FROM rule_set x WHERE x.effective_from = DATE '2025-10-28')
    ORDER BY r.effective_from DESC
    LIMIT 1`.execute(db);
}
