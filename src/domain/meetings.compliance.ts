/**
 * Compliance of the cells' meetings over a month, a quarter or a year (issue 16 part 4, domain.md §9): which cells
 * held no regular meeting in a month, which held no topical meeting in a quarter (a topical meeting does not replace
 * the month's regular one; a combined regular-and-topical meeting counts for both), how many meetings were shorter
 * than the rules ask, had their documents sent late or no representative of the superior, and the attendance rate per
 * cell and overall. Pure: the server's figures (meetings.compliance.repo.ts) fold their rows through these functions,
 * and the hand-counted fixture of the tests reads the same ones.
 *
 * Readings (docs/modules/meetings.md): a cell owes a month's regular meeting when it was a cell for the whole month,
 * and a quarter's topical meeting when it was a cell for the whole quarter; a month or quarter not yet over on the
 * report's day is owed nothing yet; only held meetings count; the attendance rate is the members present over the
 * meeting's roll (present, excused and absent without reason), summed over meetings.
 */
import { daysInMonth, type IsoDate } from './dates.ts';
import { countsAsRegular, countsAsTopical, type MeetingKind } from './meetings.ts';

export type ComplianceMeetingKind = MeetingKind;

/** A held meeting, with its rule checks already applied (the duration, the documents, the superior's representative). */
export interface ComplianceMeeting {
  id: string;
  cellId: string;
  kind: ComplianceMeetingKind;
  heldOn: IsoDate;
  /** Shorter than the rule set in force on its date asks (90 minutes, 120 when combined, from 2025). */
  short: boolean;
  /** Documents reached the members later than the rules ask. */
  docsLate: boolean;
  /** No representative of the superior committee was present. */
  noRepresentative: boolean;
  present: number;
  /** Members on the meeting's roll: present, excused and absent without reason. */
  roll: number;
}

/** A cell of the subtree and the stretch of days it was a cell: [from, to), `to` null while it still is one. */
export interface ComplianceCell {
  id: string;
  from: IsoDate;
  to: IsoDate | null;
}

export interface CompliancePeriod {
  from: IsoDate;
  to: IsoDate;
  /** The report's day: a month or quarter ending after it is not yet owed. */
  today: IsoDate;
}

/** One cell's figures over the period. */
export interface CellCompliance {
  cellId: string;
  /** Months ('YYYY-MM') the cell owed a regular meeting, and those without one. */
  monthsOwed: string[];
  monthsMissing: string[];
  /** Quarters ('YYYY-Qn') the cell owed a topical meeting, and those without one. */
  quartersOwed: string[];
  quartersMissing: string[];
  meetings: number;
  short: number;
  docsLate: number;
  noRepresentative: number;
  present: number;
  roll: number;
  /** present ÷ roll in %, 2 decimals; null without a roll. */
  attendanceRate: number | null;
}

export interface ComplianceTotals {
  cells: number;
  /** Cells with at least one month without a regular meeting. */
  cellsMissingRegular: number;
  /** Cells with at least one quarter without a topical meeting. */
  cellsMissingTopical: number;
  monthsOwed: number;
  monthsMissing: number;
  quartersOwed: number;
  quartersMissing: number;
  meetings: number;
  short: number;
  docsLate: number;
  noRepresentative: number;
  present: number;
  roll: number;
  attendanceRate: number | null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthEnd = (y: number, m: number): IsoDate => `${y}-${pad(m)}-${pad(daysInMonth(y, m))}`;

/** The share in % with 2 decimals (as the reports show it); null for an empty whole. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part * 10000) / whole) / 100 : null;
}

/** 'YYYY-MM' of a date. */
export const monthOf = (d: IsoDate) => d.slice(0, 7);

/** 'YYYY-Qn' of a date. */
export function quarterOf(d: IsoDate): string {
  return `${d.slice(0, 4)}-Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Whether the cell was a cell on every day of [from, to]. */
const coversWhole = (c: ComplianceCell, from: IsoDate, to: IsoDate) => c.from <= from && (c.to === null || c.to > to);

/**
 * The months and quarters of the period, each with its first and last day: those lying wholly in the period and
 * already over on the report's day.
 */
export function periodUnits(p: CompliancePeriod): {
  months: { key: string; from: IsoDate; to: IsoDate }[];
  quarters: { key: string; from: IsoDate; to: IsoDate }[];
} {
  const months: { key: string; from: IsoDate; to: IsoDate }[] = [];
  const quarters: { key: string; from: IsoDate; to: IsoDate }[] = [];
  let y = Number(p.from.slice(0, 4));
  let m = Number(p.from.slice(5, 7));
  for (;;) {
    const from = `${y}-${pad(m)}-01`;
    if (from > p.to) break;
    const to = monthEnd(y, m);
    if (from >= p.from && to <= p.to && to < p.today) months.push({ key: `${y}-${pad(m)}`, from, to });
    if (m % 3 === 1) {
      const qTo = monthEnd(y, m + 2);
      if (from >= p.from && qTo <= p.to && qTo < p.today) quarters.push({ key: quarterOf(from), from, to: qTo });
    }
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return { months, quarters };
}

/** What a cell's held meetings of the period add up to (the server's statement answers the same per cell). */
export interface CellAggregate {
  /** Months with a regular or combined meeting, quarters with a topical or combined one. */
  regularMonths: ReadonlySet<string>;
  topicalQuarters: ReadonlySet<string>;
  meetings: number;
  short: number;
  docsLate: number;
  noRepresentative: number;
  present: number;
  roll: number;
}

/** The aggregates of held meetings by cell; meetings outside the period are ignored. */
export function aggregateMeetings(meetings: readonly ComplianceMeeting[], p: Pick<CompliancePeriod, 'from' | 'to'>): Map<string, CellAggregate> {
  const out = new Map<string, CellAggregate & { regularMonths: Set<string>; topicalQuarters: Set<string> }>();
  for (const m of meetings) {
    if (m.heldOn < p.from || m.heldOn > p.to) continue;
    let a = out.get(m.cellId);
    if (!a) {
      a = { regularMonths: new Set(), topicalQuarters: new Set(), meetings: 0, short: 0, docsLate: 0, noRepresentative: 0, present: 0, roll: 0 };
      out.set(m.cellId, a);
    }
    if (countsAsRegular(m.kind)) a.regularMonths.add(monthOf(m.heldOn));
    if (countsAsTopical(m.kind)) a.topicalQuarters.add(quarterOf(m.heldOn));
    a.meetings += 1;
    a.short += Number(m.short);
    a.docsLate += Number(m.docsLate);
    a.noRepresentative += Number(m.noRepresentative);
    a.present += m.present;
    a.roll += m.roll;
  }
  return out;
}

/** Each cell's figures over the period from its aggregate, in the order of `cells`. */
export function foldCompliance(cells: readonly ComplianceCell[], aggregates: ReadonlyMap<string, CellAggregate>, p: CompliancePeriod): CellCompliance[] {
  const { months, quarters } = periodUnits(p);
  return cells.map((c) => {
    const a = aggregates.get(c.id);
    const monthsOwed = months.filter((u) => coversWhole(c, u.from, u.to)).map((u) => u.key);
    const quartersOwed = quarters.filter((u) => coversWhole(c, u.from, u.to)).map((u) => u.key);
    const present = a?.present ?? 0;
    const roll = a?.roll ?? 0;
    return {
      cellId: c.id,
      monthsOwed,
      monthsMissing: monthsOwed.filter((k) => !a?.regularMonths.has(k)),
      quartersOwed,
      quartersMissing: quartersOwed.filter((k) => !a?.topicalQuarters.has(k)),
      meetings: a?.meetings ?? 0,
      short: a?.short ?? 0,
      docsLate: a?.docsLate ?? 0,
      noRepresentative: a?.noRepresentative ?? 0,
      present,
      roll,
      attendanceRate: rate(present, roll),
    };
  });
}

/** Each cell's figures over the period, in the order of `cells`. Meetings outside the period or of other cells are ignored. */
export function cellCompliance(cells: readonly ComplianceCell[], meetings: readonly ComplianceMeeting[], p: CompliancePeriod): CellCompliance[] {
  return foldCompliance(cells, aggregateMeetings(meetings, p), p);
}

/** The subtree's totals of the cells' figures. */
export function complianceTotals(cells: readonly CellCompliance[]): ComplianceTotals {
  const sum = (f: (c: CellCompliance) => number) => cells.reduce((s, c) => s + f(c), 0);
  const present = sum((c) => c.present);
  const roll = sum((c) => c.roll);
  return {
    cells: cells.length,
    cellsMissingRegular: cells.filter((c) => c.monthsMissing.length > 0).length,
    cellsMissingTopical: cells.filter((c) => c.quartersMissing.length > 0).length,
    monthsOwed: sum((c) => c.monthsOwed.length),
    monthsMissing: sum((c) => c.monthsMissing.length),
    quartersOwed: sum((c) => c.quartersOwed.length),
    quartersMissing: sum((c) => c.quartersMissing.length),
    meetings: sum((c) => c.meetings),
    short: sum((c) => c.short),
    docsLate: sum((c) => c.docsLate),
    noRepresentative: sum((c) => c.noRepresentative),
    present,
    roll,
    attendanceRate: rate(present, roll),
  };
}
