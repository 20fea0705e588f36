/**
 * Who may do what in an evaluation (domain.md §8). Pure functions of the actor and the current paths involved; the
 * service asks these by name, never `pathInScope(scopeFor(...))` inline.
 *
 * - Opening, overriding a failed check, publishing and changing a published result: editOrgs over the period's root
 *   (the level responsible for the subtree).
 * - A member's self-assessment, the cell's vote and proposal: editMembers over the cell; the grassroots proposal and
 *   the decision: editMembers over the grassroots organisation.
 * - An organisation's self-report and discipline facts: editOrgs over it; the proposal: editOrgs over its grassroots
 *   organisation (itself when it is one); the decision: editOrgs over its superior (the superior's standing committee).
 * - The consolidation list: editOrgs over the organisation's superior.
 * - Reading: a period is seen when its root is in the read scope or above one of the reader's subtrees (he sees his
 *   part); a row (member, organisation, failure) when its organisation's current path is in the read scope.
 */
import { pathInScope, scopeFor, type Actor, type Scope } from '../../http/actor.ts';

export const canEditOrgAt = (actor: Actor, path: string | null | undefined): boolean => pathInScope(path, scopeFor(actor, 'editOrgs'));
export const canEditMembersAt = (actor: Actor, path: string | null | undefined): boolean => pathInScope(path, scopeFor(actor, 'editMembers'));

/** The superior's path from an organisation's path ('/a/b/c/' → '/a/b/'); null for a root. */
export function parentPathOf(path: string): string | null {
  const ids = path.split('/').filter(Boolean);
  if (ids.length <= 1) return null;
  return `/${ids.slice(0, -1).join('/')}/`;
}

/** What the caller reads: his read scope (for the repositories' SQL) and the check of one current path against it. */
export interface Reader {
  scope: Scope;
  sees(path: string | null | undefined): boolean;
}

export function readerOf(actor: Actor): Reader {
  const scope = scopeFor(actor, 'read');
  return { scope, sees: (path) => pathInScope(path, scope) };
}

/** A period the caller may see: its root in his read scope, or the root above one of his subtrees (he sees his part). */
export function canReadPeriod(actor: Actor, rootPath: string): boolean {
  const scope = scopeFor(actor, 'read');
  if (scope === 'all') return true;
  return scope.some((p) => rootPath.startsWith(p) || p.startsWith(rootPath));
}

/** Open a period over a root, override a failed check, publish, change a published result: the level of the root. */
export const canRunPeriod = (actor: Actor, rootPath: string): boolean => canEditOrgAt(actor, rootPath);

/** An organisation's self-assessment, self-report and discipline facts. */
export const canRateOrgSelf = (actor: Actor, orgPath: string): boolean => canEditOrgAt(actor, orgPath);

/** The proposal of an organisation's rating: its grassroots organisation's committee (itself when it is one). */
export const canProposeOrgRating = (actor: Actor, org: { org_path: string; is_grassroots: boolean }): boolean =>
  canEditOrgAt(actor, org.is_grassroots ? org.org_path : parentPathOf(org.org_path));

/** The decision on an organisation's rating: its superior. */
export const canDecideOrgRating = (actor: Actor, orgPath: string): boolean => canEditOrgAt(actor, parentPathOf(orgPath));

/** A member's self-assessment, the cell's vote and proposal. */
export const canRateInCell = (actor: Actor, cellPath: string | null | undefined): boolean => canEditMembersAt(actor, cellPath);

/** The grassroots proposal and the decision on a member's rating. */
export const canDecideMemberRatings = (actor: Actor, grassrootsPath: string | null | undefined): boolean => canEditMembersAt(actor, grassrootsPath);

/** Putting an organisation on the consolidation list and following it up: its superior. */
export const canKeepConsolidation = (actor: Actor, orgPath: string): boolean => canEditOrgAt(actor, parentPathOf(orgPath));
