import { describe, expect, it } from 'vitest';
import { assessTarget, formatTarget, type YearActual } from './term-targets.ts';

const term = (from: number, actuals: (number | null)[], to = from + 5): YearActual[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ year: from + i, actual: actuals[i] ?? null }));

describe('formatTarget', () => {
  it('writes a single value and a range as Vietnamese does', () => {
    expect(formatTarget({ low: 95, high: null }, 'percent')).toBe('95%');
    expect(formatTarget({ low: 70, high: 75 }, 'percent')).toBe('70–75%');
    expect(formatTarget({ low: 16500, high: 17500 }, 'count')).toBe('16.500–17.500');
    expect(formatTarget({ low: 91.25, high: 91.25 }, 'percent')).toBe('91,25%');
  });
});

describe('share targets: the latest year with a figure against the lower bound', () => {
  const spec = { kind: 'share' as const, low: 95, high: null };

  it('is at risk when last year is below the lower bound, with the reason in words', () => {
    const a = assessTarget(spec, 'percent', term(2025, [91.2]), 2026);
    expect(a.status).toBe('at_risk');
    expect(a.atRisk).toBe(true);
    expect(a.reason).toBe('Năm 2025 đạt 91,2%, thấp hơn chỉ tiêu 95% (thiếu 3,8 điểm phần trăm); giữ mức này thì chỉ tiêu không đạt.');
    expect(a.rows[0]).toMatchObject({ year: 2025, actual: 91.2, partial: false, meets: false, neededPerYear: 95 });
    expect(a.rows[1]).toMatchObject({ year: 2026, actual: null, partial: true, meets: null });
  });

  it('at the lower bound exactly is on track; 0,01 below is at risk', () => {
    expect(assessTarget(spec, 'percent', term(2025, [95]), 2026).status).toBe('on_track');
    expect(assessTarget(spec, 'percent', term(2025, [94.99]), 2026).status).toBe('at_risk');
  });

  it('reads the range from its lower bound', () => {
    const range = { kind: 'share' as const, low: 70, high: 75 };
    expect(assessTarget(range, 'percent', term(2020, [73.55, 78.37, 69.99]), 2023).status).toBe('at_risk');
    const ok = assessTarget(range, 'percent', term(2020, [73.55, 78.37, 70]), 2023);
    expect(ok.status).toBe('on_track');
    expect(ok.reason).toBe('Năm 2022 đạt 70%, không thấp hơn chỉ tiêu 70–75%.');
  });

  it('the latest year decides, even when an earlier one was below', () => {
    expect(assessTarget(spec, 'percent', term(2020, [90, 96]), 2022).status).toBe('on_track');
    expect(assessTarget(spec, 'percent', term(2020, [96, 90]), 2022).status).toBe('at_risk');
  });

  it('the current year counts once it has a figure (ratings published in December)', () => {
    expect(assessTarget(spec, 'percent', term(2025, [96, 94]), 2026).status).toBe('at_risk');
  });

  it('after the term: reached or missed by its last year, never at risk', () => {
    expect(assessTarget(spec, 'percent', term(2020, [90, 91, 92, 93, 94, 95]), 2026).status).toBe('reached');
    const missed = assessTarget(spec, 'percent', term(2020, [96, 96, 96, 96, 96, 94.5]), 2026);
    expect(missed.status).toBe('missed');
    expect(missed.atRisk).toBe(false);
  });

  it('without any figure there is no verdict', () => {
    const a = assessTarget(spec, 'percent', term(2026, []), 2026);
    expect(a.status).toBe('no_data');
    expect(a.atRisk).toBe(false);
  });

  it('ignores figures of years not begun', () => {
    expect(assessTarget(spec, 'percent', term(2025, [96, 96, 10]), 2026).status).toBe('on_track');
  });
});

describe('cumulative targets: total of the years over + pace × years left against the lower bound', () => {
  const spec = { kind: 'cumulative' as const, low: 16500, high: 17500 };

  it('is at risk when the projection falls short, with the pace needed', () => {
    // 2021–2023 over: 9.800 in 3 years, 3.266,67 a year; 2024 (current) and 2025 left: 9.800 + 6.533 = 16.333 < 16.500
    const years = term(2021, [3200, 3300, 3300, 1000], 2025);
    const a = assessTarget(spec, 'count', years, 2024);
    expect(a.status).toBe('at_risk');
    expect(a.pace).toBeCloseTo(3266.67, 1);
    expect(a.projection).toBeCloseTo(16333.33, 1);
    expect(a.neededPerYear).toBe(3350);
    expect(a.current).toBe(10800);
    expect(a.reason).toBe(
      'Đến hết năm 2023 đạt 9.800 (bình quân 3.267/năm); giữ nhịp độ này, 2 năm còn lại ước đạt 16.333, thấp hơn chỉ tiêu 16.500–17.500; cần bình quân 3.350/năm.',
    );
    expect(a.rows.map((r) => r.cumulative)).toEqual([3200, 6500, 9800, 10800, null]);
    expect(a.rows[2]).toMatchObject({ meets: false, neededPerYear: 3350 });
    expect(a.rows[3]).toMatchObject({ partial: true, neededPerYear: 5700 });
  });

  it('a projection equal to the lower bound is on track; one less is at risk', () => {
    // 3 years over at 3.300 = 9.900; 2 left: 9.900 + 6.600 = 16.500
    const on = assessTarget(spec, 'count', term(2021, [3300, 3300, 3300], 2025), 2024);
    expect(on.status).toBe('on_track');
    expect(on.projection).toBe(16500);
    // 9.899: 9.899 × 5 / 3 = 16.498,3 < 16.500
    const below = assessTarget(spec, 'count', term(2021, [3300, 3300, 3299], 2025), 2024);
    expect(below.status).toBe('at_risk');
  });

  it('is reached once the total (the current year to date included) reaches the lower bound', () => {
    const a = assessTarget(spec, 'count', term(2021, [4000, 4000, 4000, 4500], 2025), 2024);
    expect(a.status).toBe('reached');
    expect(a.reason).toBe('Đã đạt 16.500, không thấp hơn chỉ tiêu 16.500–17.500.');
    expect(assessTarget(spec, 'count', term(2021, [4000, 4000, 4000, 4499], 2025), 2024).status).not.toBe('reached');
  });

  it('before any year is over there is no pace, hence no verdict', () => {
    const a = assessTarget(spec, 'count', term(2025, [1000], 2030), 2025);
    expect(a.status).toBe('no_data');
    expect(a.current).toBe(1000);
  });

  it('after the term: missed when the total stays below', () => {
    const a = assessTarget({ kind: 'cumulative', low: 100, high: null }, 'count', term(2020, [10, 10, 10, 10, 10, 10]), 2026);
    expect(a.status).toBe('missed');
    expect(a.atRisk).toBe(false);
  });

  it('a year over without a figure (not entered) is left out of the pace', () => {
    const a = assessTarget({ kind: 'cumulative', low: 100, high: null }, 'count', term(2021, [20, null, 20], 2025), 2024);
    // 40 over 2 years with a figure = 20/year; 2 years left: 80 < 100
    expect(a.pace).toBe(20);
    expect(a.projection).toBe(80);
    expect(a.status).toBe('at_risk');
  });
});
