/**
 * Sessions and login failures (`user_session`, `login_failure`): the SQL behind login, the session hook and password
 * changes. Accounts and role assignments are users' (users.repo.ts).
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * The live session with this id and, from the caller's fragment (users' sessionAccountSql over the session's user),
 * its account with the grants: the auth hook's one statement per request.
 */
export function findSessionWithAccount<A>(db: Kysely<DB>, sessionId: string, now: Date, account: (userIdColumn: string) => RawBuilder<A | null>) {
  return db
    .selectFrom('user_session as s')
    .select(['s.id', 's.csrf_token', 's.last_seen_at', 's.user_id', account('s.user_id').as('account')])
    .where('s.id', '=', sessionId)
    .where('s.expires_at', '>', now)
    .executeTakeFirst();
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

/** Ends every session of a user (an account disabled, a password reset). */
export async function deleteUserSessions(db: Kysely<DB>, userId: string): Promise<void> {
  await db.deleteFrom('user_session').where('user_id', '=', userId).execute();
}
