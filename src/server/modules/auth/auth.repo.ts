/** Accounts and sessions: the SQL behind login, the session hook and password changes. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { latestOrgNameSql } from '../../db/scope-sql.ts';
import type { Actor, RoleGrant } from '../../http/actor.ts';

export function findUserByUsername(db: Kysely<DB>, username: string) {
  return db
    .selectFrom('app_user')
    .selectAll()
    .where(sql<string>`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst();
}

export async function loadRoleGrants(db: Kysely<DB>, userId: string): Promise<RoleGrant[]> {
  const rows = await db
    .selectFrom('role_assignment as ra')
    .leftJoin('org as o', 'o.id', 'ra.org_id')
    .select([
      'ra.id',
      'ra.role',
      'ra.org_id',
      'o.current_path',
      latestOrgNameSql('ra.org_id').as('org_name'),
    ])
    .where('ra.user_id', '=', userId)
    .orderBy('ra.created_at')
    .execute();
  // Which grant organisations lie inside a grassroots organisation: a strict ancestor on the current path whose latest
  // version is of a grassroots kind (đảng bộ cơ sở, chi bộ cơ sở).
  const ancestorsOf = (path: string | null) => (path ? path.split('/').filter(Boolean).slice(0, -1) : []);
  const ancestors = [...new Set(rows.flatMap((r) => ancestorsOf(r.current_path)))];
  const grassroots = new Set(
    ancestors.length === 0
      ? []
      : (
          await db
            .selectFrom('org_version as v')
            .innerJoin('org_kind as k', 'k.code', 'v.kind_code')
            .select('v.org_id')
            .where('v.org_id', 'in', ancestors)
            .where('v.valid_to', 'is', null)
            .where('k.is_grassroots', '=', true)
            .execute()
        ).map((v) => v.org_id),
  );
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    orgId: r.org_id,
    orgName: r.org_name ?? null,
    orgPath: r.current_path ?? null,
    belowGrassroots: ancestorsOf(r.current_path).some((id) => grassroots.has(id)),
  }));
}

/** The session with its user, when the session is live and the account usable. */
export function findSession(db: Kysely<DB>, sessionId: string, now: Date) {
  return db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select(['s.id', 's.csrf_token', 's.last_seen_at', 'u.id as user_id', 'u.username', 'u.full_name', 'u.must_change_password', 'u.is_disabled'])
    .where('s.id', '=', sessionId)
    .where('s.expires_at', '>', now)
    .executeTakeFirst();
}

export async function loadActor(db: Kysely<DB>, user: { id: string; username: string; full_name: string; must_change_password: boolean }): Promise<Actor> {
  return {
    userId: user.id,
    username: user.username,
    fullName: user.full_name,
    mustChangePassword: user.must_change_password,
    roles: await loadRoleGrants(db, user.id),
  };
}
