/**
 * The «Báo cáo» page's choice of time, kept in the URL: a date, or a standard period of a year (a month, Q1, 6
 * months, 9 months, the year, a term of 5 years from its first year), or any two dates. Resolved to the API's
 * `asOf` or `from`/`to` through the domain's report periods, the same functions the server reads.
 */
import { isIsoDate } from '../../domain/dates.ts';
import { REPORT_PERIOD_KINDS, standardPeriod, type ReportPeriodKind } from '../../domain/report-periods.ts';

export type PeriodChoiceKind = 'date' | ReportPeriodKind;
export const PERIOD_CHOICE_KINDS: readonly PeriodChoiceKind[] = ['date', ...REPORT_PERIOD_KINDS];

export interface PeriodChoice {
  kind: PeriodChoiceKind;
  year: number;
  month: number;
  /** The date of `date`. */
  date: string;
  /** The ends of `range`. */
  from: string;
  to: string;
}

/** The choice the URL holds; what is missing or wrong falls back to this year (the year) and today. */
export function readPeriodChoice(params: URLSearchParams, today: string): PeriodChoice {
  const thisYear = Number(today.slice(0, 4));
  const kind = PERIOD_CHOICE_KINDS.find((k) => k === params.get('period')) ?? 'year';
  const yearText = params.get('year') ?? '';
  const year = /^\d{4}$/.test(yearText) && Number(yearText) >= 1930 && Number(yearText) <= thisYear + 1 ? Number(yearText) : thisYear;
  const monthText = Number(params.get('month'));
  const month = Number.isInteger(monthText) && monthText >= 1 && monthText <= 12 ? monthText : Number(today.slice(5, 7));
  const date = isIsoDate(params.get('date') ?? '') ? params.get('date')! : today;
  const from = isIsoDate(params.get('from') ?? '') ? params.get('from')! : `${thisYear}-01-01`;
  const to = isIsoDate(params.get('to') ?? '') ? params.get('to')! : today;
  return { kind, year, month, date, from, to };
}

/** The URL parameters of a choice (only those its kind reads). */
export function periodChoiceParams(c: PeriodChoice): Record<string, string> {
  switch (c.kind) {
    case 'date':
      return { period: 'date', date: c.date };
    case 'range':
      return { period: 'range', from: c.from, to: c.to };
    case 'month':
      return { period: 'month', year: String(c.year), month: String(c.month) };
    default:
      return { period: c.kind, year: String(c.year) };
  }
}

/** What the API is asked: a date, or a period (both ends included) and, for a term, its years. */
export function periodQuery(c: PeriodChoice): { asOf?: string; from?: string; to?: string; fromYear?: number; toYear?: number } {
  if (c.kind === 'date') return { asOf: c.date };
  if (c.kind === 'range') return { from: c.from, to: c.to };
  const p = standardPeriod(c.kind, c.year, c.month);
  if (c.kind === 'term') return { ...p, fromYear: c.year, toYear: c.year + 4 };
  return p;
}
