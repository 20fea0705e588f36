/**
 * The periods a committee reports on (issue 14): a month, the first quarter, 6 months, 9 months, a year, a term, or
 * any two dates; and the same period a year earlier, which every table shows beside its own. Pure: the web's period
 * picker and the server's reports resolve periods through these same functions.
 */
import { daysInMonth, type IsoDate } from './dates.ts';

export const REPORT_PERIOD_KINDS = ['month', 'q1', 'h1', 'm9', 'year', 'term', 'range'] as const;
export type ReportPeriodKind = (typeof REPORT_PERIOD_KINDS)[number];

export const REPORT_PERIOD_LABELS: Record<ReportPeriodKind, string> = {
  month: 'Tháng',
  q1: 'Quý I',
  h1: '6 tháng',
  m9: '9 tháng',
  year: 'Năm',
  term: 'Nhiệm kỳ',
  range: 'Khoảng thời gian',
};

/** A reporting period: both ends included (a count "as of" the period reads its last day). */
export interface ReportPeriod {
  from: IsoDate;
  to: IsoDate;
}

const pad = (n: number) => String(n).padStart(2, '0');
const endOfMonth = (year: number, month: number): IsoDate => `${year}-${pad(month)}-${pad(daysInMonth(year, month))}`;

/**
 * The period of a kind for a year (and a month for `month`; the term's first year for `term`, a term being 5 years).
 * `range` has no standard ends: the caller gives both dates.
 */
export function standardPeriod(kind: Exclude<ReportPeriodKind, 'range'>, year: number, month = 1): ReportPeriod {
  switch (kind) {
    case 'month':
      return { from: `${year}-${pad(month)}-01`, to: endOfMonth(year, month) };
    case 'q1':
      return { from: `${year}-01-01`, to: endOfMonth(year, 3) };
    case 'h1':
      return { from: `${year}-01-01`, to: endOfMonth(year, 6) };
    case 'm9':
      return { from: `${year}-01-01`, to: endOfMonth(year, 9) };
    case 'year':
      return { from: `${year}-01-01`, to: `${year}-12-31` };
    case 'term':
      return { from: `${year}-01-01`, to: `${year + 4}-12-31` };
  }
}

/** The same date a year earlier; 29 February becomes 28 February. */
export function yearEarlier(date: IsoDate): IsoDate {
  const y = Number(date.slice(0, 4)) - 1;
  const m = Number(date.slice(5, 7));
  const d = Math.min(Number(date.slice(8, 10)), daysInMonth(y, m));
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** The same period a year earlier: what every table of a period shows beside its own figures. */
export function previousYearPeriod(p: ReportPeriod): ReportPeriod {
  return { from: yearEarlier(p.from), to: yearEarlier(p.to) };
}
