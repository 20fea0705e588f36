/**
 * Working days (ngày làm việc, domain.md §13): Monday to Friday, less the public holidays and compensating days of
 * holidays.ts, corrected by the adjustments an administrator records for each year — the government's actual Tết
 * and National Day schedule, bridging days off, and the Saturdays worked in exchange for them.
 *
 * Deadlines "within N working days of D" count from the day after D: addWorkingDays(D, N) is the N-th working day
 * after D, and workingDaysBetween(D, X) counts the working days in (D, X].
 *
 * The calendar covers 2000-01-01 to 2035-12-31 (the holiday table's years); anything outside is refused rather than
 * guessed, since a wrong deadline is worse than an error.
 */
import { addDays, isIsoDate, type IsoDate } from '../dates.ts';
import { HOLIDAY_TABLE, HOLIDAY_YEARS, isWeekend, type Holiday } from './holidays.ts';

export interface CalendarAdjustment {
  date: IsoDate;
  /** 'holiday': a day off although the law does not give it; 'workday': a day worked although it is a weekend or holiday. */
  kind: 'holiday' | 'workday';
  /** What the day is, for display (e.g. the government notice); Vietnamese. */
  note?: string;
}

/** A day off as holidaysIn lists it: from the law's table or from an administrator's adjustment. */
export interface CalendarHoliday extends Holiday {
  source: 'law' | 'adjustment';
}

/** The name shown for an adjustment day off that has no note. */
export const ADJUSTED_HOLIDAY_NAME = 'Ngày nghỉ theo thông báo';

const FIRST_DAY: IsoDate = `${HOLIDAY_YEARS.from}-01-01`;
const LAST_DAY: IsoDate = `${HOLIDAY_YEARS.to}-12-31`;
const DAY_COUNT = dayIndex(LAST_DAY) + 1;

function dayIndex(date: IsoDate): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${FIRST_DAY}T00:00:00Z`)) / 86400000);
}

function checkDate(date: IsoDate, what = 'date'): number {
  if (typeof date !== 'string' || !isIsoDate(date)) throw new Error(`Invalid ${what} '${String(date)}': expected a real date as YYYY-MM-DD`);
  if (date < FIRST_DAY || date > LAST_DAY) {
    throw new Error(`The working-day calendar covers ${FIRST_DAY} to ${LAST_DAY}; ${what} ${date} is outside it`);
  }
  return dayIndex(date);
}

function outOfRange(from: IsoDate, n: number): Error {
  return new Error(`Counting ${n} working days from ${from} leaves the working-day calendar, which covers ${FIRST_DAY} to ${LAST_DAY}`);
}

const lawHolidays = new Map<IsoDate, Holiday[]>();
for (const h of HOLIDAY_TABLE) lawHolidays.set(h.date, [...(lawHolidays.get(h.date) ?? []), { ...h }]);

let lawWorking: Uint8Array | undefined;

/** Working (1) or not (0) for each day of the range under the law alone; built once, copied by each calendar. */
function lawCalendar(): Uint8Array {
  if (!lawWorking) {
    lawWorking = new Uint8Array(DAY_COUNT);
    let date = FIRST_DAY;
    for (let i = 0; i < DAY_COUNT; i++, date = addDays(date, 1)) lawWorking[i] = isWeekend(date) || lawHolidays.has(date) ? 0 : 1;
  }
  return lawWorking;
}

/** Builds the working-day calendar with an administrator's adjustments applied over the law's holidays. */
export function createWorkingCalendar(adjustments: readonly CalendarAdjustment[] = []) {
  const byDate = new Map<IsoDate, CalendarAdjustment>();
  for (const adjustment of adjustments) {
    checkDate(adjustment.date, 'adjustment date');
    if (adjustment.kind !== 'holiday' && adjustment.kind !== 'workday') throw new Error(`Invalid adjustment kind '${String(adjustment.kind)}'`);
    const earlier = byDate.get(adjustment.date);
    if (earlier && earlier.kind !== adjustment.kind) throw new Error(`Conflicting adjustments on ${adjustment.date}: both a holiday and a workday`);
    if (!earlier) byDate.set(adjustment.date, adjustment);
  }

  // working[i] tells whether day i (from FIRST_DAY) is worked; counted[i] is the number of working days in [0, i].
  const working = Uint8Array.from(lawCalendar());
  for (const adjustment of byDate.values()) working[dayIndex(adjustment.date)] = adjustment.kind === 'workday' ? 1 : 0;
  const counted = new Int32Array(DAY_COUNT);
  for (let i = 0; i < DAY_COUNT; i++) counted[i] = (i > 0 ? counted[i - 1]! : 0) + working[i]!;

  function isWorkingDay(d: IsoDate): boolean {
    return working[checkDate(d)] === 1;
  }

  /**
   * The n-th working day after d (n > 0), or before it (n < 0). n = 0 gives d itself when it is worked, else the
   * next working day.
   */
  function addWorkingDays(d: IsoDate, n: number): IsoDate {
    let i = checkDate(d);
    if (!Number.isInteger(n)) throw new Error(`The number of working days must be a whole number, not ${n}`);
    const step = n < 0 ? -1 : 1;
    let left = Math.abs(n);
    if (n === 0) {
      while (i < DAY_COUNT && working[i] !== 1) i++;
      if (i >= DAY_COUNT) throw outOfRange(d, n);
      return addDays(FIRST_DAY, i);
    }
    while (left > 0) {
      i += step;
      if (i < 0 || i >= DAY_COUNT) throw outOfRange(d, n);
      if (working[i] === 1) left--;
    }
    return addDays(FIRST_DAY, i);
  }

  /** The number of working days after `from` up to and including `to`; negative (those in (to, from]) when to < from. */
  function workingDaysBetween(from: IsoDate, to: IsoDate): number {
    return counted[checkDate(to, 'to')]! - counted[checkDate(from, 'from')]!;
  }

  /** The days off that are not mere weekends in [from, to], both included, in date order; a day worked by adjustment is left out. */
  function holidaysIn(from: IsoDate, to: IsoDate): CalendarHoliday[] {
    const first = checkDate(from, 'from');
    const last = checkDate(to, 'to');
    const result: CalendarHoliday[] = [];
    for (let i = first, day = from; i <= last; i++, day = addDays(day, 1)) {
      const adjustment = byDate.get(day);
      if (adjustment?.kind === 'workday') continue;
      const law = lawHolidays.get(day);
      if (law) for (const h of law) result.push({ ...h, source: 'law' });
      else if (adjustment) result.push({ date: day, name: adjustment.note ?? ADJUSTED_HOLIDAY_NAME, compensating: false, source: 'adjustment' });
    }
    return result;
  }

  return { isWorkingDay, addWorkingDays, workingDaysBetween, holidaysIn };
}

export type WorkingCalendar = ReturnType<typeof createWorkingCalendar>;
