/**
 * The member file (domain.md §4): the official member sheet's field groups on `member`, its life events, discipline
 * and badge records, sub-records (work, training, trips, family, political history) and catalogues as data.
 */
import { sql, type Kysely } from 'kysely';
import { CATALOGUES } from '../../../domain/catalogues.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const text = [
    'birth_name',
    'alias',
    'cccd',
    'sheet_no',
    'card_no',
    'national_db_id',
    'birthplace',
    'hometown',
    'permanent_address',
    'current_address',
    'ethnicity',
    'religion',
    'family_background',
    'phone',
    'email',
    'occupation',
    'workplace',
    'position',
    'general_education',
    'professional_level',
    'professional_field',
    'academic_degree',
    'academic_title',
    'theory_level',
    'state_management',
    'languages',
    'it_level',
    'admission_place',
    'introducer_1',
    'introducer_2',
  ];
  for (const c of text) await sql`ALTER TABLE member ADD COLUMN ${sql.ref(c)} text`.execute(db);
  await sql`ALTER TABLE member ADD COLUMN birth_year int`.execute(db);
  await sql`ALTER TABLE member ADD COLUMN card_issued_on date`.execute(db);
  await sql`ALTER TABLE member ADD COLUMN ceremony_on date`.execute(db);
  await sql`ALTER TABLE member ADD COLUMN youth_union_on date`.execute(db);
  await sql`ALTER TABLE member ADD COLUMN residence_org_id uuid REFERENCES org(id)`.execute(db);
  // Current status and roll, kept in step with the events by the members service, for lists and scope filters.
  await sql`ALTER TABLE member ADD COLUMN status text NOT NULL DEFAULT 'active'`.execute(db);
  await sql`ALTER TABLE member ADD COLUMN flags jsonb NOT NULL DEFAULT '{}'`.execute(db);
  await sql`ALTER TABLE member ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`.execute(db);
  await sql`CREATE UNIQUE INDEX member_cccd_idx ON member (cccd) WHERE cccd IS NOT NULL`.execute(db);
  await sql`CREATE INDEX member_name_trgm_idx ON member USING gin (hn_fold(full_name) gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX member_sort_idx ON member (name_sort_key)`.execute(db);
  await sql`CREATE INDEX member_card_idx ON member (card_no)`.execute(db);

  await sql`
    CREATE TABLE member_event (
      id uuid PRIMARY KEY,
      member_id uuid NOT NULL REFERENCES member(id) ON DELETE CASCADE,
      kind text NOT NULL,
      effective_date date NOT NULL,
      decision_no text,
      decision_date date,
      org_id uuid REFERENCES org(id),
      to_org_id uuid REFERENCES org(id),
      details jsonb NOT NULL DEFAULT '{}',
      actor_id uuid,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX member_event_member_idx ON member_event (member_id, effective_date)`.execute(db);
  await sql`CREATE INDEX member_event_to_org_idx ON member_event (to_org_id) WHERE to_org_id IS NOT NULL`.execute(db);

  await sql`
    CREATE TABLE member_discipline (
      id uuid PRIMARY KEY,
      member_id uuid NOT NULL REFERENCES member(id) ON DELETE CASCADE,
      form text NOT NULL CHECK (form IN ('reprimand', 'warning', 'removal', 'expulsion')),
      deciding_level text NOT NULL,
      decision_no text NOT NULL,
      decision_date date NOT NULL,
      announced_on date NOT NULL,
      violation_on date,
      reason text,
      lapse_blocked boolean NOT NULL DEFAULT false,
      kind text NOT NULL DEFAULT 'party' CHECK (kind IN ('party', 'state')),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX member_discipline_member_idx ON member_discipline (member_id)`.execute(db);

  await sql`
    CREATE TABLE member_badge_award (
      id uuid PRIMARY KEY,
      member_id uuid NOT NULL REFERENCES member(id) ON DELETE CASCADE,
      milestone int NOT NULL,
      awarded_on date NOT NULL,
      decision_no text,
      early_reason text CHECK (early_reason IN ('illness', 'posthumous')),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (member_id, milestone)
    )`.execute(db);

  await sql`
    CREATE TABLE member_record (
      id uuid PRIMARY KEY,
      member_id uuid NOT NULL REFERENCES member(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('work', 'training', 'trip', 'family', 'political', 'commendation')),
      data jsonb NOT NULL,
      sort int NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX member_record_member_idx ON member_record (member_id, kind, sort)`.execute(db);

  await sql`
    CREATE TABLE catalogue_item (
      catalogue text NOT NULL,
      code text NOT NULL,
      name text NOT NULL,
      sort int NOT NULL,
      PRIMARY KEY (catalogue, code)
    )`.execute(db);
  for (const [catalogue, items] of Object.entries(CATALOGUES)) {
    for (const [i, item] of items.entries()) {
      await sql`INSERT INTO catalogue_item VALUES (${catalogue}, ${item.code}, ${item.name}, ${i})`.execute(db);
    }
  }

  await sql`
    CREATE TABLE calendar_adjustment (
      date date PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
      note text
    )`.execute(db);
}
