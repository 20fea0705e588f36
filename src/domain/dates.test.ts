import { describe, expect, it } from 'vitest';
import { addDays, formatVnDate, isIsoDate, parseVnDate, vietnamDate } from './dates.ts';

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
  });
});
