/** Who may manage which accounts: pure functions of the actor and the target's place in the tree. */
import type { Role } from '../../db/schema.ts';
import { isSystemAdmin, pathInScope, scopeFor, type Actor } from '../../http/actor.ts';

/** A user is managed by whoever manages the subtree holding the user's home organisation; a user with none, by system administrators. */
export function canManageUserAt(actor: Actor, homeOrgPath: string | null): boolean {
  if (isSystemAdmin(actor)) return true;
  return homeOrgPath !== null && pathInScope(homeOrgPath, scopeFor(actor, 'manageUsers'));
}

/** Roles are granted inside one's own subtree; only a system administrator grants system administration. */
export function canGrant(actor: Actor, role: Role, orgPath: string | null): boolean {
  if (role === 'system_admin') return isSystemAdmin(actor);
  return orgPath !== null && pathInScope(orgPath, scopeFor(actor, 'manageUsers'));
}
