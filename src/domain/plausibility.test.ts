import { describe, expect, it } from 'vitest';
import { admissionAgeProblem, memberEventProblems, memberFileChangeProblems, memberFileProblems } from './plausibility.ts';

const today = '2026-11-20';

describe('plausibility of the member file (issue 10 item 4)', () => {
  it('the admission needs full 18 years on its date, counted in months (§6): the day before fails, the birthday passes', () => {
    expect(admissionAgeProblem({ birthDate: '2000-03-15' }, '2018-03-15')).toBeNull();
    const under = admissionAgeProblem({ birthDate: '2000-03-15' }, '2018-03-14');
    expect(under).toMatchObject({ field: 'admittedOn' });
    expect(under?.message).toContain('mới 17 tuổi 11 tháng, chưa đủ 18 tuổi');
    // month-end rule: born 29/02/2000, full 18 on 28/02/2018
    expect(admissionAgeProblem({ birthDate: '2000-02-29' }, '2018-02-28')).toBeNull();
    expect(admissionAgeProblem({ birthDate: '2000-02-29' }, '2018-02-27')).not.toBeNull();
  });

  it('a member admitted at the age of 4 is refused; a year-only birth counts from 1 January', () => {
    expect(admissionAgeProblem({ birthDate: '2015-06-01' }, '2020-01-01')?.message).toContain('mới 4 tuổi 7 tháng');
    expect(admissionAgeProblem({ birthYear: 2000 }, '2018-01-01')).toBeNull();
    expect(admissionAgeProblem({ birthYear: 2000 }, '2017-12-31')).not.toBeNull();
    expect(admissionAgeProblem({}, '2017-12-31')).toBeNull();
    expect(admissionAgeProblem({ birthDate: '2000-01-01' }, '1999-01-01')?.message).toContain('phải sau ngày sinh');
  });

  it('no date of the file after today: today passes, tomorrow fails, each naming its field', () => {
    expect(memberFileProblems({ admittedOn: today, officialOn: today, birthDate: '1990-01-01' }, today)).toEqual([]);
    const p = memberFileProblems({ admittedOn: '2099-01-01', birthDate: '2026-11-21', cardIssuedOn: '2026-11-21' }, today);
    expect(p.map((x) => x.field)).toEqual(['birthDate', 'admittedOn', 'cardIssuedOn']);
    expect(p[1]!.message).toBe('Ngày vào Đảng (01/01/2099) sau ngày hôm nay (20/11/2026): chỉ ghi nhận điều đã xảy ra.');
  });

  it('a correction answers only for what it changes; a corrected birth that makes the admission under age names the birth', () => {
    const before = { admittedOn: '2010-05-01', birthDate: '1985-01-01', cardIssuedOn: '2099-01-01' };
    expect(memberFileChangeProblems(before, { phone: '0912345678' }, today)).toEqual([]);
    expect(memberFileChangeProblems(before, { birthDate: '1992-05-01' }, today)).toEqual([]);
    const p = memberFileChangeProblems(before, { birthDate: '1992-05-02' }, today);
    expect(p).toEqual([expect.objectContaining({ field: 'birthDate' })]);
  });
});

describe('plausibility of life events', () => {
  it('an event dated after today is refused, today passes; a temporary transfer may end in the future', () => {
    expect(memberEventProblems({ kind: 'deceased', date: today }, today)).toEqual([]);
    expect(memberEventProblems({ kind: 'deceased', date: '2099-01-01' }, today)).toEqual([
      { field: 'date', message: 'Ngày từ trần (01/01/2099) sau ngày hôm nay (20/11/2026): chỉ ghi nhận điều đã xảy ra.' },
    ]);
    expect(memberEventProblems({ kind: 'temporary_out', date: today, until: '2027-06-01' }, today)).toEqual([]);
    expect(memberEventProblems({ kind: 'readmitted', date: today, ceremonyOn: '2026-11-21' }, today)).toEqual([
      expect.objectContaining({ field: 'ceremonyOn' }),
    ]);
    expect(memberEventProblems({ kind: 'transfer_out_started', date: today, moveDecisionDate: '2026-11-21' }, today)).toEqual([
      expect.objectContaining({ field: 'moveDecisionDate' }),
    ]);
  });
});
