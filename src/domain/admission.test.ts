import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from './calendar/working-days.ts';
import {
  ageInMonths,
  ageRangeInMonths,
  ceremonyDeadline,
  checkAge,
  checkCellVote,
  checkCeremony,
  checkCertificate,
  checkEducation,
  checkGrassrootsResolution,
  checkIntroducers,
  checkReadmission,
  checkRecognitionVote,
  fullMonthsBetween,
  memberFormDeadline,
  memberFormTiming,
  NOT_OVERRIDABLE,
  previousStep,
  probationEnd,
  recognitionOutcome,
  recognitionWindow,
  referToSuperior,
  voteDenominator,
  type CellMemberOnDate,
} from './admission.ts';
import { validateEvent, type MemberEvent } from './member-status.ts';
import { ruleSetOn, type RuleSet } from './rulesets.ts';

const rules = ruleSetOn('2026-01-01');
const cal = createWorkingCalendar();

describe('full months', () => {
  it('counts whole calendar months with the month-end rule', () => {
    expect(fullMonthsBetween('2008-03-15', '2026-03-14')).toBe(18 * 12 - 1);
    expect(fullMonthsBetween('2008-03-15', '2026-03-15')).toBe(18 * 12);
    expect(fullMonthsBetween('2008-01-31', '2008-02-29')).toBe(1);
    expect(fullMonthsBetween('2008-01-31', '2008-02-28')).toBe(0);
    expect(ageInMonths({ birthDate: '2000-01-01' }, '2018-01-01')).toBe(216);
    // A year alone has no single age.
    expect(ageInMonths({ birthYear: 2000 }, '2018-01-01')).toBeNull();
    expect(ageRangeInMonths({ birthYear: 2000 }, '2018-06-30')).toEqual({ youngest: 17 * 12 + 6, oldest: 18 * 12 + 5 });
  });
});

describe('age at the cell vote (from full 18 to full 60, in months)', () => {
  it('17 years 11 months fails; exactly 18 passes', () => {
    const fail = checkAge({ birthDate: '2008-04-15' }, '2026-03-15', rules);
    expect(fail?.code).toBe('age_min');
    expect(fail?.message).toContain('chưa đủ 18 tuổi');
    expect(fail?.message).toContain('17 tuổi 11 tháng');
    expect(checkAge({ birthDate: '2008-03-15' }, '2026-03-15', rules)).toBeNull();
    expect(checkAge({ birthDate: '2008-03-15' }, '2026-03-14', rules)?.code).toBe('age_min');
  });
  it('full 60 passes (with days over); 60 years 1 month needs the province decision', () => {
    expect(checkAge({ birthDate: '1966-03-15' }, '2026-03-15', rules)).toBeNull();
    expect(checkAge({ birthDate: '1966-03-15' }, '2026-04-14', rules)).toBeNull();
    const over = checkAge({ birthDate: '1966-03-15' }, '2026-04-15', rules);
    expect(over?.code).toBe('age_max');
    expect(over?.message).toContain('tỉnh ủy');
    expect(checkAge({ birthDate: '1966-03-15' }, '2026-04-15', rules, { decisionNo: '12-QĐ/TU' })).toBeNull();
  });
  it('no date of birth fails and asks for it, not overridable', () => {
    const f = checkAge({}, '2026-01-01', rules);
    expect(f?.code).toBe('age_unknown');
    expect(f?.message).toContain('Chưa có ngày sinh');
    expect(checkAge({ birthDate: null, birthYear: null }, '2026-01-01', rules)?.code).toBe('age_unknown');
    expect(NOT_OVERRIDABLE).toContain('age_unknown');
  });
  it('a year alone decides only when every day of that year gives the same answer', () => {
    // Born in 2008, vote on 15/03/2026: 18 if born by 15/03/2008, 17 after. The full date is needed.
    const f = checkAge({ birthYear: 2008 }, '2026-03-15', rules);
    expect(f?.code).toBe('age_unknown');
    expect(f?.message).toContain('Chỉ biết năm sinh 2008');
    // Vote on 31/12/2026: even a 31/12/2008 birth is full 18; on 30/12/2026 it is not.
    expect(checkAge({ birthYear: 2008 }, '2026-12-31', rules)).toBeNull();
    expect(checkAge({ birthYear: 2008 }, '2026-12-30', rules)?.code).toBe('age_unknown');
    // Born in 2009, vote on 31/12/2026: under 18 whatever the day; on 01/01/2027 a 01/01/2009 birth is 18.
    expect(checkAge({ birthYear: 2009 }, '2026-12-31', rules)?.code).toBe('age_min');
    expect(checkAge({ birthYear: 2009 }, '2027-01-01', rules)?.code).toBe('age_unknown');
    // The upper bound: born in 1966, on 30/12/2026 a 01/01/1966 birth is 60 years 11 months, a 31/12/1966 one 59.
    expect(checkAge({ birthYear: 1966 }, '2026-12-30', rules)?.code).toBe('age_unknown');
    expect(checkAge({ birthYear: 1966 }, '2026-12-30', rules, { decisionNo: '12-QĐ/TU' })).toBeNull();
    expect(checkAge({ birthYear: 1966 }, '2027-01-30', rules)?.code).toBe('age_unknown');
    // Born in 1965: on 31/01/2027 over full 60 with a month whatever the day.
    expect(checkAge({ birthYear: 1965 }, '2027-01-31', rules)?.code).toBe('age_max');
    // The full date decides: 31/12/2008 on 30/12/2026 is 17 years 11 months.
    expect(checkAge({ birthYear: 2008, birthDate: '2008-12-31' }, '2026-12-30', rules)?.code).toBe('age_min');
  });
});

describe('education', () => {
  it('lower secondary or higher, unless a difficult-area exception', () => {
    expect(checkEducation('thcs', false, rules)).toBeNull();
    expect(checkEducation('thpt', false, rules)).toBeNull();
    expect(checkEducation('tieu_hoc', false, rules)?.code).toBe('education');
    expect(checkEducation(null, false, rules)?.code).toBe('education');
    expect(checkEducation('tieu_hoc', true, rules)).toBeNull();
  });
});

describe('awareness-course certificate (60 months at the vote)', () => {
  it('exactly 60 months passes, one day more fails with the rule named', () => {
    expect(checkCertificate('2021-03-15', '2026-03-15', rules)).toBeNull();
    const late = checkCertificate('2021-03-15', '2026-03-16', rules);
    expect(late?.code).toBe('certificate_expired');
    expect(late?.message).toContain('Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng đã quá 60 tháng');
    expect(checkCertificate(null, '2026-03-16', rules)?.code).toBe('certificate_missing');
  });
  it('the limit is the rule set’s figure', () => {
    const shorter: RuleSet = { ...rules, admission: { ...rules.admission, courseCertificateValidMonths: 24 } };
    expect(checkCertificate('2024-03-15', '2026-03-16', shorter)?.message).toContain('đã quá 24 tháng');
  });
});

describe('introducers', () => {
  const ok = { memberId: 'a', name: 'Lê Văn A', officialOnDate: true, monthsTogether: 12 };
  const ok2 = { ...ok, memberId: 'b', name: 'Trần Thị B' };
  it('two official members with 12 months together pass', () => {
    expect(checkIntroducers('members', [ok, ok2], '2026-03-15', rules)).toEqual([]);
  });
  it('a probationary introducer fails with the rule named', () => {
    const f = checkIntroducers('members', [ok, { ...ok2, officialOnDate: false }], '2026-03-15', rules);
    expect(f.map((x) => x.code)).toEqual(['introducer_not_official']);
    expect(f[0]!.message).toContain('Người giới thiệu chưa là đảng viên chính thức');
  });
  it('11 months together fails; one introducer, or the same twice, fails', () => {
    expect(checkIntroducers('members', [ok, { ...ok2, monthsTogether: 11 }], '2026-03-15', rules).map((x) => x.code)).toEqual(['introducer_months_together']);
    expect(checkIntroducers('members', [ok], '2026-03-15', rules).map((x) => x.code)).toEqual(['introducer_count']);
    expect(checkIntroducers('members', [ok, ok], '2026-03-15', rules).map((x) => x.code)).toEqual(['introducer_count']);
  });
  it('Youth Union route: the union committee’s resolution plus one official member', () => {
    expect(checkIntroducers('youth_union', [ok], '2026-03-15', rules, '2026-02-01')).toEqual([]);
    expect(checkIntroducers('youth_union', [ok], '2026-03-15', rules, null).map((x) => x.code)).toEqual(['youth_union_resolution']);
    expect(checkIntroducers('youth_union', [ok, ok2], '2026-03-15', rules, '2026-02-01').map((x) => x.code)).toEqual(['introducer_count']);
  });
});

describe('cell vote: ≥ 2/3 of official members, with the exclusions', () => {
  const m = (id: string, status = 'active', official = true): CellMemberOnDate => ({ memberId: id, name: id, status, official });
  it('counts official members only and leaves out the excluded, saying why', () => {
    const members = [
      m('1'),
      m('2'),
      m('3'),
      m('4'),
      m('5'),
      m('6'),
      m('7', 'temporarily_away'),
      m('8', 'suspended'),
      m('9', 'exempt'),
      m('10', 'exempt'),
      m('11'),
      m('12'),
      m('p', 'active', false),
      m('x', 'deceased'),
    ];
    const d = voteDenominator(members, { absent: ['9'], prosecuted: ['11'], absentWithReason: ['12'] });
    expect(d.officialMembers).toBe(12);
    expect(d.excluded.map((e) => [e.memberId, e.reason])).toEqual([
      ['7', 'temporarily_away'],
      ['8', 'suspended'],
      ['9', 'exempt_absent'],
      ['11', 'prosecuted'],
      ['12', 'absent_with_reason'],
    ]);
    expect(d.denominator).toBe(7); // 1–6 and the exempt member 10 who came
  });
  it('official members in transit or out of contact count unless an exclusion applies', () => {
    const members = [m('1'), m('2'), m('t', 'in_transit'), m('l', 'lost_contact'), m('l2', 'lost_contact')];
    const d = voteDenominator(members, { absentWithReason: ['l2'] });
    expect(d.officialMembers).toBe(5);
    expect(d.excluded.map((e) => [e.memberId, e.reason, e.label])).toEqual([['l2', 'absent_with_reason', 'vắng mặt cả buổi có lý do được chấp thuận']]);
    expect(d.denominator).toBe(4);
  });
  it('a 2/3 tie passes (6 of 9), one short fails with the rule named', () => {
    const d9 = { officialMembers: 9, excluded: [], denominator: 9 };
    expect(checkCellVote(6, d9, rules)).toBeNull();
    const f = checkCellVote(5, d9, rules);
    expect(f?.code).toBe('cell_vote_two_thirds');
    expect(f?.message).toContain('Số phiếu tán thành chưa đạt 2/3 số đảng viên chính thức');
    expect(f?.message).toContain('5/9');
    // 5 of 8 is 62.5%: no rounding up of the threshold.
    expect(checkCellVote(5, { officialMembers: 8, excluded: [], denominator: 8 }, rules)?.code).toBe('cell_vote_two_thirds');
    expect(checkCellVote(0, { officialMembers: 0, excluded: [], denominator: 0 }, rules)?.code).toBe('cell_vote_two_thirds');
  });
  it('grassroots resolution: ≥ 2/3 of the committee members', () => {
    expect(checkGrassrootsResolution(6, 9, rules)).toBeNull();
    expect(checkGrassrootsResolution(4, 7, rules)?.code).toBe('grassroots_two_thirds');
    expect(checkGrassrootsResolution(5, 7, rules)).toBeNull();
  });
});

describe('ceremony within 30 working days of receiving the decision', () => {
  // Received Monday 02/03/2026: 30 working days later (no holiday in between) is Monday 13/04/2026.
  const decision = { decisionDate: '2026-02-27', receivedOn: '2026-03-02' };
  it('the deadline is counted in working days', () => {
    expect(ceremonyDeadline('2026-03-02', cal, rules)).toBe('2026-04-13');
  });
  it('on the last day passes, the next working day needs the superior’s consent', () => {
    expect(checkCeremony('2026-04-13', decision, cal, rules)).toBeNull();
    const late = checkCeremony('2026-04-14', decision, cal, rules);
    expect(late?.code).toBe('ceremony_late');
    expect(late?.message).toContain('30 ngày làm việc');
    expect(checkCeremony('2026-04-14', decision, cal, rules, { decisionNo: '3-CV/HU' })).toBeNull();
    expect(checkCeremony('2026-02-26', decision, cal, rules)?.code).toBe('ceremony_before_decision');
  });
});

describe('member background form within 30 working days of the ceremony', () => {
  // Ceremony on Monday 02/03/2026: the 30th working day after it (no holiday in between) is Monday 13/04/2026.
  it('the 30th working day is on time, the 31st is late', () => {
    expect(memberFormDeadline('2026-03-02', cal, rules)).toBe('2026-04-13');
    expect(memberFormTiming('2026-03-02', '2026-03-02', cal, rules)).toEqual({ dueOn: '2026-04-13', late: false });
    expect(memberFormTiming('2026-04-13', '2026-03-02', cal, rules)).toEqual({ dueOn: '2026-04-13', late: false });
    expect(memberFormTiming('2026-04-14', '2026-03-02', cal, rules)).toEqual({ dueOn: '2026-04-13', late: true });
  });
  it('the number of working days comes from the rule set', () => {
    const ten: RuleSet = { ...rules, admission: { ...rules.admission, backgroundFormWithinWorkingDays: 10 } };
    expect(memberFormDeadline('2026-03-02', cal, ten)).toBe('2026-03-16');
    expect(memberFormTiming('2026-03-17', '2026-03-02', cal, ten).late).toBe(true);
  });
});

describe('probation and recognition', () => {
  it('probation ends exactly 12 months after the ceremony (month-end rule)', () => {
    expect(probationEnd('2025-05-19', rules)).toBe('2026-05-19');
    expect(probationEnd('2024-02-29', rules)).toBe('2025-02-28');
  });
  it('the recognition vote is not before the end, due within 30 working days after', () => {
    const w = recognitionWindow('2025-03-02', cal, rules);
    expect(w.notBefore).toBe('2026-03-02');
    expect(w.dueBy).toBe('2026-04-13');
    expect(checkRecognitionVote('2026-03-01', '2025-03-02', cal, rules)?.code).toBe('recognition_too_early');
    expect(checkRecognitionVote('2026-03-02', '2025-03-02', cal, rules)).toBeNull();
    expect(checkRecognitionVote('2026-04-13', '2025-03-02', cal, rules)).toBeNull();
    expect(checkRecognitionVote('2026-04-14', '2025-03-02', cal, rules)?.code).toBe('recognition_late');
  });
  it('outcome of one vote, and three inconclusive votes go to the superior', () => {
    expect(recognitionOutcome(6, 3, 9, rules)).toBe('recognized');
    expect(recognitionOutcome(3, 6, 9, rules)).toBe('strike_off_proposed');
    expect(recognitionOutcome(5, 4, 9, rules)).toBe('inconclusive');
    expect(referToSuperior(['inconclusive', 'inconclusive'], rules)).toBe(false);
    expect(referToSuperior(['inconclusive', 'inconclusive', 'inconclusive'], rules)).toBe(true);
  });
});

describe('readmission', () => {
  const former = { leftOn: '2020-03-15', noReadmission: false, readmittedBefore: false };
  const codes = (f: { code: string }[]) => f.map((x) => x.code);
  it('at least 36 months after leaving: exactly 36 passes, a day before fails', () => {
    expect(checkReadmission(former, '2023-03-15', rules)).toEqual([]);
    expect(codes(checkReadmission(former, '2023-03-14', rules))).toEqual(['readmission_too_early']);
  });
  it('after a conviction, also 60 months after the record was cleared', () => {
    const cleared = { ...former, criminalRecordClearedOn: '2021-01-10' };
    expect(checkReadmission(cleared, '2026-01-09', rules)[0]?.message).toContain('60 tháng');
    expect(checkReadmission(cleared, '2026-01-10', rules)).toEqual([]);
  });
  it('both waits must hold: a record cleared long ago does not shorten the 36 months after leaving', () => {
    // The case: left 01/01/2024, record cleared 01/01/2019, vote 01/01/2025.
    const c = { leftOn: '2024-01-01', noReadmission: false, readmittedBefore: false, criminalRecordClearedOn: '2019-01-01' };
    const f = checkReadmission(c, '2025-01-01', rules);
    expect(codes(f)).toEqual(['readmission_too_early']);
    expect(f[0]!.message).toContain('36 tháng kể từ ngày ra khỏi Đảng (01/01/2024)');
    expect(codes(checkReadmission(c, '2026-12-31', rules))).toEqual(['readmission_too_early']);
    expect(checkReadmission(c, '2027-01-01', rules)).toEqual([]);
    // And the member file's readmitted event answers the same, by the same function.
    const history: MemberEvent[] = [
      { kind: 'admitted', date: '2010-01-01', orgId: 'A', ceremonyOn: '2010-01-10' },
      { kind: 'recognized_official', date: '2011-01-20', officialOn: '2011-01-10' },
      { kind: 'struck_off', date: '2024-01-01' },
    ];
    const event = (date: string): MemberEvent => ({ kind: 'readmitted', date, orgId: 'A', criminalRecordClearedOn: '2019-01-01' });
    expect(validateEvent(history, event('2026-12-31'), rules)).toEqual(['Chưa đủ 36 tháng kể từ ngày ra khỏi Đảng (01/01/2024): sớm nhất ngày 01/01/2027.']);
    expect(validateEvent(history, event('2027-01-01'), rules)).toEqual([]);
    // A record cleared recently: 60 months from it, although 36 have passed since leaving.
    const recent = { ...c, criminalRecordClearedOn: '2023-06-01' };
    expect(codes(checkReadmission(recent, '2028-05-31', rules))).toEqual(['readmission_too_early']);
    expect(checkReadmission(recent, '2028-06-01', rules)).toEqual([]);
  });
  it('only once, and never for the excluded causes', () => {
    expect(codes(checkReadmission({ ...former, readmittedBefore: true }, '2026-01-01', rules))).toEqual(['readmission_twice']);
    expect(codes(checkReadmission({ ...former, noReadmission: true }, '2026-01-01', rules))).toEqual(['readmission_not_allowed']);
  });
});

describe('step order', () => {
  it('each step follows the one before', () => {
    expect(previousStep('course')).toBeNull();
    expect(previousStep('cell_vote')).toBe('comments');
    expect(previousStep('recognition_vote')).toBe('ceremony');
    expect(previousStep('member_form')).toBe('ceremony');
  });
});

describe('the figures come from the rule set (domain.md §12)', () => {
  const other: RuleSet = {
    ...rules,
    probation: { ...rules.probation, recognitionVoteShare: { numerator: 3, denominator: 4 }, inconclusiveVotesToSuperior: 2 },
    admission: {
      ...rules.admission,
      introducerMonthsTogether: 6,
      cellVoteShare: { numerator: 1, denominator: 2 },
      committeeResolutionShare: { numerator: 3, denominator: 4 },
      qualifyingEducation: ['thpt'],
    },
  };
  const intro = (monthsTogether: number) => [
    { memberId: 'a', name: 'A', officialOnDate: true, monthsTogether },
    { memberId: 'b', name: 'B', officialOnDate: true, monthsTogether: 24 },
  ];
  it('the introducers’ months', () => {
    expect(checkIntroducers('members', intro(6), '2026-03-15', other)).toEqual([]);
    expect(checkIntroducers('members', intro(5), '2026-03-15', other)[0]?.message).toContain('đủ 6 tháng');
    expect(checkIntroducers('members', intro(11), '2026-03-15', rules).map((f) => f.code)).toEqual(['introducer_months_together']);
  });
  it('the shares of the votes, the inconclusive votes and the qualifying education', () => {
    const d = (n: number) => ({ officialMembers: n, excluded: [], denominator: n });
    expect(checkCellVote(5, d(10), other)).toBeNull();
    expect(checkCellVote(4, d(10), other)?.message).toContain('chưa đạt 1/2');
    expect(checkCellVote(5, d(10), rules)?.code).toBe('cell_vote_two_thirds');
    expect(checkGrassrootsResolution(6, 8, other)).toBeNull();
    expect(checkGrassrootsResolution(5, 8, other)?.message).toContain('3/4');
    expect(recognitionOutcome(6, 0, 9, other)).toBe('inconclusive');
    expect(recognitionOutcome(7, 0, 9, other)).toBe('recognized');
    expect(referToSuperior(['inconclusive', 'inconclusive'], other)).toBe(true);
    expect(referToSuperior(['inconclusive', 'inconclusive'], rules)).toBe(false);
    expect(checkEducation('thcs', false, other)?.code).toBe('education');
    expect(checkEducation('thcs', false, rules)).toBeNull();
  });
});
