import { describe, expect, it } from 'vitest';
import { previousYearPeriod, standardPeriod, yearEarlier } from './report-periods.ts';

describe('report periods', () => {
  it('gives the standard periods of a year, both ends included', () => {
    expect(standardPeriod('month', 2024, 2)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(standardPeriod('month', 2025, 2)).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(standardPeriod('q1', 2025)).toEqual({ from: '2025-01-01', to: '2025-03-31' });
    expect(standardPeriod('h1', 2025)).toEqual({ from: '2025-01-01', to: '2025-06-30' });
    expect(standardPeriod('m9', 2025)).toEqual({ from: '2025-01-01', to: '2025-09-30' });
    expect(standardPeriod('year', 2025)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(standardPeriod('term', 2020)).toEqual({ from: '2020-01-01', to: '2024-12-31' });
  });

  it('compares with the same period a year earlier; 29/02 becomes 28/02', () => {
    expect(yearEarlier('2024-02-29')).toBe('2023-02-28');
    expect(yearEarlier('2025-03-01')).toBe('2024-03-01');
    expect(previousYearPeriod(standardPeriod('month', 2024, 2))).toEqual({ from: '2023-02-01', to: '2023-02-28' });
  });
});
