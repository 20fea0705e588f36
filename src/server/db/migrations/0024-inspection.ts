/**
 * Inspection and supervision (issue 15 parts 1–3): the yearly plans of a committee or its inspection committee
 * (versioned when amended: each amendment keeps the items as they stood before it), their items (and the items outside
 * any plan, "arising", whose plan_id is null), and the cases opened on signs of violation.
 *
 * The member's `flags.underInspection` (a fact no screen could write, which refused transfers) becomes what it meant:
 * an open case against the member, handled by the member's organisation, opened on the day of this migration; the
 * flag is then removed. From here on, a transfer is refused while a case against the member is open.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE inspection_plan (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES org(id),
      year int NOT NULL CHECK (year BETWEEN 1930 AND 2200),
      body text NOT NULL CHECK (body IN ('committee', 'inspection_committee')),
      version int NOT NULL DEFAULT 1 CHECK (version >= 1),
      title text NOT NULL,
      decision_no text,
      approved_on date,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, year, body)
    )`.execute(db);
  await sql`
    CREATE TABLE inspection_plan_amendment (
      id uuid PRIMARY KEY,
      plan_id uuid NOT NULL REFERENCES inspection_plan(id),
      version int NOT NULL,
      amended_on date NOT NULL,
      reason text NOT NULL,
      items jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (plan_id, version)
    )`.execute(db);
  await sql`
    CREATE TABLE inspection_item (
      id uuid PRIMARY KEY,
      plan_id uuid REFERENCES inspection_plan(id),
      org_id uuid NOT NULL REFERENCES org(id),
      body text NOT NULL CHECK (body IN ('committee', 'inspection_committee')),
      kind text NOT NULL CHECK (kind IN ('inspection', 'supervision')),
      mode text NOT NULL CHECK (mode IN ('regular', 'thematic')),
      subject_org_id uuid REFERENCES org(id),
      subject_member_id uuid REFERENCES member(id),
      content text NOT NULL,
      period_from date,
      period_to date,
      in_charge text,
      due_on date NOT NULL,
      status text NOT NULL CHECK (status IN ('planned', 'under_way', 'concluded', 'cancelled')),
      concluded_on date,
      conclusion text,
      violation_found boolean,
      cancel_reason text,
      added_in_version int,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (subject_org_id IS NOT NULL OR subject_member_id IS NOT NULL),
      CHECK (period_from IS NULL OR period_to IS NULL OR period_from <= period_to),
      CHECK ((status = 'concluded') = (concluded_on IS NOT NULL)),
      CHECK (status <> 'cancelled' OR cancel_reason IS NOT NULL)
    )`.execute(db);
  await sql`CREATE INDEX inspection_item_plan_idx ON inspection_item (plan_id)`.execute(db);
  await sql`CREATE INDEX inspection_item_due_idx ON inspection_item (due_on, org_id)`.execute(db);
  await sql`CREATE INDEX inspection_item_concluded_idx ON inspection_item (concluded_on, org_id) WHERE concluded_on IS NOT NULL`.execute(db);
  await sql`CREATE INDEX inspection_item_subject_org_idx ON inspection_item (subject_org_id, concluded_on)`.execute(db);
  await sql`
    CREATE TABLE inspection_case (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES org(id),
      body text NOT NULL CHECK (body IN ('committee', 'inspection_committee')),
      subject_kind text NOT NULL CHECK (subject_kind IN ('member', 'org')),
      subject_member_id uuid REFERENCES member(id),
      subject_org_id uuid REFERENCES org(id),
      source text NOT NULL CHECK (source IN ('complaint', 'denunciation', 'supervision', 'inspection', 'press', 'audit', 'other')),
      summary text NOT NULL,
      received_on date,
      opened_on date NOT NULL,
      decision_no text,
      decided_on date,
      status text NOT NULL CHECK (status IN ('open', 'concluded', 'dropped')),
      concluded_on date,
      conclusion text,
      violation_found boolean,
      outcome text CHECK (outcome IN ('none', 'reminder', 'discipline')),
      documents jsonb NOT NULL DEFAULT '[]',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((subject_kind = 'member') = (subject_member_id IS NOT NULL)),
      CHECK ((subject_kind = 'org') = (subject_org_id IS NOT NULL)),
      CHECK ((status = 'open') = (concluded_on IS NULL))
    )`.execute(db);
  await sql`CREATE INDEX inspection_case_org_idx ON inspection_case (org_id, opened_on)`.execute(db);
  await sql`CREATE INDEX inspection_case_open_member_idx ON inspection_case (subject_member_id) WHERE status = 'open'`.execute(db);
  // The flag that refused transfers becomes an open case (see above).
  await sql`
    INSERT INTO inspection_case (id, org_id, body, subject_kind, subject_member_id, source, summary, opened_on, status)
    SELECT gen_random_uuid(), m.org_id, 'committee', 'member', m.id, 'other',
      'Chuyển từ đánh dấu «đang trong quá trình kiểm tra» của hồ sơ đảng viên.', current_date, 'open'
    FROM member m WHERE m.org_id IS NOT NULL AND (m.flags->>'underInspection') = 'true'`.execute(db);
  await sql`UPDATE member SET flags = flags - 'underInspection' WHERE flags ? 'underInspection'`.execute(db);
}
