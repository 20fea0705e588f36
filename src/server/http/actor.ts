/**
 * Who is asking, and over which parts of the tree. A user holds role assignments, each over an organisation
 * subtree; every capability resolves to a list of subtree paths (or the whole tree for a system administrator).
 * Paths are the scope organisations' current paths, resolved on every request, so a reorganisation moves scopes
 * with the organisations.
 */
import type { Role } from '../db/schema.ts';
import type { Scope } from '../../domain/scope.ts';

export { pathInScope, type Scope } from '../../domain/scope.ts';

export interface RoleGrant {
  id: string;
  role: Role;
  orgId: string | null;
  orgName: string | null;
  /** Current path of the scope organisation; null for a system administrator (whole tree) or an ended org. */
  orgPath: string | null;
  /**
   * The scope organisation lies inside a grassroots organisation (a chi bộ trực thuộc, đảng bộ bộ phận, tổ đảng): it is
   * below the grassroots committee, which keeps the member dossiers (domain.md §4).
   */
  belowGrassroots?: boolean;
  /** The member record of a `member` grant (a member who logs in sees his own cell's meetings and nothing else). */
  memberId?: string | null;
}

export interface Actor {
  userId: string;
  username: string;
  fullName: string;
  mustChangePassword: boolean;
  roles: RoleGrant[];
}

/**
 * editMembers: the member file; readSensitive: CCCD and discipline; readHistory: family and political history, which
 * only the grassroots committee and above may read (domain.md §4): the roles that hold readSensitive, at an
 * organisation that is not below a grassroots one.
 */
export type Capability =
  | 'read'
  | 'editOrgs'
  | 'reorganize'
  | 'manageUsers'
  | 'readAudit'
  | 'editMembers'
  | 'readSensitive'
  | 'readHistory'
  /** Inspection and supervision plans and cases (issue 15): the committee's officers and the inspection committee. */
  | 'inspect';

const ROLE_CAPABILITIES: Record<Role, readonly Capability[]> = {
  system_admin: ['read', 'editOrgs', 'reorganize', 'manageUsers', 'readAudit', 'editMembers', 'readSensitive', 'readHistory', 'inspect'],
  org_admin: ['read', 'editOrgs', 'reorganize', 'manageUsers', 'readAudit', 'editMembers', 'readSensitive', 'readHistory', 'inspect'],
  editor: ['read', 'editOrgs', 'editMembers', 'readSensitive', 'readHistory', 'inspect'],
  viewer: ['read'],
  inspector: ['read', 'readAudit', 'readSensitive', 'readHistory', 'inspect'],
  // A member reads only his own cell's meetings and his own attendance (modules/meetings, meetings.self.ts): no scope.
  member: [],
};

/** Capabilities held only at the grassroots committee's level and above (domain.md §4). */
const GRASSROOTS_AND_ABOVE: readonly Capability[] = ['readHistory'];

export const ROLE_NAMES: Record<Role, string> = {
  system_admin: 'Quản trị hệ thống',
  org_admin: 'Quản trị đơn vị',
  editor: 'Cán bộ nghiệp vụ',
  viewer: 'Xem',
  inspector: 'Ủy ban kiểm tra',
  member: 'Đảng viên',
};

/** 'all' for the whole tree, else the subtree paths where the actor holds the capability (possibly none). */
export function scopeFor(actor: Actor, cap: Capability): Scope {
  const paths: string[] = [];
  for (const g of actor.roles) {
    if (!ROLE_CAPABILITIES[g.role].includes(cap)) continue;
    if (g.role === 'system_admin') return 'all';
    if (g.belowGrassroots && GRASSROOTS_AND_ABOVE.includes(cap)) continue;
    if (g.orgPath) paths.push(g.orgPath);
  }
  // Drop paths inside other paths: fewer ranges to scan, same rows.
  paths.sort();
  return paths.filter((p, i) => !paths.slice(0, i).some((q) => p.startsWith(q)));
}

export function can(actor: Actor, cap: Capability): boolean {
  const s = scopeFor(actor, cap);
  return s === 'all' || s.length > 0;
}

export function isSystemAdmin(actor: Actor): boolean {
  return actor.roles.some((r) => r.role === 'system_admin');
}

/** The member record the actor logs in as (a `member` grant), or null. */
export function selfMemberId(actor: Actor): string | null {
  return actor.roles.find((r) => r.role === 'member' && r.memberId)?.memberId ?? null;
}
