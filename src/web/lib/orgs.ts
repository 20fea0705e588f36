/** Small helpers over organisation data. */

/** Ancestors from the root down to the parent, whichever order the server sends them in. */
export function orderedAncestors<T extends { id: string }>(ancestors: T[], parentId: string | null): T[] {
  if (ancestors.length > 1 && ancestors[0]?.id === parentId) return [...ancestors].reverse();
  return ancestors;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/** True for a database id (as opposed to a reorganisation ref like "new-1"). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
