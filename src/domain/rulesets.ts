/**
 * Versioned rule sets (domain.md §12). Every computation takes a date and uses the rule set in force on it. A new
 * version where only numbers change is a new entry in this list (or, later, a row an administrator adds), never a
 * code change in the rules that read it.
 */
import type { IsoDate } from './dates.ts';

export interface RuleSet {
  /** Stable id recorded on dossiers and periods opened under it. */
  id: string;
  /** First day in force. */
  effectiveFrom: IsoDate;
  /** The documents this version follows, for display. */
  basis: string;
  orgSize: {
    /** Minimum official members of any organisation and of any cell (Điều lệ Đảng). */
    minOfficialMembers: number;
    /** A grassroots organisation with at least this many members is a đảng bộ cơ sở, below it a chi bộ cơ sở. */
    partyCommitteeThreshold: number;
    /** A cell with at least this many official members elects a chi ủy; below it only a secretary (and deputy). */
    cellCommitteeThreshold: number;
  };
}

export const RULE_SETS: readonly RuleSet[] = [
  {
    id: 'dieu-le-2011-qd24-2018',
    effectiveFrom: '2011-01-19',
    basis: 'Điều lệ Đảng (2011); Quy định 24-QĐ/TW (2021) và các quy định trước',
    orgSize: { minOfficialMembers: 3, partyCommitteeThreshold: 30, cellCommitteeThreshold: 9 },
  },
  {
    id: 'qd294-2025',
    effectiveFrom: '2025-07-01',
    basis: 'Điều lệ Đảng; Quy định 294-QĐ/TW (2025) thi hành Điều lệ Đảng',
    orgSize: { minOfficialMembers: 3, partyCommitteeThreshold: 30, cellCommitteeThreshold: 9 },
  },
];

/** The rule set in force on a date: the latest version whose effective date is on or before it. */
export function ruleSetOn(date: IsoDate, sets: readonly RuleSet[] = RULE_SETS): RuleSet {
  let found: RuleSet | undefined;
  for (const s of sets) {
    if (s.effectiveFrom <= date && (!found || s.effectiveFrom > found.effectiveFrom)) found = s;
  }
  if (!found) {
    // Before the earliest version we know, the earliest one is the best statement of the rules.
    found = [...sets].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0];
  }
  if (!found) throw new Error('No rule set defined');
  return found;
}
