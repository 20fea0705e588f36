/**
 * A caller's reach over the tree: 'all' for the whole tree, else the subtree paths (materialised paths, see
 * org-path.ts) where the caller holds a capability, possibly none. Pure, so that the database helpers (db/scope-sql.ts)
 * and the request layer (http/actor.ts, which re-exports both) share it without importing each other.
 */
export type Scope = 'all' | string[];

/** True when the path lies in the scope. */
export function pathInScope(path: string | null | undefined, scope: Scope): boolean {
  if (scope === 'all') return true;
  if (!path) return false;
  return scope.some((p) => path.startsWith(p));
}
