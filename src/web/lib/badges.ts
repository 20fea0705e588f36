/**
 * Party badges on the client (domain.md §5): the milestones that can be awarded and the presentation days, both read
 * from the rule set in force (src/domain/rulesets.ts), never written here.
 */
import { ruleSetOn } from '../../domain/rulesets.ts';
import { isIsoDate } from './dates.ts';

/** Badge milestones in years (30, 40, 45, … 90) under the rules in force on the date. */
export function badgeMilestones(date: string): number[] {
  return [...ruleSetOn(date).badges.milestones].sort((a, b) => a - b);
}

/** The next `count` presentation days (3/2, 19/5, 2/9, 7/11) on or after the date, in order. */
export function nextAnniversaries(from: string, count = 4): string[] {
  if (!isIsoDate(from)) return [];
  const out: string[] = [];
  for (let year = Number(from.slice(0, 4)); out.length < count && year < Number(from.slice(0, 4)) + 3; year++) {
    const days = [...ruleSetOn(`${year}-01-01`).badges.anniversaries].sort();
    for (const md of days) {
      const date = `${String(year).padStart(4, '0')}-${md}`;
      if (date >= from && out.length < count) out.push(date);
    }
  }
  return out;
}
