import { describe, expect, it } from 'vitest';
import { isIsoDate } from './dates.ts';
import { RULE_SETS, ruleSetOn, type RuleSet } from './rulesets.ts';

const shipped = RULE_SETS[0]!;
const sets: RuleSet[] = [
  { ...shipped, id: 'a', effectiveFrom: '2018-01-01', basis: '' },
  { ...shipped, id: 'b', effectiveFrom: '2025-07-01', basis: '' },
];

describe('rule set in force on a date (domain.md §12)', () => {
  it('takes the latest version in force on the date, switching on the effective day itself', () => {
    expect(ruleSetOn('2025-06-30', sets).id).toBe('a');
    expect(ruleSetOn('2025-07-01', sets).id).toBe('b');
    expect(ruleSetOn('2019-05-19', sets).id).toBe('a');
  });
  it('falls back to the earliest version before any is in force', () => {
    expect(ruleSetOn('1990-01-01', sets).id).toBe('a');
  });
  it('the shipped sets switch to QĐ 294 on 1 July 2025', () => {
    expect(ruleSetOn('2025-06-30').id).not.toBe(ruleSetOn('2025-07-01').id);
  });
});

describe('member-rule figures of the shipped rule sets (domain.md §5, §6, §7, §10, §11)', () => {
  it('both shipped versions carry the same member-rule numbers, as domain.md states no change', () => {
    const [a, b] = RULE_SETS;
    for (const key of ['badges', 'probation', 'discipline', 'transfer', 'fees', 'admission'] as const) {
      expect(b![key]).toEqual(a![key]);
      // separate objects: editing one version never edits the other
      expect(b![key]).not.toBe(a![key]);
    }
  });
  it('badge milestones are 30, 40, 45 … 90 years, presented on 3/2, 19/5, 2/9 and 7/11', () => {
    const r = ruleSetOn('2026-01-01');
    expect(r.badges.milestones).toEqual([30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90]);
    expect(r.badges.anniversaries).toEqual(['02-03', '05-19', '09-02', '11-07']);
    for (const md of r.badges.anniversaries) expect(isIsoDate(`2024-${md}`)).toBe(true);
  });
  it('early award: 12 months up to the 65-year badge, 24 for 70–90; posthumous 12; discipline delay 6/9/12', () => {
    const b = ruleSetOn('2026-01-01').badges;
    expect(b.earlyForIllness).toEqual([
      { upToYears: 65, months: 12 },
      { upToYears: 90, months: 24 },
    ]);
    expect(b.posthumousEarlyMonths).toBe(12);
    expect(b.disciplineDelayMonths).toEqual({ reprimand: 6, warning: 9, removal: 12 });
  });
  it('probation, discipline, transfer, fee and admission figures', () => {
    const r = ruleSetOn('2019-10-01');
    expect(r.probation).toEqual({
      months: 12,
      recognitionDueWorkingDays: 30,
      recognitionVoteShare: { numerator: 2, denominator: 3 },
      inconclusiveVotesToSuperior: 3,
    });
    expect(r.discipline).toMatchObject({ lapseMonths: 12, complaintDays: 30, limitationYears: { reprimand: 5, warningOrRemoval: 10 } });
    expect(r.transfer).toEqual({
      startWithinWorkingDays: 60,
      presentLetterWithinWorkingDays: 30,
      temporaryMinMonths: 3,
      temporaryMaxMonths: 12,
      temporaryTrainingMaxMonths: 24,
    });
    expect(r.fees.exemptFromPartyAgeYears).toBe(50);
    expect(r.admission).toEqual({
      minAgeYears: 18,
      maxAgeYears: 60,
      courseCertificateValidMonths: 60,
      ceremonyWithinWorkingDays: 30,
      backgroundFormWithinWorkingDays: 30,
      readmissionAfterMonths: 36,
      readmissionAfterCriminalRecordMonths: 60,
      introducerMonthsTogether: 12,
      cellVoteShare: { numerator: 2, denominator: 3 },
      committeeResolutionShare: { numerator: 2, denominator: 3 },
      qualifyingEducation: ['thcs', 'thpt'],
    });
  });
});
