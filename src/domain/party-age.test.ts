import { describe, expect, it } from 'vitest';
import { addDays } from './dates.ts';
import type { MemberEvent } from './member-status.ts';
import { approxCalendarDays, calendarDiff, feeExemptByPartyAge, latestStartForYears, partyAge, partyAgeStart, reachesYearsOn } from './party-age.ts';
import { ruleSetOn } from './rulesets.ts';

const admitted = (date: string, ceremonyOn: string = date, orgId = 'A'): MemberEvent => ({ kind: 'admitted', date, orgId, ceremonyOn });
const official = (date: string): MemberEvent => ({ kind: 'recognized_official', date });

/** domain.md §5: admitted (decision) on 01/10/1989; ceremony 15/10/1989; official 15/10/1990. */
const m1989: MemberEvent[] = [admitted('1989-10-01', '1989-10-15'), official('1990-10-20')];
const transfer = (outOn: string, inOn: string): MemberEvent[] => [
  { kind: 'transfer_out_started', date: outOn, toOrgId: 'B' },
  { kind: 'transfer_in_confirmed', date: inOn, orgId: 'B' },
];
const ymd = (a: { years: number; months: number; days: number }) => [a.years, a.months, a.days];

describe('calendar difference in full years, months and days', () => {
  it('counts from the start date each time, with the month-end rule', () => {
    expect(calendarDiff('2024-01-31', '2024-02-29')).toEqual({ years: 0, months: 1, days: 0 });
    expect(calendarDiff('2024-01-31', '2024-03-30')).toEqual({ years: 0, months: 1, days: 30 });
    expect(calendarDiff('2024-01-31', '2024-03-31')).toEqual({ years: 0, months: 2, days: 0 });
    expect(calendarDiff('2024-03-01', '2024-02-01')).toEqual({ years: 0, months: 0, days: 0 });
  });
  it('30 working days are taken as 42 calendar days', () => {
    expect(approxCalendarDays(30)).toBe(42);
  });
});

describe('party age (domain.md §5)', () => {
  it('admitted 01/10/1989 with no gap: exactly 30 years on 01/10/2019, counted from the decision', () => {
    const age = partyAge(m1989, '2019-10-01');
    expect(ymd(age)).toEqual([30, 0, 0]);
    expect(age.countsFrom).toBe('1989-10-01');
    expect(age.official).toBe(true);
    expect(age.gaps).toEqual([]);
    expect(age.totalDays).toBe(10957);
    expect(ymd(partyAge(m1989, '2019-09-30'))).toEqual([29, 11, 29]);
  });

  it('admitted 01/10/1989 with one year of transfer gap is not 30 on 01/10/2019: only the transit beyond 42 days counts', () => {
    const events = [...m1989, ...transfer('2000-03-01', '2001-03-01')];
    const age = partyAge(events, '2019-10-01');
    expect(age.years).toBe(29);
    expect(age.gaps).toEqual([{ from: '2000-04-12', to: '2001-03-01', reason: 'transfer' }]);
    expect(age.totalDays).toBe(10957 - 323);
    // the start shifts by the 323 gap days: 01/10/1989 + 323 days = 20/08/1990
    expect(ymd(age)).toEqual([29, 1, 11]);
  });

  it('one full year beyond the allowance makes exactly 29 years on 01/10/2019 and 30 a year later', () => {
    const events = [...m1989, ...transfer('2000-03-01', addDays('2000-03-01', 42 + 365))];
    expect(ymd(partyAge(events, '2019-10-01'))).toEqual([29, 0, 0]);
    expect(reachesYearsOn(events, 30)).toBe('2020-10-01');
  });

  it('a transfer within the allowed days is no gap; one day more is one day of gap', () => {
    expect(partyAge([...m1989, ...transfer('2000-03-01', '2000-04-12')], '2019-10-01').gaps).toEqual([]);
    const late = partyAge([...m1989, ...transfer('2000-03-01', '2000-04-13')], '2019-10-01');
    expect(late.gaps).toEqual([{ from: '2000-04-12', to: '2000-04-13', reason: 'transfer' }]);
    expect(ymd(late)).toEqual([29, 11, 29]);
  });

  it('the allowed transit takes a number, a function of the start day, or the rule set', () => {
    const events = [...m1989, ...transfer('2000-03-01', '2001-03-01')];
    expect(partyAge(events, '2019-10-01', { allowedTransferGapDays: 0 }).gaps[0]!.from).toBe('2000-03-01');
    expect(partyAge(events, '2019-10-01', { allowedTransferGapDays: (d) => (d === '2000-03-01' ? 50 : 0) }).gaps[0]!.from).toBe('2000-04-20');
    const r = ruleSetOn('2019-10-01');
    const rules = { ...r, transfer: { ...r.transfer, presentLetterWithinWorkingDays: 20 } };
    expect(partyAge(events, '2019-10-01', { rules }).gaps[0]!.from).toBe('2000-03-29');
  });

  it('a probationary member has no party age yet; once official it counts from the admission decision', () => {
    const p = [admitted('2020-03-01', '2020-03-15')];
    expect(partyAge(p, '2021-01-01')).toEqual({ years: 0, months: 0, days: 0, totalDays: 0, countsFrom: '2020-03-01', gaps: [], official: false });
    const o = [...p, official('2021-04-10')];
    // official on 15/03/2021 (ceremony + 12 months), not on the day of the recognition
    expect(partyAge(o, '2021-03-14').official).toBe(false);
    expect(ymd(partyAge(o, '2021-03-15'))).toEqual([1, 0, 14]);
  });

  it('a readmitted member counts from the first admission minus the time out of the Party, once official again', () => {
    const events: MemberEvent[] = [
      admitted('1990-01-10'),
      official('1991-01-15'),
      { kind: 'struck_off', date: '2000-01-10' },
      { kind: 'readmitted', date: '2004-01-10', orgId: 'B', ceremonyOn: '2004-02-01' },
      official('2005-02-05'),
    ];
    expect(partyAge(events, '2004-06-01').official).toBe(false);
    const age = partyAge(events, '2010-01-10');
    expect(age.countsFrom).toBe('1990-01-10');
    expect(age.gaps).toEqual([{ from: '2000-01-10', to: '2004-01-10', reason: 'struck_off' }]);
    expect(ymd(age)).toEqual([16, 0, 0]);
    // out of the Party the age stays what it was when the member left
    expect(ymd(partyAge(events, '2003-01-01'))).toEqual([10, 0, 0]);
  });

  it('a member wrongly expelled and later cleared keeps continuous party age', () => {
    const events: MemberEvent[] = [...m1989, { kind: 'expelled', date: '2005-01-01' }, { kind: 'expulsion_annulled', date: '2006-01-01' }];
    const age = partyAge(events, '2019-10-01');
    expect(ymd(age)).toEqual([30, 0, 0]);
    expect(age.gaps).toEqual([]);
  });

  it('an expelled member keeps the age they had on the day of the expulsion', () => {
    const events: MemberEvent[] = [...m1989, { kind: 'expelled', date: '2005-01-01' }];
    expect(ymd(partyAge(events, '2019-10-01'))).toEqual([15, 3, 0]);
    expect(reachesYearsOn(events, 30)).toBeNull();
  });

  it('lost contact is subtracted', () => {
    const events: MemberEvent[] = [...m1989, { kind: 'lost_contact', date: '2010-01-01' }, { kind: 'contact_restored', date: '2011-01-01' }];
    const age = partyAge(events, '2019-10-01');
    expect(ymd(age)).toEqual([29, 0, 0]);
    expect(age.gaps).toEqual([{ from: '2010-01-01', to: '2011-01-01', reason: 'lost_contact' }]);
  });

  it('exemption, suspension and temporary transfer do not interrupt party age', () => {
    const events: MemberEvent[] = [
      ...m1989,
      { kind: 'exempted', date: '2010-01-01' },
      { kind: 'exemption_ended', date: '2011-01-01' },
      { kind: 'suspended', date: '2012-01-01' },
      { kind: 'suspension_ended', date: '2012-06-01' },
      { kind: 'temporary_out', date: '2013-01-01', hostOrgId: 'C', until: '2013-09-01' },
      { kind: 'temporary_return', date: '2013-09-01' },
    ];
    expect(ymd(partyAge(events, '2019-10-01'))).toEqual([30, 0, 0]);
  });

  it('death ends the count', () => {
    const events: MemberEvent[] = [...m1989, { kind: 'deceased', date: '2015-06-01' }];
    expect(ymd(partyAge(events, '2020-01-01'))).toEqual([25, 8, 0]);
  });

  it('a member admitted on 29 February completes the year on 28 February of a common year', () => {
    const events = [admitted('2000-02-29'), official('2001-03-01')];
    expect(ymd(partyAge(events, '2030-02-27'))).toEqual([29, 11, 29]);
    expect(ymd(partyAge(events, '2030-02-28'))).toEqual([30, 0, 0]);
    expect(ymd(partyAge(events, '2028-02-29'))).toEqual([28, 0, 0]);
    expect(reachesYearsOn(events, 30)).toBe('2030-02-28');
  });

  it('no party age before the admission decision or without one', () => {
    expect(partyAge(m1989, '1989-09-30').official).toBe(false);
    expect(partyAge([], '2020-01-01').countsFrom).toBeNull();
  });

  it('members with 50 years of party age are exempt from fees', () => {
    expect(feeExemptByPartyAge(m1989, '2039-09-30')).toBe(false);
    expect(feeExemptByPartyAge(m1989, '2039-10-01')).toBe(true);
  });
});

describe('partyAgeStart: the start the list filters on (member.party_age_from)', () => {
  const histories: Record<string, MemberEvent[]> = {
    plain: m1989,
    lostContact: [...m1989, { kind: 'lost_contact', date: '2000-01-10' }, { kind: 'contact_restored', date: '2001-03-01' }],
    lateTransfer: [...m1989, ...transfer('2010-03-01', '2010-08-01')],
    onTimeTransfer: [...m1989, ...transfer('2010-03-01', '2010-03-20')],
    readmitted: [
      ...m1989,
      { kind: 'expelled', date: '2000-05-01' },
      { kind: 'readmitted', date: '2004-06-01', orgId: 'A', ceremonyOn: '2004-06-15' },
      official('2005-06-20'),
    ],
    leapDay: [admitted('2000-02-29'), official('2001-03-01')],
  };
  it('gives the file’s party age on every later date as calendarDiff from it', () => {
    const last = '2012-01-01';
    for (const [name, events] of Object.entries(histories)) {
      const start = partyAgeStart(events, last);
      expect(start, name).not.toBeNull();
      for (let d = last; d < '2031-01-01'; d = addDays(d, 37)) {
        const age = partyAge(events, d);
        expect([name, d, ...ymd(calendarDiff(start!, d))]).toEqual([name, d, ...ymd(age)]);
        // a band of full years is one comparison with latestStartForYears
        expect(start! <= latestStartForYears(d, age.years), `${name} ${d}`).toBe(true);
        expect(start! <= latestStartForYears(d, age.years + 1), `${name} ${d}`).toBe(false);
      }
    }
  });
  it('is null with no running party age: probationary, out of the Party, lost contact, deceased', () => {
    expect(partyAgeStart([admitted('2026-01-05')], '2026-11-20')).toBeNull();
    expect(partyAgeStart([...m1989, { kind: 'expelled', date: '2020-01-01' }], '2026-11-20')).toBeNull();
    expect(partyAgeStart([...m1989, { kind: 'lost_contact', date: '2026-11-20' }], '2026-11-20')).toBeNull();
    expect(partyAgeStart([...m1989, { kind: 'deceased', date: '2025-01-01' }], '2026-11-20')).toBeNull();
    // readmitted and still probationary: none until recognised again
    expect(partyAgeStart(histories.readmitted!.slice(0, -1), '2004-12-01')).toBeNull();
  });
});

describe('latestStartForYears', () => {
  it('is exact at the boundaries and follows the month-end rule', () => {
    expect(latestStartForYears('2026-11-20', 60)).toBe('1966-11-20');
    // 29/02/2000 completes a year on 28/02/2001 (addMonths), so it is the latest start for one year on that day
    expect(latestStartForYears('2001-02-28', 1)).toBe('2000-02-29');
    expect(latestStartForYears('2024-02-29', 1)).toBe('2023-02-28');
    expect(latestStartForYears('2026-11-20', 0)).toBe('2026-11-20');
  });
});
