import { describe, expect, it } from 'vitest';
import {
  admittedLate,
  disciplinedInYear,
  evaluationRulesForYear,
  labelText,
  levelFromScore,
  levelFromTally,
  levelOfLabel,
  percent,
  runChecks,
  stageOf,
  streakCriterion,
  validateTally,
  withinPercent,
  type Level,
  type MemberRating,
  type OrgRating,
} from './evaluation.ts';

const r2025 = evaluationRulesForYear(2025);
const r2023 = evaluationRulesForYear(2023);

const members = (cellId: string, grassrootsId: string, levels: [Level | null, number][], extra: Partial<MemberRating> = {}): MemberRating[] => {
  const out: MemberRating[] = [];
  for (const [level, n] of levels)
    for (let i = 0; i < n; i++) out.push({ id: `${cellId}-${level}-${i}`, cellId, grassrootsId, level, disciplinedInYear: false, ...extra });
  return out;
};
const org = (id: string, parentId: string | null, level: Level | null, extra: Partial<OrgRating> = {}): OrgRating => ({
  id,
  parentId,
  isCell: false,
  isGrassroots: false,
  level,
  disciplined: false,
  leadershipMemberDisciplined: false,
  ...extra,
});

describe('rule-set versions by evaluation year (domain.md §8, §12)', () => {
  it('QĐ 366 from 2025, QĐ 124 for 2023–2024, QĐ 132 from 2018, the old labels before', () => {
    expect(evaluationRulesForYear(2026).id).toBe('eval-qd366-2025');
    expect(evaluationRulesForYear(2025).id).toBe('eval-qd366-2025');
    expect(evaluationRulesForYear(2024).id).toBe('eval-qd124-2023');
    expect(evaluationRulesForYear(2023).id).toBe('eval-qd124-2023');
    expect(evaluationRulesForYear(2022).id).toBe('eval-qd132-2018');
    expect(evaluationRulesForYear(2018).id).toBe('eval-qd132-2018');
    expect(evaluationRulesForYear(2017).id).toBe('eval-legacy-pre2018');
    expect(evaluationRulesForYear(2017).scheme).toBe('legacy');
  });
  it('the QĐ 366 score sheet is 30 points of general criteria and 70 of task results', () => {
    const sheet = r2025.scoreSheet!;
    expect(sheet.sections.map((s) => s.maxPoints)).toEqual([30, 70]);
    for (const s of sheet.sections) expect(s.criteria.reduce((a, c) => a + c.maxPoints, 0)).toBe(s.maxPoints);
    expect(r2023.scoreSheet).toBeNull();
  });
  it('maps the historical labels to the current scale and keeps their words', () => {
    expect(levelOfLabel('org', 'tsvm')).toBe('excellent');
    expect(levelOfLabel('org', 'tsvm_tieu_bieu')).toBe('excellent');
    expect(levelOfLabel('org', 'yeu_kem')).toBe('not_completed');
    expect(levelOfLabel('member', 'du_tu_cach_tot')).toBe('good');
    expect(levelOfLabel('member', 'vi_pham_tu_cach')).toBe('not_completed');
    expect(levelOfLabel('org', 'good')).toBe('good');
    expect(levelOfLabel('org', 'nonsense')).toBeUndefined();
    expect(labelText('org', 'tsvm')).toBe('Trong sạch, vững mạnh');
  });
});

describe('score sheet (QĐ 366: ≥ 90 excellent, 70–< 90 good, 50–< 70 completed, < 50 not completed)', () => {
  const sheet = r2025.scoreSheet!;
  const score = (total: number, o: Partial<{ allTasksDone: boolean; allTasksOnTime: boolean; exceedingShare: number }> = {}) => {
    // Fill the criteria in order up to the total.
    const scores: Record<string, number> = {};
    let left = total;
    for (const c of sheet.sections.flatMap((s) => s.criteria)) {
      const v = Math.min(c.maxPoints, left);
      scores[c.code] = v;
      left -= v;
    }
    return levelFromScore(sheet, { scores, allTasksDone: true, allTasksOnTime: true, exceedingShare: 0.3, ...o });
  };
  it('reads each band at its boundary', () => {
    expect(score(100).level).toBe('excellent');
    expect(score(90).level).toBe('excellent');
    expect(score(89.5).level).toBe('good');
    expect(score(70).level).toBe('good');
    expect(score(69.75).level).toBe('completed');
    expect(score(50).level).toBe('completed');
    expect(score(49.5).level).toBe('not_completed');
    expect(score(90).total).toBe(90);
  });
  it('excellent needs every task on time and ≥ 30% exceeding; good needs every task done', () => {
    expect(score(95, { exceedingShare: 0.29 }).level).toBe('good');
    expect(score(95, { allTasksOnTime: false }).level).toBe('good');
    expect(score(95, { allTasksDone: false }).level).toBe('completed');
    expect(score(75, { allTasksDone: false }).level).toBe('completed');
  });
  it('refuses points outside a criterion and unknown criteria', () => {
    expect(levelFromScore(sheet, { scores: { politics: 11 }, allTasksDone: true, allTasksOnTime: true, exceedingShare: 0 }).errors).toHaveLength(1);
    expect(levelFromScore(sheet, { scores: { x: 1 }, allTasksDone: true, allTasksOnTime: true, exceedingShare: 0 }).errors).toHaveLength(1);
  });
});

describe('figures', () => {
  it('percentages to two decimals: 80 of 92 → 86.96', () => {
    expect(percent(80, 92)).toBe(86.96);
    expect(percent(12, 92)).toBe(13.04);
    expect(percent(1, 3)).toBe(33.33);
    expect(percent(2, 3)).toBe(66.67);
    expect(percent(0, 0)).toBe(0);
    expect(percent(92, 92)).toBe(100);
  });
  it('within a percent, in integers', () => {
    expect(withinPercent(5, 25, 20)).toBe(true);
    expect(withinPercent(6, 25, 20)).toBe(false);
  });
});

describe('consistency checks (domain.md §8)', () => {
  it('member quota per grassroots org: 5 excellent against 25 good passes, 6 fails and names the six', () => {
    const ok = members('c1', 'g1', [
      ['excellent', 5],
      ['good', 25],
    ]);
    expect(runChecks(r2025, ok, [])).toEqual([]);
    const bad = members('c1', 'g1', [
      ['excellent', 6],
      ['good', 25],
    ]);
    const f = runChecks(r2025, bad, []);
    expect(f).toHaveLength(1);
    expect(f[0]!.code).toBe('member_quota');
    expect(f[0]!.orgId).toBe('g1');
    expect(f[0]!.memberIds).toHaveLength(6);
    expect(f[0]!.memberIds.every((id) => id.includes('excellent'))).toBe(true);
  });
  it('the quota counts the whole grassroots org, across its cells, and each grassroots org alone', () => {
    const ms = [
      ...members('c1', 'g1', [
        ['excellent', 3],
        ['good', 5],
      ]),
      ...members('c2', 'g1', [
        ['excellent', 2],
        ['good', 20],
      ]),
    ];
    expect(runChecks(r2025, ms, [])).toEqual([]);
    const other = members('c3', 'g2', [
      ['excellent', 1],
      ['good', 5],
    ]);
    expect(runChecks(r2025, [...ms, ...other], [])).toEqual([]);
    const over = members('c3', 'g2', [
      ['excellent', 1],
      ['good', 4],
      ['good', 0],
    ]).concat(members('c4', 'g2', [['excellent', 1]]));
    expect(runChecks(r2025, over, []).map((x) => x.orgId)).toEqual(['g2']);
  });
  it('no quota before 2018', () => {
    expect(
      runChecks(
        evaluationRulesForYear(2016),
        members('c1', 'g1', [
          ['excellent', 6],
          ['good', 25],
        ]),
        [],
      ),
    ).toEqual([]);
  });
  it('a member disciplined in the year rated above not completed fails, unless self-detected and fixed', () => {
    const m: MemberRating = { id: 'm1', cellId: 'c1', grassrootsId: 'g1', level: 'completed', disciplinedInYear: true };
    expect(runChecks(r2025, [m], []).map((x) => [x.code, x.memberIds])).toEqual([['disciplined_member', ['m1']]]);
    expect(runChecks(r2025, [{ ...m, level: 'not_completed' }], [])).toEqual([]);
    expect(runChecks(r2025, [{ ...m, selfDetectedFixed: true }], [])).toEqual([]);
    expect(runChecks(r2025, [{ ...m, level: null }], [])).toEqual([]);
  });
  it('an excellent cell needs every member at least completed and ≥ 80% good or better (8 of 10 passes, 7 fails)', () => {
    const cell = org('c1', null, 'excellent', { isCell: true });
    const pass = members('c1', 'g1', [
      ['excellent', 1],
      ['good', 7],
      ['completed', 2],
    ]);
    expect(runChecks(r2025, pass, [cell])).toEqual([]);
    const fail = members('c1', 'g1', [
      ['excellent', 1],
      ['good', 6],
      ['completed', 3],
    ]);
    const f = runChecks(r2025, fail, [cell]);
    expect(f.map((x) => x.code)).toEqual(['excellent_cell']);
    expect(f[0]!.memberIds).toHaveLength(3);
    const one = members('c1', 'g1', [
      ['excellent', 1],
      ['good', 8],
      ['not_completed', 1],
    ]);
    const g = runChecks(r2025, one, [cell]);
    expect(g.map((x) => x.code)).toEqual(['excellent_cell']);
    expect(g[0]!.memberIds).toEqual(['c1-not_completed-0']);
    expect(runChecks(r2025, one, [{ ...cell, level: 'good' }])).toEqual([]);
  });
  it('an excellent đảng bộ likewise over its subordinate orgs', () => {
    const top = org('g1', 'p', 'excellent');
    const subs = (levels: Level[]) => levels.map((l, i) => org(`s${i}`, 'g1', l, { isCell: true }));
    const c = { ...r2025, checks: { ...r2025.checks, orgExcellentMaxPercentOfGood: null } };
    expect(runChecks(c, [], [top, ...subs(['good', 'good', 'good', 'good', 'completed'])])).toEqual([]);
    const f = runChecks(c, [], [top, ...subs(['good', 'good', 'good', 'completed', 'completed'])]);
    expect(f.map((x) => x.code)).toEqual(['excellent_party_committee']);
    expect(f[0]!.orgIds).toEqual(['g1', 's3', 's4']);
    expect(runChecks(c, [], [top, ...subs(['good', 'good', 'good', 'good', 'not_completed'])]).map((x) => x.code)).toEqual(['excellent_party_committee']);
  });
  it('a disciplined leadership member or subordinate org blocks excellent', () => {
    const c = { ...r2025, checks: { ...r2025.checks, orgExcellentMaxPercentOfGood: null, excellentCollectiveMinGoodPercent: null } };
    expect(runChecks(c, [], [org('g1', null, 'excellent', { leadershipMemberDisciplined: true })]).map((x) => x.code)).toEqual([
      'excellent_disciplined_collective',
    ]);
    expect(runChecks(c, [], [org('g1', null, 'good', { leadershipMemberDisciplined: true })])).toEqual([]);
    const subs = Array.from({ length: 10 }, (_, i) => org(`s${i}`, 'g1', i === 0 ? 'not_completed' : 'good', { disciplined: i === 0 }));
    const f = runChecks(c, [], [org('g1', null, 'excellent'), ...subs]);
    expect(f.map((x) => [x.code, x.orgIds])).toEqual([['excellent_disciplined_collective', ['g1', 's0']]]);
  });
  it('more than 20% of subordinate orgs disciplined, or the committee disciplined: not completed (2 of 10 passes, 3 fails)', () => {
    const c = { ...r2025, checks: { ...r2025.checks, orgExcellentMaxPercentOfGood: null } };
    const subs = (n: number) => Array.from({ length: 10 }, (_, i) => org(`s${i}`, 'g1', i < n ? 'not_completed' : 'good', { disciplined: i < n }));
    expect(runChecks(c, [], [org('g1', null, 'completed'), ...subs(2)])).toEqual([]);
    const f = runChecks(c, [], [org('g1', null, 'completed'), ...subs(3)]);
    expect(f.map((x) => [x.code, x.orgIds])).toEqual([['not_completed_collective', ['g1', 's0', 's1', 's2']]]);
    expect(runChecks(c, [], [org('g1', null, 'not_completed'), ...subs(3)])).toEqual([]);
    expect(runChecks(c, [], [org('g1', null, 'good', { disciplined: true })]).map((x) => x.code)).toEqual(['not_completed_collective']);
  });
  it('org quota per superior from QĐ 124 on: 1 excellent against 5 good passes, 2 fail', () => {
    const subs = (e: number, g: number) => [
      ...Array.from({ length: e }, (_, i) => org(`e${i}`, 'p', 'excellent', { isGrassroots: true })),
      ...Array.from({ length: g }, (_, i) => org(`g${i}`, 'p', 'good', { isGrassroots: true })),
    ];
    expect(runChecks(r2023, [], subs(1, 5))).toEqual([]);
    expect(runChecks(r2023, [], subs(2, 5)).map((x) => [x.code, x.orgId, x.orgIds])).toEqual([['org_quota', 'p', ['e0', 'e1']]]);
    expect(runChecks(evaluationRulesForYear(2020), [], subs(2, 5))).toEqual([]);
  });
});

describe('discipline in the year, tally, stages, late admission', () => {
  it('a decision taken in the year counts; one of the year before still in force does not; a revoked-on-the-day one does not', () => {
    expect(disciplinedInYear([{ form: 'reprimand', decidedOn: '2025-03-01' }], 2025)).toBe(true);
    expect(disciplinedInYear([{ form: 'reprimand', decidedOn: '2025-12-31' }], 2025)).toBe(true);
    expect(disciplinedInYear([{ form: 'warning', decidedOn: '2024-12-31' }], 2025)).toBe(false);
    expect(disciplinedInYear([{ form: 'warning', decidedOn: '2025-05-01', revokedOn: '2025-05-01' }], 2025)).toBe(false);
  });
  it('the vote carries the best level more than half of all official members reach', () => {
    expect(levelFromTally({ officialMembers: 20, present: 18, excellent: 11, good: 7, completed: 0, notCompleted: 0 }, r2025)).toBe('excellent');
    expect(levelFromTally({ officialMembers: 20, present: 18, excellent: 10, good: 8, completed: 0, notCompleted: 0 }, r2025)).toBe('good');
    expect(levelFromTally({ officialMembers: 20, present: 10, excellent: 5, good: 5, completed: 0, notCompleted: 0 }, r2025)).toBeNull();
    // The share is the version's: with "more than 2/3", 13 of 20 is short and 14 carries.
    const twoThirds = { ...r2025, checks: { ...r2025.checks, voteMajorityAbove: { numerator: 2, denominator: 3 } } };
    expect(levelFromTally({ officialMembers: 20, present: 18, excellent: 13, good: 0, completed: 0, notCompleted: 0 }, twoThirds)).toBeNull();
    expect(levelFromTally({ officialMembers: 20, present: 18, excellent: 14, good: 0, completed: 0, notCompleted: 0 }, twoThirds)).toBe('excellent');
    expect(validateTally({ officialMembers: 20, present: 21, excellent: 0, good: 0, completed: 0, notCompleted: 0 })).toHaveLength(1);
    expect(validateTally({ officialMembers: 20, present: 10, excellent: 6, good: 5, completed: 0, notCompleted: 0 })).toHaveLength(1);
  });
  it('stages follow the levels filled in', () => {
    expect(stageOf({ self: null, cell: null, grassroots: null, decided: null }, false)).toBe('draft');
    expect(stageOf({ self: 'good', cell: 'good', grassroots: null, decided: null }, false)).toBe('cell_proposed');
    expect(stageOf({ self: 'good', cell: 'good', grassroots: 'good', decided: 'good' }, true)).toBe('published');
  });
  it('admitted from 1 July of the year: listed apart', () => {
    expect(admittedLate(r2025, '2025-06-30', 2025)).toBe(false);
    expect(admittedLate(r2025, '2025-07-01', 2025)).toBe(true);
    expect(admittedLate(r2025, '2024-09-01', 2025)).toBe(false);
  });
});

describe('streaks by label (§8)', () => {
  it('a level counts every year; an original label only the years rated with it, with its distinctions', () => {
    expect(streakCriterion('org', 'excellent', 2015, 2019)).toEqual({ criterion: { kind: 'level', level: 'excellent', text: 'Hoàn thành xuất sắc nhiệm vụ' } });
    expect(streakCriterion('org', 'tsvm_tieu_bieu', 2011, 2013)).toEqual({
      criterion: { kind: 'label', code: 'tsvm_tieu_bieu', labels: ['tsvm_tieu_bieu'], text: 'Trong sạch, vững mạnh tiêu biểu' },
    });
    expect(streakCriterion('org', 'tsvm', 2015, 2017)).toMatchObject({ criterion: { labels: ['tsvm', 'tsvm_tieu_bieu'] } });
    // 2017 is the last year of the old labels, 2018 rates under QĐ 132
    expect(streakCriterion('org', 'tsvm', 2016, 2018)).toEqual({ error: expect.stringContaining('không phải mức xếp loại của năm 2018') });
    expect(streakCriterion('org', 'khong_co', 2011, 2013)).toEqual({ error: 'Không có mức xếp loại «khong_co».' });
    expect(streakCriterion('org', 'du_tu_cach_tot', 2011, 2013)).toHaveProperty('error'); // a member label, not an organisation's
  });
});
