/**
 * Login, logout, sessions and password changes. Sessions are random 256-bit tokens in an HttpOnly cookie; the
 * database keeps only their SHA-256, with a per-session CSRF token the client echoes in `x-csrf-token`.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../../clock.ts';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import type { ResolvedSession } from '../../http/auth-hook.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from '../users/password.ts';
import { passwordProblem } from '../users/users.policy.ts';
import { findUserByUsername, getUserById, resetUserLoginFailures, sessionAccountSql, setUserLockedUntil, updateUserPassword } from '../users/users.repo.ts';
import { actorOfAccount, loadActor, type GrantOrgsPort } from './auth.actor.ts';
import { afterFailure, isLocked } from './auth.policy.ts';
import {
  clearLoginFailures,
  deleteOtherSessions,
  deleteSession,
  findLoginFailures,
  findSessionWithAccount,
  insertSession,
  lockLoginAddress,
  saveLoginFailure,
  touchSession,
} from './auth.repo.ts';

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The latest lock in force among a name's and an address's failure counts, or null. */
function lockEndOf(counts: { locked_until: Date | null }[], now: Date): Date | null {
  let end: Date | null = null;
  for (const c of counts) if (c.locked_until && isLocked(c.locked_until, now) && (!end || c.locked_until > end)) end = c.locked_until;
  return end;
}

const lockedError = (lockEnd: Date, now: Date) =>
  new AppError(
    423,
    'ACCOUNT_LOCKED',
    `Đăng nhập đang tạm khóa do sai nhiều lần. Vui lòng thử lại sau ${Math.ceil((lockEnd.getTime() - now.getTime()) / 60000)} phút.`,
  );

export interface AuthDeps {
  db: Kysely<DB>;
  clock: Clock;
  config: Config;
  /** Organisations' paths, names and kinds, for the actor's grants (orgs lies above auth). */
  orgs: GrantOrgsPort;
}

type Account = NonNullable<Awaited<ReturnType<typeof findUserByUsername>>>;

const invalidCredentials = () => new AppError(401, 'INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.');

/**
 * Counts a failed login, by (name, address) and by address, in one transaction under the address's lock: parallel
 * attempts from one address cannot share a count, nor undo a lock another one has just set. A known account is
 * marked locked (shown to administrators) and the failure audited. Always throws: 423 when a lock holds, else 401.
 */
async function recordFailedLogin(deps: AuthDeps, usernameKey: string, address: string, user: Account | undefined, now: Date): Promise<never> {
  const { db, config } = deps;
  const lockMinutes = config.loginLockMinutes;
  const result = await db.transaction().execute(async (tx) => {
    await lockLoginAddress(tx, address);
    const current = await findLoginFailures(tx, usernameKey, address);
    const lockedMeanwhile = lockEndOf(current, now);
    if (lockedMeanwhile) return { locked: true as const, lockedMeanwhile };
    const count = (key: string) => {
      const c = current.find((r) => r.username_key === key);
      return c ? { failures: c.failures, lastFailureAt: new Date(c.last_failure_at) } : undefined;
    };
    const byName = afterFailure(count(usernameKey), now, { maxFailures: config.loginMaxFailures, lockMinutes });
    const byAddress = afterFailure(count(''), now, { maxFailures: config.loginAddressMaxFailures, lockMinutes });
    await saveLoginFailure(tx, { usernameKey, address, ...byName, at: now }, lockMinutes);
    await saveLoginFailure(tx, { usernameKey: '', address, ...byAddress, at: now }, lockMinutes);
    if (user) {
      // Shown to administrators on the user's page: locked from at least one address.
      if (byName.lockedUntil) await setUserLockedUntil(tx, user.id, byName.lockedUntil);
      await writeAudit(tx, { id: user.id, name: user.username }, now, [
        {
          action: 'auth.login_failed',
          entityType: 'user',
          entityId: user.id,
          scopeOrgId: user.home_org_id,
          after: { locked: byName.lockedUntil !== null, address },
        },
      ]);
    }
    return { locked: false as const, byName, byAddress };
  });
  if (result.locked) throw lockedError(result.lockedMeanwhile, now);
  if (result.byName.lockedUntil) {
    throw new AppError(423, 'ACCOUNT_LOCKED', `Đăng nhập sai ${config.loginMaxFailures} lần: tạm khóa đăng nhập tên này từ máy của bạn ${lockMinutes} phút.`);
  }
  if (result.byAddress.lockedUntil) {
    throw new AppError(423, 'ACCOUNT_LOCKED', `Quá nhiều lần đăng nhập sai từ máy của bạn: tạm khóa đăng nhập ${lockMinutes} phút.`);
  }
  throw invalidCredentials();
}

/** Opens a session for an account whose password was right: new tokens, the failures forgotten, the login audited. */
async function openSession(deps: AuthDeps, user: Account, usernameKey: string, address: string, now: Date) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const sessionId = sessionIdOf(token);
  const expiresAt = new Date(now.getTime() + deps.config.sessionHours * 3600000);
  await deps.db.transaction().execute(async (tx) => {
    await resetUserLoginFailures(tx, user.id);
    await clearLoginFailures(tx, usernameKey, address);
    await insertSession(tx, { id: sessionId, userId: user.id, csrfToken, expiresAt, lastSeenAt: now });
    await writeAudit(tx, { id: user.id, name: user.username }, now, [
      { action: 'auth.login', entityType: 'user', entityId: user.id, scopeOrgId: user.home_org_id },
    ]);
  });
  return { token, expiresAt, session: { actor: await loadActor(deps.db, deps.orgs, user), csrfToken, sessionId } };
}

export function createAuthService(deps: AuthDeps) {
  const { db, clock, orgs } = deps;

  return {
    /**
     * Logs in from a client address. Failures are counted per (name, address) and per address, the same for names
     * that exist and names that do not, so the answers (401, then 423 while locked) never tell whether an account
     * exists, and a stranger's failures lock the name only from the stranger's address.
     */
    async login(username: string, password: string, address: string): Promise<{ token: string; session: ResolvedSession; expiresAt: Date }> {
      const now = clock.now();
      const usernameKey = username.toLowerCase();
      const lockEnd = lockEndOf(await findLoginFailures(db, usernameKey, address), now);
      if (lockEnd) throw lockedError(lockEnd, now);
      const user = await findUserByUsername(db, username);
      // An unknown name costs the same hashing as a known one.
      const ok = await verifyPassword(password, user ? user.password_hash : await DUMMY_HASH_PROMISE);
      if (!user || !ok) return recordFailedLogin(deps, usernameKey, address, user, now);
      if (user.is_disabled) throw new AppError(403, 'ACCOUNT_DISABLED', 'Tài khoản đã bị vô hiệu hóa. Liên hệ quản trị viên.');
      return openSession(deps, user, usernameKey, address, now);
    },

    /**
     * The live session behind a cookie token, or null: the session, its account and its grants with their places in
     * one statement (issue 13); the hook keeps the answer on the request, so nothing of it is read again. Touches
     * last_seen at most once a minute.
     */
    async resolve(token: string): Promise<ResolvedSession | null> {
      if (!token || token.length > 100) return null;
      const now = clock.now();
      const sessionId = sessionIdOf(token);
      const s = await findSessionWithAccount(db, sessionId, now, (userId) => sessionAccountSql(userId, orgs.placeSql));
      const account = s?.account;
      if (!s || !account || account.is_disabled) return null;
      if (now.getTime() - new Date(s.last_seen_at).getTime() > 60000) {
        await touchSession(db, sessionId, now);
      }
      return { actor: actorOfAccount(account), csrfToken: s.csrf_token, sessionId };
    },

    /** The actor an account acts as (tests and tools that act without logging in). */
    actorOf(user: { id: string; username: string; full_name: string; must_change_password: boolean }): Promise<Actor> {
      return loadActor(db, orgs, user);
    },

    async logout(session: ResolvedSession): Promise<void> {
      const now = clock.now();
      await db.transaction().execute(async (tx) => {
        await deleteSession(tx, session.sessionId);
        await writeAudit(tx, { id: session.actor.userId, name: session.actor.username }, now, [
          { action: 'auth.logout', entityType: 'user', entityId: session.actor.userId },
        ]);
      });
    },

    async changePassword(actor: Actor, sessionId: string, currentPassword: string, newPassword: string): Promise<void> {
      const user = await getUserById(db, actor.userId);
      if (!(await verifyPassword(currentPassword, user.password_hash))) throw invalid('currentPassword', 'Mật khẩu hiện tại không đúng.');
      const problem = passwordProblem(newPassword, user.username);
      if (problem) throw invalid('newPassword', problem);
      if (newPassword === currentPassword) throw invalid('newPassword', 'Mật khẩu mới phải khác mật khẩu hiện tại.');
      const hash = await hashPassword(newPassword);
      const now = clock.now();
      await db.transaction().execute(async (tx) => {
        await updateUserPassword(tx, user.id, hash, now);
        // Other sessions of the user end: a changed password must lock out whoever knew the old one.
        await deleteOtherSessions(tx, user.id, sessionId);
        await writeAudit(tx, { id: actor.userId, name: actor.username }, now, [
          { action: 'user.change_password', entityType: 'user', entityId: user.id, scopeOrgId: user.home_org_id },
        ]);
      });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
