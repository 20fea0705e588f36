/**
 * What the member sheet reads besides the member file: the sub-records (table member_record), the CCCD in full for
 * readers of sensitive groups, and the organisations above the member's cell. Callers load the member file first
 * (members service `get`), which applies the reader's scope and answers 404 outside it.
 */
import type { Kysely } from 'kysely';
import { pathIds } from '../../../domain/org-path.ts';
import type { DB } from '../../db/schema.ts';
import { pathInScope, type Scope } from '../../http/actor.ts';
import { orgNameOn } from '../members/members.repo.ts';
import type { RecordKind, SheetRecord } from './member-sheet.model.ts';

/** The member's sub-records of the given kinds, in their recorded order. */
export async function listSheetRecords(db: Kysely<DB>, memberId: string, kinds: readonly RecordKind[]): Promise<SheetRecord[]> {
  if (!kinds.length) return [];
  const rows = await db
    .selectFrom('member_record')
    .select(['kind', 'data'])
    .where('member_id', '=', memberId)
    .where('kind', 'in', [...kinds])
    .orderBy('kind')
    .orderBy('sort')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ kind: r.kind, data: r.data }));
}

export async function memberCccd(db: Kysely<DB>, memberId: string): Promise<string | null> {
  const row = await db.selectFrom('member').select('cccd').where('id', '=', memberId).executeTakeFirst();
  return row?.cccd ?? null;
}

/**
 * The names on the date of the organisations from the top of the tree down to the cell, keeping only those that lie
 * in the reader's scope: a reader never learns from the sheet the name of an organisation he may not see.
 */
export async function orgLinesOf(db: Kysely<DB>, orgId: string, scope: Scope, date: string): Promise<string[]> {
  const org = await db.selectFrom('org').select('current_path').where('id', '=', orgId).executeTakeFirst();
  if (!org) return [];
  const ids = pathIds(org.current_path);
  const paths = ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
  const lines: string[] = [];
  for (const [i, id] of ids.entries()) if (pathInScope(paths[i], scope)) lines.push(await orgNameOn(db, id, date));
  return lines.filter(Boolean);
}
