/**
 * Demo cell meetings (issue 16 part 9): two years of meetings for every cell of the province, up to the month before
 * today: a regular meeting each month (a few cells skip months), a topical meeting each quarter (sometimes combined
 * with the month's regular one), ≈ 95% compliance (a few meetings too short, a few without the superior's
 * representative), attendance 85–95% per cell, most of the absent excused; and a handful of members absent without
 * reason in four months of the current year, whom the absence alert proposes for striking off. The roll of each
 * meeting is the cell's members of today (a demo's simplification). Generated from the seed; inserted in bulk.
 * The benchmark generates its province year with the same generator.
 */
import type { Insertable, Kysely } from 'kysely';
import { daysInMonth } from '../../domain/dates.ts';
import type { DB, MeetingAttendanceTable, MeetingKind, MeetingTable } from '../db/schema.ts';
import { insertAttendanceRows, insertMeetingRows } from '../modules/meetings/meetings.demo.repo.ts';
import { currentMembersOf } from '../modules/members/members.alerts.repo.ts';
import { cellsUnderBetween } from '../modules/orgs/orgs.compliance.repo.ts';
import { createRng } from './random.ts';
import { createUuidFactory } from './uuid.ts';

export interface MeetingGenInput {
  cells: readonly { id: string }[];
  members: readonly { id: string; org_id: string; official_on: string | null }[];
  /** First and last month generated ('YYYY-MM'). */
  fromMonth: string;
  toMonth: string;
  seed: number;
  /** Members absent without reason in four months of `absenceYear`. */
  absentees: number;
  absenceYear: number;
}

const REASONS = ['Ốm', 'Đi công tác', 'Việc gia đình', 'Đi học tập trung'];
const TOPICS = [
  'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  'Nâng cao chất lượng sinh hoạt chi bộ',
  'Công tác phát triển đảng viên',
  'Chuyển đổi số',
];
const pad = (n: number) => String(n).padStart(2, '0');

function monthsBetween(from: string, to: string): { y: number; m: number }[] {
  const out: { y: number; m: number }[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  while (`${y}-${pad(m)}` <= to) {
    out.push({ y, m });
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y += 1;
  }
  return out;
}

export function generateMeetings(input: MeetingGenInput) {
  const rng = createRng(input.seed).fork('meetings');
  const uuid = createUuidFactory(rng.fork('ids'), `${input.fromMonth}-01T00:00:00Z`);
  const byCell = new Map<string, MeetingGenInput['members'][number][]>();
  for (const m of input.members) byCell.set(m.org_id, [...(byCell.get(m.org_id) ?? []), m]);
  const absentees = new Set(rng.sample(input.members, Math.min(input.absentees, input.members.length)).map((m) => m.id));
  const absentMonths = new Map([...absentees].map((id) => [id, new Set(rng.sample([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 4))]));
  const meetings: Insertable<MeetingTable>[] = [];
  const attendance: Insertable<MeetingAttendanceTable>[] = [];
  const months = monthsBetween(input.fromMonth, input.toMonth);
  for (const cell of input.cells) {
    const roll = byCell.get(cell.id) ?? [];
    const skipper = rng.chance(0.04);
    const rate = rng.float(0.85, 0.95);
    const add = (kind: MeetingKind, y: number, m: number) => {
      const day = rng.int(3, Math.min(25, daysInMonth(y, m)));
      const on = `${y}-${pad(m)}-${pad(day)}`;
      const start = rng.pick([7 * 60 + 30, 8 * 60, 14 * 60, 19 * 60 + 30]);
      const least = kind === 'combined' ? 120 : 90;
      const minutes = rng.chance(0.03) ? rng.int(least - 25, least - 1) : rng.int(least + 5, least + 50);
      const id = uuid();
      let present = 0;
      let excused = 0;
      let absent = 0;
      for (const mem of roll) {
        const away = absentMonths.get(mem.id)?.has(m) && y === input.absenceYear;
        const mark = away ? 'absent' : rng.chance(rate) ? 'present' : rng.chance(0.12) ? 'absent' : 'excused';
        if (mark === 'present') present++;
        else if (mark === 'excused') excused++;
        else absent++;
        attendance.push({
          meeting_id: id,
          member_id: mem.id,
          attendance: mark,
          reason: mark === 'excused' ? rng.pick(REASONS) : null,
          membership: mem.official_on !== null && mem.official_on <= on ? 'official' : 'probationary',
          member_status: 'active',
          counts_for_quorum: mark !== 'excused',
        });
      }
      meetings.push({
        id,
        org_id: cell.id,
        kind,
        status: 'held',
        planned_on: on,
        held_on: on,
        start_minute: start,
        end_minute: Math.min(1440, start + minutes),
        place: 'Hội trường',
        topic: kind === 'regular' ? `Sinh hoạt thường kỳ tháng ${m}/${y}` : rng.pick(TOPICS),
        presided_by: 'Bí thư chi bộ',
        minutes_by: 'Phó Bí thư chi bộ',
        superior_invited: true,
        superior_present: rng.chance(0.9),
        roll_count: roll.length,
        present_count: present,
        excused_count: excused,
        absent_count: absent,
      });
    };
    for (const { y, m } of months) {
      const combined = m % 3 === 0 && rng.chance(0.1);
      if (!rng.chance(skipper ? 0.35 : 0.01)) add(combined ? 'combined' : 'regular', y, m);
      if (m % 3 === 2 && !combined && rng.chance(skipper ? 0.6 : 0.95)) add('topical', y, m);
    }
  }
  return { meetings, attendance };
}

/** Two years of meetings of the cells under `rootPath` (today's tree), up to last month; the counts inserted. */
export async function seedMeetings(db: Kysely<DB>, opts: { rootPath: string; today: string; seed: number }) {
  const thisYear = Number(opts.today.slice(0, 4));
  const month = Number(opts.today.slice(5, 7));
  const toMonth = month === 1 ? `${thisYear - 1}-12` : `${thisYear}-${pad(month - 1)}`;
  const cells = await cellsUnderBetween(db, opts.rootPath, `${thisYear - 1}-01-01`, opts.today, 'all');
  const members = await currentMembersOf(
    db,
    cells.map((c) => c.id),
  );
  const g = generateMeetings({ cells, members, fromMonth: `${thisYear - 1}-01`, toMonth, seed: opts.seed, absentees: 6, absenceYear: thisYear });
  await db.transaction().execute(async (tx) => {
    await insertMeetingRows(tx, g.meetings);
    await insertAttendanceRows(tx, g.attendance);
  });
  return { meetings: g.meetings.length, attendance: g.attendance.length };
}
