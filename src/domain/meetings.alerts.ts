/**
 * The absence alert (issue 16 part 5, domain.md §9): a member who misses the cell's activities — or, once the fees
 * module exists, does not pay dues — for N months in a calendar year without a valid reason (N = 3, rule-set data:
 * `meetings.absenceMonthsInYear`) is proposed for striking off; a person decides. Pure: each source gives the months it
 * counts against a member; the alert is raised per source when its months reach the threshold.
 *
 * Reading for meetings (docs/modules/meetings.md): a month counts against a member when he was absent without a valid
 * reason from at least one of the cell's meetings held that month and attended none of them (present at the
 * extraordinary meeting after missing the regular one is not "missing the cell's activities" that month). The months
 * need not follow each other.
 */
import type { IsoDate } from './dates.ts';

/** A member's attendance at one held meeting. */
export interface AttendanceMark {
  meetingId: string;
  heldOn: IsoDate;
  /** present; excused (with a reason); absent without a valid reason. */
  status: 'present' | 'excused' | 'absent';
  /** What the web shows of the meeting (its kind and topic). */
  label: string;
}

/** What a month counts against a member, with the evidence (the meetings missed). */
export interface AbsenceMonth {
  month: string;
  missed: { id: string; date: IsoDate; label: string }[];
}

/** The months of one calendar year a member's marks count as missing the cell's activities, in order. */
export function meetingAbsenceMonths(marks: readonly AttendanceMark[], year: number): AbsenceMonth[] {
  const byMonth = new Map<string, AttendanceMark[]>();
  for (const m of marks) {
    if (Number(m.heldOn.slice(0, 4)) !== year) continue;
    const k = m.heldOn.slice(0, 7);
    const list = byMonth.get(k);
    if (list) list.push(m);
    else byMonth.set(k, [m]);
  }
  const out: AbsenceMonth[] = [];
  for (const [month, list] of [...byMonth].sort(([a], [b]) => a.localeCompare(b))) {
    if (list.some((m) => m.status === 'present')) continue;
    const missed = list.filter((m) => m.status === 'absent');
    if (missed.length === 0) continue;
    out.push({ month, missed: missed.sort((a, b) => a.heldOn.localeCompare(b.heldOn)).map((m) => ({ id: m.meetingId, date: m.heldOn, label: m.label })) });
  }
  return out;
}

/** Whether the months reach the rule's threshold (3 in a year: 2 do not). */
export function reachesAbsenceThreshold(months: readonly AbsenceMonth[], threshold: number): boolean {
  return months.length >= threshold;
}

/**
 * A dismissed alert stays dismissed until the source counts more months than when it was dismissed (a fourth month
 * after a dismissal at three raises it again, with the new evidence).
 */
export function stillDismissed(months: number, dismissedAtMonths: number | null): boolean {
  return dismissedAtMonths !== null && months <= dismissedAtMonths;
}
