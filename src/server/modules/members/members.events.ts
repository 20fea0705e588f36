/**
 * Life events on the server side. The pure functions (a stored row as the rules read it, the columns the events
 * derive) live in src/domain/member-events.ts, shared with migration 0007, the demo and the modules above members.
 *
 * `refreshTransferPartyAges` is the members' half of a calendar change (domain.md §7, §13): the calendar module calls
 * it through the port the composition root passes (calendar sits below members and imports no member code).
 */
import type { Kysely } from 'kysely';
import type { WorkingCalendar } from '../../../domain/calendar/working-days.ts';
import { addDays } from '../../../domain/dates.ts';
import { derivedColumns, rowToEvent } from '../../../domain/member-events.ts';
import type { DB } from '../../db/schema.ts';
import { eventsInOrder, membersDepartedBetween, updateMember } from './members.repo.ts';

/** Calendar days back from a changed day within which a transfer's allowance of working days can reach it. */
const TRANSFER_REACH_DAYS = 120;

/**
 * Recomputes member.party_age_from of the members whose transfer allowance may include `date`, with the calendar
 * `cal` that has the change, so that the list's party-age filter keeps agreeing with the member file. Runs in the
 * calendar change's transaction `tx`.
 */
export async function refreshTransferPartyAges(tx: Kysely<DB>, date: string, cal: WorkingCalendar, today: string): Promise<void> {
  const ids = await membersDepartedBetween(tx, addDays(date, -TRANSFER_REACH_DAYS), date);
  for (const id of ids) {
    const rows = await eventsInOrder(tx, [id]);
    await updateMember(tx, id, { party_age_from: derivedColumns(rows.map(rowToEvent), today, cal).party_age_from });
  }
}
