/**
 * Discipline decisions (issue 15 parts 4 and 5, domain.md §11), owned by the discipline module.
 *
 * - discipline_decision: one decision against a member or an organisation (`subject_kind`; `subject_org_id` the
 *   organisation itself, or the member's roll on the decision's day: scope reads it), party or state (`kind`:
 *   state disciplines are kept as they were recorded; only party decisions drive the rules). The deciding
 *   organisation and body when known (`deciding_org_id`, `deciding_body`), always a readable label
 *   (`deciding_label`, the member file's former free text). The violation's date and level (the time limit counts
 *   from it), the inspection case it came from (`case_id`, the inspection module's, no foreign key), revocation or
 *   replacement, and the lapse block (a new violation or a complaint recorded while in force).
 * - discipline_complaint: a complaint against a decision: received (the day the subject received the decision),
 *   filed, outcome and its date.
 * - discipline_deferral: a member whose discipline is deferred (pregnant, nursing a child under 12 months, in
 *   hospital) over dated days.
 *
 * Every row of member_discipline moves into discipline_decision with the same id (its kind, form, level text,
 * number, dates, violation date, reason, lapse block and creation time); then member_discipline is dropped.
 *
 * Every stored rule-set version gains `discipline.competence` (the competence of each level as data).
 */
import { sql, type Kysely } from 'kysely';

const COMMITTEE_BODIES = ['committee', 'standing_committee', 'inspection_committee'];
/** The competence of each level as shipped (a literal copy of domain/rulesets.ts DISCIPLINE_COMPETENCE_2011 on this day). */
const COMPETENCE = {
  chi_bo_truc_thuoc: { bodies: ['cell'], member: ['reprimand', 'warning'], org: [] },
  chi_bo_co_so: { bodies: ['cell'], member: ['reprimand', 'warning'], org: [] },
  dang_bo_bo_phan: { bodies: [], member: [], org: [] },
  dang_bo_co_so: { bodies: COMMITTEE_BODIES, member: ['reprimand', 'warning', 'removal', 'expulsion'], org: ['reprimand', 'warning'] },
  dang_bo_cap_tren_co_so: { bodies: COMMITTEE_BODIES, member: ['reprimand', 'warning', 'removal', 'expulsion'], org: ['reprimand', 'warning', 'dissolution'] },
  dang_bo_tinh: { bodies: COMMITTEE_BODIES, member: ['reprimand', 'warning', 'removal', 'expulsion'], org: ['reprimand', 'warning', 'dissolution'] },
};

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE discipline_decision (
      id uuid PRIMARY KEY,
      subject_kind text NOT NULL CHECK (subject_kind IN ('member', 'org')),
      member_id uuid REFERENCES member(id) ON DELETE CASCADE,
      org_id uuid REFERENCES org(id),
      subject_org_id uuid REFERENCES org(id),
      kind text NOT NULL DEFAULT 'party' CHECK (kind IN ('party', 'state')),
      form text NOT NULL CHECK (form IN ('reprimand', 'warning', 'removal', 'expulsion', 'dissolution')),
      membership text CHECK (membership IN ('probationary', 'official')),
      deciding_org_id uuid REFERENCES org(id),
      deciding_body text CHECK (deciding_body IN ('cell', 'committee', 'standing_committee', 'inspection_committee')),
      deciding_label text NOT NULL,
      decision_no text NOT NULL,
      decided_on date NOT NULL,
      announced_on date,
      violation_on date,
      violation_level text CHECK (violation_level IN ('reprimand', 'warning', 'removal', 'expulsion', 'dissolution')),
      reason text,
      case_id uuid,
      lapse_blocked boolean NOT NULL DEFAULT false,
      lapse_blocked_on date,
      lapse_blocked_reason text CHECK (lapse_blocked_reason IN ('new_violation', 'complaint')),
      revoked_on date,
      revoked_reason text,
      replaced_by uuid REFERENCES discipline_decision(id),
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((subject_kind = 'member') = (member_id IS NOT NULL)),
      CHECK ((subject_kind = 'org') = (org_id IS NOT NULL)),
      CHECK (subject_kind = 'org' OR form <> 'dissolution'),
      CHECK (subject_kind = 'member' OR form IN ('reprimand', 'warning', 'dissolution')),
      CHECK (revoked_on IS NULL OR revoked_on >= decided_on)
    )`.execute(db);
  await sql`CREATE INDEX discipline_decision_member_idx ON discipline_decision (member_id, decided_on) WHERE member_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX discipline_decision_org_idx ON discipline_decision (org_id, decided_on) WHERE org_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX discipline_decision_subject_org_idx ON discipline_decision (subject_org_id, decided_on)`.execute(db);
  await sql`CREATE INDEX discipline_decision_decided_idx ON discipline_decision (decided_on) WHERE kind = 'party'`.execute(db);
  await sql`CREATE INDEX discipline_decision_deciding_org_idx ON discipline_decision (deciding_org_id) WHERE deciding_org_id IS NOT NULL`.execute(db);

  await sql`
    CREATE TABLE discipline_complaint (
      id uuid PRIMARY KEY,
      decision_id uuid NOT NULL REFERENCES discipline_decision(id) ON DELETE CASCADE,
      received_on date NOT NULL,
      filed_on date NOT NULL,
      content text,
      outcome text CHECK (outcome IN ('upheld', 'changed', 'revoked')),
      outcome_on date,
      outcome_note text,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (filed_on >= received_on),
      CHECK ((outcome IS NULL) = (outcome_on IS NULL)),
      CHECK (outcome_on IS NULL OR outcome_on >= filed_on)
    )`.execute(db);
  await sql`CREATE INDEX discipline_complaint_decision_idx ON discipline_complaint (decision_id)`.execute(db);

  await sql`
    CREATE TABLE discipline_deferral (
      id uuid PRIMARY KEY,
      member_id uuid NOT NULL REFERENCES member(id) ON DELETE CASCADE,
      reason text NOT NULL CHECK (reason IN ('pregnant', 'nursing', 'hospital')),
      from_on date NOT NULL,
      to_on date,
      note text,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (to_on IS NULL OR to_on > from_on)
    )`.execute(db);
  await sql`CREATE INDEX discipline_deferral_member_idx ON discipline_deferral (member_id, from_on)`.execute(db);

  await sql`
    INSERT INTO discipline_decision (id, subject_kind, member_id, subject_org_id, kind, form, deciding_label, decision_no, decided_on, announced_on,
      violation_on, violation_level, reason, lapse_blocked, created_at)
    SELECT d.id, 'member', d.member_id,
      coalesce((SELECT p.org_id FROM member_period p WHERE p.member_id = d.member_id AND p.valid_from <= d.decision_date
        AND (p.valid_to IS NULL OR p.valid_to > d.decision_date) LIMIT 1), (SELECT m.org_id FROM member m WHERE m.id = d.member_id)),
      d.kind, d.form, d.deciding_level, d.decision_no, d.decision_date, d.announced_on,
      d.violation_on, NULL, d.reason, d.lapse_blocked, d.created_at
    FROM member_discipline d`.execute(db);
  await sql`UPDATE rule_set SET rules = jsonb_set(rules, '{discipline,competence}', ${JSON.stringify(COMPETENCE)}::jsonb)`.execute(db);
  await sql`DROP TABLE member_discipline`.execute(db);
}
