/**
 * Sub-record queries. Scope is the member's: the service finds the member through the members module's scoped
 * query first, so every query here is keyed by a member the caller may read.
 */
import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { RecordKind } from '../../../domain/member-records.ts';

export function listRecords(db: Kysely<DB>, memberId: string, kinds: readonly RecordKind[]) {
  if (kinds.length === 0) return Promise.resolve([]);
  return db.selectFrom('member_record').selectAll().where('member_id', '=', memberId).where('kind', 'in', kinds).orderBy('sort').orderBy('id').execute();
}

/** The record, only if it belongs to this member: another member's record id answers as unknown. */
export function findRecord(db: Kysely<DB>, memberId: string, recordId: string) {
  return db.selectFrom('member_record').selectAll().where('id', '=', recordId).where('member_id', '=', memberId).executeTakeFirst();
}

/** The next entry number of a member's records of one kind: ties in the shown order keep the order of entry. */
export async function nextSort(db: Kysely<DB>, memberId: string, kind: RecordKind): Promise<number> {
  const r = await db
    .selectFrom('member_record')
    .select(sql<number>`coalesce(max(sort), 0) + 1`.as('n'))
    .where('member_id', '=', memberId)
    .where('kind', '=', kind)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Inserts a record and answers the stored row. */
export function insertRecord(db: Kysely<DB>, row: Insertable<DB['member_record']>) {
  return db.insertInto('member_record').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Replaces a record's data; undefined when the member has no such record. */
export function updateRecordData(db: Kysely<DB>, memberId: string, recordId: string, data: string) {
  return db.updateTable('member_record').set({ data }).where('id', '=', recordId).where('member_id', '=', memberId).returningAll().executeTakeFirst();
}

/** Deletes a record and answers it; undefined when the member has no such record. */
export function deleteRecord(db: Kysely<DB>, memberId: string, recordId: string) {
  return db.deleteFrom('member_record').where('id', '=', recordId).where('member_id', '=', memberId).returningAll().executeTakeFirst();
}

// --- used by member-sheet ---

/** The member's sub-records of the given kinds for the printed sheet: by kind, then in their recorded order. */
export function listSheetRecords(db: Kysely<DB>, memberId: string, kinds: readonly RecordKind[]) {
  if (kinds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('member_record')
    .select(['kind', 'data'])
    .where('member_id', '=', memberId)
    .where('kind', 'in', [...kinds])
    .orderBy('kind')
    .orderBy('sort')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
