/**
 * Who may do what with the tree. The scope of each capability is applied inside the service's queries.
 *
 * Changes to an organisation are decided by its superior (issue 10 item 11): a role at an organisation may change
 * what is below it (create under it, move or merge into it, and change its sub-organisations), never the
 * organisation itself nor move it out; a system administrator may change everything.
 */
import { can, pathInScope, scopeFor, type Actor, type Capability, type Scope } from '../../http/actor.ts';

/** Staff who edit (and administrators) create, rename, move, merge, split and dissolve organisations in their subtree. */
export const canEditOrgs = (actor: Actor): boolean => can(actor, 'editOrgs');
/** Bulk reorganisations belong to organisation and system administrators. */
export const canReorganize = (actor: Actor): boolean => can(actor, 'reorganize');

/** The organisation at this current path may be changed itself: it lies strictly below an organisation of the scope. */
export function changeableItself(path: string | null | undefined, scope: Scope): boolean {
  if (scope === 'all') return true;
  if (!path) return false;
  return scope.some((p) => path.startsWith(p) && path !== p);
}

/** What is below the organisation at this current path may be changed: it lies in the scope (its own root included). */
export const changeableBelow = (path: string | null | undefined, scope: Scope): boolean => pathInScope(path, scope);

/** The tree actions the actor may take on one organisation (its current path), as the server will decide them. */
export function treeActions(actor: Actor, path: string, cap: Capability = 'editOrgs') {
  const scope = scopeFor(actor, cap);
  const self = changeableItself(path, scope);
  const below = changeableBelow(path, scope);
  return { createChild: below, rename: self, reclassify: self, move: self, dissolve: self, split: self, mergeAway: self, receive: below };
}
