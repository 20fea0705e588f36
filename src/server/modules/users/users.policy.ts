/** Who may manage which accounts: pure functions of the actor and the target's place in the tree. */
import type { Role } from '../../db/schema.ts';
import { can, isSystemAdmin, pathInScope, scopeFor, type Actor } from '../../http/actor.ts';

/** Whoever holds user management somewhere (organisation or system administrators) opens the accounts pages. */
export function canManageUsers(actor: Actor): boolean {
  return can(actor, 'manageUsers');
}

/** A user is managed by whoever manages the subtree holding the user's home organisation; a user with none, by system administrators. */
export function canManageUserAt(actor: Actor, homeOrgPath: string | null): boolean {
  if (isSystemAdmin(actor)) return true;
  return homeOrgPath !== null && pathInScope(homeOrgPath, scopeFor(actor, 'manageUsers'));
}

/**
 * An administrator sees the role assignments inside his own scope only (a sibling's grants stay private), and a
 * system administration only when he is one.
 */
export function canSeeGrant(actor: Actor, role: Role, orgPath: string | null): boolean {
  const scope = scopeFor(actor, 'manageUsers');
  return scope === 'all' || (role !== 'system_admin' && pathInScope(orgPath, scope));
}

/** Roles are granted inside one's own subtree; only a system administrator grants system administration. */
export function canGrant(actor: Actor, role: Role, orgPath: string | null): boolean {
  if (role === 'system_admin') return isSystemAdmin(actor);
  return orgPath !== null && pathInScope(orgPath, scopeFor(actor, 'manageUsers'));
}

/** Minimum password rules: 8 to 200 characters, not the username (users owns the credentials; auth checks them too). */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < 8) return 'Mật khẩu cần ít nhất 8 ký tự.';
  if (password.length > 200) return 'Mật khẩu không được dài quá 200 ký tự.';
  if (password.toLowerCase() === username.toLowerCase()) return 'Mật khẩu không được trùng tên đăng nhập.';
  return null;
}
