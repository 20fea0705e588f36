import { describe, expect, it } from 'vitest';
// The equivalence test draws its members from the demo generators; the domain code itself never imports the server.
// eslint-disable-next-line no-restricted-imports -- a test draws its members from the demo generators
import { generateProvince } from '../server/demo/province.ts';
// eslint-disable-next-line no-restricted-imports -- a test draws its members from the demo generators
import { createRng, type Rng } from '../server/demo/random.ts';
import {
  anniversariesBetween,
  anniversaryRefusal,
  awardRefusal,
  badgeCandidates,
  badgeDue,
  badgeLists,
  disciplineDelayOn,
  dueAt,
  earlyMonthsForIllness,
  eligibleForAnniversary,
  milestoneReachedOn,
  nextAnniversary,
  reachedNeverAwarded,
  reachedNeverAwardedList,
  type AnniversaryEligibility,
  type BadgeLists,
  type BadgeMember,
} from './badges.ts';
import { addDays } from './dates.ts';
import { DISCIPLINE_FORMS, type DisciplineDecision } from './discipline.ts';
import { addMonths, officialDateFor, validateEvent, validateHistory, type MemberEvent } from './member-status.ts';
import type { PartyAgeOptions } from './party-age.ts';
import { ruleSetOn, type RuleSet } from './rulesets.ts';

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
const awardsUpTo = (top: number) =>
  ruleSetOn('2025-01-01')
    .badges.milestones.filter((m) => m <= top)
    .map((milestone) => ({ milestone, awardedOn: '2000-01-01' }));

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

describe('a discipline delay on the due lists (domain.md §5, §11; issue 10)', () => {
  // 30 years on 10/01/2027; reprimanded 01/10/2026: the award may come from 01/04/2027.
  const held: BadgeMember = { id: 'held', events: officialMember('1997-01-10'), disciplines: [decision('reprimand', '2026-10-01')] };

  it('a member held back at one anniversary is on the list of the next, the one his file names', () => {
    expect(dueAt(held, '2027-02-03')).toMatchObject({ milestone: 30, reachedOn: '2027-01-10', eligible: false, eligibleFrom: '2027-04-01' });
    expect(badgeDue(held, '2026-11-20')).toMatchObject({ anniversary: '2027-05-19', eligible: true });
    expect(dueAt(held, '2027-05-19')).toEqual({ milestone: 30, reachedOn: '2027-01-10', eligible: true });
    expect(badgeLists([held], '2027-05-19', '2026-11-20').due.map((d) => d.member.id)).toEqual(['held']);
    // Once eligible he is not carried further: the next list is not his.
    expect(dueAt(held, '2027-09-02')).toBeNull();
    // Without the discipline he was due on 03/02/2027 and is not on the list of 19/05/2027.
    expect(dueAt({ ...held, disciplines: [] }, '2027-05-19')).toBeNull();
  });

  it('a delay that spans several anniversaries keeps him on each list, with the date, until the first after it', () => {
    const removed = { ...held, disciplines: [decision('removal', '2026-12-01')] };
    expect(dueAt(removed, '2027-05-19')).toMatchObject({ eligible: false, eligibleFrom: '2027-12-01' });
    expect(dueAt(removed, '2027-11-07')).toMatchObject({ eligible: false, eligibleFrom: '2027-12-01' });
    expect(dueAt(removed, '2028-02-03')).toMatchObject({ eligible: true });
    expect(badgeDue(removed, '2026-11-20')).toMatchObject({ anniversary: '2028-02-03' });
    expect(dueAt(removed, '2028-05-19')).toBeNull();
  });

  it('the delay is 6, 9 or 12 months to the day from the decision, both sides of the boundary', () => {
    // On 19/05/2027 the delay of a decision of 19/11/2026 (6 months), 19/08/2026 (9), 19/05/2026 (12) has just ended.
    for (const [form, ends, oneDayLate] of [
      ['reprimand', '2026-11-19', '2026-11-20'],
      ['warning', '2026-08-19', '2026-08-20'],
      ['removal', '2026-05-19', '2026-05-20'],
    ] as const) {
      // Held back on 03/02/2027 either way, so on the list of 19/05/2027: eligible, or still waiting a day more.
      expect(dueAt({ ...held, disciplines: [decision(form, ends)] }, '2027-05-19'), form).toMatchObject({ eligible: true });
      expect(dueAt({ ...held, disciplines: [decision(form, oneDayLate)] }, '2027-05-19'), form).toMatchObject({ eligible: false, eligibleFrom: '2027-05-20' });
    }
  });

  it('runs from the decision whether or not the decision has lapsed by then', () => {
    const base = ruleSetOn('2026-01-01');
    // A rule set in which decisions lapse after 3 months: the 12 months of a removal still hold the award back.
    const rules: RuleSet = { ...base, discipline: { ...base.discipline, lapseMonths: 3 } };
    const removal = decision('removal', '2026-06-01');
    expect(disciplineDelayOn([removal], '2027-02-03', rules)).toEqual({ until: '2027-06-01', decision: removal });
    expect(eligibleForAnniversary({ ...held, disciplines: [removal] }, '2027-02-03', rules)).toMatchObject({ eligible: false, eligibleFrom: '2027-06-01' });
    // A decision revoked (annulled on a complaint) no longer holds it back; an expulsion is a status, not a delay.
    expect(disciplineDelayOn([{ ...removal, revokedOn: '2026-09-01' }], '2027-02-03', rules)).toBeNull();
    expect(disciplineDelayOn([decision('expulsion', '2026-06-01')], '2027-02-03', rules)).toBeNull();
  });
});

describe('recording an award checks the rules (domain.md §5; issue 10)', () => {
  // Admitted 02/09/1996: 30 years on 02/09/2026.
  const m: BadgeMember = { id: 'm', events: officialMember('1996-09-02') };
  const ill = (since: string): BadgeMember => ({ ...m, seriouslyIll: true, seriouslyIllSince: since });

  it('the milestone must be reached on the award date', () => {
    expect(awardRefusal(m, { milestone: 30, awardedOn: '2026-09-02' })).toBeNull();
    expect(awardRefusal(m, { milestone: 30, awardedOn: '2026-09-01' })).toEqual({
      field: 'awardedOn',
      message: 'Ngày 01/09/2026 đảng viên chưa đủ 30 năm tuổi Đảng: đủ ngày 02/09/2026.',
    });
    expect(awardRefusal(m, { milestone: 35, awardedOn: '2030-09-02' })).toMatchObject({ field: 'milestone' });
  });

  it('a seriously ill member up to 12 months early for 30–65 years, to the day, from the day the illness is recorded', () => {
    expect(awardRefusal(ill('2025-01-01'), { milestone: 30, awardedOn: '2025-09-02', earlyReason: 'illness' })).toBeNull();
    expect(awardRefusal(ill('2025-01-01'), { milestone: 30, awardedOn: '2025-09-01', earlyReason: 'illness' })).toEqual({
      field: 'awardedOn',
      message:
        'Đảng viên ốm đau nặng chỉ được tặng sớm Huy hiệu 30 năm tuổi Đảng tối đa 12 tháng: đủ tuổi đảng ngày 02/09/2026, trao sớm nhất ngày 02/09/2025.',
    });
    // 12 months and 27 days early, as the issue saw it accepted.
    expect(awardRefusal(ill('2025-01-01'), { milestone: 30, awardedOn: '2025-08-06', earlyReason: 'illness' })).toMatchObject({ field: 'awardedOn' });
    // Not yet recorded as ill on the award date, or not said to be early.
    expect(awardRefusal(ill('2025-09-03'), { milestone: 30, awardedOn: '2025-09-02', earlyReason: 'illness' })).toMatchObject({
      field: 'earlyReason',
      message: expect.stringMatching(/chưa được ghi nhận ốm đau nặng/),
    });
    expect(awardRefusal(ill('2025-09-02'), { milestone: 30, awardedOn: '2025-09-02', earlyReason: 'illness' })).toBeNull();
    expect(awardRefusal(ill('2025-01-01'), { milestone: 30, awardedOn: '2025-09-02' })).toMatchObject({ field: 'earlyReason' });
  });

  it('24 months early for 70–90 years', () => {
    // Admitted 02/09/1957: 70 years on 02/09/2027.
    const old: BadgeMember = { events: officialMember('1957-09-02'), seriouslyIll: true, seriouslyIllSince: '2020-01-01' };
    expect(awardRefusal(old, { milestone: 70, awardedOn: '2025-09-02', earlyReason: 'illness' })).toBeNull();
    expect(awardRefusal(old, { milestone: 70, awardedOn: '2025-09-01', earlyReason: 'illness' })).toMatchObject({
      field: 'awardedOn',
      message: expect.stringMatching(/tối đa 24 tháng/),
    });
    // 65 years (reached 02/09/2023) is in the 12-month band.
    expect(awardRefusal({ ...old, events: officialMember('1958-09-02') }, { milestone: 65, awardedOn: '2022-09-02', earlyReason: 'illness' })).toBeNull();
    expect(awardRefusal({ ...old, events: officialMember('1958-09-02') }, { milestone: 65, awardedOn: '2022-09-01', earlyReason: 'illness' })).toMatchObject({
      field: 'awardedOn',
      message: expect.stringMatching(/tối đa 12 tháng/),
    });
  });

  it('posthumously when the milestone falls at most 12 months after the death', () => {
    const died = (on: string): BadgeMember => withEvents(m, { kind: 'deceased', date: on });
    expect(awardRefusal(died('2025-09-02'), { milestone: 30, awardedOn: '2025-11-07', earlyReason: 'posthumous' })).toBeNull();
    expect(awardRefusal(died('2025-09-01'), { milestone: 30, awardedOn: '2025-11-07', earlyReason: 'posthumous' })).toEqual({
      field: 'milestone',
      message: 'Chỉ truy tặng khi đảng viên đủ 30 năm tuổi Đảng trong vòng 12 tháng sau ngày từ trần: đủ ngày 02/09/2026, từ trần ngày 01/09/2025.',
    });
    expect(awardRefusal(died('2025-09-02'), { milestone: 30, awardedOn: '2025-11-07' })).toMatchObject({
      field: 'earlyReason',
      message: expect.stringMatching(/chỉ có thể truy tặng/),
    });
    expect(awardRefusal(m, { milestone: 30, awardedOn: '2026-11-07', earlyReason: 'posthumous' })).toMatchObject({ field: 'earlyReason' });
  });

  it('not while the discipline delay runs, 6 / 9 / 12 months from the decision, both sides', () => {
    for (const [form, months] of [
      ['reprimand', 6],
      ['warning', 9],
      ['removal', 12],
    ] as const) {
      const d = { ...m, disciplines: [decision(form, '2026-10-01')] };
      const until = addMonths('2026-10-01', months);
      expect(awardRefusal(d, { milestone: 30, awardedOn: until }), form).toBeNull();
      expect(awardRefusal(d, { milestone: 30, awardedOn: addDays(until, -1) }), form).toMatchObject({
        field: 'awardedOn',
        message: expect.stringContaining(`chờ ${months} tháng`),
      });
    }
    expect(awardRefusal({ ...m, disciplines: [decision('reprimand', '2026-10-01')] }, { milestone: 30, awardedOn: '2027-03-31' })!.message).toBe(
      'Đảng viên bị kỷ luật khiển trách ngày 01/10/2026: Huy hiệu Đảng chờ 6 tháng, xét từ ngày 01/04/2027.',
    );
  });

  it('not to a member out of the Party, suspended or out of contact on the award date; an exempt member may receive it', () => {
    expect(awardRefusal(withEvents(m, { kind: 'struck_off', date: '2026-10-01' }), { milestone: 30, awardedOn: '2026-11-07' })).toMatchObject({
      message: expect.stringMatching(/xóa tên/),
    });
    expect(awardRefusal(withEvents(m, { kind: 'suspended', date: '2026-10-01' }), { milestone: 30, awardedOn: '2026-11-07' })).toMatchObject({
      message: expect.stringMatching(/đình chỉ/),
    });
    expect(awardRefusal(withEvents(m, { kind: 'exempted', date: '2026-10-01' }), { milestone: 30, awardedOn: '2026-11-07' })).toBeNull();
  });
});

describe('anniversaries only', () => {
  it('a list is asked for a presentation day; another date is refused in Vietnamese', () => {
    expect(anniversaryRefusal('2027-05-19')).toBeNull();
    expect(anniversaryRefusal('2027-05-20')).toBe('Ngày 20/05/2027 không phải dịp trao Huy hiệu Đảng (03/02, 19/05, 02/09, 07/11).');
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

// ---------------------------------------------------------------------------------------------------------------
// badgeLists: the province lists in one pass, identical to the member-by-member loop

/** The server's badge-list loop (members.service.ts): what badgeLists must reproduce exactly. */
function naiveLists<M extends BadgeMember>(
  members: readonly M[],
  anniversary: string,
  today: string,
  rules?: RuleSet,
  options: PartyAgeOptions = {},
  seen: (e: AnniversaryEligibility) => void = () => {},
): BadgeLists<M> {
  const previous = anniversariesBetween(addDays(anniversary, -366), addDays(anniversary, -1), rules).at(-1) ?? addDays(anniversary, -366);
  const out: BadgeLists<M> = { due: [], reachedNeverAwarded: [] };
  for (const member of members) {
    const e = eligibleForAnniversary(member, anniversary, rules, options);
    if (e) seen(e);
    // Due: the milestone falls after the previous anniversary, or a discipline delay held the award back there.
    const before = e && e.reachedOn <= previous ? eligibleForAnniversary(member, previous, rules, options) : null;
    if (e && (e.reachedOn > previous || (before && !before.eligible && before.eligibleFrom))) out.due.push({ member, eligibility: e });
    const last = reachedNeverAwarded(member, today, rules, options).at(-1);
    if (last) out.reachedNeverAwarded.push({ member, milestone: last.milestone, reachedOn: last.reachedOn });
  }
  return out;
}

/** What the comparisons covered, so that a generator that stopped producing some case shows up. */
interface Coverage {
  due: number;
  never: number;
  notEligible: Set<string>;
  early: Set<string>;
  waiting: number;
}
const newCoverage = (): Coverage => ({ due: 0, never: 0, notEligible: new Set(), early: new Set(), waiting: 0 });

function expectSameLists<M extends BadgeMember>(
  members: readonly M[],
  anniversary: string,
  today: string,
  cov: Coverage,
  rules?: RuleSet,
  options?: PartyAgeOptions,
) {
  // Coverage counts every eligibility the loop computes, due now or not.
  const expected = naiveLists(members, anniversary, today, rules, options, (e) => {
    if (!e.eligible) cov.notEligible.add(e.reason!.slice(0, 20));
    if (e.early) cov.early.add(e.early);
    if (e.eligibleFrom) cov.waiting++;
  });
  const actual = badgeLists(members, anniversary, today, rules, options);
  expect(actual, `anniversary ${anniversary}, today ${today}`).toStrictEqual(expected);
  // Same objects, same key order (the lists go out as JSON).
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
  for (let i = 0; i < expected.due.length; i++) expect(actual.due[i]!.member).toBe(expected.due[i]!.member);
  cov.due += expected.due.length;
  cov.never += expected.reachedNeverAwarded.length;
}

const toBadgeMember = (m: { id: string; org_id: string; admitted_on: string; official_on?: string | null }): BadgeMember => ({
  id: m.id,
  events: [
    { kind: 'admitted', date: m.admitted_on, orgId: m.org_id },
    ...(m.official_on ? [{ kind: 'recognized_official', date: m.official_on, officialOn: m.official_on } as MemberEvent] : []),
  ],
  awards: [],
  disciplines: [],
});

/** Dates where the month-end rule matters. */
const MONTH_ENDS = ['1956-02-29', '1960-02-29', '1972-02-29', '1988-02-29', '1996-02-29', '1975-01-31', '1981-03-31', '1990-08-31', '1966-02-28', '1979-12-31'];
const ORGS = ['A', 'B', 'C', 'D'];
const PLAIN_KINDS = ['exempted', 'exemption_ended', 'temporary_out', 'temporary_return', 'suspended', 'suspension_ended'] as const;
const ALL_KINDS = [
  ...PLAIN_KINDS,
  'recognized_official',
  'transfer_out_started',
  'transfer_in_confirmed',
  'transfer_in_confirmed',
  'lost_contact',
  'contact_restored',
  'deceased',
  'struck_off',
  'allowed_to_leave',
  'expelled',
  'expulsion_annulled',
  'expulsion_annulled',
  'readmitted',
  'readmitted',
] as const;

/**
 * A random history that validateHistory accepts: each proposed event is kept only when validateEvent accepts it.
 * `plain` keeps to the events that cannot interrupt party age (admission, recognition, exemption, suspension,
 * temporary transfer), the ones badgeLists decides without the general functions.
 */
function randomHistory(rng: Rng, plain: boolean): MemberEvent[] {
  const admittedOn = rng.chance(0.15) ? rng.pick(MONTH_ENDS) : rng.dateBetween('1930-01-01', '2004-12-31');
  const ceremonyOn = rng.pick([null, undefined, admittedOn, addDays(admittedOn, rng.int(1, 30))]);
  const events: MemberEvent[] = [{ kind: 'admitted', date: admittedOn, orgId: 'A', ...(ceremonyOn !== undefined ? { ceremonyOn } : {}) }];
  let cursor = admittedOn;
  let probation = { from: ceremonyOn ?? admittedOn, decidedOn: admittedOn };
  const wanted = rng.int(0, plain ? 6 : 14);
  for (let attempt = 0, added = 0; attempt < 300 && added < wanted; attempt++) {
    const kind = attempt === 0 && rng.chance(0.9) ? 'recognized_official' : rng.pick(plain ? PLAIN_KINDS : ALL_KINDS);
    const step = rng.pick([rng.int(0, 60), rng.int(0, 900), rng.int(0, 6000)]);
    const date = addDays(cursor, step);
    let e: MemberEvent;
    switch (kind) {
      case 'recognized_official': {
        const due = officialDateFor(probation.from, ruleSetOn(probation.decidedOn));
        const on = addDays(due > cursor ? due : cursor, rng.int(0, 300));
        e = { kind, date: on, ...rng.pick([{}, { officialOn: due }, { officialOn: null }]) };
        break;
      }
      case 'transfer_out_started':
        e = { kind, date, toOrgId: rng.pick([...ORGS, null]) };
        break;
      case 'transfer_in_confirmed':
        // Within the 42 days allowed in transit, or beyond.
        e = { kind, date: addDays(cursor, rng.pick([rng.int(0, 42), rng.int(0, 700)])), orgId: rng.pick(ORGS) };
        break;
      case 'temporary_out':
        e = { kind, date, hostOrgId: 'H', until: addMonths(date, rng.int(3, 11)), training: rng.chance(0.2) };
        break;
      case 'struck_off':
      case 'allowed_to_leave':
      case 'expelled':
        e = { kind, date, noReadmission: rng.chance(0.2) };
        break;
      case 'expulsion_annulled':
        e = { kind, date, orgId: rng.pick([...ORGS, null]) };
        break;
      case 'readmitted': {
        const on = addMonths(cursor, 36 + rng.int(0, 120));
        e = { kind, date: on, orgId: rng.pick(ORGS), ceremonyOn: rng.pick([null, on, addDays(on, rng.int(1, 30))]) };
        break;
      }
      default:
        e = { kind, date } as MemberEvent;
    }
    if (validateEvent(events, e).length > 0) continue;
    events.push(e);
    cursor = e.date;
    added++;
    if (e.kind === 'readmitted') probation = { from: e.ceremonyOn ?? e.date, decidedOn: e.date };
  }
  // Endings late enough in the party life for a milestone to be reached before them (those drawn above come early).
  if (!plain && rng.chance(0.6)) {
    const late = addDays(addMonths(admittedOn, 12 * rng.int(29, 70)), rng.int(0, 365));
    const kind = rng.pick(['deceased', 'deceased', 'struck_off', 'allowed_to_leave', 'expelled', 'lost_contact', 'suspended'] as const);
    const e = { kind, date: late > cursor ? late : cursor } as MemberEvent;
    if (validateEvent(events, e).length === 0) events.push(e);
  }
  // The array order does not have to be the date order.
  if (rng.chance(0.3)) {
    const [admission, ...rest] = events;
    const shuffled = rng.chance(0.5) ? [admission!, ...rng.shuffle(rest)] : rng.shuffle(events);
    if (validateHistory(shuffled).length === 0) return shuffled;
  }
  return events;
}

function randomMember(rng: Rng, id: string, plain: boolean): BadgeMember {
  const events = randomHistory(rng, plain);
  const milestones = ruleSetOn('2025-01-01').badges.milestones;
  const start = events.reduce((a, e) => (e.date < a ? e.date : a), events[0]!.date);
  const top = rng.pick([0, 0, 0, ...milestones]);
  const awards = rng.pick([
    [],
    milestones.filter((m) => m <= top).map((milestone) => ({ milestone, awardedOn: '2000-01-01' })),
    top ? [{ milestone: top, awardedOn: '2010-05-19' }] : [],
  ]);
  const disciplines: DisciplineDecision[] = Array.from({ length: rng.pick([0, 0, 1, 1, 2, 3]) }, () => {
    const decidedOn = rng.dateBetween(start, '2060-12-31');
    return {
      form: rng.pick(DISCIPLINE_FORMS),
      decidedOn,
      ...(rng.chance(0.6) ? { announcedOn: rng.pick([null, decidedOn, addDays(decidedOn, rng.int(1, 40))]) } : {}),
      ...(rng.chance(0.2) ? { lapseBlocked: true } : {}),
      ...(rng.chance(0.2) ? { revokedOn: addDays(decidedOn, rng.int(1, 500)) } : {}),
    };
  });
  return {
    id,
    events,
    awards,
    disciplines,
    ...(rng.chance(0.3) ? { seriouslyIll: rng.chance(0.8) } : {}),
    ...(rng.chance(0.4) ? { posthumous: rng.chance(0.8) } : {}),
    ...(rng.chance(0.15) ? { seriouslyIllSince: rng.dateBetween(start, '2060-12-31') } : {}),
  };
}

/** Anniversaries and "today"s spread over the years in which the generated members reach their milestones. */
function randomDates(rng: Rng, count: number): [string, string][] {
  const anniversaries = anniversariesBetween('1962-01-01', '2070-12-31');
  return Array.from({ length: count }, () => {
    const a = rng.pick(anniversaries);
    return [a, rng.chance(0.3) ? addDays(a, -rng.int(0, 120)) : rng.dateBetween('1962-01-01', '2070-12-31')];
  });
}

describe('badgeLists: both province lists in one pass', () => {
  it('returns the members due at the anniversary and the highest milestone each has never received', () => {
    const disciplined: BadgeMember = { ...m95, id: 'd', disciplines: [decision('warning', '2025-03-01')] };
    const young: BadgeMember = { id: 'young', events: officialMember('2010-01-01') };
    const old: BadgeMember = { id: 'old', events: officialMember('1980-01-01'), awards: [{ milestone: 30, awardedOn: '2010-02-03' }] };
    const lists = badgeLists([m95, disciplined, young, old], '2025-05-19', '2025-04-01');
    expect(lists.due.map((x) => [x.member.id, x.eligibility.milestone, x.eligibility.eligible])).toEqual([
      ['m95', 30, true],
      ['d', 30, false],
    ]);
    // 'old' reached 45 on 01/01/2025, before the previous anniversary (03/02/2025): not due now, but never received.
    expect(lists.reachedNeverAwarded).toEqual([{ member: old, milestone: 45, reachedOn: '2025-01-01' }]);
  });

  it('is identical to the member-by-member loop on the demo province', () => {
    const p = generateProvince({ seed: 7, districts: 3, grassrootsPerDistrict: 30, cellsPerPartyCommittee: [3, 8], membersPerCell: [4, 35] });
    // As .tmp/badgeprof.ts builds them (the server's list leaves out those who left) …
    const onRoll = p.members.filter((m) => !m.left_on).map(toBadgeMember);
    // … and those who left, as deceased, with or without a posthumous proposal.
    const left = p.members
      .filter((m) => m.left_on)
      .map((m, i) => ({
        ...toBadgeMember(m),
        events: [...toBadgeMember(m).events, { kind: 'deceased', date: m.left_on! } as MemberEvent],
        posthumous: i % 2 === 0,
      }));
    expect(onRoll.length).toBeGreaterThan(5000);
    expect(left.length).toBeGreaterThan(10);
    const cov = newCoverage();
    for (const [anniversary, today] of [
      ['2027-02-03', '2026-11-23'],
      ['2026-09-02', '2026-09-02'],
      ['2019-11-07', '2030-01-01'],
    ] as const) {
      expectSameLists(onRoll, anniversary, today, cov);
      expectSameLists(left, anniversary, today, cov);
    }
    expect(cov.due).toBeGreaterThan(100);
    expect(cov.never).toBeGreaterThan(1000);
  });

  it('is identical to the member-by-member loop on random histories, plain and complex', () => {
    const rng = createRng(20261123);
    const members = [
      ...Array.from({ length: 300 }, (_, i) => randomMember(rng, `c${i}`, false)),
      ...Array.from({ length: 300 }, (_, i) => randomMember(rng, `p${i}`, true)),
    ];
    for (const m of members) expect(validateHistory(m.events), m.id).toEqual([]);
    // The generator reaches what the lists must tell apart.
    const kinds = new Set(members.flatMap((m) => m.events.map((e) => e.kind)));
    expect([...kinds].sort()).toEqual([...new Set<string>(['admitted', ...ALL_KINDS])].sort());
    const cov = newCoverage();
    for (const [anniversary, today] of randomDates(rng, 40)) expectSameLists(members, anniversary, today, cov);
    expect(cov.due).toBeGreaterThan(300);
    expect(cov.never).toBeGreaterThan(1000);
    expect([...cov.early].sort()).toEqual(['illness', 'posthumous']);
    // Every reason: died, expelled, struck off, left, suspended, lost contact, discipline delay.
    expect(cov.notEligible.size).toBe(7);
    expect(cov.waiting).toBeGreaterThan(5);
  });

  it('is identical with a rule set and options of the caller', () => {
    const rng = createRng(7);
    const members = Array.from({ length: 300 }, (_, i) => randomMember(rng, `m${i}`, i % 2 === 0));
    const base = ruleSetOn('2025-07-01');
    const rules: RuleSet = {
      ...base,
      badges: {
        ...base.badges,
        milestones: [35, 25, 30, 50, 50],
        anniversaries: ['07-01', '01-01'],
        earlyForIllness: [
          { upToYears: 90, months: 30 },
          { upToYears: 30, months: 6 },
        ],
        posthumousEarlyMonths: 3,
        disciplineDelayMonths: { reprimand: 3, warning: 12, removal: 18 },
      },
    };
    const cov = newCoverage();
    for (const [anniversary, today] of randomDates(rng, 15)) {
      expectSameLists(members, anniversary, today, cov, rules, { allowedTransferGapDays: 0 });
      expectSameLists(members, anniversary, today, cov, undefined, { allowedTransferGapDays: (d) => (d < '2000-01-01' ? 10 : 90) });
    }
    expect(cov.due).toBeGreaterThan(50);
  });

  it('is identical with short milestones and a long illness allowance, around the admission', () => {
    const rng = createRng(11);
    const members = Array.from({ length: 200 }, (_, i) => ({ ...randomMember(rng, `m${i}`, i % 4 !== 0), seriouslyIll: i % 2 === 0 }));
    const base = ruleSetOn('2025-07-01');
    const rules: RuleSet = { ...base, badges: { ...base.badges, milestones: [2, 3, 10, 30], earlyForIllness: [{ upToYears: 90, months: 60 }] } };
    const cov = newCoverage();
    for (const m of members.slice(0, 40)) {
      const admitted = m.events.find((e) => e.kind === 'admitted')!.date;
      // Anniversaries and "today"s before the admission, and just after it.
      expectSameLists(members, addDays(admitted, -rng.int(1, 400)), addDays(admitted, -rng.int(0, 400)), cov, rules);
      expectSameLists(members, addMonths(admitted, rng.int(0, 40)), addMonths(admitted, rng.int(0, 40)), cov, rules);
    }
    expect(cov.early.has('illness')).toBe(true);
  });

  it('is identical on histories no validation would accept', () => {
    const odd: BadgeMember[] = [
      { id: 'empty', events: [] },
      { id: 'admitted only', events: [{ kind: 'admitted', date: '1970-01-01', orgId: 'A' }] },
      { id: 'recognised only', events: [{ kind: 'recognized_official', date: '1971-01-01' }] },
      {
        id: 'recognised first',
        events: [
          { kind: 'recognized_official', date: '1969-01-01' },
          { kind: 'admitted', date: '1970-01-01', orgId: 'A' },
        ],
      },
      {
        id: 'same day, recognition first',
        events: [
          { kind: 'recognized_official', date: '1970-01-01', officialOn: '1970-01-01' },
          { kind: 'admitted', date: '1970-01-01', orgId: 'A' },
        ],
      },
      {
        id: 'same day, admission first',
        events: [
          { kind: 'admitted', date: '1970-01-01', orgId: 'A' },
          { kind: 'recognized_official', date: '1970-01-01', officialOn: '1970-01-01' },
        ],
      },
      {
        id: 'official before admission',
        events: [
          { kind: 'admitted', date: '1970-06-01', orgId: 'A' },
          { kind: 'recognized_official', date: '1971-06-01', officialOn: '1969-01-01' },
        ],
      },
      {
        id: 'official 40 years on',
        events: [
          { kind: 'admitted', date: '1970-06-01', orgId: 'A' },
          { kind: 'recognized_official', date: '1971-06-01', officialOn: '2010-06-01' },
        ],
      },
      {
        id: 'official 29 years on',
        events: [
          { kind: 'admitted', date: '1970-06-01', orgId: 'A' },
          { kind: 'recognized_official', date: '1971-06-01', officialOn: '1999-12-31' },
        ],
      },
      { id: 'recognised twice', events: [...officialMember('1970-06-01'), { kind: 'recognized_official', date: '1980-01-01' }] },
      { id: 'admitted twice', events: [...officialMember('1970-06-01'), { kind: 'admitted', date: '1980-01-01', orgId: 'B' }] },
      {
        id: 'ends without starts',
        events: [...officialMember('1970-06-01'), { kind: 'suspension_ended', date: '1980-01-01' }, { kind: 'temporary_return', date: '1981-01-01' }],
      },
      {
        id: 'suspended twice',
        events: [
          ...officialMember('1980-06-01'),
          { kind: 'suspended', date: '1990-01-01' },
          { kind: 'suspended', date: '2000-01-01' },
          { kind: 'suspension_ended', date: '2010-05-19' },
        ],
      },
      {
        id: 'suspended on the day',
        events: [
          ...officialMember('1980-06-01'),
          { kind: 'suspended', date: '2010-05-19' },
          { kind: 'suspension_ended', date: '2010-05-19' },
          { kind: 'suspended', date: '2010-05-19' },
        ],
      },
      {
        id: 'no ceremony date',
        events: [
          { kind: 'admitted', date: '1980-02-29', orgId: 'A', ceremonyOn: null },
          { kind: 'recognized_official', date: '1981-03-01' },
        ],
      },
      {
        id: 'ceremony 29/02',
        events: [
          { kind: 'admitted', date: '1980-02-10', orgId: 'A', ceremonyOn: '1980-02-29' },
          { kind: 'recognized_official', date: '1981-03-01' },
        ],
      },
      {
        id: 'empty officialOn',
        events: [
          { kind: 'admitted', date: '1980-02-10', orgId: 'A' },
          { kind: 'recognized_official', date: '1981-03-01', officialOn: '' },
        ],
      },
      // A ceremony 30 years after the decision: official, hence 30 years old, only on the ceremony + 12 months.
      {
        id: 'ceremony 30 years on',
        events: [
          { kind: 'admitted', date: '1970-06-01', orgId: 'A', ceremonyOn: '2000-01-01' },
          { kind: 'recognized_official', date: '2001-01-01' },
        ],
      },
      // Dates that are not real: the general functions still give an answer, which must not change.
      ...['1970-02-30', '1970-04-31', '1970-13-01', '1970-00-10', '0970-01-01'].map((d) => ({
        id: `admitted ${d}`,
        events: [
          { kind: 'admitted', date: d, orgId: 'A' },
          { kind: 'recognized_official', date: '1971-06-01', officialOn: '1971-06-01' },
        ] as MemberEvent[],
      })),
      {
        id: 'official 1971-02-30',
        events: [
          { kind: 'admitted', date: '1970-02-28', orgId: 'A' },
          { kind: 'recognized_official', date: '1971-03-01', officialOn: '1971-02-30' },
        ],
      },
      { id: 'awarded beyond the list', events: officialMember('1930-01-01'), awards: [{ milestone: 95, awardedOn: '2025-01-01' }] },
      { id: 'award not on the list', events: officialMember('1960-01-01'), awards: [{ milestone: 42, awardedOn: '2002-01-01' }], seriouslyIll: true },
      { id: 'expulsion in force', events: officialMember('1960-01-01'), disciplines: [decision('expulsion', '2009-01-01')] },
    ];
    const more = odd.map((m) => ({ ...m, id: `${m.id}, ill`, seriouslyIll: true, disciplines: [...(m.disciplines ?? []), decision('removal', '2010-01-01')] }));
    const cov = newCoverage();
    for (const [anniversary, today] of [
      ['2000-02-03', '2000-01-01'],
      ['2000-05-19', '2030-01-01'],
      ['2010-05-19', '2010-05-19'],
      ['2010-09-02', '2009-12-31'],
      ['2012-02-03', '2012-02-29'],
      ['2040-11-07', '2041-01-01'],
    ] as const) {
      expectSameLists([...odd, ...more], anniversary, today, cov);
    }
    // Dates the fast path does not read (years before 1000): everyone goes through the general functions.
    expectSameLists([...odd, ...more], '0999-11-07', '2010-05-19', cov);
    expectSameLists([...odd, ...more], '2010-05-19', '0999-12-31', cov);
    expect(cov.due).toBeGreaterThan(10);
  });
});
