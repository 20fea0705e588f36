import { describe, expect, it } from 'vitest';
import {
  anniversariesBetween,
  badgeCandidates,
  badgeDue,
  earlyMonthsForIllness,
  eligibleForAnniversary,
  milestoneReachedOn,
  nextAnniversary,
  reachedNeverAwarded,
  reachedNeverAwardedList,
  type BadgeMember,
} from './badges.ts';
import type { DisciplineDecision } from './discipline.ts';
import type { MemberEvent } from './member-status.ts';
import { ruleSetOn } from './rulesets.ts';

const officialMember = (admittedOn: string, orgId = 'A'): MemberEvent[] => {
  const y = Number(admittedOn.slice(0, 4)) + 1;
  return [
    { kind: 'admitted', date: admittedOn, orgId, ceremonyOn: admittedOn },
    { kind: 'recognized_official', date: `${y}${admittedOn.slice(4, 7)}-28` },
  ];
};

/** Admitted 01/05/1995: 30 years of party age on 01/05/2025. */
const m95: BadgeMember = { id: 'm95', events: officialMember('1995-05-01') };
const withEvents = (m: BadgeMember, ...events: MemberEvent[]): BadgeMember => ({ ...m, events: [...m.events, ...events] });
const decision = (form: DisciplineDecision['form'], decidedOn: string): DisciplineDecision => ({ form, decidedOn, announcedOn: decidedOn });
const awardsUpTo = (top: number) => ruleSetOn('2025-01-01').badges.milestones.filter((m) => m <= top).map((milestone) => ({ milestone, awardedOn: '2000-01-01' }));

describe('badge anniversaries (domain.md §5)', () => {
  it('badges are presented on 3/2, 19/5, 2/9 and 7/11', () => {
    expect(anniversariesBetween('2025-01-01', '2025-12-31')).toEqual(['2025-02-03', '2025-05-19', '2025-09-02', '2025-11-07']);
    expect(nextAnniversary('2025-05-19')).toBe('2025-05-19');
    expect(nextAnniversary('2025-11-08')).toBe('2026-02-03');
  });
  it('early award for illness: 12 months up to the 65-year badge, 24 months for 70–90', () => {
    const r = ruleSetOn('2025-01-01');
    expect([30, 65, 70, 90].map((m) => earlyMonthsForIllness(m, r))).toEqual([12, 12, 24, 24]);
  });
});

describe('the date a milestone is reached', () => {
  it('admitted 01/10/1989: 30 years on 01/10/2019, a year later with a year of gap beyond the transfer allowance', () => {
    const e = officialMember('1989-10-01');
    expect(milestoneReachedOn(e, 30)).toBe('2019-10-01');
    const gap: MemberEvent[] = [
      { kind: 'transfer_out_started', date: '2000-03-01' },
      { kind: 'transfer_in_confirmed', date: '2001-04-12', orgId: 'B' },
    ];
    expect(milestoneReachedOn([...e, ...gap], 30)).toBe('2020-10-01');
  });
  it('admitted on 29 February: the 30-year milestone falls on 28 February', () => {
    expect(milestoneReachedOn(officialMember('1996-02-29'), 30)).toBe('2026-02-28');
    expect(eligibleForAnniversary({ events: officialMember('1996-02-29') }, '2026-02-03')).toBeNull();
    expect(eligibleForAnniversary({ events: officialMember('1996-02-29') }, '2026-05-19')).toMatchObject({ milestone: 30, reachedOn: '2026-02-28' });
  });
});

describe('eligibility on an anniversary (domain.md §5)', () => {
  it('a member who reaches 30 years before the anniversary is eligible; not before', () => {
    expect(eligibleForAnniversary(m95, '2025-05-19')).toEqual({ milestone: 30, reachedOn: '2025-05-01', eligible: true });
    expect(eligibleForAnniversary(m95, '2025-02-03')).toBeNull();
  });

  it('a seriously ill member may receive the 30-year badge up to 12 months early, to the day', () => {
    const ill = (admittedOn: string): BadgeMember => ({ events: officialMember(admittedOn), seriouslyIll: true });
    expect(eligibleForAnniversary(ill('1994-09-02'), '2023-09-02')).toEqual({ milestone: 30, reachedOn: '2024-09-02', eligible: true, early: 'illness' });
    expect(eligibleForAnniversary(ill('1994-09-03'), '2023-09-02')).toBeNull();
    // 24 months early is for the 70–90 badges only
    expect(eligibleForAnniversary(ill('1995-09-02'), '2023-09-02')).toBeNull();
  });

  it('a seriously ill member may receive the 70-year badge up to 24 months early', () => {
    const m70: BadgeMember = { events: officialMember('1955-09-02'), awards: awardsUpTo(65), seriouslyIll: true };
    expect(eligibleForAnniversary(m70, '2023-09-02')).toEqual({ milestone: 70, reachedOn: '2025-09-02', eligible: true, early: 'illness' });
    expect(eligibleForAnniversary(m70, '2023-05-19')).toBeNull();
    expect(eligibleForAnniversary({ ...m70, seriouslyIll: false }, '2023-09-02')).toBeNull();
  });

  it('after a reprimand the award waits 6 months from the decision, even while the reprimand is still in force', () => {
    const m = { ...m95, disciplines: [decision('reprimand', '2025-01-10')] };
    expect(eligibleForAnniversary(m, '2025-05-19')).toEqual({
      milestone: 30,
      reachedOn: '2025-05-01',
      eligible: false,
      eligibleFrom: '2025-07-10',
      reason: 'Đang trong thời hạn kỷ luật khiển trách, xét từ ngày 10/07/2025.',
    });
    expect(eligibleForAnniversary(m, '2025-09-02')!.eligible).toBe(true);
  });

  it('after a warning 9 months, after removal from post 12 months', () => {
    const warned = { ...m95, disciplines: [decision('warning', '2025-01-10')] };
    expect(eligibleForAnniversary(warned, '2025-09-02')).toMatchObject({ eligible: false, eligibleFrom: '2025-10-10' });
    expect(eligibleForAnniversary(warned, '2025-09-02')!.reason).toMatch(/kỷ luật cảnh cáo, xét từ ngày 10\/10\/2025/);
    expect(eligibleForAnniversary(warned, '2025-11-07')!.eligible).toBe(true);
    const removed = { ...m95, disciplines: [decision('removal', '2025-01-10')] };
    expect(eligibleForAnniversary(removed, '2025-11-07')).toMatchObject({ eligible: false, eligibleFrom: '2026-01-10' });
    expect(eligibleForAnniversary(removed, '2026-02-03')!.eligible).toBe(true);
  });

  it('exempt members remain eligible', () => {
    expect(eligibleForAnniversary(withEvents(m95, { kind: 'exempted', date: '2020-01-01' }), '2025-05-19')!.eligible).toBe(true);
  });

  it('expelled and struck-off members are not eligible', () => {
    // expelled before the milestone: it is never reached
    expect(eligibleForAnniversary(withEvents(m95, { kind: 'expelled', date: '2025-03-01' }), '2025-05-19')).toBeNull();
    // expelled after reaching it
    const expelled = eligibleForAnniversary(withEvents(m95, { kind: 'expelled', date: '2025-05-10' }), '2025-05-19')!;
    expect(expelled.eligible).toBe(false);
    expect(expelled.reason).toMatch(/khai trừ/);
    expect(eligibleForAnniversary(withEvents(m95, { kind: 'struck_off', date: '2025-05-10' }), '2025-05-19')!.reason).toMatch(/xóa tên/);
  });

  it('a suspended member is not proposed while suspended', () => {
    const m = withEvents(m95, { kind: 'suspended', date: '2025-05-10' });
    expect(eligibleForAnniversary(m, '2025-05-19')).toMatchObject({ eligible: false, reason: expect.stringMatching(/đình chỉ/) });
  });

  it('posthumous award: up to 12 months before the milestone, counted from the death, when proposed', () => {
    const died = (on: string, posthumous = true): BadgeMember => ({ ...withEvents(m95, { kind: 'deceased', date: on }), posthumous });
    expect(eligibleForAnniversary(died('2024-05-01'), '2024-09-02')).toEqual({ milestone: 30, reachedOn: '2025-05-01', eligible: true, early: 'posthumous' });
    expect(eligibleForAnniversary(died('2024-04-30'), '2024-09-02')).toBeNull();
    expect(eligibleForAnniversary(died('2024-05-01', false), '2024-09-02')).toMatchObject({ eligible: false, reason: expect.stringMatching(/truy tặng/) });
  });

  it('a milestone already awarded is not proposed again; the next one is', () => {
    const m = { ...m95, awards: [{ milestone: 30, awardedOn: '2025-05-19' }] };
    expect(eligibleForAnniversary(m, '2025-09-02')).toBeNull();
    expect(eligibleForAnniversary(m, '2035-05-19')).toMatchObject({ milestone: 40, reachedOn: '2035-05-01', eligible: true });
  });

  it('a member who passed several milestones unawarded is proposed for the highest reached', () => {
    const m: BadgeMember = { events: officialMember('1980-01-01') };
    expect(eligibleForAnniversary(m, '2025-02-03')).toMatchObject({ milestone: 45, reachedOn: '2025-01-01' });
  });
});

describe('who reached a milestone and never received it', () => {
  it('lists the milestones reached above the highest received', () => {
    const m: BadgeMember = { events: officialMember('1980-01-01'), awards: [{ milestone: 30, awardedOn: '2010-02-03' }] };
    expect(reachedNeverAwarded(m, '2025-02-03')).toEqual([
      { milestone: 40, reachedOn: '2020-01-01' },
      { milestone: 45, reachedOn: '2025-01-01' },
    ]);
    expect(reachedNeverAwarded(m, '2019-12-31')).toEqual([]);
  });
  it('leaves out members who are out of the Party', () => {
    expect(reachedNeverAwarded(withEvents(m95, { kind: 'struck_off', date: '2025-06-01' }), '2025-09-02')).toEqual([]);
    expect(reachedNeverAwarded(m95, '2025-09-02')).toEqual([{ milestone: 30, reachedOn: '2025-05-01' }]);
  });
  it('works over a list of members', () => {
    const list = reachedNeverAwardedList([m95, { id: 'young', events: officialMember('2010-01-01') }], '2025-09-02');
    expect(list.map((x) => x.member.id)).toEqual(['m95']);
  });
});

describe('the next badge due', () => {
  it('is the first anniversary after the milestone', () => {
    expect(badgeDue(m95, '2025-01-01')).toEqual({ anniversary: '2025-05-19', milestone: 30, reachedOn: '2025-05-01', eligible: true });
  });
  it('comes earlier for a seriously ill member', () => {
    expect(badgeDue({ ...m95, seriouslyIll: true }, '2024-01-01')).toMatchObject({ anniversary: '2024-05-19', early: 'illness' });
  });
  it('waits for the discipline delay', () => {
    expect(badgeDue({ ...m95, disciplines: [decision('reprimand', '2025-01-10')] }, '2025-01-01')).toMatchObject({
      anniversary: '2025-09-02',
      eligible: true,
    });
  });
  it('after the 30-year badge comes the 40-year one', () => {
    expect(badgeDue({ ...m95, awards: [{ milestone: 30, awardedOn: '2025-05-19' }] }, '2025-06-01')).toMatchObject({
      anniversary: '2035-05-19',
      milestone: 40,
    });
  });
  it('none for an expelled member', () => {
    expect(badgeDue(withEvents(m95, { kind: 'expelled', date: '2025-03-01' }), '2025-01-01')).toBeNull();
  });
  it('the list for an anniversary names every member with a milestone, eligible or not', () => {
    const disciplined = { ...m95, id: 'd', disciplines: [decision('warning', '2025-03-01')] };
    const list = badgeCandidates([m95, disciplined, { id: 'young', events: officialMember('2010-01-01') }], '2025-05-19');
    expect(list.map((x) => [x.member.id, x.result.eligible])).toEqual([
      ['m95', true],
      ['d', false],
    ]);
  });
});
