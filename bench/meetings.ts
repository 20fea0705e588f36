/**
 * The meetings cases of `npm run bench` (issue 16 part 10): recording the attendance of a 30-member meeting through
 * the HTTP API (the roll of the date, the rows, the counts and the audit entry in one transaction, then the meeting
 * page it answers), target ≤ 50 ms. The meeting is one of the province's largest cells, held yesterday; each run
 * records a different set of exceptions (a few absent, one excused).
 */
import { sql, type Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { addDays } from '../src/domain/dates.ts';
import type { Engine } from '../src/server/db/connect.ts';
import type { DB } from '../src/server/db/schema.ts';
import { insertMeeting } from '../src/server/modules/meetings/meetings.repo.ts';
import { meetingRollOn } from '../src/server/modules/members/members.meetings.repo.ts';

export const ATTENDANCE_TARGET_MS = 50;
const ROLL = 30;

type Measure<C> = (name: string, engine: Engine, scale: 'province', runs: number, targetMs: number | null, once: (i: number) => Promise<void>) => Promise<C>;

export async function benchMeetingAttendance<C>(opts: {
  db: Kysely<DB>;
  post: (url: string, body: unknown) => Promise<unknown>;
  engine: Engine;
  runs: number;
  today: string;
  measure: Measure<C>;
}): Promise<C[]> {
  const heldOn = addDays(opts.today, -1);
  // The cell whose roll that day is closest to 30 members (at least 30 when the province has one).
  const cells = await opts.db
    .selectFrom('member_period as p')
    .select(['p.org_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('p.valid_from', '<=', heldOn)
    .where((eb) => eb.or([eb('p.valid_to', 'is', null), eb('p.valid_to', '>', heldOn)]))
    .where('p.status', '=', 'active')
    .groupBy('p.org_id')
    .orderBy(sql`abs(count(*) - ${ROLL})`)
    .limit(1)
    .execute();
  const cell = cells[0];
  if (!cell) throw new Error('no cell with members for the attendance case');
  const roll = await meetingRollOn(opts.db, cell.org_id, heldOn);
  const id = uuidv7();
  await insertMeeting(opts.db, {
    id,
    org_id: cell.org_id,
    kind: 'regular',
    status: 'held',
    planned_on: heldOn,
    held_on: heldOn,
    start_minute: 480,
    end_minute: 600,
    place: null,
    topic: 'Đo hiệu năng',
    presided_by: null,
    minutes_by: null,
    superior_rep_name: null,
    minutes_text: null,
    resolution_no: null,
    resolution_on: null,
    resolution_text: null,
    attendance_recorded_at: null,
    created_by: null,
  });
  const ids = roll.map((r) => r.member_id);
  const exceptions = (i: number) =>
    [
      ...ids.filter((_, k) => (k + i) % 9 === 0).map((memberId) => ({ memberId, attendance: 'absent' })),
      ...(ids.length > 0 ? [{ memberId: ids[(i * 7 + 1) % ids.length]!, attendance: 'excused', reason: 'Ốm' }] : []),
    ].filter((e, k, all) => all.findIndex((x) => x.memberId === e.memberId) === k);
  return [
    await opts.measure(`meeting-attendance-${roll.length}`, opts.engine, 'province', opts.runs, ATTENDANCE_TARGET_MS, async (i) => {
      await opts.post(`/api/meetings/${id}/attendance`, { exceptions: exceptions(i) });
    }),
  ];
}
