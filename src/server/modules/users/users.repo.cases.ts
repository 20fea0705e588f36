/** Representative calls of the users repository for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import { expressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './users.repo.ts';

const USER = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const ORG = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c';
const ASSIGNMENT = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d';
const SCOPE = [`/${ORG}/`];

/**
 * A stand-in for orgs' condition, which the composition root passes (orgs/orgs.places.repo.ts `orgInScopeSql`, which
 * writes `<column> IN (SELECT o.id FROM org o WHERE <one path range per subtree>)`; this module may not import orgs):
 * shown here as `<column> IS NOT NULL`, where the condition goes.
 */
const orgInScope: repo.OrgInScopeSql = (column) => {
  const eb = expressionBuilder<DB, keyof DB>();
  return eb(eb.ref(column as 'app_user.home_org_id'), 'is not', null) as Expression<SqlBool>;
};

export const cases: SqlCases<typeof repo> = {
  sessionAccountSql: "a session's account with its grants, in the auth hook's one statement: shown in src/server/queries/auth.repo.sql",
  listUsers: (db) => repo.listUsers(db, orgInScope, SCOPE, 'nguyễn', 2, 20),
  findUser: (db) => repo.findUser(db, orgInScope, SCOPE, USER),
  roleAssignmentsOf: (db) => repo.roleAssignmentsOf(db, [USER]),
  userNames: (db) => repo.userNames(db, [USER]),
  usernameTaken: (db) => repo.usernameTaken(db, 'admin'),
  insertAppUser: (db) =>
    repo.insertAppUser(db, {
      id: USER,
      username: 'hanh.nt',
      full_name: 'Nguyễn Thị Hạnh',
      password_hash: 'scrypt$16384$8$1$c2FsdA$a2V5',
      home_org_id: ORG,
      must_change_password: true,
    }),
  insertRoleAssignment: (db) => repo.insertRoleAssignment(db, { id: ASSIGNMENT, user_id: USER, role: 'org_admin', org_id: ORG }),
  findUserIdByUsername: (db) => repo.findUserIdByUsername(db, 'Hanh.NT'),
  updateAppUser: (db) => repo.updateAppUser(db, USER, { full_name: 'Nguyễn Thị Hạnh', is_disabled: true, updated_at: new Date('2026-03-02T09:00:00Z') }),
  findRoleAssignmentId: (db) => repo.findRoleAssignmentId(db, USER, 'editor', ORG),
  findUserRoleAssignment: (db) => repo.findUserRoleAssignment(db, USER, ASSIGNMENT),
  countSystemAdminAssignments: (db) => repo.countSystemAdminAssignments(db),
  deleteRoleAssignment: (db) => repo.deleteRoleAssignment(db, ASSIGNMENT),
  findUserByUsername: (db) => repo.findUserByUsername(db, 'Hanh.NT'),
  getUserById: (db) => repo.getUserById(db, USER),
  findSessionAccount: (db) => repo.findSessionAccount(db, USER),
  setUserLockedUntil: (db) => repo.setUserLockedUntil(db, USER, new Date('2026-03-02T09:15:00Z')),
  resetUserLoginFailures: (db) => repo.resetUserLoginFailures(db, USER),
  updateUserPassword: (db) => repo.updateUserPassword(db, USER, 'scrypt$16384$8$1$c2FsdA$a2V5', new Date('2026-03-02T09:00:00Z')),
  userNameSql: 'a scalar subquery other queries compose (a rule set’s author): shown in src/server/queries/rulesets.repo.sql',
};
