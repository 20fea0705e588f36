import { describe, expect, it } from 'vitest';
import { addDays } from '../dates.ts';
import { HOLIDAY_TABLE, holidaysOf } from './holidays.ts';
import { leapMonthOf, lunarMonthLength, lunarToSolar, solarToLunar } from './lunar.ts';
import { createWorkingCalendar } from './working-days.ts';

const days = (year: number) => holidaysOf(year).map((h) => `${h.date}${h.compensating ? ' bù' : ''}`);

describe('lunar calendar (UTC+7)', () => {
  it('puts Tết (1/1 lunar) on the published dates', () => {
    const tet: Record<number, string> = {
      2000: '2000-02-05',
      2007: '2007-02-17',
      2020: '2020-01-25',
      2021: '2021-02-12',
      2022: '2022-02-01',
      2023: '2023-01-22',
      2024: '2024-02-10',
      2025: '2025-01-29',
      2026: '2026-02-17',
      2027: '2027-02-06',
      2033: '2033-01-31',
      2035: '2035-02-08',
    };
    for (const [year, date] of Object.entries(tet)) expect(lunarToSolar(Number(year), 1, 1), `Tết ${year}`).toBe(date);
  });

  it('starts a month on the day of the new moon in Hà Nội, so Tết can come a day before China’s', () => {
    // New moon 2007-02-17 23:14 in Hà Nội (00:14 on the 18th in Beijing); 2030-02-02 23:07 (00:07 on the 3rd).
    expect(lunarToSolar(2007, 1, 1)).toBe('2007-02-17');
    expect(solarToLunar('2007-02-17')).toEqual({ year: 2007, month: 1, day: 1, leap: false });
    expect(lunarToSolar(2030, 1, 1)).toBe('2030-02-02');
  });

  it('takes month 11 as the month holding the solstice in Hà Nội: Tết 1985 was 21/01, a month before China’s', () => {
    // The 1984 solstice came at 23:22 on 21/12 in Hà Nội, inside the month begun on 23/11.
    expect(solarToLunar('1984-11-23')).toEqual({ year: 1984, month: 11, day: 1, leap: false });
    expect(solarToLunar('1985-01-21')).toEqual({ year: 1985, month: 1, day: 1, leap: false });
    expect(solarToLunar('1985-01-20')).toEqual({ year: 1984, month: 12, day: 30, leap: false });
    expect(solarToLunar('1985-02-20')).toEqual({ year: 1985, month: 2, day: 1, leap: false });
  });

  it('puts Giỗ Tổ Hùng Vương (10/3 lunar) on the published dates', () => {
    expect(lunarToSolar(2023, 3, 10)).toBe('2023-04-29');
    expect(lunarToSolar(2024, 3, 10)).toBe('2024-04-18');
    expect(lunarToSolar(2025, 3, 10)).toBe('2025-04-07');
    expect(lunarToSolar(2026, 3, 10)).toBe('2026-04-26');
    expect(solarToLunar('2025-04-07')).toEqual({ year: 2025, month: 3, day: 10, leap: false });
  });

  it('places leap months after the month they repeat and converts them both ways', () => {
    expect(leapMonthOf(2023)).toBe(2);
    expect(leapMonthOf(2024)).toBeNull();
    expect(leapMonthOf(2025)).toBe(6);
    expect(leapMonthOf(2033)).toBe(11);
    // 2023: month 2 from 20/02, leap month 2 from 22/03, month 3 from 20/04.
    expect(lunarToSolar(2023, 2, 1)).toBe('2023-02-20');
    expect(lunarToSolar(2023, 2, 1, true)).toBe('2023-03-22');
    expect(lunarToSolar(2023, 3, 1)).toBe('2023-04-20');
    expect(solarToLunar('2023-03-22')).toEqual({ year: 2023, month: 2, day: 1, leap: true });
    expect(solarToLunar('2023-04-19')).toEqual({ year: 2023, month: 2, day: 29, leap: true });
    // 2025: leap month 6 from 25/07 (29 days), month 7 from 23/08; Trung thu (15/8) is 06/10.
    expect(lunarToSolar(2025, 6, 1, true)).toBe('2025-07-25');
    expect(lunarMonthLength(2025, 6, true)).toBe(29);
    expect(solarToLunar('2025-08-15')).toEqual({ year: 2025, month: 6, day: 22, leap: true });
    expect(lunarToSolar(2025, 7, 1)).toBe('2025-08-23');
    expect(lunarToSolar(2025, 8, 15)).toBe('2025-10-06');
    // A leap month 11 belongs to the lunar year that began before it.
    expect(lunarToSolar(2033, 11, 1, true)).toBe('2033-12-22');
    expect(solarToLunar('2033-12-22')).toEqual({ year: 2033, month: 11, day: 1, leap: true });
  });

  it('knows 29- and 30-day months: 2024 had a 30 tháng Chạp, 2025 and 2026 did not', () => {
    expect(solarToLunar('2024-02-09')).toEqual({ year: 2023, month: 12, day: 30, leap: false });
    expect(solarToLunar('2025-01-28')).toEqual({ year: 2024, month: 12, day: 29, leap: false });
    expect(lunarMonthLength(2025, 12)).toBe(29);
  });

  it('round-trips every day of 2000–2035', () => {
    for (let d = '2000-01-01'; d <= '2035-12-31'; d = addDays(d, 1)) {
      const l = solarToLunar(d);
      expect(lunarToSolar(l.year, l.month, l.day, l.leap)).toBe(d);
    }
  });

  it('refuses lunar dates that do not exist and years it does not cover', () => {
    expect(() => lunarToSolar(2024, 6, 1, true)).toThrow(/no leap month 6/);
    expect(() => lunarToSolar(2024, 12, 30)).toThrow(/29 days/);
    expect(() => lunarToSolar(2024, 13, 1)).toThrow(/month/);
    expect(() => solarToLunar('1899-12-31')).toThrow(/1900–2100/);
    expect(() => solarToLunar('2025-02-30')).toThrow(/Not a date/);
  });
});

describe('public holidays (Labour Code)', () => {
  it('covers 2000–2035 in date order, with Vietnamese names', () => {
    expect(HOLIDAY_TABLE[0]).toEqual({ date: '2000-01-01', name: 'Tết Dương lịch', compensating: false });
    expect(HOLIDAY_TABLE.at(-1)!.date.startsWith('2035-')).toBe(true);
    const dates = HOLIDAY_TABLE.map((h) => h.date);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
    expect(new Set(HOLIDAY_TABLE.map((h) => h.name))).toEqual(
      new Set([
        'Tết Dương lịch',
        'Tết Nguyên đán',
        'Giỗ Tổ Hùng Vương',
        'Ngày Chiến thắng',
        'Ngày Quốc tế Lao động',
        'Quốc khánh',
        'Nghỉ bù Tết Dương lịch',
        'Nghỉ bù Tết Nguyên đán',
        'Nghỉ bù Giỗ Tổ Hùng Vương',
        'Nghỉ bù Ngày Chiến thắng',
        'Nghỉ bù Ngày Quốc tế Lao động',
        'Nghỉ bù Quốc khánh',
      ]),
    );
  });

  it('gives the 2019 Code’s 11 days in 2025: Tết is the last day of the lunar year and the first 4, 1/2 Saturday made up on Monday', () => {
    expect(holidaysOf(2025)).toEqual([
      { date: '2025-01-01', name: 'Tết Dương lịch', compensating: false },
      { date: '2025-01-28', name: 'Tết Nguyên đán', compensating: false },
      { date: '2025-01-29', name: 'Tết Nguyên đán', compensating: false },
      { date: '2025-01-30', name: 'Tết Nguyên đán', compensating: false },
      { date: '2025-01-31', name: 'Tết Nguyên đán', compensating: false },
      { date: '2025-02-01', name: 'Tết Nguyên đán', compensating: false },
      { date: '2025-02-03', name: 'Nghỉ bù Tết Nguyên đán', compensating: true, compensatesFor: '2025-02-01' },
      { date: '2025-04-07', name: 'Giỗ Tổ Hùng Vương', compensating: false },
      { date: '2025-04-30', name: 'Ngày Chiến thắng', compensating: false },
      { date: '2025-05-01', name: 'Ngày Quốc tế Lao động', compensating: false },
      { date: '2025-09-01', name: 'Quốc khánh', compensating: false },
      { date: '2025-09-02', name: 'Quốc khánh', compensating: false },
    ]);
  });

  it('makes up 30/4 on Saturday and 1/5 on Sunday on the next two working days (2022: Monday 2/5, Tuesday 3/5)', () => {
    const may = holidaysOf(2022).filter((h) => h.date >= '2022-04-30' && h.date <= '2022-05-31');
    expect(may.map((h) => [h.date, h.compensating, h.compensatesFor])).toEqual([
      ['2022-04-30', false, undefined],
      ['2022-05-01', false, undefined],
      ['2022-05-02', true, '2022-04-30'],
      ['2022-05-03', true, '2022-05-01'],
    ]);
  });

  it('puts compensating days after the holidays that follow (2023: Hùng Kings Saturday, 30/4 Sunday, 1/5 Monday → off to 3/5)', () => {
    expect(days(2023).filter((d) => d >= '2023-04' && d < '2023-06')).toEqual(['2023-04-29', '2023-04-30', '2023-05-01', '2023-05-02 bù', '2023-05-03 bù']);
  });

  it('gives National Day one day (2/9) before 2021 and two (1/9 and 2/9 by default) from 2021', () => {
    expect(days(2020).filter((d) => d >= '2020-09')).toEqual(['2020-09-02']);
    expect(days(2021).filter((d) => d >= '2021-09')).toEqual(['2021-09-01', '2021-09-02']);
    // 2023: 2/9 is a Saturday, made up on Monday 4/9 (the government's 2023 schedule: off 1/9 to 4/9).
    expect(days(2023).filter((d) => d >= '2023-09')).toEqual(['2023-09-01', '2023-09-02', '2023-09-04 bù']);
    // 2024: 1/9 is a Sunday, made up on Tuesday 3/9.
    expect(days(2024).filter((d) => d >= '2024-09')).toEqual(['2024-09-01', '2024-09-02', '2024-09-03 bù']);
  });

  it('follows the law in force: Tết 4 days and no Hùng Kings’ day before 2007, Hùng Kings from 2007, Tết 5 days from 2014', () => {
    const tet = (year: number) =>
      holidaysOf(year)
        .filter((h) => h.name === 'Tết Nguyên đán')
        .map((h) => h.date);
    const hung = (year: number) =>
      holidaysOf(year)
        .filter((h) => h.name === 'Giỗ Tổ Hùng Vương')
        .map((h) => h.date);
    expect(tet(2006)).toEqual(['2006-01-28', '2006-01-29', '2006-01-30', '2006-01-31']);
    expect(hung(2006)).toEqual([]);
    expect(hung(2007)).toEqual(['2007-04-26']);
    expect(tet(2013)).toEqual(['2013-02-09', '2013-02-10', '2013-02-11', '2013-02-12']);
    expect(tet(2014)).toEqual(['2014-01-30', '2014-01-31', '2014-02-01', '2014-02-02', '2014-02-03']);
    expect(tet(2026)).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
  });

  it('refuses years outside 2000–2035', () => {
    expect(() => holidaysOf(1999)).toThrow(/2000–2035/);
    expect(() => holidaysOf(2036)).toThrow(/2000–2035/);
  });
});

describe('working days', () => {
  const calendar = createWorkingCalendar();

  it('excludes Saturdays, Sundays, holidays and compensating days', () => {
    expect(calendar.isWorkingDay('2025-04-29')).toBe(true); // Tuesday
    expect(calendar.isWorkingDay('2025-04-26')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2025-04-27')).toBe(false); // Sunday
    expect(calendar.isWorkingDay('2025-04-30')).toBe(false);
    expect(calendar.isWorkingDay('2022-05-03')).toBe(false); // compensating for 1/5 on a Sunday
  });

  it('counts the n-th working day after a Friday over the weekend and 30/4–1/5 (2025: Friday 25/4 + 3 → Friday 2/5)', () => {
    // Monday 28/4 (1), Tuesday 29/4 (2), 30/4 and 1/5 off, Friday 2/5 (3).
    expect(calendar.addWorkingDays('2025-04-25', 3)).toBe('2025-05-02');
    expect(calendar.addWorkingDays('2025-04-25', 4)).toBe('2025-05-05');
  });

  it('applies the government’s 2025 swap: Friday 2/5 off, Saturday 26/4 worked', () => {
    const cal = createWorkingCalendar([
      { date: '2025-05-02', kind: 'holiday', note: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4)' },
      { date: '2025-04-26', kind: 'workday', note: 'Làm bù cho thứ Sáu 02/5' },
    ]);
    expect(cal.isWorkingDay('2025-04-26')).toBe(true);
    expect(cal.isWorkingDay('2025-05-02')).toBe(false);
    // Saturday 26/4 (1), Monday 28/4 (2), Tuesday 29/4 (3).
    expect(cal.addWorkingDays('2025-04-25', 3)).toBe('2025-04-29');
    expect(cal.addWorkingDays('2025-04-25', 4)).toBe('2025-05-05');
    expect(cal.holidaysIn('2025-04-25', '2025-05-04').map((h) => [h.date, h.source])).toEqual([
      ['2025-04-30', 'law'],
      ['2025-05-01', 'law'],
      ['2025-05-02', 'adjustment'],
    ]);
    expect(cal.holidaysIn('2025-05-02', '2025-05-02')[0]!.name).toBe('Nghỉ hoán đổi (làm bù thứ Bảy 26/4)');
  });

  it('lets a workday adjustment turn a holiday into a working day', () => {
    const cal = createWorkingCalendar([{ date: '2025-02-03', kind: 'workday' }]);
    expect(calendar.isWorkingDay('2025-02-03')).toBe(false);
    expect(cal.isWorkingDay('2025-02-03')).toBe(true);
    expect(cal.holidaysIn('2025-02-01', '2025-02-03').map((h) => h.date)).toEqual(['2025-02-01']);
  });

  it('returns the day itself for n = 0 when it is worked, else the next working day', () => {
    expect(calendar.addWorkingDays('2025-04-29', 0)).toBe('2025-04-29');
    expect(calendar.addWorkingDays('2025-04-30', 0)).toBe('2025-05-02');
    expect(calendar.addWorkingDays('2025-04-26', 0)).toBe('2025-04-28');
  });

  it('counts backwards for negative n', () => {
    expect(calendar.addWorkingDays('2025-05-02', -1)).toBe('2025-04-29');
    expect(calendar.addWorkingDays('2025-05-02', -3)).toBe('2025-04-25');
    expect(calendar.addWorkingDays('2025-05-05', -2)).toBe('2025-04-29');
    expect(() => calendar.addWorkingDays('2025-05-05', 1.5)).toThrow(/whole number/);
  });

  it('counts working days in (from, to] across Tết 2026: Friday 13/2 to Friday 27/2 is only the week of 23/2', () => {
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-27')).toBe(5);
    expect(calendar.workingDaysBetween('2026-02-27', '2026-02-13')).toBe(-5);
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-13')).toBe(0);
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-14')).toBe(0);
    expect(calendar.workingDaysBetween('2026-02-12', '2026-02-13')).toBe(1);
  });

  it('counts National Day 2024 (2/9 Monday, 1/9 Sunday made up on 3/9): Friday 30/8 to Wednesday 4/9 is 1 working day', () => {
    expect(calendar.workingDaysBetween('2024-08-30', '2024-09-04')).toBe(1);
    expect(calendar.addWorkingDays('2024-08-30', 1)).toBe('2024-09-04');
  });

  it('lets an administrator move the second National Day from 1/9 to 3/9 (2021)', () => {
    const cal = createWorkingCalendar([
      { date: '2021-09-01', kind: 'workday' },
      { date: '2021-09-03', kind: 'holiday', note: 'Quốc khánh' },
    ]);
    expect(calendar.isWorkingDay('2021-09-01')).toBe(false);
    expect(cal.isWorkingDay('2021-09-01')).toBe(true);
    expect(cal.isWorkingDay('2021-09-03')).toBe(false);
    expect(cal.holidaysIn('2021-08-30', '2021-09-05').map((h) => `${h.date} ${h.name}`)).toEqual(['2021-09-02 Quốc khánh', '2021-09-03 Quốc khánh']);
  });

  it('makes a Saturday a working day by adjustment', () => {
    const cal = createWorkingCalendar([{ date: '2025-03-08', kind: 'workday', note: 'Làm bù' }]);
    expect(calendar.isWorkingDay('2025-03-08')).toBe(false);
    expect(cal.isWorkingDay('2025-03-08')).toBe(true);
    expect(cal.addWorkingDays('2025-03-07', 1)).toBe('2025-03-08');
    expect(cal.workingDaysBetween('2025-03-07', '2025-03-10')).toBe(2);
  });

  it('sets a 30-working-day deadline across Tết 2025 (decision 10/1 → 28/2; decision 20/1 → 10/3)', () => {
    // From Friday 10/1: 13–24/1 (10), 27/1 (11), Tết 28/1–1/2 and Monday 3/2 off, 4–7/2 (15), then three full weeks to 28/2 (30).
    expect(calendar.addWorkingDays('2025-01-10', 30)).toBe('2025-02-28');
    expect(calendar.workingDaysBetween('2025-01-10', '2025-02-28')).toBe(30);
    // From Monday 20/1: 21–24/1 (4), 27/1 (5), 4–7/2 (9), 10/2–7/3 (29), Monday 10/3 (30).
    expect(calendar.addWorkingDays('2025-01-20', 30)).toBe('2025-03-10');
    // With the government's 2025 schedule (Tết off Monday 27/1 to Friday 31/1, Monday 3/2 worked) the count is the same.
    const cal = createWorkingCalendar([
      { date: '2025-01-27', kind: 'holiday', note: 'Tết Nguyên đán' },
      { date: '2025-02-03', kind: 'workday' },
    ]);
    expect(cal.addWorkingDays('2025-01-10', 30)).toBe('2025-02-28');
    expect(cal.addWorkingDays('2025-01-20', 30)).toBe('2025-03-10');
    expect(cal.addWorkingDays('2025-01-24', 1)).toBe('2025-02-03');
  });

  it('agrees with itself: the n-th working day after d is n working days after it, and back again from a working day', () => {
    for (let d = '2025-01-01'; d <= '2025-12-31'; d = addDays(d, 3)) {
      for (const n of [1, 5, 30]) expect(calendar.workingDaysBetween(d, calendar.addWorkingDays(d, n))).toBe(n);
      if (calendar.isWorkingDay(d)) expect(calendar.workingDaysBetween(d, calendar.addWorkingDays(d, -7))).toBe(-7);
    }
  });

  it('refuses dates and adjustments outside 2000–2035, bad dates and contradictory adjustments', () => {
    expect(() => calendar.isWorkingDay('1999-12-31')).toThrow(/2000-01-01 to 2035-12-31/);
    expect(() => calendar.workingDaysBetween('2035-12-01', '2036-01-02')).toThrow(/2000-01-01 to 2035-12-31/);
    expect(() => calendar.addWorkingDays('2035-12-28', 5)).toThrow(/2000-01-01 to 2035-12-31/);
    expect(() => calendar.isWorkingDay('2025-02-29')).toThrow(/YYYY-MM-DD/);
    expect(() => createWorkingCalendar([{ date: '2036-01-01', kind: 'holiday' }])).toThrow(/2035-12-31/);
    expect(() =>
      createWorkingCalendar([
        { date: '2025-03-08', kind: 'workday' },
        { date: '2025-03-08', kind: 'holiday' },
      ]),
    ).toThrow(/Conflicting/);
  });
});
