/**
 * member_period and member_roll_move (migration 0019): the dated periods of each member, written from the events by
 * one derivation (memberPeriodRows in src/domain/member-events.ts) for every writer, and the reorganisations' roster
 * moves that derivation applies. Read through rollOnSql (members.roll.repo.ts).
 */
import { sql, type Kysely } from 'kysely';
import type { MemberPeriodRow, RollMove } from '../../../domain/member-events.ts';
import { insertJsonRows } from '../../db/json-insert.ts';
import type { DB } from '../../db/schema.ts';

/** Every roster move recorded (a few per reorganised organisation), oldest first. */
export async function rollMoves(db: Kysely<DB>): Promise<RollMove[]> {
  const rows = await db.selectFrom('member_roll_move').select(['from_org_id', 'to_org_id', 'effective_date']).orderBy('effective_date').execute();
  return rows.map((r) => ({ from: r.from_org_id, to: r.to_org_id, on: r.effective_date }));
}

/** Inserts period rows in batches (new members: the service, the import, the admission, the bulk loaders). */
export function insertMemberPeriodRows(db: Kysely<DB>, rows: readonly MemberPeriodRow[]) {
  return insertJsonRows(db, 'member_period', rows as unknown as Record<string, unknown>[]);
}

/** Replaces the periods of these members by `rows` (a recorded event re-derives the member's whole history). */
export async function replaceMemberPeriods(tx: Kysely<DB>, memberIds: readonly string[], rows: readonly MemberPeriodRow[]): Promise<void> {
  if (memberIds.length === 0) return;
  await tx.deleteFrom('member_period').where('member_id', 'in', memberIds).execute();
  await insertMemberPeriodRows(tx, rows);
}

const IN_PARTY = sql<boolean>`status NOT IN ('deceased', 'struck_off', 'left', 'expelled')`;

/**
 * A merge's or split's roster move on the periods (the same as applyRollMoves): records the move, then the periods
 * of members in the Party on the roll of (or hosted by) `from` that reach `on` are split at `on` and their later part
 * is on `to`; every period on `from` that begins on or after `on` (leaving the Party later too) is on `to`.
 */
export async function movePeriods(tx: Kysely<DB>, from: string, to: string, on: string): Promise<void> {
  await tx
    .insertInto('member_roll_move')
    .values({ from_org_id: from, to_org_id: to, effective_date: on })
    .onConflict((oc) => oc.doNothing())
    .execute();
  for (const col of ['org_id', 'host_org_id'] as const) {
    // The part from `on` of the periods that straddle it, then the end of their earlier part (a period both on the
    // roll and hosted by `from` is split by the first pass and no longer straddles in the second).
    await sql`
      INSERT INTO member_period (member_id, valid_from, valid_to, status, membership, org_id, host_org_id)
      SELECT member_id, ${on}::date, valid_to, status, membership,
        CASE WHEN org_id = ${from} THEN ${to}::uuid ELSE org_id END,
        CASE WHEN host_org_id = ${from} THEN ${to}::uuid ELSE host_org_id END
      FROM member_period
      WHERE ${sql.ref(col)} = ${from} AND ${IN_PARTY} AND valid_from < ${on} AND (valid_to IS NULL OR valid_to > ${on})`.execute(tx);
    await sql`
      UPDATE member_period SET valid_to = ${on}
      WHERE ${sql.ref(col)} = ${from} AND ${IN_PARTY} AND valid_from < ${on} AND (valid_to IS NULL OR valid_to > ${on})`.execute(tx);
  }
  await sql`
    UPDATE member_period SET
      org_id = CASE WHEN org_id = ${from} THEN ${to}::uuid ELSE org_id END,
      host_org_id = CASE WHEN host_org_id = ${from} THEN ${to}::uuid ELSE host_org_id END
    WHERE (org_id = ${from} OR host_org_id = ${from}) AND valid_from >= ${on}`.execute(tx);
}
