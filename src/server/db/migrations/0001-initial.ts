/** The foundation: catalogues, the organisation tree with its history, the minimal roster, accounts and audit. */
import { sql, type Kysely } from 'kysely';
import { ORG_KINDS, SECTOR_TYPES } from '../../../domain/org-kinds.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db);
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
  // unaccent() is STABLE (its dictionary could change); the wrapper names the dictionary so it can be IMMUTABLE
  // and indexed. Lower-cases after folding: "Xã Tân Lập" → "xa tan lap", "Đ" → "d".
  await sql`
    CREATE FUNCTION hn_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$`.execute(db);

  await sql`
    CREATE TABLE org_kind (
      code text PRIMARY KEY,
      name text NOT NULL,
      level int NOT NULL,
      is_grassroots boolean NOT NULL,
      is_cell boolean NOT NULL,
      sort int NOT NULL
    )`.execute(db);
  await sql`
    CREATE TABLE sector_type (
      code text PRIMARY KEY,
      name text NOT NULL,
      sort int NOT NULL
    )`.execute(db);
  for (const [i, k] of ORG_KINDS.entries()) {
    await sql`INSERT INTO org_kind VALUES (${k.code}, ${k.name}, ${k.level}, ${k.isGrassroots}, ${k.isCell}, ${i})`.execute(db);
  }
  for (const [i, s] of SECTOR_TYPES.entries()) {
    await sql`INSERT INTO sector_type VALUES (${s.code}, ${s.name}, ${i})`.execute(db);
  }

  await sql`
    CREATE TABLE org (
      id uuid PRIMARY KEY,
      established_on date NOT NULL,
      ended_on date,
      end_reason text CHECK (end_reason IN ('dissolved', 'merged', 'split')),
      current_path text COLLATE "C" NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  // current_path: the path of the org's latest version. Access is decided by where an organisation stands now:
  // whoever is responsible for it now may read its whole history.
  await sql`CREATE INDEX org_current_path_idx ON org (current_path)`.execute(db);
  await sql`
    CREATE TABLE org_version (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES org(id),
      valid_from date NOT NULL,
      valid_to date,
      parent_id uuid REFERENCES org(id),
      path text COLLATE "C" NOT NULL,
      depth int NOT NULL,
      name text NOT NULL,
      code text,
      kind_code text NOT NULL REFERENCES org_kind(code),
      sector_code text REFERENCES sector_type(code),
      CHECK (valid_to IS NULL OR valid_to > valid_from)
    )`.execute(db);
  await sql`CREATE INDEX org_version_path_idx ON org_version (path, valid_from)`.execute(db);
  await sql`CREATE INDEX org_version_org_idx ON org_version (org_id, valid_from)`.execute(db);
  await sql`CREATE INDEX org_version_parent_idx ON org_version (parent_id, valid_from)`.execute(db);
  await sql`CREATE INDEX org_version_name_trgm_idx ON org_version USING gin (hn_fold(name) gin_trgm_ops)`.execute(db);

  await sql`
    CREATE TABLE org_event (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES org(id),
      kind text NOT NULL,
      effective_date date NOT NULL,
      decision_no text,
      decision_date date,
      details jsonb NOT NULL DEFAULT '{}',
      batch_id uuid,
      actor_id uuid,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX org_event_org_idx ON org_event (org_id, effective_date)`.execute(db);

  await sql`
    CREATE TABLE member (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES org(id),
      full_name text NOT NULL,
      family_name text NOT NULL,
      middle_name text NOT NULL,
      given_name text NOT NULL,
      name_sort_key text COLLATE "C" NOT NULL,
      gender text NOT NULL CHECK (gender IN ('nam', 'nu')),
      birth_date date,
      admitted_on date NOT NULL,
      official_on date,
      left_on date,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX member_org_idx ON member (org_id)`.execute(db);

  await sql`
    CREATE TABLE app_user (
      id uuid PRIMARY KEY,
      username text NOT NULL,
      full_name text NOT NULL,
      password_hash text NOT NULL,
      home_org_id uuid REFERENCES org(id),
      is_disabled boolean NOT NULL DEFAULT false,
      failed_logins int NOT NULL DEFAULT 0,
      locked_until timestamptz,
      must_change_password boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX app_user_username_idx ON app_user (lower(username))`.execute(db);
  await sql`CREATE INDEX app_user_home_org_idx ON app_user (home_org_id)`.execute(db);
  await sql`
    CREATE TABLE role_assignment (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('system_admin', 'org_admin', 'editor', 'viewer', 'inspector')),
      org_id uuid REFERENCES org(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((role = 'system_admin') OR (org_id IS NOT NULL))
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX role_assignment_uniq ON role_assignment (user_id, role, coalesce(org_id, '00000000-0000-0000-0000-000000000000'))`.execute(db);
  await sql`CREATE INDEX role_assignment_org_idx ON role_assignment (org_id)`.execute(db);
  await sql`
    CREATE TABLE user_session (
      id text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX user_session_user_idx ON user_session (user_id)`.execute(db);

  await sql`
    CREATE TABLE audit_log (
      seq bigint PRIMARY KEY,
      id uuid NOT NULL UNIQUE,
      at timestamptz NOT NULL,
      actor_id uuid,
      actor_name text,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text,
      scope_org_id uuid,
      before jsonb,
      after jsonb,
      prev_hash text NOT NULL,
      hash text NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX audit_log_at_idx ON audit_log (at)`.execute(db);
  await sql`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, seq)`.execute(db);
  await sql`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id)`.execute(db);
  await sql`CREATE INDEX audit_log_scope_idx ON audit_log (scope_org_id, seq)`.execute(db);
}
