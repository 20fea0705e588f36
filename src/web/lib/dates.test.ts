import { describe, expect, it } from 'vitest';
import { formatDateTime } from './dates.ts';

describe('timestamps shown in Việt Nam time', () => {
  it('adds seven hours, crossing midnight, whatever the machine’s zone', () => {
    expect(formatDateTime('2026-11-23T00:17:36.000Z')).toBe('23/11/2026 07:17:36');
    expect(formatDateTime('2025-06-30T20:00:00Z')).toBe('01/07/2025 03:00:00');
    expect(formatDateTime('')).toBe('');
  });
});

describe('dates typed into a date field', () => {
  it('reads DD/MM/YYYY, D/M/YYYY, DD-MM-YYYY and DDMMYYYY; 29/02 only in a leap year', async () => {
    const { parseTypedDate } = await import('./dates.ts');
    expect(parseTypedDate('07/12/2026')).toBe('2026-12-07');
    expect(parseTypedDate(' 7/1/1990 ')).toBe('1990-01-07');
    expect(parseTypedDate('07-12-2026')).toBe('2026-12-07');
    expect(parseTypedDate('07122026')).toBe('2026-12-07');
    expect(parseTypedDate('29/02/2024')).toBe('2024-02-29');
    expect(parseTypedDate('29/02/2023')).toBeNull();
    expect(parseTypedDate('28/02/1990')).toBe('1990-02-28');
    expect(parseTypedDate('31/02/1990')).toBeNull();
    expect(parseTypedDate('31/12/2020')).toBe('2020-12-31');
    expect(parseTypedDate('32/13/2020')).toBeNull();
    expect(parseTypedDate('abc')).toBeNull();
  });
  it('an impossible date is a value the field keeps and the rule names', async () => {
    const { invalidDateValue, isInvalidDateValue, INVALID_DATE_MESSAGE, fromIso } = await import('./dates.ts');
    expect(isInvalidDateValue(invalidDateValue())).toBe(true);
    expect(isInvalidDateValue(fromIso('1990-02-28'))).toBe(false);
    expect(isInvalidDateValue(undefined)).toBe(false);
    expect(INVALID_DATE_MESSAGE).toBe('Ngày không hợp lệ.');
  });
});
