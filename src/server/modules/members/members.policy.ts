/**
 * Who may do what with member files, one rule per question. Lists are scoped inside the queries; these answer the
 * yes/no questions about one member (or the organisation whose roll would hold him), given its current path.
 */
import { can, pathInScope, scopeFor, type Actor } from '../../http/actor.ts';
import { forbidden } from '../../http/errors.ts';

export const canEditMembers = (actor: Actor): boolean => can(actor, 'editMembers');

/** The actor, when he may edit member files somewhere (routes that write: the member module and its siblings). */
export function requireMemberEditor(actor: Actor): Actor {
  if (!canEditMembers(actor)) throw forbidden('Bạn không có quyền cập nhật hồ sơ đảng viên.');
  return actor;
}

/** The file of a member on the roll of the organisation at `orgPath` (or that organisation itself) is in the actor's reading scope. */
export const canReadMember = (actor: Actor, orgPath: string): boolean => pathInScope(orgPath, scopeFor(actor, 'read'));

/** The actor may change the file of a member on the roll at `orgPath`, or place a member on that roll. */
export const canChangeMember = (actor: Actor, orgPath: string): boolean => pathInScope(orgPath, scopeFor(actor, 'editMembers'));

/** Refuses a write to the file of a member whose organisation lies outside the actor's editing scope. */
export function assertCanEditMember(actor: Actor, memberOrgPath: string): void {
  if (!canChangeMember(actor, memberOrgPath)) throw forbidden('Bạn không có quyền cập nhật hồ sơ đảng viên này.');
}

/** CCCD and discipline: staff who edit, organisation administrators, inspection committees. */
export const canReadSensitive = (actor: Actor, memberOrgPath: string): boolean => pathInScope(memberOrgPath, scopeFor(actor, 'readSensitive'));

/** Family and political history: only the grassroots committee and above (domain.md §4), not a role at a cell below it. */
export const canReadHistory = (actor: Actor, memberOrgPath: string): boolean => pathInScope(memberOrgPath, scopeFor(actor, 'readHistory'));

/** A discipline decision is recorded by whoever may both change the file and read its sensitive part. */
export const canRecordDiscipline = (actor: Actor, memberOrgPath: string): boolean =>
  canChangeMember(actor, memberOrgPath) && canReadSensitive(actor, memberOrgPath);

/** "001090123456" → "001******456": enough to tell two people apart on a list, not enough to misuse. */
export function maskCccd(cccd: string | null): string | null {
  if (!cccd) return null;
  return `${cccd.slice(0, 3)}${'*'.repeat(Math.max(0, cccd.length - 6))}${cccd.slice(-3)}`;
}
