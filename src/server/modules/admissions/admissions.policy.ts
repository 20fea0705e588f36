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
