/**
 * Who may do what in an evaluation (domain.md §8). Pure functions of the actor and the current paths involved.
 *
 * - Opening, overriding a failed check, publishing and changing a published result: editOrgs over the period's root
 *   (the level responsible for the subtree).
 * - A member's self-assessment, the cell's vote and proposal: editMembers over the cell; the grassroots proposal and
 *   the decision: editMembers over the grassroots organisation.
 * - An organisation's self-report and discipline facts: editOrgs over it; the proposal: editOrgs over its grassroots
 *   organisation (itself when it is one); the decision: editOrgs over its superior (the superior's standing committee).
 * - The consolidation list: editOrgs over the organisation's superior.
 */
import { pathInScope, scopeFor, type Actor } from '../../http/actor.ts';

export const canEditOrgAt = (actor: Actor, path: string | null | undefined): boolean => pathInScope(path, scopeFor(actor, 'editOrgs'));
export const canEditMembersAt = (actor: Actor, path: string | null | undefined): boolean => pathInScope(path, scopeFor(actor, 'editMembers'));

/** The superior's path from an organisation's path ('/a/b/c/' → '/a/b/'); null for a root. */
export function parentPathOf(path: string): string | null {
  const ids = path.split('/').filter(Boolean);
  if (ids.length <= 1) return null;
  return `/${ids.slice(0, -1).join('/')}/`;
}
