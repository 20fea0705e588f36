/**
 * Who may do what with meetings (issue 16): the officers of an organisation record its own meetings, those above read
 * them. Reading follows the `read` scope (the meeting's organisation in the reader's subtree); writing needs a role
 * that edits members (editor, organisation administrator) held at the meeting's organisation itself, or a system
 * administrator. A commune's staff therefore read their cells' meetings and record only the commune's own.
 */
import { isSystemAdmin, pathInScope, scopeFor, type Actor } from '../../http/actor.ts';

interface Placed {
  org_id: string;
  current_path: string;
}

export function canReadMeetings(actor: Actor, org: { current_path: string }): boolean {
  return pathInScope(org.current_path, scopeFor(actor, 'read'));
}

export function canEditMeetings(actor: Actor, org: Placed): boolean {
  if (isSystemAdmin(actor)) return true;
  return actor.roles.some((g) => (g.role === 'editor' || g.role === 'org_admin') && g.orgId === org.org_id);
}
