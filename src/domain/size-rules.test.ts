import { describe, expect, it } from 'vitest';
import { kindByCode } from './org-kinds.ts';
import { ruleSetOn } from './rulesets.ts';
import { sizeWarnings } from './size-rules.ts';

const rules = ruleSetOn('2026-01-01');
const codes = (kind: string, official: number, probationary = 0) => sizeWarnings(kindByCode(kind)!, { official, probationary }, rules).map((w) => w.code);

describe('size rules of the Party Statute (domain.md §3)', () => {
  it('an organisation needs at least 3 official members', () => {
    expect(codes('chi_bo_truc_thuoc', 2)).toContain('too_few_official');
    expect(codes('chi_bo_truc_thuoc', 3)).not.toContain('too_few_official');
    // probationary members do not count towards the three
    expect(codes('chi_bo_truc_thuoc', 2, 5)).toContain('too_few_official');
  });

  it('a chi bộ cơ sở with 30 or more members should be a đảng bộ cơ sở', () => {
    expect(codes('chi_bo_co_so', 29)).not.toContain('cell_base_too_large');
    expect(codes('chi_bo_co_so', 28, 2)).toContain('cell_base_too_large');
    expect(codes('chi_bo_co_so', 30)).toContain('cell_base_too_large');
  });

  it('a đảng bộ cơ sở with fewer than 30 members needs the superior’s consent', () => {
    expect(codes('dang_bo_co_so', 29)).toContain('party_committee_too_small');
    expect(codes('dang_bo_co_so', 25, 5)).not.toContain('party_committee_too_small');
  });

  it('a cell with fewer than 9 official members elects no chi ủy (information, not a breach)', () => {
    const w = sizeWarnings(kindByCode('chi_bo_truc_thuoc')!, { official: 8, probationary: 0 }, rules);
    expect(w).toEqual([expect.objectContaining({ code: 'cell_no_committee', severity: 'info' })]);
    expect(codes('chi_bo_truc_thuoc', 9)).toEqual([]);
  });

  it('bodies above the grassroots level are not checked', () => {
    expect(codes('dang_bo_tinh', 0)).toEqual([]);
    expect(codes('dang_bo_cap_tren_co_so', 1)).toEqual([]);
  });

  it('messages are Vietnamese and carry the figures', () => {
    const [w] = sizeWarnings(kindByCode('chi_bo_co_so')!, { official: 2, probationary: 0 }, rules);
    expect(w!.message).toBe('Chỉ có 2 đảng viên chính thức, chưa đủ 3 đảng viên chính thức theo Điều lệ Đảng.');
  });

  it('reads its thresholds from the rule set, not from literals', () => {
    const custom = { ...rules, orgSize: { minOfficialMembers: 5, partyCommitteeThreshold: 50, cellCommitteeThreshold: 9 } };
    expect(sizeWarnings(kindByCode('chi_bo_co_so')!, { official: 4, probationary: 0 }, custom).map((w) => w.code)).toContain('too_few_official');
    expect(sizeWarnings(kindByCode('chi_bo_co_so')!, { official: 40, probationary: 0 }, custom).map((w) => w.code)).not.toContain('cell_base_too_large');
  });
});
