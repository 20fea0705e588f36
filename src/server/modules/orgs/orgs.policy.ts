/**
 * Who may do what with the tree. The scope of each capability is applied inside the service's queries.
 *
 * Changes to an organisation are decided by its superior (issue 10 item 11): a role at an organisation may change
 * what is below it (create under it, move or merge into it, and change its sub-organisations), never the
 * organisation itself nor move it out; a system administrator may change everything.
 */
import { pathIds } from '../../../domain/org-path.ts';
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

/** The scope in which the actor reads the tree: an organisation outside it is not found. */
export const orgReadScope = (actor: Actor): Scope => scopeFor(actor, 'read');

/** The actor reads the organisation at this current path. */
export const canReadOrg = (actor: Actor, currentPath: string | null | undefined): boolean => pathInScope(currentPath, orgReadScope(actor));

/** The actor may ask for a tree change with the capability at all (the planner then decides each organisation). */
export const canChangeTree = (actor: Actor, cap: Capability): boolean => can(actor, cap);

/** A top-level organisation (a province) is founded by system administrators only. */
export const canCreateRoot = (actor: Actor): boolean => scopeFor(actor, 'editOrgs') === 'all';

/** Whoever records member transfers searches the whole tree for a destination (issue 12 part 5). */
export const canSearchDestinations = (actor: Actor): boolean => can(actor, 'editMembers');

/**
 * What the planner may do with each organisation of the trees it loads, by current path: see it, change it, change
 * below it. The scopes are worked out once; the answer is asked for every node of a province.
 */
export function planAccess(actor: Actor, cap: Capability) {
  const writeScope = scopeFor(actor, cap);
  const readScope = orgReadScope(actor);
  return (currentPath: string) => ({
    visible: pathInScope(currentPath, readScope),
    writable: changeableItself(currentPath, writeScope),
    writableBelow: changeableBelow(currentPath, writeScope),
  });
}

/** The organisation as the permission summary needs it: today's path, its end, its kind. */
export interface OrgForPermissions {
  current_path: string;
  ended_on: string | null;
  is_cell: boolean;
  is_grassroots: boolean;
}

/**
 * What the actor may do on the organisation today, decided by the same rules as the routes that do it: the tree
 * (above), the member file, admissions targets (set by the superior) and evaluation (evaluation.policy.ts).
 */
export function orgPermissions(actor: Actor, org: OrgForPermissions, today: string) {
  const path = org.current_path;
  const live = !(org.ended_on !== null && org.ended_on <= today);
  const at = (cap: Capability, p: string | null) => (p === null ? scopeFor(actor, cap) === 'all' : pathInScope(p, scopeFor(actor, cap)));
  const parentPath = pathIds(path).length > 1 ? `/${pathIds(path).slice(0, -1).join('/')}/` : null;
  const edit = treeActions(actor, path, 'editOrgs');
  return {
    tree: {
      createChild: live && edit.createChild,
      rename: live && edit.rename,
      reclassify: live && edit.reclassify,
      move: live && edit.move,
      dissolve: live && edit.dissolve,
      split: live && edit.split,
      merge: live && edit.mergeAway,
      reorganize: live && at('reorganize', path),
    },
    members: { edit: live && at('editMembers', path), readSensitive: at('readSensitive', path) },
    admissions: { edit: live && at('editMembers', path), setTarget: live && at('editMembers', parentPath) },
    evaluation: {
      // a cell inside a đảng bộ cơ sở cannot open its own period (its members would escape the grassroots quota)
      open: live && at('editOrgs', path) && !(org.is_cell && !org.is_grassroots),
      rateSelf: at('editOrgs', path),
      propose: at('editOrgs', org.is_grassroots ? path : parentPath),
      decide: at('editOrgs', parentPath),
    },
    users: { manage: at('manageUsers', path) },
    audit: { read: at('readAudit', path) },
  };
}
