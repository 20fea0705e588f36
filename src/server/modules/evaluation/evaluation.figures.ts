/**
 * The published figures as data: counts per level with their percentages, and the shape of a results answer (the
 * page, the workbook and the Word report are all built from it; the last two receive it and import nothing else).
 */
import { LEVEL_LABELS, LEVELS, percent, type Level } from '../../../domain/evaluation.ts';

/** Counts per level with percentages of the total, and the share good or better. */
export function distribution(counts: Partial<Record<Level, number>>) {
  const total = LEVELS.reduce((a, l) => a + (counts[l] ?? 0), 0);
  const goodOrBetter = (counts.excellent ?? 0) + (counts.good ?? 0);
  return {
    total,
    levels: LEVELS.map((l) => ({ level: l, label: LEVEL_LABELS[l], count: counts[l] ?? 0, percent: percent(counts[l] ?? 0, total) })),
    goodOrBetter: { count: goodOrBetter, percent: percent(goodOrBetter, total) },
  };
}
export type Distribution = ReturnType<typeof distribution>;

/** Members and grassroots organisations of one year, or of one subordinate organisation, by level. */
export interface YearFigures {
  year: number;
  members: Distribution;
  orgs: Distribution;
}

/** The results of a subtree for a year: the totals, per immediate child, and over a span of years when asked. */
export interface ResultsAnswer {
  orgId: string;
  name: string;
  year: number;
  members: Distribution;
  orgs: Distribution;
  children: { orgId: string; name: string; members: Distribution; orgs: Distribution }[];
  span: {
    years: YearFigures[];
    orgsExcellent: { min: number; max: number } | null;
    membersGoodOrBetter: { min: number; max: number } | null;
  } | null;
}
