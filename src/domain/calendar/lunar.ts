/**
 * The Vietnamese lunisolar calendar (âm lịch), needed for the holidays fixed on lunar dates (domain.md §13: Tết
 * Nguyên đán, Giỗ Tổ Hùng Vương).
 *
 * The rules of the Vietnamese calendar, computed for Việt Nam's time zone, UTC+7:
 * - a lunar month begins on the local day that holds the new moon;
 * - month 11 is the month that holds the December solstice (sun's apparent longitude 270°);
 * - when 13 months start between one month 11 and the next, the first month after month 11 in which the sun crosses
 *   no principal term (a multiple of 30° of longitude) is the leap month and takes the number of the month before it.
 * Because the day boundary is Việt Nam's midnight rather than China's (UTC+8), an event between 23:00 and 24:00 in
 * Hà Nội falls a day earlier than in the Chinese calendar. New moons at such times make Tết 2007 17/02 (China 18/02)
 * and Tết 2030 02/02 (China 03/02). In 1984 the solstice came at 23:22 on 21/12 in Hà Nội, inside the month begun on
 * 23/11, which so became month 11; in China it fell on 22/12, the first day of the next month, and the year took a
 * leap month 10: Tết 1985 was 21/01 in Việt Nam and 20/02 in China.
 * The North adopted UTC+7 for the calendar in 1968; dates before that are converted by the same rules, which need
 * not match the almanacs of the time.
 *
 * Astronomy from Jean Meeus, "Astronomical Algorithms" (2nd ed., 1998): the true new moons of chapter 49 with all
 * periodic and planetary terms (error well under a minute) and the sun's apparent longitude of chapter 25 (error
 * about 0.01°, some 15 minutes of the sun's motion). ΔT, the gap between the dynamical time of those formulas and
 * civil time, follows the Espenak–Meeus polynomials. Years outside 1900–2100 are refused: the ΔT estimate and the
 * rule history are not meant for them.
 */
import { addDays, isIsoDate, type IsoDate } from '../dates.ts';

/** A date of the Vietnamese lunar calendar. `year` is the Gregorian year in which its month 1 begins. */
export interface LunarDate {
  year: number;
  month: number;
  day: number;
  /** True for the days of a leap month (tháng nhuận), which repeats the number of the month before it. */
  leap: boolean;
}

/** Hours east of UTC of the civil time that decides which day a new moon or a principal term falls on. */
const TIME_ZONE_HOURS = 7;
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
const RAD = Math.PI / 180;
/** Julian Day Number of 2000-01-01 (a day count, noon to noon, days numbered from 4713 BC). */
const JDN_2000_01_01 = 2451545;
/** Julian Ephemeris Day of the first new moon of 2000 (k = 0 in Meeus ch. 49) and the mean synodic month. */
const NEW_MOON_EPOCH = 2451550.09766;
const SYNODIC_MONTH = 29.530588861;

function sinDeg(deg: number): number {
  return Math.sin(deg * RAD);
}

// ---------------------------------------------------------------------------------------------------------------------
// Day numbers. Calendar days are handled as Julian Day Numbers (integers); the helpers in dates.ts do the Gregorian
// side, so a JDN is just the day count from 2000-01-01 shifted by a constant.

function jdnOf(date: IsoDate): number {
  return JDN_2000_01_01 + Math.round((Date.parse(`${date}T00:00:00Z`) - Date.UTC(2000, 0, 1)) / 86400000);
}

function dateOfJdn(jdn: number): IsoDate {
  return addDays('2000-01-01', jdn - JDN_2000_01_01);
}

// ---------------------------------------------------------------------------------------------------------------------
// Astronomy.

/** ΔT = TT − UT in seconds for a decimal year (Espenak & Meeus, NASA Five Millennium Canon, 2006). */
function deltaTSeconds(year: number): number {
  if (year < 1920) {
    const t = year - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (year < 1941) {
    const t = year - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (year < 1961) {
    const t = year - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (year < 1986) {
    const t = year - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (year < 2005) {
    const t = year - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  }
  if (year < 2050) {
    const t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  }
  const u = (year - 1820) / 100;
  return -20 + 32 * u ** 2 - 0.5628 * (2150 - year);
}

/** ΔT in days at a Julian Day. */
function deltaTDays(jd: number): number {
  return deltaTSeconds(2000 + (jd - 2451545) / 365.25) / 86400;
}

/** Periodic terms of the true new moon (Meeus table 49.A): coefficient, power of E, multiples of M, M', F, Ω. */
const NEW_MOON_TERMS: readonly (readonly [number, number, number, number, number, number])[] = [
  [-0.4072, 0, 0, 1, 0, 0],
  [0.17241, 1, 1, 0, 0, 0],
  [0.01608, 0, 0, 2, 0, 0],
  [0.01039, 0, 0, 0, 2, 0],
  [0.00739, 1, -1, 1, 0, 0],
  [-0.00514, 1, 1, 1, 0, 0],
  [0.00208, 2, 2, 0, 0, 0],
  [-0.00111, 0, 0, 1, -2, 0],
  [-0.00057, 0, 0, 1, 2, 0],
  [0.00056, 1, 1, 2, 0, 0],
  [-0.00042, 0, 0, 3, 0, 0],
  [0.00042, 1, 1, 0, 2, 0],
  [0.00038, 1, 1, 0, -2, 0],
  [-0.00024, 1, -1, 2, 0, 0],
  [-0.00017, 0, 0, 0, 0, 1],
  [-0.00007, 0, 2, 1, 0, 0],
  [0.00004, 0, 0, 2, -2, 0],
  [0.00004, 0, 3, 0, 0, 0],
  [0.00003, 0, 1, 1, -2, 0],
  [0.00003, 0, 0, 2, 2, 0],
  [-0.00003, 0, 1, 1, 2, 0],
  [0.00003, 0, -1, 1, 2, 0],
  [-0.00002, 0, -1, 1, -2, 0],
  [-0.00002, 0, 1, 3, 0, 0],
  [0.00002, 0, 0, 4, 0, 0],
];

/** Planetary arguments of the new moon (Meeus ch. 49): constant, rate per lunation, coefficient. A1 has a T² term. */
const PLANETARY_TERMS: readonly (readonly [number, number, number])[] = [
  [299.77, 0.107408, 0.000325],
  [251.88, 0.016321, 0.000165],
  [251.83, 26.651886, 0.000164],
  [349.42, 36.412478, 0.000126],
  [84.66, 18.206239, 0.00011],
  [141.74, 53.303771, 0.000062],
  [207.14, 2.453732, 0.00006],
  [154.84, 7.30686, 0.000056],
  [34.52, 27.261239, 0.000047],
  [207.19, 0.121824, 0.000042],
  [291.34, 1.844379, 0.00004],
  [161.72, 24.198154, 0.000037],
  [239.56, 25.513099, 0.000035],
  [331.55, 3.592518, 0.000023],
];

/** Julian Ephemeris Day (dynamical time) of new moon number k, k = 0 being the one of 6 January 2000. */
function newMoonJde(k: number): number {
  const t = k / 1236.85;
  const jde = NEW_MOON_EPOCH + SYNODIC_MONTH * k + 0.00015437 * t ** 2 - 0.00000015 * t ** 3 + 0.00000000073 * t ** 4;
  const e = 1 - 0.002516 * t - 0.0000074 * t ** 2;
  const m = 2.5534 + 29.1053567 * k - 0.0000014 * t ** 2 - 0.00000011 * t ** 3;
  const mp = 201.5643 + 385.81693528 * k + 0.0107582 * t ** 2 + 0.00001238 * t ** 3 - 0.000000058 * t ** 4;
  const f = 160.7108 + 390.67050284 * k - 0.0016118 * t ** 2 - 0.00000227 * t ** 3 + 0.000000011 * t ** 4;
  const omega = 124.7746 - 1.56375588 * k + 0.0020672 * t ** 2 + 0.00000215 * t ** 3;
  let correction = 0;
  for (const [coef, ePower, cm, cmp, cf, co] of NEW_MOON_TERMS) {
    correction += coef * e ** ePower * sinDeg(cm * m + cmp * mp + cf * f + co * omega);
  }
  PLANETARY_TERMS.forEach(([base, rate, coef], i) => {
    const arg = base + rate * k - (i === 0 ? 0.009173 * t ** 2 : 0);
    correction += coef * sinDeg(arg);
  });
  return jde + correction;
}

/** The sun's apparent geocentric longitude in degrees [0, 360) at a Julian Ephemeris Day (Meeus ch. 25, low accuracy). */
function sunLongitude(jde: number): number {
  const t = (jde - 2451545) / 36525;
  const l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t ** 2;
  const m = 357.52911 + 35999.05029 * t - 0.0001537 * t ** 2;
  const center = (1.914602 - 0.004817 * t - 0.000014 * t ** 2) * sinDeg(m) + (0.019993 - 0.000101 * t) * sinDeg(2 * m) + 0.000289 * sinDeg(3 * m);
  const omega = 125.04 - 1934.136 * t;
  // True longitude, then nutation in longitude and aberration.
  const apparent = l0 + center - 0.00569 - 0.00478 * sinDeg(omega);
  return ((apparent % 360) + 360) % 360;
}

/** The JDN of the Việt Nam civil day on which new moon k falls. */
function newMoonDay(k: number): number {
  const jdUt = newMoonJde(k) - deltaTDays(newMoonJde(k));
  return Math.floor(jdUt + 0.5 + TIME_ZONE_HOURS / 24);
}

/** The sun's longitude at the midnight (Việt Nam time) that begins the given day. */
function sunLongitudeAtDayStart(jdn: number): number {
  const jdUt = jdn - 0.5 - TIME_ZONE_HOURS / 24;
  return sunLongitude(jdUt + deltaTDays(jdUt));
}

/** Which of the twelve 30° sectors (principal terms) the sun is in at the start of the day. */
function termSector(jdn: number): number {
  return Math.floor(sunLongitudeAtDayStart(jdn) / 30);
}

/** The number k of the last new moon whose day is on or before the given day. */
function lunationOn(jdn: number): number {
  let k = Math.floor((jdn - (NEW_MOON_EPOCH - 0.5)) / SYNODIC_MONTH);
  while (newMoonDay(k + 1) <= jdn) k++;
  while (newMoonDay(k) > jdn) k--;
  return k;
}

// ---------------------------------------------------------------------------------------------------------------------
// The calendar. A "span" runs from the month 11 that holds one December solstice to the month 11 that holds the
// next: months 11 and 12 of one lunar year, then months 1 to 10 of the next, with the leap month if there is one.

interface LunarMonth {
  /** JDN of the month's first day. */
  start: number;
  /** Its length in days, 29 or 30. */
  length: number;
  /** The lunar year it belongs to. */
  year: number;
  month: number;
  leap: boolean;
}

/**
 * The lunation number of month 11 of lunar year `year`: the month holding the solstice of December `year`. A term
 * falls on day d when the longitude is below it at the midnight that begins d and at or past it at the next one.
 */
function month11Lunation(year: number): number {
  // The solstice is on 20–23 December; the month holding it began at most 30 days before.
  let k = lunationOn(jdnOf(`${year}-12-23`));
  // In December the longitude runs from about 250° to 280°, so comparing with 270° needs no wrap-around.
  while (sunLongitudeAtDayStart(newMoonDay(k)) >= 270) k--;
  while (sunLongitudeAtDayStart(newMoonDay(k + 1)) < 270) k++;
  return k;
}

const spanCache = new Map<number, LunarMonth[]>();

/** The months from the one holding the solstice of December `year - 1` up to, not including, the next such month. */
function span(year: number): LunarMonth[] {
  const cached = spanCache.get(year);
  if (cached) return cached;
  const first = month11Lunation(year - 1);
  const count = month11Lunation(year) - first;
  const starts: number[] = [];
  for (let i = 0; i <= count; i++) starts.push(newMoonDay(first + i));
  // In a 13-month span the first month after month 11 without a principal term is the leap month: the sun is in the
  // same 30° sector when it begins as when the next month begins.
  let leapIndex = -1;
  if (count === 13) {
    for (let i = 1; i < count; i++) {
      if (termSector(starts[i]!) === termSector(starts[i + 1]!)) {
        leapIndex = i;
        break;
      }
    }
    if (leapIndex < 0) throw new Error(`No month without a principal term in the 13-month lunar span ending ${year}`);
  }
  const months: LunarMonth[] = [];
  let number = 10;
  for (let i = 0; i < count; i++) {
    const leap = i === leapIndex;
    if (!leap) number = (number % 12) + 1;
    months.push({
      start: starts[i]!,
      length: starts[i + 1]! - starts[i]!,
      year: number >= 11 ? year - 1 : year,
      month: number,
      leap,
    });
  }
  spanCache.set(year, months);
  return months;
}

function findMonth(lunarYear: number, lunarMonth: number, leap: boolean): LunarMonth | undefined {
  // Months 11 and 12 of a lunar year (and a leap 11 or 12) lie in the span of the next Gregorian year.
  const months = span(lunarMonth >= 11 ? lunarYear + 1 : lunarYear);
  return months.find((m) => m.year === lunarYear && m.month === lunarMonth && m.leap === leap);
}

function checkYear(year: number, what: string): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new Error(`The lunar calendar covers the years ${MIN_YEAR}–${MAX_YEAR}; ${what} is outside it`);
  }
}

/** The Gregorian date of a Vietnamese lunar date. Throws when the date does not exist (a leap month the year lacks, day 30 of a short month). */
export function lunarToSolar(lunarYear: number, lunarMonth: number, lunarDay: number, leapMonth = false): IsoDate {
  checkYear(lunarYear, `lunar year ${lunarYear}`);
  if (!Number.isInteger(lunarMonth) || lunarMonth < 1 || lunarMonth > 12) throw new Error(`Invalid lunar month ${lunarMonth}`);
  const found = findMonth(lunarYear, lunarMonth, leapMonth);
  if (!found) throw new Error(`Lunar year ${lunarYear} has no leap month ${lunarMonth}`);
  if (!Number.isInteger(lunarDay) || lunarDay < 1 || lunarDay > found.length) {
    throw new Error(`Lunar month ${lunarMonth}${leapMonth ? ' (leap)' : ''} of ${lunarYear} has ${found.length} days, not day ${lunarDay}`);
  }
  return dateOfJdn(found.start + lunarDay - 1);
}

/** The Vietnamese lunar date of a Gregorian date. */
export function solarToLunar(date: IsoDate): LunarDate {
  const gregorianYear = Number(date.slice(0, 4));
  // The range first: isIsoDate refuses years before 1900, which would hide the reason.
  if (/^\d{4}-/.test(date)) checkYear(gregorianYear, date);
  if (!isIsoDate(date)) throw new Error(`Not a date: ${date}`);
  const jdn = jdnOf(date);
  // The span of year Y ends with the start of the month holding the solstice of December Y.
  let months = span(gregorianYear);
  const next = span(gregorianYear + 1)[0]!;
  if (jdn >= next.start) months = span(gregorianYear + 1);
  for (let i = months.length - 1; i >= 0; i--) {
    const m = months[i]!;
    if (m.start <= jdn) return { year: m.year, month: m.month, day: jdn - m.start + 1, leap: m.leap };
  }
  throw new Error(`No lunar month holds ${date}`);
}

/** The leap month of a lunar year (its number), or null when the year has twelve months. */
export function leapMonthOf(lunarYear: number): number | null {
  checkYear(lunarYear, `lunar year ${lunarYear}`);
  const months = [...span(lunarYear), ...span(lunarYear + 1)].filter((m) => m.year === lunarYear && m.leap);
  return months[0]?.month ?? null;
}

/** The number of days (29 or 30) of a lunar month. */
export function lunarMonthLength(lunarYear: number, lunarMonth: number, leapMonth = false): number {
  lunarToSolar(lunarYear, lunarMonth, 1, leapMonth);
  return findMonth(lunarYear, lunarMonth, leapMonth)!.length;
}
