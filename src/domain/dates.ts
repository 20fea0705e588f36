/**
 * Calendar dates as 'YYYY-MM-DD' strings. Dates never travel as JS Date objects: a Date carries a time zone and
 * turns 2025-07-01 in Hà Nội (UTC+7) into 2025-06-30 in UTC. All arithmetic here is on the proleptic Gregorian
 * calendar in UTC, which is exact for whole days.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when the text is a real calendar date in the form YYYY-MM-DD (31/02 and 2025-13-01 are not). */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(year)) return new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : MONTH_LENGTHS[month - 1]!;
}

/**
 * Days since 1970-01-01 of a well-formed 'YYYY-MM-DD' (years 0000–9999), or NaN. Integer arithmetic (the civil-days
 * algorithm) instead of Date.parse: the badge and party-age rules add days to dates millions of times.
 */
export function dayNumber(date: IsoDate): number {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return NaN;
  const y0 = digits(date, 0, 4);
  const m = digits(date, 5, 2);
  const d = digits(date, 8, 2);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y0, m)) return NaN;
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The 'YYYY-MM-DD' of a day number (see dayNumber). */
export function fromDayNumber(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

function digits(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    n = n * 10 + c;
  }
  return n;
}

/** The date in Việt Nam (UTC+7, no daylight saving) at the given instant. */
export function vietnamDate(instant: Date): IsoDate {
  const shifted = new Date(instant.getTime() + 7 * 3600 * 1000);
  return shifted.toISOString().slice(0, 10);
}

/** Adds whole calendar days (negative to go back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const n = dayNumber(date) + days;
  if (Number.isInteger(n) && n >= -719468 && n <= 2932896) return fromDayNumber(n);
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86400000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Formats as the Vietnamese users read dates: DD/MM/YYYY. */
export function formatVnDate(date: IsoDate | null | undefined): string {
  if (!date) return '';
  const m = ISO_DATE.exec(date);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : date;
}

/** Parses DD/MM/YYYY (or D/M/YYYY) into an ISO date; null when it is not a real date. */
export function parseVnDate(text: string): IsoDate | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/**
 * A date known to the day, the month or the year only ('YYYY-MM-DD', 'YYYY-MM', 'YYYY'): the periods of a member's
 * background (work, training, trips) are often remembered as "03/2010" or "2010" (domain.md §4, sub-records).
 */
export type PartialDate = string;

/** True for a real 'YYYY-MM-DD', a 'YYYY-MM' with a month 01–12, or a 'YYYY', years 1900–2200 as for full dates. */
export function isPartialDate(text: string): boolean {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return isIsoDate(text);
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(text);
  if (!m) return false;
  const y = Number(m[1]);
  if (y < 1900 || y > 2200) return false;
  return m[2] === undefined || (Number(m[2]) >= 1 && Number(m[2]) <= 12);
}

/** '2010-03-05' → '05/03/2010', '2010-03' → '03/2010', '2010' → '2010'. */
export function formatPartialDate(date: PartialDate | null | undefined): string {
  if (!date) return '';
  if (date.length === 10) return formatVnDate(date);
  if (date.length === 7) return `${date.slice(5, 7)}/${date.slice(0, 4)}`;
  return date;
}

/** Parses DD/MM/YYYY, MM/YYYY or YYYY (also with `.` or `-`) into a partial date; null when it is not a real one. */
export function parsePartialVnDate(text: string): PartialDate | null {
  const t = text.trim();
  if (/^\d{4}$/.test(t)) return isPartialDate(t) ? t : null;
  const month = /^(\d{1,2})[/.-](\d{4})$/.exec(t);
  if (month) {
    const iso = `${month[2]}-${month[1]!.padStart(2, '0')}`;
    return isPartialDate(iso) ? iso : null;
  }
  return parseVnDate(t);
}

/**
 * True when `to` ends before `from` begins, compared at the precision both share: '2010' is not before '2010-05'
 * (the same year), '2010-04' is before '2010-05-01'.
 */
export function partialDateBefore(to: PartialDate, from: PartialDate): boolean {
  const n = Math.min(to.length, from.length);
  return to.slice(0, n) < from.slice(0, n);
}
