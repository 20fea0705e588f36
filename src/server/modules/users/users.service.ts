/**
 * Accounts and role assignments. Administrators manage the users whose home organisation lies in their subtree and
 * grant roles only inside it; every change is one transaction with its audit entry. Organisations (their paths and
 * names) and sessions belong to modules above this one: the composition root passes them in (users.ports.ts).
 */
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Clock } from '../../clock.ts';
import type { DB, Role } from '../../db/schema.ts';
import { isSystemAdmin, scopeFor, type Actor } from '../../http/actor.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { hashPassword } from './password.ts';
import { canGrant, canManageUserAt, canManageUsers, canSeeGrant, passwordProblem } from './users.policy.ts';
import type { UserOrgsPort, UserSessionsPort } from './users.ports.ts';
import {
  countSystemAdminAssignments,
  deleteRoleAssignment,
  findRoleAssignmentId,
  findUser,
  findUserIdByUsername,
  findUserRoleAssignment,
  insertAppUser,
  insertRoleAssignment,
  listUsers,
  roleAssignmentsOf,
  updateAppUser,
  type UserRow,
} from './users.repo.ts';

/** Inserts an account (no audit, no checks): for the CLI, seeds and the service below. */
export async function insertUser(
  db: Kysely<DB>,
  input: {
    username: string;
    fullName: string;
    password: string;
    homeOrgId: string | null;
    mustChangePassword?: boolean;
    roles?: { role: Role; orgId: string | null }[];
  },
): Promise<string> {
  const id = uuidv7();
  await insertAppUser(db, {
    id,
    username: input.username,
    full_name: input.fullName,
    password_hash: await hashPassword(input.password),
    home_org_id: input.homeOrgId,
    must_change_password: input.mustChangePassword ?? false,
  });
  for (const r of input.roles ?? []) {
    await insertRoleAssignment(db, { id: uuidv7(), user_id: id, role: r.role, org_id: r.orgId });
  }
  return id;
}

export interface UsersDeps {
  db: Kysely<DB>;
  clock: Clock;
  orgs: UserOrgsPort;
  sessions: UserSessionsPort;
}

const OUT_OF_REACH = 'Tổ chức không tồn tại hoặc ngoài phạm vi quản lý của bạn.';

/** The accounts as an administrator sees them: home organisation and the role assignments inside his own scope. */
async function toUserDtos(deps: UsersDeps, actor: Actor, rows: UserRow[]) {
  const grants = await roleAssignmentsOf(
    deps.db,
    rows.map((r) => r.id),
  );
  const orgIds = [...new Set([...rows.map((r) => r.home_org_id), ...grants.map((g) => g.org_id)].filter((id): id is string => id !== null))];
  const places = await deps.orgs.places(deps.db, orgIds);
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    homeOrg: row.home_org_id ? { id: row.home_org_id, name: places.get(row.home_org_id)?.name ?? '' } : null,
    disabled: row.is_disabled,
    lockedUntil: row.locked_until ? new Date(row.locked_until).toISOString() : null,
    // An administrator sees only the assignments inside his own scope: a sibling's grants stay private.
    roles: grants
      .filter((g) => g.user_id === row.id)
      .map((g) => ({ ...g, place: g.org_id ? places.get(g.org_id) : undefined }))
      .filter((g) => canSeeGrant(actor, g.role, g.place?.path ?? null))
      .map((g) => ({ id: g.id, role: g.role, orgId: g.org_id, orgName: g.place?.name ?? null })),
    createdAt: new Date(row.created_at).toISOString(),
  }));
}

// eslint-disable-next-line max-lines-per-function -- the service factory: each method is one command, each under the limit
export function createUsersService(deps: UsersDeps) {
  const { db, clock, orgs, sessions } = deps;

  const manageScope = (actor: Actor) => {
    if (!canManageUsers(actor)) throw forbidden('Bạn không có quyền quản lý người dùng.');
    return scopeFor(actor, 'manageUsers');
  };
  const load = async (actor: Actor, id: string) => {
    const row = await findUser(db, orgs.inScopeSql, manageScope(actor), id);
    const home = row?.home_org_id ? (await orgs.places(db, [row.home_org_id])).get(row.home_org_id) : undefined;
    if (!row || !canManageUserAt(actor, home?.path ?? null)) throw notFound('Không tìm thấy người dùng.');
    return row;
  };
  const placeOf = async (orgId: string) => (await orgs.places(db, [orgId])).get(orgId) ?? null;
  const audit = (tx: Kysely<DB>, actor: Actor, action: string, row: { id: string; home_org_id: string | null }, before: unknown, after: unknown) =>
    writeAudit(tx, { id: actor.userId, name: actor.username }, clock.now(), [
      { action, entityType: 'user', entityId: row.id, scopeOrgId: row.home_org_id, before, after },
    ]);

  return {
    async list(actor: Actor, q: string | undefined, page: number, pageSize: number) {
      const { rows, total } = await listUsers(db, orgs.inScopeSql, manageScope(actor), q, page, pageSize);
      return { items: await toUserDtos(deps, actor, rows), total };
    },

    async get(actor: Actor, id: string) {
      return (await toUserDtos(deps, actor, [await load(actor, id)]))[0]!;
    },

    async create(actor: Actor, input: { username: string; fullName: string; password: string; homeOrgId: string }) {
      manageScope(actor);
      const org = await placeOf(input.homeOrgId);
      if (!org || !canManageUserAt(actor, org.path)) throw invalid('homeOrgId', OUT_OF_REACH);
      const problem = passwordProblem(input.password, input.username);
      if (problem) throw invalid('password', problem);
      const id = await db.transaction().execute(async (tx) => {
        const taken = await findUserIdByUsername(tx, input.username);
        if (taken) throw conflict('Tên đăng nhập đã được sử dụng.', [{ field: 'username', message: 'Tên đăng nhập đã được sử dụng.' }]);
        const newId = await insertUser(tx, { ...input, mustChangePassword: true });
        await audit(tx, actor, 'user.create', { id: newId, home_org_id: input.homeOrgId }, null, {
          username: input.username,
          fullName: input.fullName,
          homeOrgId: input.homeOrgId,
        });
        return newId;
      });
      return this.get(actor, id);
    },

    async update(actor: Actor, id: string, input: { fullName?: string | undefined; disabled?: boolean | undefined }) {
      const row = await load(actor, id);
      if (input.disabled === true && id === actor.userId) throw invalid('disabled', 'Không thể tự vô hiệu hóa tài khoản của mình.');
      await db.transaction().execute(async (tx) => {
        await updateAppUser(tx, id, {
          ...(input.fullName !== undefined ? { full_name: input.fullName } : {}),
          ...(input.disabled !== undefined ? { is_disabled: input.disabled } : {}),
          updated_at: clock.now(),
        });
        if (input.disabled) await sessions.revokeAll(tx, id);
        await audit(tx, actor, 'user.update', row, { fullName: row.full_name, disabled: row.is_disabled }, input);
      });
      return this.get(actor, id);
    },

    async resetPassword(actor: Actor, id: string, newPassword: string) {
      const row = await load(actor, id);
      const problem = passwordProblem(newPassword, row.username);
      if (problem) throw invalid('newPassword', problem);
      const hash = await hashPassword(newPassword);
      await db.transaction().execute(async (tx) => {
        await updateAppUser(tx, id, { password_hash: hash, must_change_password: true, failed_logins: 0, locked_until: null, updated_at: clock.now() });
        await sessions.revokeAll(tx, id);
        // The name's login locks end too, from every address: the user is given a new password to log in with.
        await sessions.clearLoginFailures(tx, row.username);
        await audit(tx, actor, 'user.reset_password', row, null, { mustChangePassword: true });
      });
    },

    async addRole(actor: Actor, id: string, role: Role, orgId: string | null) {
      const row = await load(actor, id);
      if (role === 'system_admin' && orgId !== null) throw invalid('orgId', 'Quản trị hệ thống áp dụng cho toàn hệ thống; không chọn tổ chức.');
      if (role !== 'system_admin' && orgId === null) throw invalid('orgId', 'Cần chọn tổ chức làm phạm vi của vai trò.');
      const org = orgId ? await placeOf(orgId) : null;
      if (orgId && !org) throw invalid('orgId', OUT_OF_REACH);
      if (!canGrant(actor, role, org?.path ?? null)) {
        throw role === 'system_admin' ? forbidden('Chỉ quản trị hệ thống mới cấp được vai trò này.') : invalid('orgId', OUT_OF_REACH);
      }
      await db.transaction().execute(async (tx) => {
        const existing = await findRoleAssignmentId(tx, id, role, orgId);
        if (existing) throw conflict('Người dùng đã có vai trò này tại tổ chức này.');
        const assignmentId = uuidv7();
        await insertRoleAssignment(tx, { id: assignmentId, user_id: id, role, org_id: orgId });
        await audit(tx, actor, 'user.role_add', row, null, { assignmentId, role, orgId });
      });
      return this.get(actor, id);
    },

    async removeRole(actor: Actor, id: string, assignmentId: string) {
      const row = await load(actor, id);
      const a = await findUserRoleAssignment(db, id, assignmentId);
      const orgPath = a?.org_id ? ((await placeOf(a.org_id))?.path ?? null) : null;
      if (!a || !canGrant(actor, a.role, orgPath)) throw notFound('Không tìm thấy vai trò.');
      if (a.role === 'system_admin' && id === actor.userId) throw invalid('assignmentId', 'Không thể tự bỏ quyền quản trị hệ thống của mình.');
      if (a.role === 'system_admin' && isSystemAdmin(actor)) {
        const others = await countSystemAdminAssignments(db);
        if (Number(others.n) <= 1) throw conflict('Phải còn ít nhất một quản trị hệ thống.');
      }
      await db.transaction().execute(async (tx) => {
        await deleteRoleAssignment(tx, assignmentId);
        await audit(tx, actor, 'user.role_remove', row, { assignmentId, role: a.role, orgId: a.org_id }, null);
      });
      return this.get(actor, id);
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
