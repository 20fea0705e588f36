/**
 * Who may do what with admissions. Reading follows the `read` scope, recording steps the `editMembers` scope (the same
 * staff who keep the member file: members.policy.ts). Two choices of this module:
 * - A failed check is let through only by an organisation administrator (or a system administrator) whose subtree
 *   holds the dossier's cell: the committee that answers for the admission, not any member of its staff.
 * - A yearly target is set by the superior: whoever edits members over the organisation's **parent** (a system
 *   administrator for a root), so a cell never sets its own target.
 */
import { isSystemAdmin, pathInScope, scopeFor, type Actor } from '../../http/actor.ts';
import { forbidden } from '../../http/errors.ts';

export { assertCanEditMember as assertCanEditDossier, requireMemberEditor as requireAdmissionEditor } from '../members/members.policy.ts';

/** Anything with a current path: a candidate or dossier (its cell's path), an organisation. */
interface Placed {
  current_path: string;
}

/** A candidate and his dossier are read by whoever reads their cell. */
export function canReadCandidate(actor: Actor, candidate: Placed): boolean {
  return pathInScope(candidate.current_path, scopeFor(actor, 'read'));
}

/** The admissions of an organisation's subtree (a list filter, a target page) are read by whoever reads it. */
export function canReadOrgAdmissions(actor: Actor, org: Placed): boolean {
  return pathInScope(org.current_path, scopeFor(actor, 'read'));
}

/** Listing a candidate in a cell and recording the steps of his dossier: whoever edits the cell's members. */
export function canRecordStep(actor: Actor, dossier: Placed): boolean {
  return pathInScope(dossier.current_path, scopeFor(actor, 'editMembers'));
}

/** The organisation a target page opens on by default: the first of the actor's roles with one he reads. */
export function homeOrgOf(actor: Actor): string | undefined {
  const scope = scopeFor(actor, 'read');
  return actor.roles.find((r) => r.orgId && r.orgPath && pathInScope(r.orgPath, scope))?.orgId ?? undefined;
}

export function canOverrideChecks(actor: Actor, orgPath: string): boolean {
  return actor.roles.some((g) => g.role === 'system_admin' || (g.role === 'org_admin' && g.orgPath !== null && orgPath.startsWith(g.orgPath)));
}

export function assertCanOverride(actor: Actor, orgPath: string): void {
  if (!canOverrideChecks(actor, orgPath)) throw forbidden('Chỉ quản trị đơn vị (cấp ủy quản lý) mới được bỏ qua kiểm tra không đạt, kèm lý do.');
}

/** The superior sets an organisation's target: editing rights over its parent. */
export function canSetTarget(actor: Actor, parentPath: string | null): boolean {
  if (isSystemAdmin(actor)) return true;
  return parentPath !== null && pathInScope(parentPath, scopeFor(actor, 'editMembers'));
}
