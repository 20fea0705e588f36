/** Accounts and sessions: the SQL behind login, the session hook and password changes. */
import { sql, type Kysely } from 'kysely';
import type { AppUser, DB } from '../../db/schema.ts';
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
    .select(['ra.id', 'ra.role', 'ra.org_id', 'o.current_path', latestOrgNameSql('ra.org_id').as('org_name')])
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

/** Serialises the failures of one client address until the transaction ends: parallel attempts all count. */
export async function lockLoginAddress(tx: Kysely<DB>, address: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(74110002, hashtext(${address}))`.execute(tx);
}

/** The failure counts of a name typed from an address and of the address as a whole (`username_key = ''`). */
export function findLoginFailures(db: Kysely<DB>, usernameKey: string, address: string) {
  return db
    .selectFrom('login_failure')
    .select(['username_key', 'failures', 'last_failure_at', 'locked_until'])
    .where('address', '=', address)
    .where('username_key', 'in', [usernameKey, ''])
    .execute();
}

/**
 * Records a failure count (upsert), and forgets the counts that can no longer lock anything (older than a lock's
 * length and not locked), so the names strangers typed are not kept: the table holds the last minutes' failures.
 */
export async function saveLoginFailure(
  db: Kysely<DB>,
  row: { usernameKey: string; address: string; failures: number; lockedUntil: Date | null; at: Date },
  lockMinutes: number,
): Promise<void> {
  await db
    .deleteFrom('login_failure')
    .where('last_failure_at', '<', new Date(row.at.getTime() - lockMinutes * 60000))
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', row.at)]))
    .execute();
  await db
    .insertInto('login_failure')
    .values({ username_key: row.usernameKey, address: row.address, failures: row.failures, last_failure_at: row.at, locked_until: row.lockedUntil })
    .onConflict((oc) => oc.columns(['username_key', 'address']).doUpdateSet({ failures: row.failures, last_failure_at: row.at, locked_until: row.lockedUntil }))
    .execute();
}

/** Forgets a name's failures: from one address after a successful login, from every address when `address` is null. */
export async function clearLoginFailures(db: Kysely<DB>, username: string, address: string | null): Promise<void> {
  let q = db.deleteFrom('login_failure').where('username_key', '=', username.toLowerCase());
  if (address !== null) q = q.where('address', '=', address);
  await q.execute();
}

/** The account by id; throws when there is none. */
export function getUserById(db: Kysely<DB>, userId: string): Promise<AppUser> {
  return db.selectFrom('app_user').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
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

export async function insertSession(tx: Kysely<DB>, row: { id: string; userId: string; csrfToken: string; expiresAt: Date; lastSeenAt: Date }): Promise<void> {
  await tx
    .insertInto('user_session')
    .values({ id: row.id, user_id: row.userId, csrf_token: row.csrfToken, expires_at: row.expiresAt, last_seen_at: row.lastSeenAt })
    .execute();
}

export async function touchSession(db: Kysely<DB>, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('user_session').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
}

export async function deleteSession(tx: Kysely<DB>, sessionId: string): Promise<void> {
  await tx.deleteFrom('user_session').where('id', '=', sessionId).execute();
}

/** Ends every session of a user but the one kept. */
export async function deleteOtherSessions(tx: Kysely<DB>, userId: string, keptSessionId: string): Promise<void> {
  await tx.deleteFrom('user_session').where('user_id', '=', userId).where('id', '<>', keptSessionId).execute();
}
