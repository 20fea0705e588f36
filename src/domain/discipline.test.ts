import { describe, expect, it } from 'vitest';
import {
  complaintDeadlineOn,
  disciplinesInForce,
  inForceOn,
  lapsesOn,
  limitationEndsOn,
  underDiscipline,
  validateDiscipline,
  type DisciplineDecision,
} from './discipline.ts';

const reprimand: DisciplineDecision = { form: 'reprimand', decidedOn: '2024-03-10', announcedOn: '2024-03-15' };

describe('discipline forms (domain.md §6, §11)', () => {
  it('a probationary member can only be reprimanded or warned: not removed from post, not expelled', () => {
    expect(validateDiscipline('probationary', 'reprimand')).toBeNull();
    expect(validateDiscipline('probationary', 'warning')).toBeNull();
    expect(validateDiscipline('probationary', 'removal')).toBe('Đảng viên dự bị chỉ có thể bị khiển trách hoặc cảnh cáo, không thể cách chức.');
    expect(validateDiscipline('probationary', 'expulsion')).toMatch(/không thể khai trừ/);
  });
  it('an official member can receive every form', () => {
    for (const form of ['reprimand', 'warning', 'removal', 'expulsion'] as const) expect(validateDiscipline('official', form)).toBeNull();
  });
});

describe('automatic lapse 12 months after the announcement (domain.md §11)', () => {
  it('lapses exactly 12 months after it was announced, not after it was decided', () => {
    expect(lapsesOn(reprimand)).toBe('2025-03-15');
    expect(underDiscipline([reprimand], '2025-03-14')).toBe(reprimand);
    expect(underDiscipline([reprimand], '2025-03-15')).toBeNull();
  });
  it('is in force from the decision date', () => {
    expect(underDiscipline([reprimand], '2024-03-09')).toBeNull();
    expect(underDiscipline([reprimand], '2024-03-10')).toBe(reprimand);
  });
  it('counts from the decision when the announcement date is unknown', () => {
    expect(lapsesOn({ form: 'warning', decidedOn: '2024-05-20' })).toBe('2025-05-20');
  });
  it('announced on 29 February, it lapses on 28 February', () => {
    expect(lapsesOn({ form: 'warning', decidedOn: '2024-02-29', announcedOn: '2024-02-29' })).toBe('2025-02-28');
  });
  it('does not lapse when a new violation or a complaint is recorded', () => {
    const blocked = { ...reprimand, lapseBlocked: true };
    expect(lapsesOn(blocked)).toBeNull();
    expect(inForceOn(blocked, '2027-01-01')).toBe(true);
  });
  it('expulsion never lapses', () => {
    const expulsion: DisciplineDecision = { form: 'expulsion', decidedOn: '2020-01-01' };
    expect(lapsesOn(expulsion)).toBeNull();
    expect(underDiscipline([expulsion], '2040-01-01')).toBe(expulsion);
  });
  it('a revoked decision is no longer in force from its revocation', () => {
    const revoked = { ...reprimand, revokedOn: '2024-06-01' };
    expect(inForceOn(revoked, '2024-05-31')).toBe(true);
    expect(inForceOn(revoked, '2024-06-01')).toBe(false);
  });
  it('with several decisions in force, the heaviest answers', () => {
    const warning: DisciplineDecision = { form: 'warning', decidedOn: '2024-01-05' };
    expect(underDiscipline([reprimand, warning], '2024-06-01')).toBe(warning);
    expect(disciplinesInForce([reprimand, warning], '2024-06-01')).toEqual([warning, reprimand]);
    // the warning lapses first; the reprimand is still in force
    expect(underDiscipline([reprimand, warning], '2025-01-05')).toBe(reprimand);
  });
});

describe('time limits and complaints (domain.md §11)', () => {
  it('5 years for reprimand-level violations, 10 for warning or removal, none for expulsion', () => {
    expect(limitationEndsOn('2020-06-15', 'reprimand')).toBe('2025-06-15');
    expect(limitationEndsOn('2020-06-15', 'warning')).toBe('2030-06-15');
    expect(limitationEndsOn('2020-06-15', 'removal')).toBe('2030-06-15');
    expect(limitationEndsOn('2020-06-15', 'expulsion')).toBeNull();
  });
  it('a violation on 29 February: the limit ends on 28 February', () => {
    expect(limitationEndsOn('2020-02-29', 'reprimand')).toBe('2025-02-28');
  });
  it('a complaint may be filed within 30 days of receiving the decision', () => {
    expect(complaintDeadlineOn('2024-03-15')).toBe('2024-04-14');
  });
});
