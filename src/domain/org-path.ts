/**
 * Materialised paths of the organisation tree: '/rootId/childId/…/selfId/'. A subtree is every path that starts
 * with the node's path, which under the "C" collation is one index range [path, upper) where upper replaces the
 * final '/' with '0', the next character in byte order.
 */

export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id}/`;
}

/** The half-open range [from, to) that holds a node's subtree, the node included. */
export function subtreeRange(path: string): { from: string; to: string } {
  return { from: path, to: `${path.slice(0, -1)}0` };
}

/** True when `path` is the scope node itself or lies below it. */
export function isWithin(path: string, scopePath: string): boolean {
  return path.startsWith(scopePath);
}

/** The ids on the path, root first, the node itself last. */
export function pathIds(path: string): string[] {
  return path.split('/').filter(Boolean);
}

export function depthOf(path: string): number {
  return pathIds(path).length - 1;
}
