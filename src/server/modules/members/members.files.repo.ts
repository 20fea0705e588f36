/**
 * Reads and locks of the member row for the member file's satellites (member-sheet, member-documents): they own no
 * member table and come here rather than naming one. Callers have found the member through the scoped query first.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** The member's CCCD in full (null when none is recorded): for readers of the sensitive groups only. */
export async function memberCccd(db: Kysely<DB>, memberId: string): Promise<string | null> {
  const row = await db.selectFrom('member').select('cccd').where('id', '=', memberId).executeTakeFirst();
  return row?.cccd ?? null;
}

/** Locks the member's row until the transaction ends: serialises writes to one member's dossier. */
export async function lockMemberRow(tx: Kysely<DB>, memberId: string): Promise<void> {
  await tx.selectFrom('member').select('id').where('id', '=', memberId).forUpdate().execute();
}
