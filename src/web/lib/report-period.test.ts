import { describe, expect, it } from 'vitest';
import { periodChoiceParams, periodQuery, readPeriodChoice } from './report-period.ts';

const read = (q: string) => readPeriodChoice(new URLSearchParams(q), '2026-11-20');

describe('the report page’s period in the URL', () => {
  it('defaults to this year; wrong values fall back', () => {
    expect(periodQuery(read(''))).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(read('period=week&year=20x6&month=13')).toMatchObject({ kind: 'year', year: 2026, month: 11 });
    expect(read('period=date&date=2026-02-30').date).toBe('2026-11-20');
  });
  it('resolves each kind through the domain’s periods', () => {
    expect(periodQuery(read('period=date&date=2025-12-31'))).toEqual({ asOf: '2025-12-31' });
    expect(periodQuery(read('period=month&year=2024&month=2'))).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodQuery(read('period=q1&year=2025'))).toEqual({ from: '2025-01-01', to: '2025-03-31' });
    expect(periodQuery(read('period=h1&year=2025'))).toEqual({ from: '2025-01-01', to: '2025-06-30' });
    expect(periodQuery(read('period=m9&year=2025'))).toEqual({ from: '2025-01-01', to: '2025-09-30' });
    expect(periodQuery(read('period=term&year=2020'))).toEqual({ from: '2020-01-01', to: '2024-12-31', fromYear: 2020, toYear: 2024 });
    expect(periodQuery(read('period=range&from=2025-03-15&to=2025-08-01'))).toEqual({ from: '2025-03-15', to: '2025-08-01' });
  });
  it('writes back only what its kind reads', () => {
    expect(periodChoiceParams(read('period=month&year=2024&month=2&date=2025-01-01'))).toEqual({ period: 'month', year: '2024', month: '2' });
    expect(periodChoiceParams(read('period=year&year=2025'))).toEqual({ period: 'year', year: '2025' });
  });
});
