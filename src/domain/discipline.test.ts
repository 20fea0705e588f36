import { describe, expect, it } from 'vitest';
import { ruleSetOn } from './rulesets.ts';
import {
  competenceRefusal,
  complaintDeadlineOn,
  complaintRefusal,
  deferralRefusal,
  formRefusal,
  lapseBlockApplies,
  limitationRefusal,
  limitationStartOn,
  nursingEndsOn,
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

// Every rule of §11 at its boundary, both sides (issue 15 part 4).
const RULES = ruleSetOn('2026-01-01');
const CELL = { code: 'chi_bo_truc_thuoc', name: 'Chi bộ trực thuộc', isCell: true };
const GRASSROOTS = { code: 'dang_bo_co_so', name: 'Đảng bộ cơ sở', isCell: false };
const DISTRICT = { code: 'dang_bo_cap_tren_co_so', name: 'Đảng bộ cấp trên cơ sở', isCell: false };
const SECTION = { code: 'dang_bo_bo_phan', name: 'Đảng bộ bộ phận', isCell: false };

describe('time limit at its boundaries (§11: 5 years, 10 years, none; restarted by a new violation)', () => {
  it('reprimand level: decided on the fifth anniversary of the violation is allowed, the next day refused with the day it ran out', () => {
    expect(limitationRefusal('2021-03-01', 'reprimand', '2026-03-01', RULES)).toBeNull();
    expect(limitationRefusal('2021-03-01', 'reprimand', '2026-03-02', RULES)).toBe(
      'Đã hết thời hiệu kỷ luật (5 năm kể từ ngày vi phạm 01/03/2021): thời hiệu hết ngày 01/03/2026.',
    );
  });
  it('warning and removal level: the tenth anniversary allowed, the day after refused', () => {
    for (const level of ['warning', 'removal'] as const) {
      expect(limitationRefusal('2016-03-01', level, '2026-03-01', RULES)).toBeNull();
      expect(limitationRefusal('2016-03-01', level, '2026-03-02', RULES)).toContain('10 năm kể từ ngày vi phạm 01/03/2016): thời hiệu hết ngày 01/03/2026');
    }
  });
  it('expulsion level and dissolution have no time limit', () => {
    expect(limitationRefusal('1980-01-01', 'expulsion', '2026-03-02', RULES)).toBeNull();
    expect(limitationRefusal('1980-01-01', 'dissolution', '2026-03-02', RULES)).toBeNull();
  });
  it('a later violation before the decision restarts the count; one after the decision does not', () => {
    expect(limitationStartOn('2016-01-01', ['2019-05-05', '2018-01-01'], '2026-01-01')).toBe('2019-05-05');
    expect(limitationStartOn('2016-01-01', ['2026-01-02'], '2026-01-01')).toBe('2016-01-01');
    expect(limitationStartOn('2016-01-01', ['2026-01-01'], '2026-01-01')).toBe('2026-01-01');
    expect(limitationStartOn('2016-01-01', ['2015-01-01'], '2026-01-01')).toBe('2016-01-01');
  });
});

describe('complaint window at its boundaries (§11: 30 days from receipt)', () => {
  it('filed on the 30th day after receipt is allowed, on the 31st refused with the last day', () => {
    expect(complaintRefusal('2025-06-05', '2025-07-05', RULES)).toBeNull();
    expect(complaintRefusal('2025-06-05', '2025-07-06', RULES)).toBe(
      'Quá thời hạn khiếu nại: 30 ngày kể từ ngày nhận quyết định (05/06/2025), hạn cuối ngày 05/07/2025.',
    );
  });
  it('filed on the day of receipt is allowed, before it refused', () => {
    expect(complaintRefusal('2025-06-05', '2025-06-05', RULES)).toBeNull();
    expect(complaintRefusal('2025-06-05', '2025-06-04', RULES)).toBe('Ngày gửi khiếu nại không được trước ngày nhận quyết định.');
  });
});

describe('what keeps a decision from lapsing (§11: a new violation or a complaint while in force)', () => {
  const d: DisciplineDecision = { form: 'warning', decidedOn: '2025-06-02', announcedOn: '2025-06-05' };
  it('recorded the day before the lapse it blocks; on the lapse day (no longer in force) it does not', () => {
    expect(lapsesOn(d)).toBe('2026-06-05');
    expect(lapseBlockApplies(d, '2026-06-04', RULES)).toBe(true);
    expect(lapseBlockApplies(d, '2026-06-05', RULES)).toBe(false);
  });
  it('before the decision it does not; expulsion and dissolution never lapse, so nothing to block', () => {
    expect(lapseBlockApplies(d, '2025-06-01', RULES)).toBe(false);
    expect(lapseBlockApplies(d, '2025-06-02', RULES)).toBe(true);
    expect(lapseBlockApplies({ form: 'expulsion', decidedOn: '2025-06-02' }, '2025-07-01', RULES)).toBe(false);
    expect(lapseBlockApplies({ form: 'dissolution', decidedOn: '2025-06-02' }, '2025-07-01', RULES)).toBe(false);
    expect(lapsesOn({ form: 'dissolution', decidedOn: '2025-06-02' })).toBeNull();
  });
});

describe('deferral at its boundaries (§11: pregnant, nursing a child under 12 months, in hospital)', () => {
  it('nursing ends on the child’s first birthday: refused the day before, allowed on the day', () => {
    const nursing = [{ reason: 'nursing' as const, fromOn: '2025-12-01', toOn: nursingEndsOn('2025-12-01') }];
    expect(nursingEndsOn('2025-12-01')).toBe('2026-12-01');
    expect(nursingEndsOn('2024-02-29')).toBe('2025-02-28');
    expect(deferralRefusal(nursing, '2026-11-30')).toBe(
      'Chưa xem xét kỷ luật: đảng viên đang nuôi con dưới 12 tháng tuổi (từ ngày 01/12/2025 đến hết ngày 30/11/2026).',
    );
    expect(deferralRefusal(nursing, '2026-12-01')).toBeNull();
    expect(deferralRefusal(nursing, '2025-11-30')).toBeNull();
    expect(deferralRefusal(nursing, '2025-12-01')).not.toBeNull();
  });
  it('in hospital from the first day to the day before discharge; pregnant until an end is recorded', () => {
    const hospital = [{ reason: 'hospital' as const, fromOn: '2026-03-10', toOn: '2026-04-01' }];
    expect(deferralRefusal(hospital, '2026-03-09')).toBeNull();
    expect(deferralRefusal(hospital, '2026-03-10')).toContain('đang điều trị nội trú tại bệnh viện');
    expect(deferralRefusal(hospital, '2026-03-31')).toContain('đến hết ngày 31/03/2026');
    expect(deferralRefusal(hospital, '2026-04-01')).toBeNull();
    const pregnant = [{ reason: 'pregnant' as const, fromOn: '2026-05-01', toOn: null }];
    expect(deferralRefusal(pregnant, '2026-04-30')).toBeNull();
    expect(deferralRefusal(pregnant, '2030-01-01')).toBe('Chưa xem xét kỷ luật: đảng viên đang mang thai (từ ngày 01/05/2026).');
  });
});

describe('forms and competence of each level (§11, rule-set data)', () => {
  it('an organisation: reprimand, warning, dissolution, nothing else; dissolution is not a member’s form', () => {
    for (const form of ['reprimand', 'warning', 'dissolution'] as const) expect(formRefusal({ kind: 'org' }, form)).toBeNull();
    expect(formRefusal({ kind: 'org' }, 'removal')).toContain('không thể cách chức');
    expect(formRefusal({ kind: 'org' }, 'expulsion')).toContain('không thể khai trừ');
    expect(formRefusal({ kind: 'member', membership: 'official' }, 'dissolution')).toContain('không áp dụng cho đảng viên');
  });
  it('the cell’s meeting reprimands or warns its members; removal and expulsion belong higher; the chi ủy cannot discipline', () => {
    expect(competenceRefusal(CELL, 'cell', 'member', 'reprimand', RULES)).toBeNull();
    expect(competenceRefusal(CELL, 'cell', 'member', 'warning', RULES)).toBeNull();
    expect(competenceRefusal(CELL, 'cell', 'member', 'removal', RULES)).toContain('thuộc thẩm quyền cấp trên');
    expect(competenceRefusal(CELL, 'cell', 'member', 'expulsion', RULES)).toContain('thuộc thẩm quyền cấp trên');
    expect(competenceRefusal(CELL, 'committee', 'member', 'reprimand', RULES)).toContain('Chi ủy không có thẩm quyền');
    expect(competenceRefusal(CELL, 'cell', 'org', 'reprimand', RULES)).toContain('không có thẩm quyền kỷ luật tổ chức đảng cấp dưới');
  });
  it('a đảng bộ bộ phận has no competence; the grassroots committee adds removal, expulsion and organisations’ reprimand or warning', () => {
    expect(competenceRefusal(SECTION, 'committee', 'member', 'reprimand', RULES)).toBe('Đảng bộ bộ phận không có thẩm quyền thi hành kỷ luật.');
    for (const form of ['reprimand', 'warning', 'removal', 'expulsion'] as const)
      expect(competenceRefusal(GRASSROOTS, 'committee', 'member', form, RULES)).toBeNull();
    expect(competenceRefusal(GRASSROOTS, 'standing_committee', 'org', 'warning', RULES)).toBeNull();
    expect(competenceRefusal(GRASSROOTS, 'committee', 'org', 'dissolution', RULES)).toContain('thuộc thẩm quyền cấp trên');
    expect(competenceRefusal(GRASSROOTS, 'cell', 'member', 'reprimand', RULES)).toContain('không có thẩm quyền thi hành kỷ luật');
    expect(competenceRefusal(DISTRICT, 'inspection_committee', 'org', 'dissolution', RULES)).toBeNull();
  });
});
