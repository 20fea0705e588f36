import { describe, expect, it } from 'vitest';
import { meetingAbsenceMonths, reachesAbsenceThreshold, stillDismissed, type AttendanceMark } from './meetings.alerts.ts';
import { cellCompliance, complianceTotals, periodUnits, quarterOf, type ComplianceMeeting } from './meetings.compliance.ts';

const m = (id: string, cellId: string, kind: ComplianceMeeting['kind'], heldOn: string, extra: Partial<ComplianceMeeting> = {}): ComplianceMeeting => ({
  id,
  cellId,
  kind,
  heldOn,
  short: false,
  docsLate: false,
  noRepresentative: false,
  present: 9,
  roll: 10,
  ...extra,
});

describe('meeting compliance (domain.md §9)', () => {
  it('owes the months and quarters lying wholly in the period and already over', () => {
    const u = periodUnits({ from: '2025-01-01', to: '2025-12-31', today: '2025-05-15' });
    expect(u.months.map((x) => x.key)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04']);
    expect(u.quarters.map((x) => x.key)).toEqual(['2025-Q1']);
    // the last day of a month: it is not over until the next day
    expect(periodUnits({ from: '2025-03-01', to: '2025-03-31', today: '2025-03-31' }).months).toEqual([]);
    expect(periodUnits({ from: '2025-03-01', to: '2025-03-31', today: '2025-04-01' }).months.map((x) => x.key)).toEqual(['2025-03']);
    // a month period owes no topical meeting; a quarter owes one
    expect(periodUnits({ from: '2025-03-01', to: '2025-03-31', today: '2026-01-01' }).quarters).toEqual([]);
    expect(periodUnits({ from: '2025-04-01', to: '2025-06-30', today: '2026-01-01' }).quarters.map((x) => x.key)).toEqual(['2025-Q2']);
    expect(quarterOf('2025-12-31')).toBe('2025-Q4');
  });

  it('reproduces the hand-counted fixture: a topical meeting never replaces the regular one, a combined one counts for both', () => {
    const cells = [
      { id: 'A', from: '2020-01-01', to: null },
      // B became a cell on 10/02: it owes nothing in February, and no topical meeting in Q1
      { id: 'B', from: '2025-02-10', to: null },
      // C ceased on 01/05: it owes January to April, Q1 only
      { id: 'C', from: '2020-01-01', to: '2025-05-01' },
    ];
    const meetings = [
      // A: January regular, February only a topical (missing February), March combined (covers March and Q1), Q2 nothing
      m('a1', 'A', 'regular', '2025-01-10', { present: 10, roll: 10 }),
      m('a2', 'A', 'topical', '2025-02-12', { present: 8, roll: 10, short: true }),
      m('a3', 'A', 'combined', '2025-03-14', { present: 9, roll: 10, docsLate: true }),
      m('a4', 'A', 'regular', '2025-04-10', { present: 7, roll: 10, noRepresentative: true }),
      m('a5', 'A', 'regular', '2025-05-09', { present: 10, roll: 10 }),
      m('a6', 'A', 'regular', '2025-06-11', { present: 6, roll: 10, short: true, noRepresentative: true }),
      // B: March and April regular, May extraordinary only, June regular; a topical in Q2
      m('b1', 'B', 'regular', '2025-03-05', { present: 4, roll: 5 }),
      m('b2', 'B', 'regular', '2025-04-05', { present: 5, roll: 5 }),
      m('b3', 'B', 'extraordinary', '2025-05-20', { present: 3, roll: 5 }),
      m('b4', 'B', 'topical', '2025-06-02', { present: 5, roll: 5 }),
      m('b5', 'B', 'regular', '2025-06-03', { present: 4, roll: 5, docsLate: true }),
      // C: nothing but January; a meeting outside the period is ignored
      m('c1', 'C', 'regular', '2025-01-08', { present: 3, roll: 4 }),
      m('c0', 'C', 'regular', '2024-12-08', { present: 0, roll: 4 }),
    ];
    const rows = cellCompliance(cells, meetings, { from: '2025-01-01', to: '2025-06-30', today: '2025-07-15' });
    const [a, b, c] = rows;
    expect(a).toMatchObject({
      monthsOwed: ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'],
      monthsMissing: ['2025-02'],
      quartersOwed: ['2025-Q1', '2025-Q2'],
      quartersMissing: ['2025-Q2'],
      meetings: 6,
      short: 2,
      docsLate: 1,
      noRepresentative: 2,
      present: 50,
      roll: 60,
      attendanceRate: 83.33,
    });
    expect(b).toMatchObject({
      monthsOwed: ['2025-03', '2025-04', '2025-05', '2025-06'],
      monthsMissing: ['2025-05'],
      quartersOwed: ['2025-Q2'],
      quartersMissing: [],
      meetings: 5,
      docsLate: 1,
      present: 21,
      roll: 25,
      attendanceRate: 84,
    });
    expect(c).toMatchObject({
      monthsOwed: ['2025-01', '2025-02', '2025-03', '2025-04'],
      monthsMissing: ['2025-02', '2025-03', '2025-04'],
      quartersOwed: ['2025-Q1'],
      quartersMissing: ['2025-Q1'],
      meetings: 1,
      present: 3,
      roll: 4,
      attendanceRate: 75,
    });
    expect(complianceTotals(rows)).toEqual({
      cells: 3,
      cellsMissingRegular: 3,
      cellsMissingTopical: 2,
      monthsOwed: 14,
      monthsMissing: 5,
      quartersOwed: 4,
      quartersMissing: 2,
      meetings: 12,
      short: 2,
      docsLate: 2,
      noRepresentative: 2,
      present: 74,
      roll: 89,
      attendanceRate: 83.15,
    });
  });

  it('a cell without meetings has no attendance rate, not 0%', () => {
    const [x] = cellCompliance([{ id: 'X', from: '2020-01-01', to: null }], [], { from: '2025-01-01', to: '2025-01-31', today: '2026-01-01' });
    expect(x).toMatchObject({ monthsMissing: ['2025-01'], attendanceRate: null, roll: 0 });
  });
});

describe('the absence alert (domain.md §9: 3 months in a year without a valid reason)', () => {
  const mark = (heldOn: string, status: AttendanceMark['status'], meetingId = heldOn): AttendanceMark => ({
    meetingId,
    heldOn,
    status,
    label: 'Sinh hoạt thường kỳ',
  });

  it('2 months do not reach the threshold, 3 do; the months need not follow each other', () => {
    const two = [mark('2025-01-10', 'absent'), mark('2025-02-10', 'present'), mark('2025-03-10', 'absent'), mark('2025-04-10', 'excused')];
    expect(meetingAbsenceMonths(two, 2025).map((x) => x.month)).toEqual(['2025-01', '2025-03']);
    expect(reachesAbsenceThreshold(meetingAbsenceMonths(two, 2025), 3)).toBe(false);
    const three = [...two, mark('2025-09-10', 'absent')];
    const months = meetingAbsenceMonths(three, 2025);
    expect(months.map((x) => x.month)).toEqual(['2025-01', '2025-03', '2025-09']);
    expect(reachesAbsenceThreshold(months, 3)).toBe(true);
    expect(months[2]!.missed).toEqual([{ id: '2025-09-10', date: '2025-09-10', label: 'Sinh hoạt thường kỳ' }]);
  });

  it('counts a calendar year: December and the next January are two years', () => {
    const marks = [mark('2024-11-10', 'absent'), mark('2024-12-10', 'absent'), mark('2025-01-10', 'absent')];
    expect(meetingAbsenceMonths(marks, 2024)).toHaveLength(2);
    expect(meetingAbsenceMonths(marks, 2025)).toHaveLength(1);
  });

  it('excused absences never count; attending another meeting of the month clears it', () => {
    const marks = [mark('2025-01-10', 'excused'), mark('2025-02-10', 'absent', 'r'), mark('2025-02-20', 'present', 'x'), mark('2025-03-10', 'absent')];
    expect(meetingAbsenceMonths(marks, 2025).map((x) => x.month)).toEqual(['2025-03']);
  });

  it('a dismissal holds until a further month counts', () => {
    expect(stillDismissed(3, 3)).toBe(true);
    expect(stillDismissed(4, 3)).toBe(false);
    expect(stillDismissed(3, null)).toBe(false);
  });
});
