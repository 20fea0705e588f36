/**
 * Annual evaluation and classification (đánh giá, xếp loại chất lượng), domain.md §8 with the discipline effects of
 * §11 and the versioned rules of §12.
 *
 * - Four levels, the same words for members and organisations (`Level`). Each rule-set version lists the labels it
 *   rates with (`labels`): the current versions rate with the four levels themselves, the rules before 2018 with
 *   their own words (TSVM, yếu kém, đủ tư cách …). A stored result keeps its original label; multi-year figures map
 *   it to the current scale with `levelOfLabel` (TSVM ↔ excellent, yếu kém ↔ not completed).
 * - QĐ 366 (from the 2025 evaluation) rates members on a 100-point score sheet: criteria as data (30 + 70 points),
 *   bands as data (`scoreSheet`), the level read by `levelFromScore`.
 * - The consistency checks (`runChecks`) take every figure from the version (`checks`), never from literals here, and
 *   return each broken rule with the exact records that break it.
 *
 * Pure: no I/O. The server feeds it the period's records; the web uses the labels and the score sheet.
 */
import type { IsoDate } from './dates.ts';
import { underDiscipline, type DisciplineDecision } from './discipline.ts';
import { formatPercent } from './numbers.ts';

export type Level = 'excellent' | 'good' | 'completed' | 'not_completed';

export const LEVELS: readonly Level[] = ['excellent', 'good', 'completed', 'not_completed'];

export const LEVEL_LABELS: Record<Level, string> = {
  excellent: 'Hoàn thành xuất sắc nhiệm vụ',
  good: 'Hoàn thành tốt nhiệm vụ',
  completed: 'Hoàn thành nhiệm vụ',
  not_completed: 'Không hoàn thành nhiệm vụ',
};

export const LEVEL_SHORT: Record<Level, string> = { excellent: 'HTXSNV', good: 'HTTNV', completed: 'HTNV', not_completed: 'KHTNV' };

/** Higher is better. */
export const LEVEL_RANK: Record<Level, number> = { excellent: 4, good: 3, completed: 2, not_completed: 1 };

export const atLeast = (level: Level | null | undefined, min: Level): boolean => level != null && LEVEL_RANK[level] >= LEVEL_RANK[min];

export type Subject = 'member' | 'org';

/** A label a version rates with: its code (stored), the words users read, and the level it maps to. */
export interface RatingLabel {
  code: string;
  label: string;
  level: Level;
  /** A distinction within another label of the same version: "TSVM tiêu biểu" is also "TSVM" (a streak of TSVM counts it). */
  within?: string;
}

export interface ScoreCriterion {
  code: string;
  title: string;
  maxPoints: number;
}

export interface ScoreSection {
  code: string;
  title: string;
  maxPoints: number;
  criteria: ScoreCriterion[];
}

export interface ScoreSheetRules {
  sections: ScoreSection[];
  /** Lowest total for each level, best first; below the last band: not completed. */
  bands: { level: Exclude<Level, 'not_completed'>; minScore: number }[];
  /** Excellent also needs every task done on time and at least this share (0–1) of them exceeding requirements. */
  excellentMinExceedingShare: number;
}

/** The codes of the consistency checks; each is switched and sized by the version's `checks`. */
export type CheckCode =
  | 'member_quota'
  | 'org_quota'
  | 'disciplined_member'
  | 'excellent_cell'
  | 'excellent_party_committee'
  | 'excellent_disciplined_collective'
  | 'not_completed_collective';

export const CHECK_LABELS: Record<CheckCode, string> = {
  member_quota: 'Tỷ lệ đảng viên HTXSNV vượt quá mức cho phép so với số HTTNV',
  org_quota: 'Tỷ lệ tổ chức đảng HTXSNV vượt quá mức cho phép so với số HTTNV',
  disciplined_member: 'Đảng viên bị kỷ luật trong năm phải xếp loại Không hoàn thành nhiệm vụ',
  excellent_cell: 'Chi bộ HTXSNV cần mọi đảng viên từ HTNV trở lên và ít nhất 80% từ HTTNV trở lên',
  excellent_party_committee: 'Đảng bộ HTXSNV cần mọi tổ chức trực thuộc từ HTNV trở lên và ít nhất 80% từ HTTNV trở lên',
  excellent_disciplined_collective: 'Tập thể có tổ chức trực thuộc hoặc thành viên lãnh đạo bị kỷ luật không được xếp HTXSNV',
  not_completed_collective: 'Tập thể có cấp ủy bị kỷ luật hoặc quá 20% tổ chức trực thuộc bị kỷ luật phải xếp Không hoàn thành nhiệm vụ',
};

export interface EvaluationChecks {
  /** Members rated excellent per grassroots org must not exceed this percent of those rated good; null: no quota. */
  memberExcellentMaxPercentOfGood: number | null;
  /** The same for organisations, per comparable group (the subordinate orgs of one superior); null: no quota. */
  orgExcellentMaxPercentOfGood: number | null;
  /** A member disciplined during the year is rated at most this (unless self-detected and fixed). */
  disciplinedMemberMaxLevel: Level | null;
  /** An excellent collective: every member / subordinate org at least `excellentCollectiveMinLevel` … */
  excellentCollectiveMinLevel: Level;
  /** … and at least this percent of them good or better; null: the rule is off. */
  excellentCollectiveMinGoodPercent: number | null;
  /** A collective with a disciplined subordinate org or leadership member cannot be excellent. */
  disciplinedBlocksExcellent: boolean;
  /** A collective with more than this percent of its subordinate orgs disciplined (or its leadership) is not completed. */
  notCompletedAboveDisciplinedPercent: number | null;
  /** The cell's vote carries a level when its votes exceed this share of the official members (more than half). */
  voteMajorityAbove: { numerator: number; denominator: number };
}

export interface EvaluationRuleSet {
  id: string;
  /** First evaluation year rated under this version. */
  fromYear: number;
  basis: string;
  /** 'score': the 100-point sheet; 'criteria': levels by criteria; 'legacy': the pre-2018 labels. */
  scheme: 'score' | 'criteria' | 'legacy';
  labels: Record<Subject, RatingLabel[]>;
  scoreSheet: ScoreSheetRules | null;
  checks: EvaluationChecks;
  /** (configurable) Members admitted on or after this month-day of the year are listed apart, not rated. */
  lateAdmissionFrom: string;
  /** Where each check comes from, for display next to a failure. */
  checkBasis: string;
}

const CURRENT_LABELS: Record<Subject, RatingLabel[]> = {
  member: LEVELS.map((l) => ({ code: l, label: LEVEL_LABELS[l], level: l })),
  org: LEVELS.map((l) => ({ code: l, label: LEVEL_LABELS[l], level: l })),
};

const CURRENT_CHECKS: EvaluationChecks = {
  memberExcellentMaxPercentOfGood: 20,
  orgExcellentMaxPercentOfGood: 20,
  disciplinedMemberMaxLevel: 'not_completed',
  excellentCollectiveMinLevel: 'completed',
  excellentCollectiveMinGoodPercent: 80,
  disciplinedBlocksExcellent: true,
  notCompletedAboveDisciplinedPercent: 20,
  voteMajorityAbove: { numerator: 1, denominator: 2 },
};

/**
 * The versions, oldest first. (configurable) The split of the 30 + 70 points into criteria follows the structure of
 * Hướng dẫn 43-HD/BTCTW as domain.md describes it (general criteria, task results); the criteria's own points were
 * not confirmed against the official text and are data to correct, not code.
 */
export const EVALUATION_RULE_SETS: readonly EvaluationRuleSet[] = [
  {
    id: 'eval-legacy-pre2018',
    fromYear: 1990,
    basis: 'Các quy định, hướng dẫn đánh giá trước năm 2018 (TSVM; đủ tư cách)',
    scheme: 'legacy',
    labels: {
      org: [
        { code: 'tsvm_tieu_bieu', label: 'Trong sạch, vững mạnh tiêu biểu', level: 'excellent', within: 'tsvm' },
        { code: 'tsvm', label: 'Trong sạch, vững mạnh', level: 'excellent' },
        { code: 'hoan_thanh_tot', label: 'Hoàn thành tốt nhiệm vụ', level: 'good' },
        { code: 'hoan_thanh', label: 'Hoàn thành nhiệm vụ', level: 'completed' },
        { code: 'yeu_kem', label: 'Yếu kém', level: 'not_completed' },
      ],
      member: [
        { code: 'du_tu_cach_xuat_sac', label: 'Đủ tư cách, hoàn thành xuất sắc nhiệm vụ', level: 'excellent' },
        { code: 'du_tu_cach_tot', label: 'Đủ tư cách, hoàn thành tốt nhiệm vụ', level: 'good' },
        { code: 'du_tu_cach_hoan_thanh', label: 'Đủ tư cách, hoàn thành nhiệm vụ', level: 'completed' },
        { code: 'vi_pham_tu_cach', label: 'Vi phạm tư cách hoặc không hoàn thành nhiệm vụ', level: 'not_completed' },
      ],
    },
    scoreSheet: null,
    // Before 2018 none of today's checks was a rule: only the discipline effect on members is kept.
    checks: {
      memberExcellentMaxPercentOfGood: null,
      orgExcellentMaxPercentOfGood: null,
      disciplinedMemberMaxLevel: 'not_completed',
      excellentCollectiveMinLevel: 'completed',
      excellentCollectiveMinGoodPercent: null,
      disciplinedBlocksExcellent: false,
      notCompletedAboveDisciplinedPercent: null,
      voteMajorityAbove: { numerator: 1, denominator: 2 },
    },
    lateAdmissionFrom: '07-01',
    checkBasis: 'Hướng dẫn đánh giá trước 2018',
  },
  {
    id: 'eval-qd132-2018',
    fromYear: 2018,
    basis: 'Quy định 132-QĐ/TW (2018) và hướng dẫn',
    scheme: 'criteria',
    labels: CURRENT_LABELS,
    scoreSheet: null,
    // (configurable) QĐ 132 had the member quota; the quota for collectives came with QĐ 124.
    checks: { ...CURRENT_CHECKS, orgExcellentMaxPercentOfGood: null },
    lateAdmissionFrom: '07-01',
    checkBasis: 'Quy định 132-QĐ/TW',
  },
  {
    id: 'eval-qd124-2023',
    fromYear: 2023,
    basis: 'Quy định 124-QĐ/TW (2023) và hướng dẫn',
    scheme: 'criteria',
    labels: CURRENT_LABELS,
    scoreSheet: null,
    checks: { ...CURRENT_CHECKS },
    lateAdmissionFrom: '07-01',
    checkBasis: 'Quy định 124-QĐ/TW',
  },
  {
    id: 'eval-qd366-2025',
    fromYear: 2025,
    basis: 'Quy định 366-QĐ/TW (30/8/2025), Hướng dẫn 43-HD/BTCTW (31/10/2025)',
    scheme: 'score',
    labels: CURRENT_LABELS,
    scoreSheet: {
      sections: [
        {
          code: 'general',
          title: 'Tiêu chí chung',
          maxPoints: 30,
          criteria: [
            { code: 'politics', title: 'Chính trị, tư tưởng', maxPoints: 10 },
            { code: 'ethics', title: 'Đạo đức, lối sống', maxPoints: 10 },
            { code: 'discipline', title: 'Ý thức tổ chức kỷ luật, tác phong, lề lối làm việc', maxPoints: 10 },
          ],
        },
        {
          code: 'tasks',
          title: 'Kết quả thực hiện nhiệm vụ',
          maxPoints: 70,
          criteria: [
            { code: 'assigned', title: 'Kết quả thực hiện chức trách, nhiệm vụ được giao', maxPoints: 50 },
            { code: 'party_tasks', title: 'Thực hiện nhiệm vụ đảng viên, nhiệm vụ được chi bộ phân công', maxPoints: 20 },
          ],
        },
      ],
      bands: [
        { level: 'excellent', minScore: 90 },
        { level: 'good', minScore: 70 },
        { level: 'completed', minScore: 50 },
      ],
      excellentMinExceedingShare: 0.3,
    },
    checks: { ...CURRENT_CHECKS },
    lateAdmissionFrom: '07-01',
    checkBasis: 'Quy định 366-QĐ/TW, Hướng dẫn 43-HD/BTCTW',
  },
];

/** The version an evaluation of `year` is rated under: the latest whose first year is on or before it. */
export function evaluationRulesForYear(year: number, sets: readonly EvaluationRuleSet[] = EVALUATION_RULE_SETS): EvaluationRuleSet {
  let found: EvaluationRuleSet | undefined;
  for (const s of sets) if (s.fromYear <= year && (!found || s.fromYear > found.fromYear)) found = s;
  found ??= [...sets].sort((a, b) => a.fromYear - b.fromYear)[0];
  if (!found) throw new Error('No evaluation rule set defined');
  return found;
}

export function evaluationRulesById(id: string, sets: readonly EvaluationRuleSet[] = EVALUATION_RULE_SETS): EvaluationRuleSet | undefined {
  return sets.find((s) => s.id === id);
}

/** The label of a version, or undefined when the version does not rate with it. */
export function findLabel(rules: EvaluationRuleSet, subject: Subject, code: string): RatingLabel | undefined {
  return rules.labels[subject].find((l) => l.code === code);
}

/** The current-scale level of a stored label (any version's); undefined for an unknown label. */
export function levelOfLabel(subject: Subject, code: string, sets: readonly EvaluationRuleSet[] = EVALUATION_RULE_SETS): Level | undefined {
  if ((LEVELS as readonly string[]).includes(code)) return code as Level;
  for (const s of sets) {
    const l = findLabel(s, subject, code);
    if (l) return l.level;
  }
  return undefined;
}

/** The words of a stored label as users read them (the original label of an old year). */
export function labelText(subject: Subject, code: string, sets: readonly EvaluationRuleSet[] = EVALUATION_RULE_SETS): string {
  if ((LEVELS as readonly string[]).includes(code)) return LEVEL_LABELS[code as Level];
  for (const s of sets) {
    const l = findLabel(s, subject, code);
    if (l) return l.label;
  }
  return code;
}

// ---------------------------------------------------------------------------------------------------------------
// Figures

/** A share as a percentage with two decimals, half away from zero: 80 of 92 → 86.96. Zero of zero is 0. */
export function percent(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.round((part * 10000) / whole) / 100;
}

/** `part` ≤ `pct`% of `whole`, in integers (5 against 25 at 20% passes, 6 fails). */
export function withinPercent(part: number, whole: number, pct: number): boolean {
  return part * 100 <= pct * whole;
}

// ---------------------------------------------------------------------------------------------------------------
// Score sheet (QĐ 366)

export interface ScoreSheet {
  /** Points per criterion code. */
  scores: Record<string, number>;
  /** Every task done. */
  allTasksDone: boolean;
  /** Every task done on time. */
  allTasksOnTime: boolean;
  /** Share (0–1) of tasks exceeding requirements. */
  exceedingShare: number;
}

export interface ScoreResult {
  total: number;
  level: Level;
  /** Vietnamese messages for points outside a criterion's range or an unknown criterion; empty when valid. */
  errors: string[];
}

/** The total and the level a score sheet earns under the version's bands and conditions. */
export function levelFromScore(sheet: ScoreSheetRules, input: ScoreSheet): ScoreResult {
  const errors: string[] = [];
  const known = new Map(sheet.sections.flatMap((s) => s.criteria.map((c) => [c.code, c] as const)));
  for (const code of Object.keys(input.scores)) if (!known.has(code)) errors.push(`Tiêu chí «${code}» không có trong phiếu chấm điểm.`);
  let total = 0;
  for (const c of known.values()) {
    const v = input.scores[c.code] ?? 0;
    if (!(v >= 0 && v <= c.maxPoints)) errors.push(`Điểm «${c.title}» phải từ 0 đến ${c.maxPoints}.`);
    else total += v;
  }
  total = Math.round(total * 100) / 100;
  let level: Level = 'not_completed';
  for (const band of sheet.bands) {
    if (total < band.minScore) continue;
    if (band.level === 'excellent' && !(input.allTasksDone && input.allTasksOnTime && input.exceedingShare >= sheet.excellentMinExceedingShare)) continue;
    if (band.level === 'good' && !input.allTasksDone) continue;
    level = band.level;
    break;
  }
  return { total, level, errors };
}

// ---------------------------------------------------------------------------------------------------------------
// Discipline in the year

/**
 * Was the member disciplined during the year? A decision taken in the year (its decision date between 1 January and
 * 31 December) that was in force on that day, i.e. `underDiscipline` answers for it on its own date. A decision of an
 * earlier year still in force does not count again: the violation was rated in its own year.
 */
export function disciplinedInYear(decisions: readonly DisciplineDecision[], year: number): boolean {
  const from: IsoDate = `${year}-01-01`;
  const to: IsoDate = `${year}-12-31`;
  return decisions.some((d) => d.decidedOn >= from && d.decidedOn <= to && underDiscipline([d], d.decidedOn) !== null);
}

// ---------------------------------------------------------------------------------------------------------------
// Consistency checks

export interface MemberRating {
  id: string;
  /** The cell the member belongs to on the period's date. */
  cellId: string;
  /** The grassroots organisation above (or equal to) the cell. */
  grassrootsId: string;
  level: Level | null;
  disciplinedInYear: boolean;
  /** The violation was self-detected and fixed: the discipline rule does not apply (domain.md §8). */
  selfDetectedFixed?: boolean;
}

export interface OrgRating {
  id: string;
  parentId: string | null;
  /** A cell rates over its members; any other collective over its subordinate orgs. */
  isCell: boolean;
  isGrassroots: boolean;
  level: Level | null;
  /** The organisation (its committee as a body) was disciplined in the year. */
  disciplined: boolean;
  /** A member of its leadership (committee) was disciplined in the year. */
  leadershipMemberDisciplined: boolean;
}

export interface CheckFailure {
  code: CheckCode;
  /** The organisation the failure is about (the grassroots org of a quota, the collective rated). */
  orgId: string;
  /** Vietnamese explanation with the figures. */
  message: string;
  /** Exactly the records that break the rule: members and/or organisations. */
  memberIds: string[];
  orgIds: string[];
}

/** Every failed check of a period's ratings, in a stable order. Unrated records count as below the level asked. */
export function runChecks(rules: EvaluationRuleSet, members: readonly MemberRating[], orgs: readonly OrgRating[]): CheckFailure[] {
  const c = rules.checks;
  const out: CheckFailure[] = [];

  // Quota of excellent members per grassroots organisation.
  if (c.memberExcellentMaxPercentOfGood !== null) {
    const pct = c.memberExcellentMaxPercentOfGood;
    const byGrassroots = groupBy(members, (m) => m.grassrootsId);
    for (const [orgId, list] of byGrassroots) {
      const excellent = list.filter((m) => m.level === 'excellent');
      const good = list.filter((m) => m.level === 'good').length;
      if (excellent.length > 0 && !withinPercent(excellent.length, good, pct)) {
        out.push({
          code: 'member_quota',
          orgId,
          message: `${excellent.length} đảng viên HTXSNV, vượt quá ${pct}% của ${good} đảng viên HTTNV (tối đa ${Math.floor((pct * good) / 100)}).`,
          memberIds: excellent.map((m) => m.id),
          orgIds: [],
        });
      }
    }
  }

  // A member disciplined in the year is rated not completed.
  if (c.disciplinedMemberMaxLevel !== null) {
    const max = c.disciplinedMemberMaxLevel;
    for (const m of members) {
      if (m.disciplinedInYear && !m.selfDetectedFixed && m.level !== null && LEVEL_RANK[m.level] > LEVEL_RANK[max]) {
        out.push({
          code: 'disciplined_member',
          orgId: m.cellId,
          message: `Đảng viên bị kỷ luật trong năm được đề xuất «${LEVEL_LABELS[m.level]}», chỉ được xếp «${LEVEL_LABELS[max]}».`,
          memberIds: [m.id],
          orgIds: [],
        });
      }
    }
  }

  const membersOfCell = groupBy(members, (m) => m.cellId);
  const childrenOf = groupBy(
    orgs.filter((o) => o.parentId !== null),
    (o) => o.parentId!,
  );

  for (const o of orgs) {
    const subs = childrenOf.get(o.id) ?? [];
    // Excellent collective: everyone below at least completed and ≥ 80% good or better.
    if (o.level === 'excellent' && c.excellentCollectiveMinGoodPercent !== null) {
      const below: { level: Level | null; id: string }[] = o.isCell ? (membersOfCell.get(o.id) ?? []) : subs;
      if (below.length > 0) {
        const weak = below.filter((x) => !atLeast(x.level, c.excellentCollectiveMinLevel));
        const good = below.filter((x) => atLeast(x.level, 'good')).length;
        const okShare = good * 100 >= c.excellentCollectiveMinGoodPercent * below.length;
        if (weak.length > 0 || !okShare) {
          const notGood = below.filter((x) => !atLeast(x.level, 'good'));
          const what = o.isCell ? 'đảng viên' : 'tổ chức trực thuộc';
          const parts: string[] = [];
          if (weak.length > 0) parts.push(`${weak.length} ${what} dưới mức «${LEVEL_LABELS[c.excellentCollectiveMinLevel]}»`);
          if (!okShare) parts.push(`chỉ ${formatPercent(percent(good, below.length))} ${what} từ HTTNV trở lên (cần ${c.excellentCollectiveMinGoodPercent}%)`);
          const ids = (okShare ? weak : notGood).map((x) => x.id);
          out.push({
            code: o.isCell ? 'excellent_cell' : 'excellent_party_committee',
            orgId: o.id,
            message: `Xếp HTXSNV nhưng ${parts.join('; ')}.`,
            memberIds: o.isCell ? ids : [],
            orgIds: o.isCell ? [o.id] : [o.id, ...ids],
          });
        }
      }
    }
    // A disciplined subordinate org or leadership member blocks excellent.
    if (o.level === 'excellent' && c.disciplinedBlocksExcellent) {
      const disciplinedSubs = subs.filter((s) => s.disciplined);
      if (o.leadershipMemberDisciplined || disciplinedSubs.length > 0) {
        const why = [
          o.leadershipMemberDisciplined ? 'có thành viên cấp ủy bị kỷ luật trong năm' : '',
          disciplinedSubs.length > 0 ? `${disciplinedSubs.length} tổ chức trực thuộc bị kỷ luật trong năm` : '',
        ].filter(Boolean);
        out.push({
          code: 'excellent_disciplined_collective',
          orgId: o.id,
          message: `Xếp HTXSNV nhưng ${why.join('; ')}.`,
          memberIds: [],
          orgIds: [o.id, ...disciplinedSubs.map((s) => s.id)],
        });
      }
    }
    // Leadership disciplined, or more than 20% of subordinate orgs: not completed.
    if (c.notCompletedAboveDisciplinedPercent !== null && o.level !== null && o.level !== 'not_completed') {
      const disciplinedSubs = subs.filter((s) => s.disciplined);
      const tooMany = subs.length > 0 && !withinPercent(disciplinedSubs.length, subs.length, c.notCompletedAboveDisciplinedPercent);
      if (o.disciplined || tooMany) {
        const why = [
          o.disciplined ? 'cấp ủy bị kỷ luật trong năm' : '',
          tooMany ? `${disciplinedSubs.length}/${subs.length} tổ chức trực thuộc bị kỷ luật (quá ${c.notCompletedAboveDisciplinedPercent}%)` : '',
        ].filter(Boolean);
        out.push({
          code: 'not_completed_collective',
          orgId: o.id,
          message: `Được đề xuất «${LEVEL_LABELS[o.level]}» nhưng ${why.join('; ')}: phải xếp Không hoàn thành nhiệm vụ.`,
          memberIds: [],
          orgIds: [o.id, ...(tooMany ? disciplinedSubs.map((s) => s.id) : [])],
        });
      }
    }
  }

  // Quota of excellent organisations per comparable group: the subordinate orgs of one superior.
  if (c.orgExcellentMaxPercentOfGood !== null) {
    const pct = c.orgExcellentMaxPercentOfGood;
    for (const [parentId, subs] of childrenOf) {
      const excellent = subs.filter((s) => s.level === 'excellent');
      const good = subs.filter((s) => s.level === 'good').length;
      if (excellent.length > 0 && !withinPercent(excellent.length, good, pct)) {
        out.push({
          code: 'org_quota',
          orgId: parentId,
          message: `${excellent.length} tổ chức trực thuộc HTXSNV, vượt quá ${pct}% của ${good} tổ chức HTTNV (tối đa ${Math.floor((pct * good) / 100)}).`,
          memberIds: [],
          orgIds: excellent.map((s) => s.id),
        });
      }
    }
  }
  return out;
}

/** A stable key for overriding one failure: the check and the organisation it is about. */
export const failureKey = (f: Pick<CheckFailure, 'code' | 'orgId'>, memberId?: string): string => `${f.code}:${f.orgId}${memberId ? `:${memberId}` : ''}`;

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

// ---------------------------------------------------------------------------------------------------------------
// Workflow

export type MemberStage = 'draft' | 'self_assessed' | 'cell_proposed' | 'grassroots_proposed' | 'decided' | 'published';

export const MEMBER_STAGES: readonly MemberStage[] = ['draft', 'self_assessed', 'cell_proposed', 'grassroots_proposed', 'decided', 'published'];

export const STAGE_LABELS: Record<MemberStage, string> = {
  draft: 'Chưa đánh giá',
  self_assessed: 'Đã tự đánh giá',
  cell_proposed: 'Chi bộ đã đề xuất',
  grassroots_proposed: 'Đảng ủy cơ sở đã đề xuất',
  decided: 'Đã quyết định',
  published: 'Đã công bố',
};

/** The stage a record has reached from the levels filled in (a later stage's level makes the record that stage). */
export function stageOf(r: { self: unknown; cell: unknown; grassroots: unknown; decided: unknown }, published: boolean): MemberStage {
  if (published) return 'published';
  if (r.decided != null) return 'decided';
  if (r.grassroots != null) return 'grassroots_proposed';
  if (r.cell != null) return 'cell_proposed';
  if (r.self != null) return 'self_assessed';
  return 'draft';
}

/** The level in force for the checks: the latest stage filled in. */
export function currentLevel(r: { self: Level | null; cell: Level | null; grassroots: Level | null; decided: Level | null }): Level | null {
  return r.decided ?? r.grassroots ?? r.cell ?? r.self;
}

/** The cell's vote as counts (never who voted how). The share is of all official members, not those present. */
export interface VoteTally {
  officialMembers: number;
  present: number;
  excellent: number;
  good: number;
  completed: number;
  notCompleted: number;
}

/** Vietnamese messages for an impossible tally; empty when it adds up. */
export function validateTally(t: VoteTally): string[] {
  const errors: string[] = [];
  const votes = t.excellent + t.good + t.completed + t.notCompleted;
  if (t.present > t.officialMembers) errors.push('Số có mặt không được lớn hơn số đảng viên chính thức.');
  if (votes > t.present) errors.push(`Tổng số phiếu (${votes}) lớn hơn số đảng viên có mặt (${t.present}).`);
  return errors;
}

/**
 * The level the vote carries: the best level whose votes (cumulated downward) exceed the version's share of the
 * official members (`checks.voteMajorityAbove`: more than half).
 */
export function levelFromTally(t: VoteTally, rules: EvaluationRuleSet): Level | null {
  const { numerator, denominator } = rules.checks.voteMajorityAbove;
  let cumulative = 0;
  const order: [Level, number][] = [
    ['excellent', t.excellent],
    ['good', t.good],
    ['completed', t.completed],
    ['not_completed', t.notCompleted],
  ];
  for (const [level, n] of order) {
    cumulative += n;
    if (cumulative * denominator > t.officialMembers * numerator) return level;
  }
  return null;
}

/** Admitted late in the year (on or after the version's month-day): listed apart, not rated with the others. */
export function admittedLate(rules: EvaluationRuleSet, admittedOn: IsoDate | null, year: number): boolean {
  return admittedOn !== null && admittedOn >= `${year}-${rules.lateAdmissionFrom}` && admittedOn <= `${year}-12-31`;
}

// ---------------------------------------------------------------------------------------------------------------
// Streaks (domain.md §8: "29 TCCSĐ đạt TSVM tiêu biểu 3 năm liền")

/**
 * What a streak counts: a level of the current scale (every year's labels mapped to it: TSVM counts as excellent), or
 * an original label of the years rated with it (TSVM tiêu biểu; TSVM, which counts the years rated TSVM tiêu biểu too).
 */
export type StreakCriterion = { kind: 'level'; level: Level; text: string } | { kind: 'label'; code: string; labels: string[]; text: string };

/**
 * The criterion of a streak of `code` over the years [fromYear, toYear], or a Vietnamese refusal: an unknown code, or
 * an original label some year of the span is not rated with (a streak of TSVM cannot run into 2018).
 */
export function streakCriterion(
  subject: Subject,
  code: string,
  fromYear: number,
  toYear: number,
  sets: readonly EvaluationRuleSet[] = EVALUATION_RULE_SETS,
): { criterion: StreakCriterion } | { error: string } {
  if ((LEVELS as readonly string[]).includes(code)) return { criterion: { kind: 'level', level: code as Level, text: LEVEL_LABELS[code as Level] } };
  const versions = sets.filter((s) => s.labels[subject].some((l) => l.code === code && !(LEVELS as readonly string[]).includes(l.code)));
  if (versions.length === 0) return { error: `Không có mức xếp loại «${code}».` };
  const text = labelText(subject, code, sets);
  const outside: number[] = [];
  for (let y = fromYear; y <= toYear; y++) if (!findLabel(evaluationRulesForYear(y, sets), subject, code)) outside.push(y);
  if (outside.length > 0) {
    const years = outside.length > 3 ? `${outside[0]}–${outside.at(-1)}` : outside.join(', ');
    return { error: `«${text}» không phải mức xếp loại của năm ${years}: chuỗi năm liền theo mức này chỉ tính trong các năm xếp loại theo quy định cũ.` };
  }
  const labels = [code, ...new Set(versions.flatMap((v) => v.labels[subject].filter((l) => l.within === code).map((l) => l.code)))];
  return { criterion: { kind: 'label', code, labels, text } };
}
