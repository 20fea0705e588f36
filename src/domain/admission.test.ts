import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from './calendar/working-days.ts';
import {
  ageInMonths,
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
  previousStep,
  probationEnd,
  recognitionOutcome,
  recognitionWindow,
  referToSuperior,
  voteDenominator,
  type CellMemberOnDate,
} from './admission.ts';
import { ruleSetOn, type RuleSet } from './rulesets.ts';

const rules = ruleSetOn('2026-01-01');
const cal = createWorkingCalendar();

describe('full months', () => {
  it('counts whole calendar months with the month-end rule', () => {
    expect(fullMonthsBetween('2008-03-15', '2026-03-14')).toBe(18 * 12 - 1);
    expect(fullMonthsBetween('2008-03-15', '2026-03-15')).toBe(18 * 12);
    expect(fullMonthsBetween('2008-01-31', '2008-02-29')).toBe(1);
    expect(fullMonthsBetween('2008-01-31', '2008-02-28')).toBe(0);
    expect(ageInMonths({ birthYear: 2000 }, '2018-01-01')).toBe(216);
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
  it('no birth date: nothing to check', () => {
    expect(checkAge({}, '2026-01-01', rules)).toBeNull();
  });
});

describe('education', () => {
  it('lower secondary or higher, unless a difficult-area exception', () => {
    expect(checkEducation('thcs', false)).toBeNull();
    expect(checkEducation('thpt', false)).toBeNull();
    expect(checkEducation('tieu_hoc', false)?.code).toBe('education');
    expect(checkEducation(null, false)?.code).toBe('education');
    expect(checkEducation('tieu_hoc', true)).toBeNull();
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
    expect(checkIntroducers('members', [ok, ok2], '2026-03-15')).toEqual([]);
  });
  it('a probationary introducer fails with the rule named', () => {
    const f = checkIntroducers('members', [ok, { ...ok2, officialOnDate: false }], '2026-03-15');
    expect(f.map((x) => x.code)).toEqual(['introducer_not_official']);
    expect(f[0]!.message).toContain('Người giới thiệu chưa là đảng viên chính thức');
  });
  it('11 months together fails; one introducer, or the same twice, fails', () => {
    expect(checkIntroducers('members', [ok, { ...ok2, monthsTogether: 11 }], '2026-03-15').map((x) => x.code)).toEqual(['introducer_months_together']);
    expect(checkIntroducers('members', [ok], '2026-03-15').map((x) => x.code)).toEqual(['introducer_count']);
    expect(checkIntroducers('members', [ok, ok], '2026-03-15').map((x) => x.code)).toEqual(['introducer_count']);
  });
  it('Youth Union route: the union committee’s resolution plus one official member', () => {
    expect(checkIntroducers('youth_union', [ok], '2026-03-15', '2026-02-01')).toEqual([]);
    expect(checkIntroducers('youth_union', [ok], '2026-03-15', null).map((x) => x.code)).toEqual(['youth_union_resolution']);
    expect(checkIntroducers('youth_union', [ok, ok2], '2026-03-15', '2026-02-01').map((x) => x.code)).toEqual(['introducer_count']);
  });
});

describe('cell vote: ≥ 2/3 of official members, with the exclusions', () => {
  const m = (id: string, status = 'active', official = true): CellMemberOnDate => ({ memberId: id, name: id, status, official });
  it('counts official members only and leaves out the excluded, saying why', () => {
    const members = [m('1'), m('2'), m('3'), m('4'), m('5'), m('6'), m('7', 'temporarily_away'), m('8', 'suspended'), m('9', 'exempt'), m('10', 'exempt'), m('11'), m('12'), m('p', 'active', false), m('x', 'deceased')];
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
  it('a 2/3 tie passes (6 of 9), one short fails with the rule named', () => {
    const d9 = { officialMembers: 9, excluded: [], denominator: 9 };
    expect(checkCellVote(6, d9)).toBeNull();
    const f = checkCellVote(5, d9);
    expect(f?.code).toBe('cell_vote_two_thirds');
    expect(f?.message).toContain('Số phiếu tán thành chưa đạt 2/3 số đảng viên chính thức');
    expect(f?.message).toContain('5/9');
    // 5 of 8 is 62.5%: no rounding up of the threshold.
    expect(checkCellVote(5, { officialMembers: 8, excluded: [], denominator: 8 })?.code).toBe('cell_vote_two_thirds');
    expect(checkCellVote(0, { officialMembers: 0, excluded: [], denominator: 0 })?.code).toBe('cell_vote_two_thirds');
  });
  it('grassroots resolution: ≥ 2/3 of the committee members', () => {
    expect(checkGrassrootsResolution(6, 9)).toBeNull();
    expect(checkGrassrootsResolution(4, 7)?.code).toBe('grassroots_two_thirds');
    expect(checkGrassrootsResolution(5, 7)).toBeNull();
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
    expect(recognitionOutcome(6, 3, 9)).toBe('recognized');
    expect(recognitionOutcome(3, 6, 9)).toBe('strike_off_proposed');
    expect(recognitionOutcome(5, 4, 9)).toBe('inconclusive');
    expect(referToSuperior(['inconclusive', 'inconclusive'])).toBe(false);
    expect(referToSuperior(['inconclusive', 'inconclusive', 'inconclusive'])).toBe(true);
  });
});

describe('readmission', () => {
  const former = { leftOn: '2020-03-15', noReadmission: false, readmittedBefore: false };
  it('at least 36 months after leaving: exactly 36 passes, a day before fails', () => {
    expect(checkReadmission(former, '2023-03-15', rules)).toBeNull();
    expect(checkReadmission(former, '2023-03-14', rules)?.code).toBe('readmission_too_early');
  });
  it('60 months after a criminal record is cleared', () => {
    const cleared = { ...former, criminalRecordClearedOn: '2021-01-10' };
    expect(checkReadmission(cleared, '2026-01-09', rules)?.message).toContain('60 tháng');
    expect(checkReadmission(cleared, '2026-01-10', rules)).toBeNull();
  });
  it('only once, and never for the excluded causes', () => {
    expect(checkReadmission({ ...former, readmittedBefore: true }, '2026-01-01', rules)?.code).toBe('readmission_twice');
    expect(checkReadmission({ ...former, noReadmission: true }, '2026-01-01', rules)?.code).toBe('readmission_not_allowed');
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
