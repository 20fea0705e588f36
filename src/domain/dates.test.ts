import { daysBetween } from './member-status.ts';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayNumber,
  daysInMonth,
  formatPartialDate,
  fromDayNumber,
  formatVnDate,
  isIsoDate,
  isPartialDate,
  parsePartialVnDate,
  parseVnDate,
  partialDateBefore,
  vietnamDate,
} from './dates.ts';

describe('calendar dates', () => {
  it('accepts only real dates', () => {
    expect(isIsoDate('2025-07-01')).toBe(true);
    expect(isIsoDate('1990-02-31')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-7-1')).toBe(false);
  });
  it('formats and parses DD/MM/YYYY', () => {
    expect(formatVnDate('2025-07-01')).toBe('01/07/2025');
    expect(parseVnDate('2/9/1945')).toBe('1945-09-02');
    expect(parseVnDate('31/02/1990')).toBeNull();
  });
  it('takes the date in Việt Nam, not in UTC', () => {
    // 20:00 UTC on 30 June is 03:00 on 1 July in Hà Nội
    expect(vietnamDate(new Date('2025-06-30T20:00:00Z'))).toBe('2025-07-01');
  });
  it('adds days across month and year ends', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('1900-02-28', 1)).toBe('1900-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
  });
  it('counts days as the calendar does, every third day from 1890 to 2210', () => {
    // The integer day numbers against the JS calendar, day by day, and jumps of up to ±40 years.
    const ref = (n: number) => new Date(n * 86400000).toISOString().slice(0, 10);
    for (let n = dayNumber('1890-01-01'); n <= dayNumber('2210-12-31'); n += 3) {
      const date = ref(n);
      expect(dayNumber(date)).toBe(n);
      expect(fromDayNumber(n)).toBe(date);
      const jump = ((n * 7919) % 29221) - 14610;
      expect(addDays(date, jump)).toBe(ref(n + jump));
      expect(daysBetween(date, ref(n + jump))).toBe(jump);
    }
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(dayNumber('2025-02-29')).toBeNaN();
  });
});

describe('partial dates', () => {
  it('accepts a day, a month or a year, each real', () => {
    for (const d of ['2010', '2010-03', '2010-03-05', '2024-02-29']) expect(isPartialDate(d)).toBe(true);
    for (const d of ['1990-02-31', '2010-13', '2010-00', '10', '1899', '2010-3', '03/2010', '']) expect(isPartialDate(d)).toBe(false);
  });
  it('formats and parses as Vietnamese readers write them', () => {
    expect(formatPartialDate('2010-03')).toBe('03/2010');
    expect(formatPartialDate('2010-03-05')).toBe('05/03/2010');
    expect(formatPartialDate('2010')).toBe('2010');
    expect(parsePartialVnDate('3/2010')).toBe('2010-03');
    expect(parsePartialVnDate(' 2010 ')).toBe('2010');
    expect(parsePartialVnDate('5/3/2010')).toBe('2010-03-05');
    expect(parsePartialVnDate('31/02/1990')).toBeNull();
    expect(parsePartialVnDate('13/2010')).toBeNull();
  });
  it('compares at the precision both dates share', () => {
    expect(partialDateBefore('2010', '2010-05')).toBe(false);
    expect(partialDateBefore('2010-04', '2010-05-01')).toBe(true);
    expect(partialDateBefore('2009-12-31', '2010')).toBe(true);
    expect(partialDateBefore('2010-05-01', '2010-05')).toBe(false);
  });
});
