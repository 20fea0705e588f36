/** Accounts as administrators see them: scoped by the current path of each user's home organisation. */
import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { DB, Role } from '../../db/schema.ts';
import { latestOrgNameSql, pathInScopeSql } from '../../db/scope-sql.ts';
import type { Scope } from '../../http/actor.ts';
import { loadRoleGrants } from '../auth/auth.repo.ts';

function base(db: Kysely<DB>) {
  return db
    .selectFrom('app_user as u')
    .leftJoin('org as o', 'o.id', 'u.home_org_id')
    .select([
      'u.id',
      'u.username',
      'u.full_name',
      'u.is_disabled',
      'u.locked_until',
      'u.created_at',
      'u.home_org_id',
      'o.current_path as home_org_path',
      latestOrgNameSql('u.home_org_id').as('home_org_name'),
    ]);
}

export type UserRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

function scoped(db: Kysely<DB>, scope: Scope) {
  const q = base(db);
  return scope === 'all' ? q : q.where((eb) => pathInScopeSql(eb, 'o.current_path', scope));
}

export async function listUsers(db: Kysely<DB>, scope: Scope, search: string | undefined, page: number, pageSize: number) {
  let q = scoped(db, scope);
  if (search) {
    const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([sql<boolean>`hn_fold(u.username) LIKE hn_fold(${pattern})`, sql<boolean>`hn_fold(u.full_name) LIKE hn_fold(${pattern})`]));
  }
  const [rows, total] = await Promise.all([
    q
      .orderBy('u.username')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export function findUser(db: Kysely<DB>, scope: Scope, id: string) {
  return scoped(db, scope).where('u.id', '=', id).executeTakeFirst();
}

export async function toUserDto(db: Kysely<DB>, row: UserRow, visible: (orgPath: string | null, role: Role) => boolean) {
  const grants = await loadRoleGrants(db, row.id);
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    homeOrg: row.home_org_id ? { id: row.home_org_id, name: row.home_org_name ?? '' } : null,
    disabled: row.is_disabled,
    lockedUntil: row.locked_until ? new Date(row.locked_until).toISOString() : null,
    // An administrator sees only the assignments inside his own scope: a sibling's grants stay private.
    roles: grants.filter((g) => visible(g.orgPath, g.role)).map(({ id, role, orgId, orgName }) => ({ id, role, orgId, orgName })),
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Full names of users by id (the audit log names people, not usernames). */
export async function userNames(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('app_user')
    .select(['id', 'full_name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.full_name]));
}

/** Whether a user has exactly this username (the CLI's create-admin refuses it). */
export async function usernameTaken(db: Kysely<DB>, username: string): Promise<boolean> {
  return (await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst()) !== undefined;
}

export async function insertAppUser(db: Kysely<DB>, row: Insertable<DB['app_user']>): Promise<void> {
  await db.insertInto('app_user').values(row).execute();
}

export async function insertRoleAssignment(db: Kysely<DB>, row: Insertable<DB['role_assignment']>): Promise<void> {
  await db.insertInto('role_assignment').values(row).execute();
}

export async function findOrgPath(db: Kysely<DB>, orgId: string): Promise<{ current_path: string; ended_on: string | null } | undefined> {
  return db.selectFrom('org').select(['current_path', 'ended_on']).where('id', '=', orgId).executeTakeFirst();
}

export async function findUserIdByUsername(db: Kysely<DB>, username: string): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('app_user')
    .select('id')
    .where(sql<string>`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst();
}

export async function updateAppUser(db: Kysely<DB>, id: string, changes: Updateable<DB['app_user']>): Promise<void> {
  await db.updateTable('app_user').set(changes).where('id', '=', id).execute();
}

export async function deleteUserSessions(db: Kysely<DB>, userId: string): Promise<void> {
  await db.deleteFrom('user_session').where('user_id', '=', userId).execute();
}

export async function findRoleAssignmentId(db: Kysely<DB>, userId: string, role: Role, orgId: string | null): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('role_assignment')
    .select('id')
    .where('user_id', '=', userId)
    .where('role', '=', role)
    .where((eb) => (orgId ? eb('org_id', '=', orgId) : eb('org_id', 'is', null)))
    .executeTakeFirst();
}

export async function findUserRoleAssignment(
  db: Kysely<DB>,
  userId: string,
  assignmentId: string,
): Promise<{ id: string; role: Role; org_id: string | null; current_path: string | null } | undefined> {
  return db
    .selectFrom('role_assignment as ra')
    .leftJoin('org as o', 'o.id', 'ra.org_id')
    .select(['ra.id', 'ra.role', 'ra.org_id', 'o.current_path'])
    .where('ra.id', '=', assignmentId)
    .where('ra.user_id', '=', userId)
    .executeTakeFirst();
}

export async function countSystemAdminAssignments(db: Kysely<DB>): Promise<{ n: number }> {
  return db
    .selectFrom('role_assignment')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'system_admin')
    .executeTakeFirstOrThrow();
}

export async function deleteRoleAssignment(db: Kysely<DB>, assignmentId: string): Promise<void> {
  await db.deleteFrom('role_assignment').where('id', '=', assignmentId).execute();
}
