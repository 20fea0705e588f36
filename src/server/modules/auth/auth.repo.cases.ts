/** Representative calls of the auth repository (sessions, login failures) for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './auth.repo.ts';
import { sessionAccountSql } from '../users/users.repo.ts';
import { grantPlaceSql } from '../orgs/orgs.places.repo.ts';

const USER = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const SESSION = 'f3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const NOW = new Date('2026-03-02T09:00:00Z');
const ADDRESS = '203.113.12.45';

export const cases: SqlCases<typeof repo> = {
  // The auth hook's one statement: the session, its account and its grants with their places (users' and orgs' fragments).
  findSessionWithAccount: (db) => repo.findSessionWithAccount(db, SESSION, NOW, (userId) => sessionAccountSql(userId, grantPlaceSql)),
  lockLoginAddress: (db) => repo.lockLoginAddress(db, ADDRESS),
  findLoginFailures: (db) => repo.findLoginFailures(db, 'hanh.nt', ADDRESS),
  saveLoginFailure: (db) => repo.saveLoginFailure(db, { usernameKey: 'hanh.nt', address: ADDRESS, failures: 3, lockedUntil: null, at: NOW }, 15),
  clearLoginFailures: (db) => repo.clearLoginFailures(db, 'Hanh.NT', ADDRESS),
  insertSession: (db) =>
    repo.insertSession(db, { id: SESSION, userId: USER, csrfToken: 'q1w2e3r4t5y6u7i8o9p0a1s2', expiresAt: new Date('2026-03-02T17:00:00Z'), lastSeenAt: NOW }),
  touchSession: (db) => repo.touchSession(db, SESSION, NOW),
  deleteSession: (db) => repo.deleteSession(db, SESSION),
  deleteOtherSessions: (db) => repo.deleteOtherSessions(db, USER, SESSION),
  deleteUserSessions: (db) => repo.deleteUserSessions(db, USER),
};
