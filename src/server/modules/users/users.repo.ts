/**
 * Accounts and role assignments (`app_user`, `role_assignment`): this module owns them, and auth reads accounts and
 * grants through these functions. Which organisations are in a scope is orgs' to say: the scoped reads take that
 * condition as a function (users/users.ports.ts), passed in by the composition root.
 */
import { sql, type Expression, type Insertable, type Kysely, type RawBuilder, type SqlBool, type Updateable } from 'kysely';
import type { Scope } from '../../../domain/scope.ts';
import type { AppUser, DB, Role } from '../../db/schema.ts';

/** A condition: the organisation whose id is in `orgIdColumn` lies in the scope today. */
export type OrgInScopeSql = (orgIdColumn: string, scope: Scope) => Expression<SqlBool>;

function scoped(db: Kysely<DB>, orgInScope: OrgInScopeSql, scope: Scope) {
  const q = db.selectFrom('app_user as u').select(['u.id', 'u.username', 'u.full_name', 'u.is_disabled', 'u.locked_until', 'u.created_at', 'u.home_org_id']);
  // A user without a home organisation is in the whole-tree scope only.
  return scope === 'all' ? q : q.where(orgInScope('u.home_org_id', scope));
}

export type UserRow = Awaited<ReturnType<ReturnType<typeof scoped>['executeTakeFirstOrThrow']>>;

/** A page of the accounts whose home organisation is in the scope, by username, matching `search` when given. */
export async function listUsers(db: Kysely<DB>, orgInScope: OrgInScopeSql, scope: Scope, search: string | undefined, page: number, pageSize: number) {
  let q = scoped(db, orgInScope, scope);
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

/** The account, when its home organisation is in the scope. */
export function findUser(db: Kysely<DB>, orgInScope: OrgInScopeSql, scope: Scope, id: string) {
  return scoped(db, orgInScope, scope).where('u.id', '=', id).executeTakeFirst();
}

/** The role assignments of these users, in the order they were granted. */
export function roleAssignmentsOf(db: Kysely<DB>, userIds: readonly string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('role_assignment')
    .select(['id', 'user_id', 'role', 'org_id', 'member_id'])
    .where('user_id', 'in', [...userIds])
    .orderBy('created_at')
    .execute();
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

/** The account with this username, whatever its case. */
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

export async function findRoleAssignmentId(db: Kysely<DB>, userId: string, role: Role, orgId: string | null): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('role_assignment')
    .select('id')
    .where('user_id', '=', userId)
    .where('role', '=', role)
    .where((eb) => (orgId ? eb('org_id', '=', orgId) : eb('org_id', 'is', null)))
    .executeTakeFirst();
}

/** One assignment of the user. */
export async function findUserRoleAssignment(
  db: Kysely<DB>,
  userId: string,
  assignmentId: string,
): Promise<{ id: string; role: Role; org_id: string | null } | undefined> {
  return db.selectFrom('role_assignment').select(['id', 'role', 'org_id']).where('id', '=', assignmentId).where('user_id', '=', userId).executeTakeFirst();
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

// --- used by auth: the account behind a login, a session and a password change ---

/** The account with this username, whatever its case. */
export function findUserByUsername(db: Kysely<DB>, username: string) {
  return db
    .selectFrom('app_user')
    .selectAll()
    .where(sql<string>`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst();
}

/** The account by id; throws when there is none. */
export function getUserById(db: Kysely<DB>, userId: string): Promise<AppUser> {
  return db.selectFrom('app_user').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
}

/** What a session needs of its account: who it is, whether it is usable, whether the password must change. */
export function findSessionAccount(db: Kysely<DB>, userId: string) {
  return db.selectFrom('app_user').select(['id', 'username', 'full_name', 'must_change_password', 'is_disabled']).where('id', '=', userId).executeTakeFirst();
}

/** A session's account with its role assignments, as sessionAccountSql gives it. */
export interface SessionAccount<P> {
  id: string;
  username: string;
  full_name: string;
  must_change_password: boolean;
  is_disabled: boolean;
  /** In the order they were granted; `place` from the caller's fragment, null without an organisation. */
  roles: { id: string; role: Role; org_id: string | null; member_id?: string | null; place: P | null }[];
}

/**
 * What a session needs of its account (findSessionAccount's columns) and its role assignments (roleAssignmentsOf's
 * rows), as one JSON scalar subquery for the user whose id is in `userIdColumn`; `place` gives each assignment's
 * organisation (a fragment of orgs, passed by the caller). The auth hook reads the session, the account and the
 * grants in one statement with it.
 */
export function sessionAccountSql<P>(userIdColumn: string, place: (orgIdColumn: string) => RawBuilder<P | null>): RawBuilder<SessionAccount<P> | null> {
  return sql<SessionAccount<P> | null>`(
    SELECT json_build_object(
      'id', u.id, 'username', u.username, 'full_name', u.full_name, 'must_change_password', u.must_change_password, 'is_disabled', u.is_disabled,
      'roles', coalesce((
        SELECT json_agg(json_build_object('id', r.id, 'role', r.role, 'org_id', r.org_id, 'member_id', r.member_id, 'place', CASE WHEN r.org_id IS NOT NULL THEN ${place('r.org_id')} END)
                        ORDER BY r.created_at)
        FROM role_assignment r WHERE r.user_id = u.id), '[]'::json))
    FROM app_user u WHERE u.id = ${sql.ref(userIdColumn)})`;
}

/** Marks an account as locked from at least one address until `lockedUntil`. */
export async function setUserLockedUntil(tx: Kysely<DB>, userId: string, lockedUntil: Date): Promise<void> {
  await tx.updateTable('app_user').set({ locked_until: lockedUntil }).where('id', '=', userId).execute();
}

/** Resets an account's failed-login counter and lock after a successful login. */
export async function resetUserLoginFailures(tx: Kysely<DB>, userId: string): Promise<void> {
  await tx.updateTable('app_user').set({ failed_logins: 0, locked_until: null }).where('id', '=', userId).execute();
}

/** Stores a new password hash and clears the must-change flag. */
export async function updateUserPassword(tx: Kysely<DB>, userId: string, passwordHash: string, now: Date): Promise<void> {
  await tx.updateTable('app_user').set({ password_hash: passwordHash, must_change_password: false, updated_at: now }).where('id', '=', userId).execute();
}

// --- used by rulesets (and other modules that label rows with a person's name) ---

/** The full name of the user whose id is in `idColumn`, as a scalar subquery (null when there is none). */
export function userNameSql(idColumn: string): RawBuilder<string | null> {
  return sql<string | null>`(SELECT u.full_name FROM app_user u WHERE u.id = ${sql.ref(idColumn)})`;
}
