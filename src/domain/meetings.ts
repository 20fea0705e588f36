/**
 * Cell meetings (sinh hoạt chi bộ), domain.md §9: the kinds, the checks of one meeting against the rule set in force
 * on its date (each a warning, never a refusal), who is on a meeting's roll and who counts for the quorum and the
 * majority (the denominator of §6), and times of day. Pure functions: the meetings module shows the warnings on a
 * meeting, the compliance (m16b) counts them over a period with the same functions.
 */
import { addDays, dayNumber, type IsoDate } from './dates.ts';
import { ruleSetOn, type MeetingRules, type RuleSet } from './rulesets.ts';

export const MEETING_KINDS = ['regular', 'topical', 'combined', 'extraordinary'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  regular: 'Sinh hoạt thường kỳ',
  topical: 'Sinh hoạt chuyên đề',
  combined: 'Thường kỳ kết hợp chuyên đề',
  extraordinary: 'Sinh hoạt bất thường',
};

export const MEETING_BODIES = ['cell', 'committee'] as const;
export type MeetingBody = (typeof MEETING_BODIES)[number];
export const MEETING_BODY_LABELS: Record<MeetingBody, string> = { cell: 'Chi bộ', committee: 'Cấp ủy' };

export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = { planned: 'Dự kiến', held: 'Đã họp', cancelled: 'Hủy' };

export const ATTENDANCE_MARKS = ['present', 'excused', 'absent'] as const;
export type AttendanceMark = (typeof ATTENDANCE_MARKS)[number];
export const ATTENDANCE_LABELS: Record<AttendanceMark, string> = { present: 'Có mặt', excused: 'Vắng có lý do', absent: 'Vắng không lý do' };

/** A regular meeting counts towards the month, a topical one towards the quarter; a combined one counts for both. */
export const countsAsRegular = (kind: MeetingKind): boolean => kind === 'regular' || kind === 'combined';
export const countsAsTopical = (kind: MeetingKind): boolean => kind === 'topical' || kind === 'combined';

// ---------------------------------------------------------------------------------------------------------------
// Times of day

/** 'HH:MM' (00:00–23:59, or 24:00 for an end) to minutes after midnight; null when malformed. */
export function parseTimeOfDay(text: string, allowMidnightEnd = false): number | null {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(text);
  if (!m) return null;
  const v = Number(m[1]) * 60 + Number(m[2]);
  if (v > 1440 || (v === 1440 && !allowMidnightEnd)) return null;
  return v;
}

/** Minutes after midnight as 'HH:MM'. */
export function formatTimeOfDay(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return '';
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The duration in minutes, or null while a time is missing. */
export function meetingMinutes(startMinute: number | null, endMinute: number | null): number | null {
  return startMinute === null || endMinute === null ? null : endMinute - startMinute;
}

// ---------------------------------------------------------------------------------------------------------------
// The checks of one meeting (domain.md §9), each a pure function of the meeting and the rules of its date.

/** What the checks read of a meeting. */
export interface MeetingFacts {
  kind: MeetingKind;
  /** The date held, else the planned date: the date whose rules apply. */
  date: IsoDate;
  held: boolean;
  startMinute: number | null;
  endMinute: number | null;
  superiorInvited: boolean;
  /** Vietnam calendar day each material was sent to the members (null: not sent). */
  documentsSentOn: readonly (IsoDate | null)[];
}

export type MeetingWarningCode = 'too_short' | 'documents_late' | 'documents_not_sent' | 'superior_not_invited' | 'time_missing';

export interface MeetingWarning {
  code: MeetingWarningCode;
  message: string;
}

/** The least duration for the meeting's kind under the rules (0: none). */
export function minimumMinutes(kind: MeetingKind, rules: MeetingRules): number {
  return kind === 'combined' ? rules.minMinutesCombined : rules.minMinutes;
}

/** Below the least duration (never when a time is missing or the rules set none): 89 of 90 is short, 90 is not. */
export function isTooShort(kind: MeetingKind, minutes: number | null, rules: MeetingRules): boolean {
  const least = minimumMinutes(kind, rules);
  return least > 0 && minutes !== null && minutes < least;
}

/**
 * The latest day the documents may reach the members: `documentsDaysBefore` calendar days before the meeting (in
 * Vietnam's calendar: sent on 14/11 for a meeting on 15/11 is a day before, whatever the hour); null when no rule.
 */
export function documentsDueOn(date: IsoDate, rules: MeetingRules): IsoDate | null {
  return rules.documentsDaysBefore > 0 ? addDays(date, -rules.documentsDaysBefore) : null;
}

/** Sent later than the rule allows (a document never sent is its own warning). */
export function isDocumentLate(sentOn: IsoDate, meetingDate: IsoDate, rules: MeetingRules): boolean {
  const due = documentsDueOn(meetingDate, rules);
  return due !== null && dayNumber(sentOn) > dayNumber(due);
}

/** Every warning of a meeting under the rule set in force on its date. */
export function meetingWarnings(m: MeetingFacts, sets?: readonly RuleSet[]): MeetingWarning[] {
  const rules = ruleSetOn(m.date, sets).meetings;
  const out: MeetingWarning[] = [];
  const minutes = meetingMinutes(m.startMinute, m.endMinute);
  const least = minimumMinutes(m.kind, rules);
  if (m.held && least > 0 && minutes === null) out.push({ code: 'time_missing', message: 'Chưa ghi giờ bắt đầu và kết thúc buổi sinh hoạt.' });
  if (m.held && isTooShort(m.kind, minutes, rules)) {
    const what = m.kind === 'combined' ? 'sinh hoạt thường kỳ kết hợp chuyên đề' : 'buổi sinh hoạt';
    out.push({ code: 'too_short', message: `Thời gian ${what} ${minutes} phút, ít hơn ${least} phút theo quy định.` });
  }
  if (rules.documentsDaysBefore > 0) {
    if (m.documentsSentOn.length === 0 || m.documentsSentOn.some((d) => d === null)) {
      if (m.held || m.documentsSentOn.length > 0)
        out.push({ code: 'documents_not_sent', message: `Có tài liệu chưa gửi cho đảng viên (phải gửi trước ít nhất ${rules.documentsDaysBefore} ngày).` });
    }
    const late = m.documentsSentOn.filter((d): d is IsoDate => d !== null && isDocumentLate(d, m.date, rules));
    if (late.length > 0)
      out.push({ code: 'documents_late', message: `Tài liệu gửi cho đảng viên chậm, chưa đủ ${rules.documentsDaysBefore} ngày trước buổi sinh hoạt.` });
  }
  if (rules.superiorInvited > 0 && !m.superiorInvited)
    out.push({ code: 'superior_not_invited', message: 'Chưa mời cấp ủy viên cấp trên phụ trách chi bộ dự sinh hoạt.' });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The roll of a meeting and its quorum

/** A member on the roll of the meeting's date, as the member file gives it. */
export interface RollMember {
  memberId: string;
  name: string;
  official: boolean;
  /** The status on the date (member-status.ts). */
  status: string;
  /** On temporary transfer from another cell: attends here, hosted. */
  hosted: boolean;
  /** On temporary transfer to another cell: attends there. */
  hostedElsewhere: boolean;
}

/** The default mark of a member on the roll before anyone records an exception. */
export function defaultMark(m: RollMember): { attendance: AttendanceMark; reason: string | null } {
  if (m.hosted) return { attendance: 'present', reason: null }; // attends where hosted
  if (m.hostedElsewhere || m.status === 'temporarily_away') return { attendance: 'excused', reason: 'Sinh hoạt tạm thời nơi khác' };
  if (m.status === 'suspended') return { attendance: 'excused', reason: 'Đình chỉ sinh hoạt' };
  if (m.status === 'exempt') return { attendance: 'excused', reason: 'Miễn công tác và sinh hoạt đảng' };
  return { attendance: 'present', reason: null };
}

/**
 * Whether a member counts in the denominator of the quorum and of a resolution's majority (domain.md §6, applied to
 * §9): the cell's own official members (probationary members do not vote) except those on temporary transfer
 * elsewhere, suspended, exempt and absent, and absent for the whole meeting with an approved reason. Hosted members
 * attend but count in their home cell.
 */
export function countsForQuorum(m: RollMember, attendance: AttendanceMark): boolean {
  if (!m.official || m.hosted || m.hostedElsewhere || m.status === 'temporarily_away' || m.status === 'suspended') return false;
  if (m.status === 'exempt' && attendance !== 'present') return false;
  return attendance !== 'excused';
}

export interface Quorum {
  /** Members on the roll (home members and hosted ones). */
  roll: number;
  present: number;
  excused: number;
  absent: number;
  /** The denominator of §6. */
  denominator: number;
  /** Present among those who count. */
  presentCounted: number;
  /** More than half of the denominator present. */
  quorate: boolean;
  /** The least number present (or in favour) for more than half. */
  majorityNeeds: number;
}

/** More than half, exactly: 5 of 10 is not, 6 of 10 and 5 of 9 are; nothing of 0. */
export function moreThanHalf(count: number, total: number): boolean {
  return total > 0 && count * 2 > total;
}

/** The least count that is more than half of `total`. */
export function majorityNeeds(total: number): number {
  return Math.floor(total / 2) + 1;
}

/** The counts of an attendance and whether the meeting is quorate. */
export function quorumOf(rows: readonly { attendance: AttendanceMark; countsForQuorum: boolean }[]): Quorum {
  let present = 0;
  let excused = 0;
  let absent = 0;
  let denominator = 0;
  let presentCounted = 0;
  for (const r of rows) {
    if (r.attendance === 'present') present++;
    else if (r.attendance === 'excused') excused++;
    else absent++;
    if (r.countsForQuorum) {
      denominator++;
      if (r.attendance === 'present') presentCounted++;
    }
  }
  return {
    roll: rows.length,
    present,
    excused,
    absent,
    denominator,
    presentCounted,
    quorate: moreThanHalf(presentCounted, denominator),
    majorityNeeds: majorityNeeds(denominator),
  };
}

/** The resolution passes with more than half of the denominator in favour. */
export function resolutionPasses(inFavour: number, q: Quorum): boolean {
  return moreThanHalf(inFavour, q.denominator);
}

/** The attendance rate in percent of the roll (present / roll), 0 for an empty roll. */
export function attendanceRate(present: number, roll: number): number {
  return roll > 0 ? (present / roll) * 100 : 0;
}
