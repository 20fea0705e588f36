/**
 * Committees per term and the congress round (issue 17 parts 4–5, domain.md §2, §3).
 *
 * - `congress_term`: a term (nhiệm kỳ) of an organisation: its years (2020–2025), the date of the congress that opened
 *   it and the superior's decision recognising its result. A commune cell that holds two congresses in five years has
 *   two terms there. The term's targets (part 6) hang off it in their own table (migration 0032).
 * - `committee_seat`: one person's place on the committee (cấp ủy: bí thư, phó bí thư, ủy viên ban thường vụ, cấp ủy
 *   viên) or on the inspection committee (chủ nhiệm, phó chủ nhiệm, ủy viên) of a term, as a dated record: from the
 *   congress (elected) or a later date (elected or appointed additional, a change of post), until it ends (resigned,
 *   moved, disciplined, deceased, a change of post). The committee on a date is the seats in force on it.
 * - `congress_round`: a round of congresses organised by an organisation over a window of dates, with its
 *   preparation checklist (the items every organisation due works through: documents, personnel plan, dates).
 * - `congress_prep`: one organisation's progress on one item of a round's checklist (a planned date, the date done,
 *   a note).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE congress_term (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES org(id),
      from_year int NOT NULL,
      to_year int NOT NULL,
      congress_on date NOT NULL,
      decision_no text,
      decision_on date,
      note text,
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CHECK (from_year <= to_year),
      UNIQUE (org_id, congress_on)
    )`.execute(db);
  await sql`
    CREATE TABLE committee_seat (
      id uuid PRIMARY KEY,
      term_id uuid NOT NULL REFERENCES congress_term(id),
      member_id uuid REFERENCES member(id),
      full_name text NOT NULL,
      body text NOT NULL CHECK (body IN ('committee','inspection')),
      post text NOT NULL CHECK (post IN ('bi_thu','pho_bi_thu','uv_btv','cap_uy_vien','chu_nhiem','pho_chu_nhiem','uv_ubkt')),
      from_on date NOT NULL,
      how text NOT NULL CHECK (how IN ('elected','elected_additional','appointed_additional','post_changed')),
      decision_no text,
      ended_on date,
      end_reason text CHECK (end_reason IN ('resigned','moved','disciplined','deceased','post_changed','other')),
      end_decision_no text,
      end_note text,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CHECK ((ended_on IS NULL) = (end_reason IS NULL)),
      CHECK (ended_on IS NULL OR ended_on > from_on),
      CHECK ((body = 'committee') = (post IN ('bi_thu','pho_bi_thu','uv_btv','cap_uy_vien')))
    )`.execute(db);
  await sql`CREATE INDEX committee_seat_term_idx ON committee_seat (term_id, from_on)`.execute(db);
  await sql`CREATE INDEX committee_seat_member_idx ON committee_seat (member_id) WHERE member_id IS NOT NULL`.execute(db);
  await sql`
    CREATE TABLE congress_round (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES org(id),
      title text NOT NULL,
      from_on date NOT NULL,
      to_on date NOT NULL,
      checklist jsonb NOT NULL,
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      CHECK (from_on <= to_on)
    )`.execute(db);
  await sql`CREATE INDEX congress_round_org_idx ON congress_round (org_id, from_on)`.execute(db);
  await sql`
    CREATE TABLE congress_prep (
      id uuid PRIMARY KEY,
      round_id uuid NOT NULL REFERENCES congress_round(id),
      org_id uuid NOT NULL REFERENCES org(id),
      item_key text NOT NULL,
      planned_on date,
      done_on date,
      note text,
      updated_by uuid REFERENCES app_user(id),
      updated_at timestamptz NOT NULL,
      UNIQUE (round_id, org_id, item_key)
    )`.execute(db);
  await sql`CREATE INDEX congress_term_congress_idx ON congress_term (congress_on)`.execute(db);
}
