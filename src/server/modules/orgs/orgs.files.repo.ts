/** What the member file's satellites (member-sheet) read of organisations: a cell's path, and names on a date. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * The names of organisations on a date (id → name): the last version begun on or before it, else the first one (an
 * organisation not yet established). An unknown id has no entry.
 */
export async function orgNamesOn(db: Kysely<DB>, orgIds: readonly string[], date: string): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (orgIds.length === 0) return names;
  const rows = await db
    .selectFrom('org_version')
    .select(['org_id', 'name', 'valid_from'])
    .where('org_id', 'in', [...orgIds])
    .orderBy('org_id')
    .orderBy('valid_from')
    .execute();
  for (const r of rows) if (!names.has(r.org_id) || r.valid_from <= date) names.set(r.org_id, r.name);
  return names;
}
