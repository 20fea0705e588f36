/**
 * Việt Nam's public holidays (ngày nghỉ lễ, tết) by year, as the law sets them (domain.md §13). The government's
 * yearly decisions — which days around Tết, which day next to 2/9, bridging days swapped for Saturdays — are not
 * here: an administrator records them as adjustments of the working-day calendar (working-days.ts).
 *
 * Holidays and the law that sets them, applied by the date of each holiday:
 * - Bộ luật Lao động 1994, art. 73: 1/1; Tết 4 days (the last day of the lunar year and the first 3 of the new one);
 *   30/4; 1/5; 2/9.
 * - Luật 84/2007/QH11 amending art. 73: adds Giỗ Tổ Hùng Vương, 10/3 lunar (first observed on 26/04/2007).
 * - Bộ luật Lao động 2012, art. 115 (in force 01/05/2013, so from Tết 2014): Tết 5 days. The law leaves the
 *   placement of the 5 days to the government; the default here is the last day of the year and the first 4.
 * - Bộ luật Lao động 2019, art. 112 (in force 01/01/2021): National Day 2 days, 2/9 and the day before or after it as
 *   the government decides; the default here is 1/9.
 * Compensation (BLLĐ 1994 art. 73; 2012 art. 115; 2019 art. 111): a holiday that falls on the weekly rest day
 * (Saturday or Sunday for the public service since 1999) is made up on the next working day, after the holidays
 * that follow it and the days already given for earlier ones.
 */
import { addDays, type IsoDate } from '../dates.ts';
import { lunarToSolar } from './lunar.ts';

export interface Holiday {
  date: IsoDate;
  /** The name users read, in Vietnamese; a compensating day reads "Nghỉ bù …". */
  name: string;
  /** True for a day off given because a holiday fell on a Saturday or Sunday. */
  compensating: boolean;
  /** For a compensating day, the holiday it makes up for. */
  compensatesFor?: IsoDate;
}

/** The years the holiday table and the working-day calendar cover. */
export const HOLIDAY_YEARS = { from: 2000, to: 2035 } as const;

export const HOLIDAY_NAMES = {
  newYear: 'Tết Dương lịch',
  tet: 'Tết Nguyên đán',
  hungKings: 'Giỗ Tổ Hùng Vương',
  victory: 'Ngày Chiến thắng',
  labour: 'Ngày Quốc tế Lao động',
  nationalDay: 'Quốc khánh',
} as const;

interface HolidayLaw {
  effectiveFrom: IsoDate;
  basis: string;
  /** Tết: this many days at the end of the old lunar year, and this many from 1/1 of the new one. */
  tetDaysBefore: number;
  tetDaysFrom: number;
  hungKings: boolean;
  /** Days off next to 2/9, on the side chosen by default (1/9). */
  nationalDayExtra: number;
}

/** The versions of the holiday article, oldest first; each applies to holidays on or after its date. */
const HOLIDAY_LAWS: readonly HolidayLaw[] = [
  { effectiveFrom: '1995-01-01', basis: 'Bộ luật Lao động 1994, Điều 73', tetDaysBefore: 1, tetDaysFrom: 3, hungKings: false, nationalDayExtra: 0 },
  {
    effectiveFrom: '2007-04-02',
    basis: 'Luật số 84/2007/QH11 sửa đổi Điều 73 Bộ luật Lao động',
    tetDaysBefore: 1,
    tetDaysFrom: 3,
    hungKings: true,
    nationalDayExtra: 0,
  },
  { effectiveFrom: '2013-05-01', basis: 'Bộ luật Lao động 2012, Điều 115', tetDaysBefore: 1, tetDaysFrom: 4, hungKings: true, nationalDayExtra: 0 },
  { effectiveFrom: '2021-01-01', basis: 'Bộ luật Lao động 2019, Điều 112', tetDaysBefore: 1, tetDaysFrom: 4, hungKings: true, nationalDayExtra: 1 },
];

function lawOn(date: IsoDate): HolidayLaw {
  let found: HolidayLaw | undefined;
  for (const law of HOLIDAY_LAWS) if (law.effectiveFrom <= date) found = law;
  if (!found) throw new Error(`No holiday law in force on ${date}`);
  return found;
}

/** Saturday or Sunday. */
export function isWeekend(date: IsoDate): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

/** The holidays the law itself fixes in a year, without compensating days, in date order. */
function statutoryHolidays(year: number): Holiday[] {
  const days: Holiday[] = [];
  const add = (date: IsoDate, name: string) => days.push({ date, name, compensating: false });

  add(`${year}-01-01`, HOLIDAY_NAMES.newYear);

  const tet = lunarToSolar(year, 1, 1);
  const tetLaw = lawOn(addDays(tet, -1));
  for (let i = -tetLaw.tetDaysBefore; i < tetLaw.tetDaysFrom; i++) add(addDays(tet, i), HOLIDAY_NAMES.tet);

  const hungKings = lunarToSolar(year, 3, 10);
  if (lawOn(hungKings).hungKings) add(hungKings, HOLIDAY_NAMES.hungKings);

  add(`${year}-04-30`, HOLIDAY_NAMES.victory);
  add(`${year}-05-01`, HOLIDAY_NAMES.labour);

  const nationalDay = `${year}-09-02`;
  for (let i = lawOn(nationalDay).nationalDayExtra; i > 0; i--) add(addDays(nationalDay, -i), HOLIDAY_NAMES.nationalDay);
  add(nationalDay, HOLIDAY_NAMES.nationalDay);

  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Computes a year's holidays with their compensating days. */
function computeYear(year: number): Holiday[] {
  const statutory = statutoryHolidays(year);
  const off = new Set(statutory.map((h) => h.date));
  const result = [...statutory];
  for (const holiday of statutory) {
    if (!isWeekend(holiday.date)) continue;
    let day = addDays(holiday.date, 1);
    while (isWeekend(day) || off.has(day)) day = addDays(day, 1);
    off.add(day);
    result.push({ date: day, name: `Nghỉ bù ${holiday.name}`, compensating: true, compensatesFor: holiday.date });
  }
  return result.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function buildTable(): Holiday[] {
  const table: Holiday[] = [];
  for (let year = HOLIDAY_YEARS.from; year <= HOLIDAY_YEARS.to; year++) table.push(...computeYear(year));
  return table;
}

/** Every public holiday and compensating day of 2000–2035, in date order. */
export const HOLIDAY_TABLE: readonly Readonly<Holiday>[] = Object.freeze(buildTable());

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < HOLIDAY_YEARS.from || year > HOLIDAY_YEARS.to) {
    throw new Error(`The holiday calendar covers the years ${HOLIDAY_YEARS.from}–${HOLIDAY_YEARS.to}; ${year} is outside it`);
  }
}

/** The holidays and compensating days of one year, in date order. */
export function holidaysOf(year: number): Holiday[] {
  checkYear(year);
  const prefix = `${year}-`;
  return HOLIDAY_TABLE.filter((h) => h.date.startsWith(prefix)).map((h) => ({ ...h }));
}
