/**
 * Party age (tuổi đảng), domain.md §5, from the member's events (member-status.ts).
 *
 * - It counts from the date of the FIRST admission decision (not the ceremony, not the official date), also for a
 *   readmitted member, and only while the member is official: a probationary member (new or readmitted) has none yet;
 *   once official the count still starts at the first admission decision.
 * - Non-participation is subtracted: out of the Party after expulsion, striking off or leaving until readmission;
 *   lost contact; and on a transfer, the part of the time in transit beyond what the rules allow (30 working days to
 *   present the letter, §7). An annulled expulsion is no gap: the member keeps continuous party age.
 * - Death ends the count; it is no gap. During a gap the age stays at its value on the gap's first day.
 *
 * Arithmetic: gaps are counted in whole days, each gap from its first day up to, not including, the day
 * participation resumes. Their total is added to the start date ("the start shifts later by the gap days"), and the
 * age is the calendar difference in full years, months and days from that shifted start to the date asked about,
 * with the Civil Code's month-end rule (addMonths): a member admitted on 29/02 completes a year on 28/02 of a common
 * year. With no gap, a member admitted on 01/10/1989 is exactly 30 years old on 01/10/2019.
 */
import { addDays, type IsoDate } from './dates.ts';
import { addMonths, addYears, daysBetween, firstAdmissionOn, statusPeriods, type MemberEvent, type StatusPeriod } from './member-status.ts';
import { ruleSetOn, type RuleSet } from './rulesets.ts';

export type PartyAgeGapReason = 'expelled' | 'struck_off' | 'left' | 'lost_contact' | 'transfer';

export interface PartyAgeGap {
  from: IsoDate;
  /** First day counted again (exclusive end). */
  to: IsoDate;
  reason: PartyAgeGapReason;
}

export interface PartyAge {
  years: number;
  months: number;
  days: number;
  /** Days counted: from the first admission decision to the date, minus the gaps. */
  totalDays: number;
  /** The first admission decision; null when the events hold none. */
  countsFrom: IsoDate | null;
  /** Gaps subtracted, clipped to the date asked about. */
  gaps: PartyAgeGap[];
  /** The member is official on the date (or was when they died or left): only then is there a party age. */
  official: boolean;
}

export interface PartyAgeOptions {
  /** Rule set to use for every period; by default each transfer uses the one in force when it started. */
  rules?: RuleSet;
  /**
   * Calendar days in transit that do not count as a gap. A number, or a function of the day the transfer started so
   * that the server can pass the exact equivalent of the working days of the rule; by default the rule's working days
   * × 7/5, rounded up (30 working days → 42 calendar days).
   */
  allowedTransferGapDays?: number | ((transferStartedOn: IsoDate) => number);
}

/** Full years, months and days from `from` to `to` (zero when `to` is earlier), with the month-end rule of addMonths. */
export function calendarDiff(from: IsoDate, to: IsoDate): { years: number; months: number; days: number } {
  if (to <= from) return { years: 0, months: 0, days: 0 };
  const monthIndex = (d: IsoDate) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
  let total = monthIndex(to) - monthIndex(from);
  // Always count from `from` itself, never step by step: 31/01 + 2 months is 31/03, not 29/03.
  if (addMonths(from, total) > to) total -= 1;
  return { years: Math.floor(total / 12), months: total % 12, days: daysBetween(addMonths(from, total), to) };
}

/**
 * The latest start date from which `years` full years are complete on `onDate` (calendarDiff(d, onDate).years ≥ years
 * exactly when d ≤ the answer). Lists turn "at least N years old / of party age today" into one comparison of a date
 * column with it; the month-end rule makes it differ from a plain subtraction around 29/02.
 */
export function latestStartForYears(onDate: IsoDate, years: number): IsoDate {
  let d = addYears(onDate, -years);
  while (addYears(addDays(d, 1), years) <= onDate) d = addDays(d, 1);
  while (addYears(d, years) > onDate) d = addDays(d, -1);
  return d;
}

/** Working days approximated in calendar days: × 7/5, rounded up. */
export function approxCalendarDays(workingDays: number): number {
  return Math.ceil((workingDays * 7) / 5);
}

/** A gap as the fold sees it: `to` null while still open. */
interface OpenGap {
  from: IsoDate;
  to: IsoDate | null;
  reason: PartyAgeGapReason;
}

interface Spans {
  countsFrom: IsoDate;
  gaps: OpenGap[];
  diedOn: IsoDate | null;
  periods: StatusPeriod[];
}

function gapReason(p: StatusPeriod): PartyAgeGapReason | 'transit' | null {
  switch (p.status) {
    case 'expelled':
      return p.annulled ? null : 'expelled';
    case 'struck_off':
    case 'left':
    case 'lost_contact':
      return p.status;
    case 'in_transit':
      return 'transit';
    default:
      return null;
  }
}

function allowedDays(startedOn: IsoDate, options: PartyAgeOptions): number {
  const a = options.allowedTransferGapDays;
  if (typeof a === 'number') return a;
  if (typeof a === 'function') return a(startedOn);
  return approxCalendarDays((options.rules ?? ruleSetOn(startedOn)).transfer.presentLetterWithinWorkingDays);
}

function spans(events: readonly MemberEvent[], options: PartyAgeOptions): Spans | null {
  const countsFrom = firstAdmissionOn(events);
  const periods = statusPeriods(events);
  if (!countsFrom || periods.length === 0) return null;
  const gaps: OpenGap[] = [];
  let diedOn: IsoDate | null = null;
  // Consecutive periods of the same kind of gap form one gap (a transit split by an official date is one transit).
  let run: { from: IsoDate; to: IsoDate | null; reason: PartyAgeGapReason | 'transit' } | null = null;
  const close = () => {
    if (!run) return;
    if (run.reason === 'transit') {
      const start = addDays(run.from, allowedDays(run.from, options));
      if (run.to === null || start < run.to) gaps.push({ from: start, to: run.to, reason: 'transfer' });
    } else {
      gaps.push({ from: run.from, to: run.to, reason: run.reason });
    }
    run = null;
  };
  for (const p of periods) {
    if (p.status === 'deceased' && !diedOn) diedOn = p.from;
    const reason = gapReason(p);
    if (run && run.reason === reason) {
      run.to = p.to;
      continue;
    }
    close();
    if (reason) run = { from: p.from, to: p.to, reason };
  }
  close();
  return { countsFrom, gaps, diedOn, periods };
}

function periodOn(periods: readonly StatusPeriod[], date: IsoDate): StatusPeriod | null {
  for (const p of periods) if (p.from <= date && (p.to === null || date < p.to)) return p;
  return null;
}

function zero(countsFrom: IsoDate | null): PartyAge {
  return { years: 0, months: 0, days: 0, totalDays: 0, countsFrom, gaps: [], official: false };
}

/** Party age on a date (§5). See the file header for what counts and how the gaps are subtracted. */
export function partyAge(events: readonly MemberEvent[], onDate: IsoDate, options: PartyAgeOptions = {}): PartyAge {
  const sp = spans(events, options);
  if (!sp) return zero(null);
  if (onDate < sp.countsFrom) return zero(sp.countsFrom);
  let end = onDate;
  if (sp.diedOn && sp.diedOn < end) end = sp.diedOn;
  // Inside a gap the age stays as it was on the gap's first day (a member out of the Party keeps the age they left with).
  for (const g of sp.gaps) {
    if (g.from <= end && (g.to === null || end < g.to)) {
      end = g.from;
      break;
    }
  }
  const official = periodOn(sp.periods, end)?.membership === 'official';
  if (!official) return zero(sp.countsFrom);
  const gaps: PartyAgeGap[] = [];
  let gapDays = 0;
  for (const g of sp.gaps) {
    if (g.from >= end) continue;
    const to = g.to === null || g.to > end ? end : g.to;
    gaps.push({ from: g.from, to, reason: g.reason });
    gapDays += daysBetween(g.from, to);
  }
  const ymd = calendarDiff(addDays(sp.countsFrom, gapDays), end);
  return { ...ymd, totalDays: daysBetween(sp.countsFrom, end) - gapDays, countsFrom: sp.countsFrom, gaps, official };
}

/**
 * The shifted start of a running party age: the first admission decision moved later by every gap closed by
 * `onDate`, so that partyAge(events, D) is calendarDiff(start, D) on `onDate` and on every later date while nothing
 * changes. Null when the member has no running party age on `onDate`: never official or probationary on that date,
 * out of the Party or in another open gap (lost contact, a transfer past its allowance, from the gap's first day),
 * deceased. Lists keep it as a column (member.party_age_from) so that a party-age band is one indexed comparison.
 */
export function partyAgeStart(events: readonly MemberEvent[], onDate: IsoDate, options: PartyAgeOptions = {}): IsoDate | null {
  const sp = spans(events, options);
  if (!sp || onDate < sp.countsFrom) return null;
  if (sp.diedOn && sp.diedOn <= onDate) return null;
  let gapDays = 0;
  for (const g of sp.gaps) {
    if (g.from > onDate) continue;
    if (g.to === null || onDate < g.to) return null;
    gapDays += daysBetween(g.from, g.to);
  }
  if (periodOn(sp.periods, onDate)?.membership !== 'official') return null;
  return addDays(sp.countsFrom, gapDays);
}

/**
 * The date party age reaches `years` full years, given the record as it stands and assuming nothing changes after
 * its last event; null when it never does (the member left, died before, or is in an open gap: lost contact, out of
 * the Party, a transfer past its allowance). A member who is probationary on that date (readmitted) reaches it on
 * their recorded official date. `ignoreDeath` projects as if a deceased member had lived on (posthumous awards).
 */
export function reachesYearsOn(events: readonly MemberEvent[], years: number, options: PartyAgeOptions & { ignoreDeath?: boolean } = {}): IsoDate | null {
  return reachDates(events, [years], options)[0] ?? null;
}

/** reachesYearsOn for several ages at once, folding the events once (badge lists run over whole provinces). */
export function reachDates(
  events: readonly MemberEvent[],
  ages: readonly number[],
  options: PartyAgeOptions & { ignoreDeath?: boolean } = {},
): (IsoDate | null)[] {
  const sp = spans(events, options);
  return ages.map((years) => (sp ? reachFrom(sp, events, years, options) : null));
}

function reachFrom(sp: Spans, events: readonly MemberEvent[], years: number, options: PartyAgeOptions & { ignoreDeath?: boolean }): IsoDate | null {
  // Walk the gaps in order: the mark falls before a gap starts, or the gap's days push it later.
  let shift = 0;
  let candidate = addYears(sp.countsFrom, years);
  for (const g of sp.gaps) {
    candidate = addYears(addDays(sp.countsFrom, shift), years);
    if (candidate <= g.from) break;
    if (g.to === null) return null;
    shift += daysBetween(g.from, g.to);
    candidate = addYears(addDays(sp.countsFrom, shift), years);
  }
  if (!options.ignoreDeath && sp.diedOn && candidate > sp.diedOn) return null;
  if (periodOn(sp.periods, candidate)?.membership === 'official') return candidate;
  // Probationary on that date: the age appears, already past the mark, on the next official date.
  const official = sp.periods.find((p) => p.from > candidate && p.membership === 'official');
  if (!official) return null;
  const age = partyAge(events, official.from, options);
  return age.official && age.years >= years ? official.from : null;
}

/** Fee exemption by party age (§10): official with at least the rule's years (50) on the date. */
export function feeExemptByPartyAge(events: readonly MemberEvent[], onDate: IsoDate, options: PartyAgeOptions = {}): boolean {
  const age = partyAge(events, onDate, options);
  return age.official && age.years >= (options.rules ?? ruleSetOn(onDate)).fees.exemptFromPartyAgeYears;
}
