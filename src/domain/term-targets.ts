/**
 * The targets of a congress resolution tracked against the records over the term (issue 17 part 6; domain.md §1, the
 * figures "phấn đấu 70–75% TCCSĐ TSVM … kết nạp thêm 16.500 – 17.500 đảng viên" and "chỉ tiêu 95% tổ chức đảng đạt
 * TSVM năm nay có khả năng không đạt"). Pure: the yearly actual figures come in (computed by the reports module, or
 * typed in by hand), the year-by-year table, the pace needed and the verdict with its reason in words come out.
 *
 * Two kinds of target:
 * - `share`: a yearly rate in percent that must hold each year (the share of grassroots organisations rated excellent,
 *   of members rated good or better). The latest year with a figure decides: below the target's lower bound it is at
 *   risk (missed when the term is over).
 * - `cumulative`: a count summed over the term (members admitted). The pace is the average of the years of the term
 *   already over; cumulative of those years + pace × the years left (the current one included) below the lower bound
 *   is at risk; a total already at the lower bound is reached.
 *
 * Higher is better for every target; a range "70–75%" is met from its lower bound (70), its upper bound is shown only.
 */
import { formatCount, formatNumber, formatPercent } from './numbers.ts';

export const TARGET_KINDS = ['share', 'cumulative'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
export const TARGET_KIND_LABELS: Record<TargetKind, string> = { share: 'Tỷ lệ hằng năm', cumulative: 'Cộng dồn cả nhiệm kỳ' };

export type TargetStatus = 'reached' | 'on_track' | 'at_risk' | 'missed' | 'no_data';
export const TARGET_STATUS_LABELS: Record<TargetStatus, string> = {
  reached: 'Đã đạt',
  on_track: 'Đúng tiến độ',
  at_risk: 'Có khả năng không đạt',
  missed: 'Không đạt',
  no_data: 'Chưa có số liệu',
};

export interface TargetSpec {
  kind: TargetKind;
  /** The lower bound (the value of a single-value target). */
  low: number;
  /** The upper bound of a range, null for a single value. */
  high: number | null;
}

/** One year of the term with its actual figure (null: none yet, or not entered). */
export interface YearActual {
  year: number;
  actual: number | null;
}

export interface TargetYearRow {
  year: number;
  actual: number | null;
  /** The year is not over yet (the current year): its figure is to date. */
  partial: boolean;
  /** Cumulative: the running total to this year; share: the year's figure. */
  cumulative: number | null;
  /** Share: the year's figure reaches the lower bound; cumulative: the running total does. Null without a figure. */
  meets: boolean | null;
  /** Per year still needed after this year to reach the lower bound (cumulative); the lower bound (share). Null for the last year or without a figure. */
  neededPerYear: number | null;
}

export interface TargetAssessment {
  status: TargetStatus;
  atRisk: boolean;
  /** Why, in Vietnamese words ("Năm 2025 đạt 91,2%, thấp hơn chỉ tiêu 95%."). */
  reason: string;
  rows: TargetYearRow[];
  /** Cumulative: the total of the years with a figure (the current year to date included); share: the latest figure. */
  current: number | null;
  /** Cumulative: the average of the years over; null for a share or before any year is over. */
  pace: number | null;
  /** Cumulative: total of the years over + pace × years left; null otherwise. */
  projection: number | null;
  /** Cumulative: per year needed over the years left to reach the lower bound; share: the lower bound. */
  neededPerYear: number | null;
}

/** "95%", "70–75%", "16.500–17.500". */
export function formatTarget(t: { low: number; high: number | null }, unit: 'percent' | 'count'): string {
  const f = (n: number) => (unit === 'percent' ? formatNumber(n, 2) : formatCount(n));
  const text = t.high === null || t.high === t.low ? f(t.low) : `${f(t.low)}–${f(t.high)}`;
  return unit === 'percent' ? `${text}%` : text;
}

const fmt = (n: number, unit: 'percent' | 'count') => (unit === 'percent' ? formatPercent(n) : formatNumber(n, 0));

/**
 * The verdict of a target on the years of its term. `years` are the term's years in order (each with its actual or
 * null), `currentYear` the year of today: years before it are over, it is partial, later ones have no figure.
 */
export function assessTarget(spec: TargetSpec, unit: 'percent' | 'count', years: readonly YearActual[], currentYear: number): TargetAssessment {
  return spec.kind === 'share' ? assessShare(spec, unit, years, currentYear) : assessCumulative(spec, unit, years, currentYear);
}

function assessShare(spec: TargetSpec, unit: 'percent' | 'count', years: readonly YearActual[], currentYear: number): TargetAssessment {
  const lastYear = years.at(-1)?.year ?? currentYear;
  const target = formatTarget(spec, unit);
  const rows = years.map((y): TargetYearRow => {
    const actual = y.year > currentYear ? null : y.actual;
    return {
      year: y.year,
      actual,
      partial: y.year === currentYear,
      cumulative: actual,
      meets: actual === null ? null : actual >= spec.low,
      neededPerYear: actual === null || y.year >= lastYear ? null : spec.low,
    };
  });
  const latest = rows.filter((r) => r.actual !== null).at(-1);
  const base = { rows, pace: null, projection: null, neededPerYear: spec.low };
  if (!latest) return { ...base, status: 'no_data', atRisk: false, reason: 'Chưa có số liệu của năm nào trong nhiệm kỳ.', current: null };
  const actual = latest.actual!;
  const over = lastYear < currentYear;
  const said = `Năm ${latest.year} đạt ${fmt(actual, unit)}`;
  if (actual >= spec.low) {
    const status: TargetStatus = over && latest.year === lastYear ? 'reached' : 'on_track';
    return { ...base, status, atRisk: false, reason: `${said}, không thấp hơn chỉ tiêu ${target}.`, current: actual };
  }
  const gap = unit === 'percent' ? `thiếu ${formatNumber(spec.low - actual, 2)} điểm phần trăm` : `thiếu ${fmt(spec.low - actual, unit)}`;
  if (over)
    return { ...base, status: 'missed', atRisk: false, reason: `${said}, thấp hơn chỉ tiêu ${target} (${gap}); nhiệm kỳ đã kết thúc.`, current: actual };
  return {
    ...base,
    status: 'at_risk',
    atRisk: true,
    reason: `${said}, thấp hơn chỉ tiêu ${target} (${gap}); giữ mức này thì chỉ tiêu không đạt.`,
    current: actual,
  };
}

function assessCumulative(spec: TargetSpec, unit: 'percent' | 'count', years: readonly YearActual[], currentYear: number): TargetAssessment {
  const target = formatTarget(spec, unit);
  const lastYear = years.at(-1)?.year ?? currentYear;
  let running = 0;
  let seen = false;
  const rows = years.map((y): TargetYearRow => {
    const actual = y.year > currentYear ? null : y.actual;
    if (actual !== null) {
      running += actual;
      seen = true;
    }
    const cumulative = seen && y.year <= currentYear ? running : null;
    const left = lastYear - y.year;
    return {
      year: y.year,
      actual,
      partial: y.year === currentYear,
      cumulative,
      meets: cumulative === null ? null : cumulative >= spec.low,
      neededPerYear: cumulative === null || left <= 0 ? null : Math.max(0, spec.low - cumulative) / left,
    };
  });
  const over = years.filter((y) => y.year < currentYear && y.actual !== null);
  const done = over.reduce((a, y) => a + y.actual!, 0);
  const total = rows.filter((r) => r.actual !== null).reduce((a, r) => a + r.actual!, 0);
  const remaining = years.filter((y) => y.year >= currentYear).length;
  const current = seen ? total : null;
  const neededPerYear = remaining > 0 ? Math.max(0, spec.low - done) / remaining : null;
  const base = { rows, current, neededPerYear };
  if (seen && total >= spec.low)
    return {
      ...base,
      status: 'reached',
      atRisk: false,
      reason: `Đã đạt ${fmt(total, unit)}, không thấp hơn chỉ tiêu ${target}.`,
      pace: null,
      projection: null,
    };
  if (over.length === 0)
    return {
      ...base,
      status: 'no_data',
      atRisk: false,
      reason: 'Chưa có năm nào của nhiệm kỳ kết thúc: chưa tính được nhịp độ.',
      pace: null,
      projection: null,
    };
  const n = over.length;
  const pace = done / n;
  const projection = done + pace * remaining;
  const upTo = over.at(-1)!.year;
  const said = `Đến hết năm ${upTo} đạt ${fmt(done, unit)} (bình quân ${formatNumber(pace, 0)}/năm)`;
  if (remaining === 0)
    return { ...base, status: 'missed', atRisk: false, reason: `${said}, thấp hơn chỉ tiêu ${target}; nhiệm kỳ đã kết thúc.`, pace, projection };
  // projection < low, in integers where the figures are: done × (n + remaining) < low × n
  if (done * (n + remaining) < spec.low * n)
    return {
      ...base,
      status: 'at_risk',
      atRisk: true,
      reason: `${said}; giữ nhịp độ này, ${remaining} năm còn lại ước đạt ${formatNumber(projection, 0)}, thấp hơn chỉ tiêu ${target}; cần bình quân ${formatNumber(Math.ceil(neededPerYear!), 0)}/năm.`,
      pace,
      projection,
    };
  return {
    ...base,
    status: 'on_track',
    atRisk: false,
    reason: `${said}; giữ nhịp độ này, ${remaining} năm còn lại ước đạt ${formatNumber(projection, 0)}, đạt chỉ tiêu ${target}.`,
    pace,
    projection,
  };
}

/**
 * The metrics a target is tracked by: computed from the records by the reports module (each a figure of one of its
 * standard tables), or `manual` (the yearly actuals typed in). A computed metric fixes the kind and the unit.
 */
export const TARGET_METRICS = ['orgs_excellent_share', 'members_good_share', 'members_admitted', 'manual'] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];
export type TargetUnit = 'percent' | 'count';

export const METRIC_CATALOGUE: Record<Exclude<TargetMetric, 'manual'>, { label: string; kind: TargetKind; unit: TargetUnit; source: string }> = {
  orgs_excellent_share: {
    label: 'Tỷ lệ tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ (trong sạch, vững mạnh)',
    kind: 'share',
    unit: 'percent',
    source: 'Bảng «Tỷ lệ tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ qua các năm»: kết quả đã công bố của từng năm',
  },
  members_good_share: {
    label: 'Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên',
    kind: 'share',
    unit: 'percent',
    source: 'Bảng «Kết quả đánh giá, xếp loại chất lượng» của từng năm: (hoàn thành xuất sắc + hoàn thành tốt) ÷ số đảng viên được xếp loại',
  },
  members_admitted: {
    label: 'Số đảng viên kết nạp trong nhiệm kỳ',
    kind: 'cumulative',
    unit: 'count',
    source: 'Bảng «Kết nạp đảng viên qua các năm»',
  },
};
export const MANUAL_METRIC_LABEL = 'Nhập số liệu thực hiện từng năm';
