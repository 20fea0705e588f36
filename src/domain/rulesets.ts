/**
 * Versioned rule sets (domain.md §12). Every computation takes a date and uses the rule set in force on it. A new
 * version where only numbers change is a new entry in this list (or, later, a row an administrator adds), never a
 * code change in the rules that read it.
 *
 * Figures marked "(configurable)" are the ones domain.md itself marks as not confirmed against the official text or
 * as changing between document versions; the others are stated there as rules. Both are data all the same.
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
  /** Party badges (Huy hiệu Đảng), domain.md §5. */
  badges: {
    /** Party-age milestones in years, ascending. */
    milestones: number[];
    /** Presentation days as 'MM-DD': 3/2, 19/5, 2/9, 7/11. */
    anniversaries: string[];
    /**
     * Early award for seriously ill members: the first band whose `upToYears` is at least the milestone applies
     * (≤ 65 → 12 months, 70–90 → 24 months).
     */
    earlyForIllness: { upToYears: number; months: number }[];
    /** Posthumous award (truy tặng): up to this many months before the milestone. */
    posthumousEarlyMonths: number;
    /** (configurable) Months the award waits after a discipline decision, by form. */
    disciplineDelayMonths: { reprimand: number; warning: number; removal: number };
  };
  /** Probation (dự bị), domain.md §6. */
  probation: {
    /** Length of probation from the ceremony; the official date is exactly its end. */
    months: number;
    /** The cell votes on recognition within this many working days after the probation ends. */
    recognitionDueWorkingDays: number;
    /** Share of the cell's official members (the vote's denominator) needed to recognise or to propose striking off. */
    recognitionVoteShare: Share;
    /** After this many recognition votes that reach the share neither way, the case goes up to the superior. */
    inconclusiveVotesToSuperior: number;
  };
  /** Discipline, domain.md §11. */
  discipline: {
    /** A decision (other than expulsion or dissolution) lapses this many months after it is announced. */
    lapseMonths: number;
    /** A complaint may be filed within this many (calendar) days of receiving the decision. */
    complaintDays: number;
    /** Time limit (thời hiệu) from the violation; none for expulsion-level violations. */
    limitationYears: { reprimand: number; warningOrRemoval: number };
  };
  /** Transfers (chuyển sinh hoạt đảng), domain.md §7. */
  transfer: {
    /** An official transfer starts within this many working days of the decision that moves the member. */
    startWithinWorkingDays: number;
    /** The member presents the introduction letter within this many working days of its date. */
    presentLetterWithinWorkingDays: number;
    /** Temporary transfer: at least this many months away … */
    temporaryMinMonths: number;
    /** … and less than this many (work, study other than full-time training). */
    temporaryMaxMonths: number;
    /** … or up to this many for full-time training. */
    temporaryTrainingMaxMonths: number;
  };
  /** Party fees, domain.md §10. */
  fees: {
    /** Members with at least this party age (years) pay no fees. */
    exemptFromPartyAgeYears: number;
  };
  /** Admission, domain.md §6. */
  admission: {
    /** Full age at the cell's vote, counted in months: from `minAgeYears`… */
    minAgeYears: number;
    /** … to `maxAgeYears` (older needs the province committee's recorded decision). */
    maxAgeYears: number;
    /** (configurable) Validity of the awareness-course certificate at the cell's vote. */
    courseCertificateValidMonths: number;
    /** The ceremony is held within this many working days of receiving the decision. */
    ceremonyWithinWorkingDays: number;
    /** (configurable) The new member declares the background form within this many working days of the ceremony. */
    backgroundFormWithinWorkingDays: number;
    /** Readmission at least this many months after leaving … */
    readmissionAfterMonths: number;
    /** … and, after a criminal conviction, also at least this many after the record was cleared (both must hold). */
    readmissionAfterCriminalRecordMonths: number;
    /** The introducers have worked, studied or lived in the same area with the candidate at least this many months. */
    introducerMonthsTogether: number;
    /** Share of the cell's official members (the vote's denominator) in favour at the cell's vote. */
    cellVoteShare: Share;
    /** Share of the grassroots committee's members in favour of its resolution. */
    committeeResolutionShare: Share;
    /** General-education codes (catalogue `general_education`) that qualify: lower secondary or higher. */
    qualifyingEducation: string[];
  };
  /** Cell meetings (sinh hoạt chi bộ), domain.md §9; 0 turns a check off (no such rule in the version). */
  meetings: MeetingRules;
  /** Congresses and terms (đại hội, nhiệm kỳ), domain.md §3. */
  congress: {
    /** Years of a term of a grassroots organisation and above (5). */
    termYears: number;
    /** Congresses a cell directly under a grassroots party committee holds in one such term (2; 1 under the pilot). */
    cellCongressesPerTerm: number;
  };
}

/** The figures of §9 a meeting and the compliance of a period are checked against (src/domain/meetings.ts). */
export interface MeetingRules {
  /** Least duration of a meeting in minutes (0: no minimum). */
  minMinutes: number;
  /** Least duration when the regular and the topical meeting are held together (0: no minimum). */
  minMinutesCombined: number;
  /** The documents reach the members at least this many days before the meeting (0: no rule). */
  documentsDaysBefore: number;
  /** 1 when the committee member following the cell must be invited, 0 when no rule says so. */
  superiorInvited: number;
  /** Regular meetings a month. */
  regularPerMonth: number;
  /** Topical meetings a quarter (they do not replace the month's regular one). */
  topicalPerQuarter: number;
  /** A member absent without a valid reason this many months in a calendar year is proposed for striking off. */
  absenceMonthsInYear: number;
}

/** A share of a count, as an exact fraction: "at least 2/3" is `{ numerator: 2, denominator: 3 }`, never rounded. */
export interface Share {
  numerator: number;
  denominator: number;
}

/** At least the share, exactly: `count / total ≥ numerator / denominator`; a total of 0 never reaches it. */
export function reachesShare(count: number, total: number, share: Share): boolean {
  return total > 0 && count * share.denominator >= total * share.numerator;
}

/** The least count that reaches the share of `total`. */
export function leastReaching(total: number, share: Share): number {
  return Math.ceil((total * share.numerator) / share.denominator);
}

/**
 * The member-rule figures shared by both shipped versions: domain.md states no change between QĐ 24 and QĐ 294
 * for them. A version that changes one copies this and overrides the field.
 */
const MEMBER_RULES_2011: Pick<RuleSet, 'badges' | 'probation' | 'discipline' | 'transfer' | 'fees' | 'admission'> = {
  badges: {
    milestones: [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90],
    anniversaries: ['02-03', '05-19', '09-02', '11-07'],
    earlyForIllness: [
      { upToYears: 65, months: 12 },
      { upToYears: 90, months: 24 },
    ],
    posthumousEarlyMonths: 12,
    disciplineDelayMonths: { reprimand: 6, warning: 9, removal: 12 },
  },
  probation: { months: 12, recognitionDueWorkingDays: 30, recognitionVoteShare: { numerator: 2, denominator: 3 }, inconclusiveVotesToSuperior: 3 },
  discipline: { lapseMonths: 12, complaintDays: 30, limitationYears: { reprimand: 5, warningOrRemoval: 10 } },
  transfer: {
    startWithinWorkingDays: 60,
    presentLetterWithinWorkingDays: 30,
    temporaryMinMonths: 3,
    temporaryMaxMonths: 12,
    temporaryTrainingMaxMonths: 24,
  },
  fees: { exemptFromPartyAgeYears: 50 },
  admission: {
    minAgeYears: 18,
    maxAgeYears: 60,
    courseCertificateValidMonths: 60,
    ceremonyWithinWorkingDays: 30,
    backgroundFormWithinWorkingDays: 30,
    readmissionAfterMonths: 36,
    readmissionAfterCriminalRecordMonths: 60,
    introducerMonthsTogether: 12,
    cellVoteShare: { numerator: 2, denominator: 3 },
    committeeResolutionShare: { numerator: 2, denominator: 3 },
    qualifyingEducation: ['thcs', 'thpt'],
  },
};

/**
 * Before Chỉ thị 50: Chỉ thị 10-CT/TW and its guide; domain.md states no figure for the duration or the documents'
 * lead time then, so those checks are off (configurable: an administrator adds a version with figures).
 */
const MEETING_RULES_CT10: MeetingRules = {
  minMinutes: 0,
  minMinutesCombined: 0,
  documentsDaysBefore: 0,
  superiorInvited: 0,
  regularPerMonth: 1,
  topicalPerQuarter: 1,
  absenceMonthsInYear: 3,
};

/** Chỉ thị 50-CT/TW (23/7/2025) with Hướng dẫn 42-HD/BTCTW (28/10/2025), domain.md §9. */
const MEETING_RULES_CT50: MeetingRules = {
  minMinutes: 90,
  minMinutesCombined: 120,
  documentsDaysBefore: 1,
  superiorInvited: 1,
  regularPerMonth: 1,
  topicalPerQuarter: 1,
  absenceMonthsInYear: 3,
};

const QD294: RuleSet = {
  id: 'qd294-2025',
  effectiveFrom: '2025-07-01',
  basis: 'Điều lệ Đảng; Quy định 294-QĐ/TW (2025) thi hành Điều lệ Đảng',
  orgSize: { minOfficialMembers: 3, partyCommitteeThreshold: 30, cellCommitteeThreshold: 9 },
  ...structuredClone(MEMBER_RULES_2011),
  meetings: { ...MEETING_RULES_CT10 },
  congress: { termYears: 5, cellCongressesPerTerm: 2 },
};

export const RULE_SETS: readonly RuleSet[] = [
  {
    id: 'dieu-le-2011-qd24-2018',
    effectiveFrom: '2011-01-19',
    basis: 'Điều lệ Đảng (2011); Quy định 24-QĐ/TW (2021) và các quy định trước',
    orgSize: { minOfficialMembers: 3, partyCommitteeThreshold: 30, cellCommitteeThreshold: 9 },
    ...structuredClone(MEMBER_RULES_2011),
    meetings: { ...MEETING_RULES_CT10 },
    congress: { termYears: 5, cellCongressesPerTerm: 2 },
  },
  QD294,
  {
    ...structuredClone(QD294),
    id: 'hd42-2025',
    effectiveFrom: '2025-10-28',
    basis: 'Điều lệ Đảng; Quy định 294-QĐ/TW (2025); Chỉ thị 50-CT/TW (2025) và Hướng dẫn 42-HD/BTCTW (28/10/2025) về sinh hoạt chi bộ',
    meetings: { ...MEETING_RULES_CT50 },
  },
];

let installed: readonly RuleSet[] = RULE_SETS;

/**
 * Replaces the versions `ruleSetOn` and `ruleSetById` read when no list is passed. Only the server's rule-set registry
 * calls it (at start and after an administrator adds a version, from the `rule_set` table); the web and the tests keep
 * the shipped list. See docs/modules/rulesets.md.
 */
export function installRuleSets(sets: readonly RuleSet[]): void {
  if (sets.length === 0) throw new Error('No rule set defined');
  installed = sets;
}

/** The versions in use when no list is passed: the shipped ones unless the server installed those of the database. */
export function installedRuleSets(): readonly RuleSet[] {
  return installed;
}

/** A version by its id (recorded on a dossier or a period). */
export function ruleSetById(id: string, sets: readonly RuleSet[] = installed): RuleSet | undefined {
  return sets.find((s) => s.id === id);
}

/** The rule set in force on a date: the latest version whose effective date is on or before it. */
export function ruleSetOn(date: IsoDate, sets: readonly RuleSet[] = installed): RuleSet {
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
