/**
 * Accounts and role assignments. Administrators manage the users whose home organisation lies in their subtree and
 * grant roles only inside it; every change is one transaction with its audit entry.
 */
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Clock } from '../../clock.ts';
import type { DB, Role } from '../../db/schema.ts';
import { isSystemAdmin, pathInScope, scopeFor, type Actor } from '../../http/actor.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { passwordProblem } from '../auth/auth.policy.ts';
import { clearLoginFailures } from '../auth/auth.repo.ts';
import { hashPassword } from '../auth/password.ts';
import { canGrant, canManageUserAt } from './users.policy.ts';
import {
  countSystemAdminAssignments,
  deleteRoleAssignment,
  deleteUserSessions,
  findOrgPath,
  findRoleAssignmentId,
  findUser,
  findUserIdByUsername,
  findUserRoleAssignment,
  insertAppUser,
  insertRoleAssignment,
  listUsers,
  toUserDto,
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

export function createUsersService(deps: { db: Kysely<DB>; clock: Clock }) {
  const { db, clock } = deps;

  const manageScope = (actor: Actor) => {
    const scope = scopeFor(actor, 'manageUsers');
    if (scope !== 'all' && scope.length === 0) throw forbidden('Bạn không có quyền quản lý người dùng.');
    return scope;
  };
  const dto = (actor: Actor, row: UserRow) => {
    const scope = scopeFor(actor, 'manageUsers');
    return toUserDto(db, row, (orgPath, role) => scope === 'all' || (role !== 'system_admin' && pathInScope(orgPath, scope)));
  };
  const load = async (actor: Actor, id: string) => {
    const row = await findUser(db, manageScope(actor), id);
    if (!row || !canManageUserAt(actor, row.home_org_path)) throw notFound('Không tìm thấy người dùng.');
    return row;
  };
  const orgPathOf = async (orgId: string) => (await findOrgPath(db, orgId)) ?? null;
  const audit = (tx: Kysely<DB>, actor: Actor, action: string, row: { id: string; home_org_id: string | null }, before: unknown, after: unknown) =>
    writeAudit(tx, { id: actor.userId, name: actor.username }, clock.now(), [
      { action, entityType: 'user', entityId: row.id, scopeOrgId: row.home_org_id, before, after },
    ]);

  return {
    async list(actor: Actor, q: string | undefined, page: number, pageSize: number) {
      const { rows, total } = await listUsers(db, manageScope(actor), q, page, pageSize);
      return { items: await Promise.all(rows.map((r) => dto(actor, r))), total };
    },

    async get(actor: Actor, id: string) {
      return dto(actor, await load(actor, id));
    },

    async create(actor: Actor, input: { username: string; fullName: string; password: string; homeOrgId: string }) {
      manageScope(actor);
      const org = await orgPathOf(input.homeOrgId);
      if (!org || !canManageUserAt(actor, org.current_path)) throw invalid('homeOrgId', 'Tổ chức không tồn tại hoặc ngoài phạm vi quản lý của bạn.');
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
        if (input.disabled) await deleteUserSessions(tx, id);
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
        await deleteUserSessions(tx, id);
        // The name's login locks end too, from every address: the user is given a new password to log in with.
        await clearLoginFailures(tx, row.username, null);
        await audit(tx, actor, 'user.reset_password', row, null, { mustChangePassword: true });
      });
    },

    async addRole(actor: Actor, id: string, role: Role, orgId: string | null) {
      const row = await load(actor, id);
      if (role === 'system_admin' && orgId !== null) throw invalid('orgId', 'Quản trị hệ thống áp dụng cho toàn hệ thống; không chọn tổ chức.');
      if (role !== 'system_admin' && orgId === null) throw invalid('orgId', 'Cần chọn tổ chức làm phạm vi của vai trò.');
      const org = orgId ? await orgPathOf(orgId) : null;
      if (orgId && !org) throw invalid('orgId', 'Tổ chức không tồn tại hoặc ngoài phạm vi quản lý của bạn.');
      if (!canGrant(actor, role, org?.current_path ?? null)) {
        throw role === 'system_admin'
          ? forbidden('Chỉ quản trị hệ thống mới cấp được vai trò này.')
          : invalid('orgId', 'Tổ chức không tồn tại hoặc ngoài phạm vi quản lý của bạn.');
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
      if (!a || !canGrant(actor, a.role, a.current_path ?? null)) throw notFound('Không tìm thấy vai trò.');
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
