/**
 * member.party_age_from (domain.md §5): the start of the member's running party age, the first admission decision
 * shifted later by the closed gaps, so that a list can filter on party age in one indexed comparison. It is derived
 * from the events like status and roll (derivedColumns in src/domain/member-events.ts) and holds "as of the last event": null
 * for a member with no running party age (never official, probationary, out of the Party, in an open gap, deceased).
 *
 * The backfill computes it with the same functions from every member's events, on today's date in Việt Nam and with
 * the administrator's calendar adjustments, in batches of members.
 */
import { sql, type Kysely } from 'kysely';
import { createWorkingCalendar } from '../../../domain/calendar/working-days.ts';
import { vietnamDate } from '../../../domain/dates.ts';
import type { DB } from '../schema.ts';
import { derivedColumns, rowToEvent } from '../../../domain/member-events.ts';

const BATCH = 2000;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE member ADD COLUMN party_age_from date`.execute(db);
  await sql`CREATE INDEX member_party_age_idx ON member (party_age_from) WHERE party_age_from IS NOT NULL`.execute(db);
  await backfillPartyAgeFrom(db, vietnamDate(new Date()));
}

/** Sets member.party_age_from of every member from its events, as derivedColumns makes it on `today`. */
export async function backfillPartyAgeFrom(db: Kysely<unknown>, today: string): Promise<void> {
  const kdb = db as unknown as Kysely<DB>;
  const adjustments = await kdb.selectFrom('calendar_adjustment').selectAll().execute();
  const cal = createWorkingCalendar(adjustments.map((a) => ({ date: a.date, kind: a.kind, ...(a.note ? { note: a.note } : {}) })));
  let after: string | null = null;
  for (;;) {
    let q = kdb.selectFrom('member').select('id').orderBy('id').limit(BATCH);
    if (after) q = q.where('id', '>', after);
    const ids = (await q.execute()).map((r) => r.id);
    if (ids.length === 0) break;
    after = ids.at(-1)!;
    const events = await kdb
      .selectFrom('member_event')
      .selectAll()
      .where('member_id', 'in', ids)
      .orderBy('member_id')
      .orderBy('effective_date')
      .orderBy('created_at')
      .execute();
    const byMember = new Map<string, typeof events>();
    for (const e of events) (byMember.get(e.member_id) ?? byMember.set(e.member_id, []).get(e.member_id)!).push(e);
    const values = [...byMember].flatMap(([id, rows]) => {
      const from = derivedColumns(rows.map(rowToEvent), today, cal).party_age_from;
      return from ? [{ id, from }] : [];
    });
    if (values.length > 0) {
      await sql`UPDATE member AS m SET party_age_from = x.from FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb) AS x(id uuid, "from" date) WHERE m.id = x.id`.execute(
        db,
      );
    }
  }
}
