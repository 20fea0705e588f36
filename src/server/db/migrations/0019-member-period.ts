/**
 * The roll of any date (issue 14, part 1): `member_period` holds each member's dated periods — status, membership,
 * the roll (org_id) and the host of a temporary transfer — as the fold of the events makes them (statusPeriods in
 * src/domain/member-status.ts) with the reorganisations' roster moves applied (`member_roll_move`). Every count "as
 * of D" reads it through members' rollOnSql.
 *
 * Periods are [valid_from, valid_to): valid_to is the first day of the next period, null while open. The partial
 * index serves "on a roll on D within these organisations": one range of (org_id, valid_from) per organisation, the
 * rest read from the index itself.
 *
 * The members' horizon (member_tally_horizon.latest, migration 0006: the tally of today's rolls answers for a date on
 * or after it) also takes the start of every period inserted: before, a transfer or a roster move did not raise it.
 *
 * Existing rosters: the periods are filled from the events. Rosters moved by a merge or split before this migration
 * left no record of the move; a member whose roll today is not the one the events end on, on an organisation that
 * has ended, was moved on the day it ended, and that move is recorded.
 */
import { sql, type Kysely } from 'kysely';
import { memberPeriodRows, rowToEvent, type RollMove } from '../../../domain/member-events.ts';
import type { DB } from '../schema.ts';

const BATCH = 2000;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE member_roll_move (
      from_org_id uuid NOT NULL,
      to_org_id uuid NOT NULL,
      effective_date date NOT NULL,
      PRIMARY KEY (from_org_id, effective_date, to_org_id)
    )`.execute(db);
  await sql`
    CREATE TABLE member_period (
      member_id uuid NOT NULL REFERENCES member(id) ON DELETE CASCADE,
      valid_from date NOT NULL,
      valid_to date,
      status text NOT NULL,
      membership text NOT NULL CHECK (membership IN ('probationary', 'official')),
      org_id uuid NOT NULL,
      host_org_id uuid,
      PRIMARY KEY (member_id, valid_from),
      CHECK (valid_to IS NULL OR valid_to > valid_from)
    )`.execute(db);
  await sql`
    CREATE INDEX member_period_roll_idx ON member_period (org_id, valid_from) INCLUDE (valid_to, member_id, membership, status)
    WHERE status NOT IN ('deceased', 'struck_off', 'left', 'expelled')`.execute(db);
  await sql`CREATE INDEX member_period_host_idx ON member_period (host_org_id) WHERE host_org_id IS NOT NULL`.execute(db);
  // The tally (today's rolls) answers for a date only when no member's period starts after it: a transfer, a
  // readmission or a roster move starts a period, so the members' horizon takes the periods' starts too.
  await sql`
    CREATE FUNCTION hn_member_period_horizon() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE member_tally_horizon SET latest = GREATEST(latest, (SELECT max(valid_from) FROM new_rows));
      RETURN NULL;
    END$$`.execute(db);
  await sql`
    CREATE TRIGGER member_period_horizon AFTER INSERT ON member_period REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION hn_member_period_horizon()`.execute(db);
  await backfillMemberPeriods(db);
}

/** Fills member_period (and the moves a past reorganisation made) from every member's events. */
export async function backfillMemberPeriods(db: Kysely<unknown>): Promise<void> {
  const kdb = db as unknown as Kysely<DB>;
  const ended = new Map((await kdb.selectFrom('org').select(['id', 'ended_on']).where('ended_on', 'is not', null).execute()).map((o) => [o.id, o.ended_on!]));
  const moves = new Map<string, RollMove>();
  let after: string | null = null;
  for (;;) {
    let q = kdb.selectFrom('member').select(['id', 'org_id']).orderBy('id').limit(BATCH);
    if (after) q = q.where('id', '>', after);
    const members = await q.execute();
    if (members.length === 0) break;
    after = members.at(-1)!.id;
    const events = await kdb
      .selectFrom('member_event')
      .selectAll()
      .where(
        'member_id',
        'in',
        members.map((m) => m.id),
      )
      .orderBy('member_id')
      .orderBy('effective_date')
      .orderBy('created_at')
      .execute();
    const byMember = new Map<string, typeof events>();
    for (const e of events) (byMember.get(e.member_id) ?? byMember.set(e.member_id, []).get(e.member_id)!).push(e);
    const rows = members.flatMap((m) => {
      const evs = (byMember.get(m.id) ?? []).map(rowToEvent);
      let periods = memberPeriodRows(m.id, evs);
      const last = periods.at(-1);
      const endedOn = last ? ended.get(last.org_id) : undefined;
      if (last && endedOn && last.org_id !== m.org_id && !['deceased', 'struck_off', 'left', 'expelled'].includes(last.status)) {
        const move = { from: last.org_id, to: m.org_id, on: endedOn };
        moves.set(`${move.from}|${move.on}|${move.to}`, move);
        periods = memberPeriodRows(m.id, evs, [move]);
      }
      return periods;
    });
    for (let i = 0; i < rows.length; i += 1000) {
      await sql`INSERT INTO member_period SELECT * FROM jsonb_populate_recordset(NULL::member_period, ${JSON.stringify(rows.slice(i, i + 1000))}::jsonb)`.execute(
        db,
      );
    }
  }
  const all = [...moves.values()].map((m) => ({ from_org_id: m.from, to_org_id: m.to, effective_date: m.on }));
  if (all.length > 0)
    await sql`INSERT INTO member_roll_move SELECT * FROM jsonb_populate_recordset(NULL::member_roll_move, ${JSON.stringify(all)}::jsonb)`.execute(db);
}
