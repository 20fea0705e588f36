/**
 * A member's life as a list of dated events, folded into status periods (domain.md §4 "Status — a dated history",
 * §6 probation and readmission, §7 transfers). The status on any date, the roll the member is on and whether they are
 * probationary or official all come from the same fold, so reports "as of" a date and party age (party-age.ts) agree.
 *
 * Rules encoded here:
 * - §6: probation runs 12 months from the ceremony; the official date is exactly its end, however late the
 *   recognition; the recognition can never come before it. A probationary member may be struck off (failed
 *   probation) but only reprimanded or warned, so never expelled (§6, §11).
 * - §6: readmission only once, at least 36 months after leaving and, after a criminal conviction, also 60 months after
 *   the record was cleared (`readmissionFailures`, the one function that decides it), never for those who left by
 *   abandoning activity, resigning, corruption or serious crimes (`noReadmission` on the leaving event); it starts a
 *   new probation.
 * - §7: a member is never on two rolls as active at once, and never on none while a transfer is open: between
 *   leaving one organisation and being received by the next the status is `in_transit`. A temporary transfer keeps the
 *   member on the home roll (`orgId`) and records the host (`hostOrgId`).
 *
 * Where domain.md is silent: an exemption or suspension carries over a transfer until a decision ends it; leaving the
 * Party (death, striking off, leaving, expulsion) ends every such flag; an annulled expulsion puts the member back on
 * the roll they were on (or the one named) with the membership they had.
 *
 * The calendar-month arithmetic (`addMonths`, `addYears`, `daysBetween`) lives here because this is the lowest of the
 * member-rule modules; it belongs in dates.ts and should move there.
 */
import { dayNumber, daysInMonth, formatVnDate, isIsoDate, type IsoDate } from './dates.ts';
import { ruleSetOn, type RuleSet } from './rulesets.ts';

// ---------------------------------------------------------------------------------------------------------------
// Calendar months and years

/**
 * Adds calendar months. When the target month has no such day the result is its last day (31/01 + 1 month = 28 or
 * 29/02; 29/02/2024 + 12 months = 28/02/2025), as the Civil Code (Bộ luật Dân sự 2015, Điều 148) ends a term counted
 * in months or years. Each call counts from the given date, so adding 12 months twice can differ from adding 24.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = index - ny * 12 + 1;
  const nd = Math.min(d, daysInMonth(ny, nm));
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}`;
}

/** Adds calendar years, with the month-end rule of `addMonths` (29/02 + 1 year = 28/02). */
export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const n = dayNumber(to) - dayNumber(from);
  return Number.isNaN(n) ? Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000) : n;
}

// ---------------------------------------------------------------------------------------------------------------
// Events

/** 'probationary' = đảng viên dự bị, 'official' = đảng viên chính thức. */
export type Membership = 'probationary' | 'official';

export type MemberStatus =
  'active' | 'exempt' | 'temporarily_away' | 'in_transit' | 'suspended' | 'deceased' | 'struck_off' | 'left' | 'expelled' | 'lost_contact';

/** Statuses after which the member is no longer in the Party (until readmission or annulment). */
export const TERMINAL_STATUSES: readonly MemberStatus[] = ['deceased', 'struck_off', 'left', 'expelled'];

interface EventBase {
  /** Effective date of the event (for `admitted` and `readmitted`: the date of the admission decision). */
  date: IsoDate;
  id?: string;
  decisionNo?: string;
  note?: string;
}

/** Leaving the Party. `noReadmission` marks leaving by abandoning activity, resigning, corruption or serious crime. */
interface LeavingEvent extends EventBase {
  noReadmission?: boolean;
}

export type MemberEvent =
  /** kết nạp: the admission decision; the member is probationary from here. */
  | (EventBase & { kind: 'admitted'; orgId: string; ceremonyOn?: IsoDate | null })
  /**
   * công nhận chính thức: `date` is when the recognition was decided; `officialOn` is exactly the ceremony + 12 months
   * (computed when absent).
   */
  | (EventBase & { kind: 'recognized_official'; officialOn?: IsoDate | null })
  /** chuyển đi: the introduction letter; the member leaves the roll of the sending organisation. */
  | (EventBase & { kind: 'transfer_out_started'; toOrgId?: string | null })
  /** chuyển đến: received by the organisation `orgId`. */
  | (EventBase & { kind: 'transfer_in_confirmed'; orgId: string })
  /** sinh hoạt tạm thời nơi khác: stays on the home roll, hosted by `hostOrgId` until `until`. */
  | (EventBase & { kind: 'temporary_out'; hostOrgId: string; until: IsoDate; training?: boolean })
  | (EventBase & { kind: 'temporary_return' })
  /** miễn công tác và sinh hoạt đảng */
  | (EventBase & { kind: 'exempted' })
  | (EventBase & { kind: 'exemption_ended' })
  /** đình chỉ sinh hoạt đảng */
  | (EventBase & { kind: 'suspended' })
  | (EventBase & { kind: 'suspension_ended' })
  /** mất liên lạc: a period of non-participation that does not count towards party age. */
  | (EventBase & { kind: 'lost_contact' })
  | (EventBase & { kind: 'contact_restored' })
  /** từ trần */
  | (EventBase & { kind: 'deceased' })
  /** xóa tên (also a probationary member who failed probation) */
  | (LeavingEvent & { kind: 'struck_off' })
  /** cho ra khỏi Đảng */
  | (LeavingEvent & { kind: 'allowed_to_leave' })
  /** khai trừ */
  | (LeavingEvent & { kind: 'expelled' })
  /** A wrongly expelled member cleared: back on the roll (`orgId`, default the roll before), party age continuous. */
  | (EventBase & { kind: 'expulsion_annulled'; orgId?: string | null })
  /** kết nạp lại: a new admission decision and a new probation; party age still counts from the first admission. */
  | (EventBase & { kind: 'readmitted'; orgId: string; ceremonyOn?: IsoDate | null; criminalRecordClearedOn?: IsoDate | null });

export type MemberEventKind = MemberEvent['kind'];

export interface StatusPeriod {
  from: IsoDate;
  /** First day of the next period (exclusive end); null while open. */
  to: IsoDate | null;
  status: MemberStatus;
  /**
   * The roll the member is on. In transit it is the sending organisation, which answers for the member until the
   * receiving one confirms; out of the Party it is the last roll.
   */
  orgId: string | null;
  /** The hosting organisation during a temporary transfer. */
  hostOrgId?: string | null;
  /** The destination of an open transfer, when known. */
  toOrgId?: string | null;
  membership: Membership;
  /** An expulsion later annulled: the record shows it, but it does not interrupt party age. */
  annulled?: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// The fold

type Phase = 'none' | 'on_roll' | 'in_transit' | 'away' | 'out';

interface State {
  phase: Phase;
  /** Set when phase is 'out'. */
  out: 'deceased' | 'struck_off' | 'left' | 'expelled' | null;
  outEvent: MemberEvent | null;
  orgId: string | null;
  hostOrgId: string | null;
  awayUntil: IsoDate | null;
  toOrgId: string | null;
  transitSince: IsoDate | null;
  exempt: boolean;
  suspended: boolean;
  lostContact: boolean;
  membership: Membership;
  /** Ceremony (or, lacking it, decision) of the admission the current probation follows. */
  probationFrom: IsoDate | null;
  /** Rules of that admission (the dossier's rule-set version, §6/§12). */
  probationRules: RuleSet | null;
  firstAdmittedOn: IsoDate | null;
  readmissions: number;
  /** The state just before an expulsion, restored when it is annulled. */
  beforeExpulsion: State | null;
  lastDate: IsoDate | null;
}

const INITIAL: State = {
  phase: 'none',
  out: null,
  outEvent: null,
  orgId: null,
  hostOrgId: null,
  awayUntil: null,
  toOrgId: null,
  transitSince: null,
  exempt: false,
  suspended: false,
  lostContact: false,
  membership: 'probationary',
  probationFrom: null,
  probationRules: null,
  firstAdmittedOn: null,
  readmissions: 0,
  beforeExpulsion: null,
  lastDate: null,
};

/** Events in date order; events of the same day keep the order they were given in. */
export function sortEvents(events: readonly MemberEvent[]): MemberEvent[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.date.localeCompare(b.e.date) || a.i - b.i)
    .map((x) => x.e);
}

/** The official date for a probation that began at `ceremonyOn`: exactly the end of the probation months (§6). */
export function officialDateFor(ceremonyOn: IsoDate, rules: RuleSet = ruleSetOn(ceremonyOn)): IsoDate {
  return addMonths(ceremonyOn, rules.probation.months);
}

function officialOnOf(state: State, e: MemberEvent & { kind: 'recognized_official' }): IsoDate {
  if (e.officialOn) return e.officialOn;
  const from = state.probationFrom ?? e.date;
  return officialDateFor(from, state.probationRules ?? ruleSetOn(from));
}

function leaveRoll(s: State): State {
  return { ...s, hostOrgId: null, awayUntil: null, toOrgId: null, transitSince: null, exempt: false, suspended: false, lostContact: false };
}

/**
 * Applies one event without checking it (validateEvent does that): a recorded history, even a faulty imported one,
 * still yields periods.
 */
function apply(s: State, e: MemberEvent): State {
  const n: State = { ...s, lastDate: e.date };
  switch (e.kind) {
    case 'admitted':
    case 'readmitted': {
      const from = e.ceremonyOn ?? e.date;
      return {
        ...leaveRoll(n),
        phase: 'on_roll',
        out: null,
        outEvent: null,
        orgId: e.orgId,
        membership: 'probationary',
        probationFrom: from,
        probationRules: ruleSetOn(e.date),
        firstAdmittedOn: s.firstAdmittedOn ?? e.date,
        readmissions: s.readmissions + (e.kind === 'readmitted' ? 1 : 0),
        beforeExpulsion: null,
      };
    }
    case 'recognized_official':
      return { ...n, membership: 'official' };
    case 'transfer_out_started':
      return { ...n, phase: 'in_transit', toOrgId: e.toOrgId ?? null, transitSince: e.date, hostOrgId: null, awayUntil: null };
    case 'transfer_in_confirmed':
      return { ...n, phase: 'on_roll', orgId: e.orgId, toOrgId: null, transitSince: null };
    case 'temporary_out':
      return { ...n, phase: 'away', hostOrgId: e.hostOrgId, awayUntil: e.until };
    case 'temporary_return':
      return { ...n, phase: n.phase === 'away' ? 'on_roll' : n.phase, hostOrgId: null, awayUntil: null };
    case 'exempted':
      return { ...n, exempt: true };
    case 'exemption_ended':
      return { ...n, exempt: false };
    case 'suspended':
      return { ...n, suspended: true };
    case 'suspension_ended':
      return { ...n, suspended: false };
    case 'lost_contact':
      return { ...n, lostContact: true };
    case 'contact_restored':
      return { ...n, lostContact: false };
    case 'deceased':
      return { ...leaveRoll(n), phase: 'out', out: 'deceased', outEvent: e };
    case 'struck_off':
      return { ...leaveRoll(n), phase: 'out', out: 'struck_off', outEvent: e };
    case 'allowed_to_leave':
      return { ...leaveRoll(n), phase: 'out', out: 'left', outEvent: e };
    case 'expelled':
      return { ...leaveRoll(n), phase: 'out', out: 'expelled', outEvent: e, beforeExpulsion: s };
    case 'expulsion_annulled': {
      const before = s.beforeExpulsion;
      const restored: State = before ? { ...before, lastDate: e.date } : { ...n, out: null, outEvent: null };
      // Back on a roll: the one named, or the one the member was on (the sending one if they were in transit).
      return { ...leaveRoll(restored), phase: 'on_roll', out: null, outEvent: null, orgId: e.orgId ?? restored.orgId, beforeExpulsion: null };
    }
  }
}

function statusOf(s: State): MemberStatus {
  if (s.phase === 'out' && s.out) return s.out;
  if (s.phase === 'in_transit') return 'in_transit';
  if (s.suspended) return 'suspended';
  if (s.lostContact) return 'lost_contact';
  if (s.phase === 'away') return 'temporarily_away';
  if (s.exempt) return 'exempt';
  return 'active';
}

interface Folded {
  /** State after each event, in date order. */
  steps: { event: MemberEvent; state: State }[];
  /** Changes of membership with their effective dates (an official date is earlier than its recognition). */
  membershipChanges: { on: IsoDate; membership: Membership }[];
}

function fold(events: readonly MemberEvent[]): Folded {
  let s = INITIAL;
  const steps: Folded['steps'] = [];
  const membershipChanges: Folded['membershipChanges'] = [];
  for (const e of sortEvents(events)) {
    if (e.kind === 'recognized_official') membershipChanges.push({ on: officialOnOf(s, e), membership: 'official' });
    if (e.kind === 'admitted' || e.kind === 'readmitted') membershipChanges.push({ on: e.date, membership: 'probationary' });
    s = apply(s, e);
    steps.push({ event: e, state: s });
  }
  membershipChanges.sort((a, b) => a.on.localeCompare(b.on));
  return { steps, membershipChanges };
}

function membershipOn(changes: Folded['membershipChanges'], date: IsoDate): Membership {
  let m: Membership = 'probationary';
  for (const c of changes) {
    if (c.on <= date) m = c.membership;
    else break;
  }
  return m;
}

function samePeriod(a: StatusPeriod, b: StatusPeriod): boolean {
  return (
    a.status === b.status &&
    a.orgId === b.orgId &&
    (a.hostOrgId ?? null) === (b.hostOrgId ?? null) &&
    (a.toOrgId ?? null) === (b.toOrgId ?? null) &&
    a.membership === b.membership &&
    !!a.annulled === !!b.annulled
  );
}

/**
 * The member's status as consecutive periods from the first admission on. Each period runs from `from` up to, not
 * including, `to`; the last one is open (`to` null). Events of the same day are applied in the order given and only
 * the state at the end of the day makes a period. The switch to official falls on the official date, not on the day
 * the recognition was recorded. A temporary transfer stays open until its return is recorded, even past `until`
 * (an overdue return is for an alert, not a silent change of status).
 */
export function statusPeriods(events: readonly MemberEvent[]): StatusPeriod[] {
  if (!memo) return foldPeriods(events);
  let periods = memo.get(events);
  if (!periods) memo.set(events, (periods = foldPeriods(events)));
  return periods;
}

/** statusPeriods by history while withStatusPeriodsMemo runs (null otherwise). */
let memo: WeakMap<readonly MemberEvent[], StatusPeriod[]> | null = null;

/**
 * Runs `f` (synchronous) with statusPeriods remembered per events array: the badge lists ask several rules of each
 * history (the status on the anniversary and on the previous one, the reach dates, the backlog), and each folded the
 * history again (issue 13). Within `f` neither the arrays nor the periods returned may be changed; nothing outside
 * `f` sees the memo.
 */
export function withStatusPeriodsMemo<T>(f: () => T): T {
  const outer = memo;
  memo ??= new WeakMap();
  try {
    return f();
  } finally {
    memo = outer;
  }
}

function foldPeriods(events: readonly MemberEvent[]): StatusPeriod[] {
  const { steps, membershipChanges } = fold(events);
  if (steps.length === 0) return [];
  // Which expulsions were annulled: an expulsion followed (before any other leaving) by an annulment.
  const annulledExpulsions = new Set<MemberEvent>();
  let pendingExpulsion: MemberEvent | null = null;
  for (const { event } of steps) {
    if (event.kind === 'expelled') pendingExpulsion = event;
    else if (event.kind === 'readmitted') pendingExpulsion = null;
    else if (event.kind === 'expulsion_annulled' && pendingExpulsion) {
      annulledExpulsions.add(pendingExpulsion);
      pendingExpulsion = null;
    }
  }
  const boundaries = [...new Set([...steps.map((x) => x.event.date), ...membershipChanges.map((c) => c.on)])].filter((d) => d >= steps[0]!.event.date).sort();
  const periods: StatusPeriod[] = [];
  let i = 0;
  let state = INITIAL;
  for (let b = 0; b < boundaries.length; b++) {
    const from = boundaries[b]!;
    while (i < steps.length && steps[i]!.event.date <= from) state = steps[i++]!.state;
    const status = statusOf(state);
    const p: StatusPeriod = { from, to: boundaries[b + 1] ?? null, status, orgId: state.orgId, membership: membershipOn(membershipChanges, from) };
    if (state.hostOrgId && state.phase === 'away') p.hostOrgId = state.hostOrgId;
    if (state.phase === 'in_transit') p.toOrgId = state.toOrgId;
    if (status === 'expelled' && state.outEvent && annulledExpulsions.has(state.outEvent)) p.annulled = true;
    const last = periods[periods.length - 1];
    if (last && samePeriod(last, p)) last.to = p.to;
    else periods.push(p);
  }
  return periods;
}

/** The period in force on a date; null before the first admission. */
export function statusOn(events: readonly MemberEvent[], date: IsoDate): StatusPeriod | null {
  for (const p of statusPeriods(events)) {
    if (p.from <= date && (p.to === null || date < p.to)) return p;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Validation

const LEFT_LABEL: Record<NonNullable<State['out']>, string> = {
  deceased: 'từ trần',
  struck_off: 'bị xóa tên',
  left: 'được cho ra khỏi Đảng',
  expelled: 'bị khai trừ',
};

/** A former member's case for readmission (domain.md §6). */
export interface ReadmissionCase {
  /** Date the member left the Party (struck off, allowed to leave, expelled). */
  leftOn: IsoDate;
  /** Left by abandoning activity, resigning, corruption or serious crime: never readmitted. */
  noReadmission: boolean;
  /** Readmitted once already. */
  readmittedBefore: boolean;
  /** After a criminal conviction: the day the record was cleared. */
  criminalRecordClearedOn?: IsoDate | null;
}

export type ReadmissionFailureCode = 'readmission_not_allowed' | 'readmission_twice' | 'readmission_too_early';

/**
 * Whether a former member may be readmitted on `on` (domain.md §6): only once, never for the barred causes, at least
 * `readmissionAfterMonths` after leaving AND, after a criminal conviction, also at least
 * `readmissionAfterCriminalRecordMonths` after the record was cleared. The one function that decides it: the cell's
 * vote (admission.ts) and the member file's `readmitted` event both call it. Empty when readmission is allowed.
 */
export function readmissionFailures(former: ReadmissionCase, on: IsoDate, rules: RuleSet): { code: ReadmissionFailureCode; message: string }[] {
  const vn = formatVnDate;
  const out: { code: ReadmissionFailureCode; message: string }[] = [];
  if (former.noReadmission) {
    out.push({
      code: 'readmission_not_allowed',
      message: 'Người này ra khỏi Đảng thuộc diện không được kết nạp lại (bỏ sinh hoạt, xin ra khỏi Đảng, tham nhũng hoặc tội phạm nghiêm trọng).',
    });
  }
  if (former.readmittedBefore) out.push({ code: 'readmission_twice', message: 'Chỉ được kết nạp lại một lần.' });
  const { readmissionAfterMonths: months, readmissionAfterCriminalRecordMonths: recordMonths } = rules.admission;
  const afterLeaving = addMonths(former.leftOn, months);
  if (on < afterLeaving) {
    out.push({
      code: 'readmission_too_early',
      message: `Chưa đủ ${months} tháng kể từ ngày ra khỏi Đảng (${vn(former.leftOn)}): sớm nhất ngày ${vn(afterLeaving)}.`,
    });
  }
  if (former.criminalRecordClearedOn) {
    const afterRecord = addMonths(former.criminalRecordClearedOn, recordMonths);
    if (on < afterRecord) {
      out.push({
        code: 'readmission_too_early',
        message: `Chưa đủ ${recordMonths} tháng kể từ ngày được xóa án tích (${vn(former.criminalRecordClearedOn)}): sớm nhất ngày ${vn(afterRecord)}.`,
      });
    }
  }
  return out;
}

function validateAgainst(s: State, next: MemberEvent, rules: RuleSet | undefined): string[] {
  const errors: string[] = [];
  const vn = formatVnDate;
  if (!isIsoDate(next.date)) return ['Ngày của sự kiện không hợp lệ.'];
  if (s.lastDate && next.date < s.lastDate) {
    errors.push(`Ngày ${vn(next.date)} trước sự kiện gần nhất (${vn(s.lastDate)}): các sự kiện phải theo thứ tự thời gian.`);
  }
  if (s.phase === 'none') {
    if (next.kind !== 'admitted') errors.push('Chưa có quyết định kết nạp: sự kiện đầu tiên phải là kết nạp.');
  } else if (s.out === 'deceased') {
    return [...errors, `Đảng viên đã từ trần ngày ${vn(s.outEvent?.date)}: không ghi nhận thêm sự kiện nào.`];
  } else if (s.phase === 'out' && s.out && next.kind !== 'readmitted' && !(next.kind === 'expulsion_annulled' && s.out === 'expelled')) {
    return [...errors, `Người này đã ${LEFT_LABEL[s.out]} ngày ${vn(s.outEvent?.date)}, không còn là đảng viên.`];
  }
  if (s.phase === 'none' && next.kind !== 'admitted') return errors;

  const inTransit = s.phase === 'in_transit';
  const transitMsg = `Đảng viên đang chuyển sinh hoạt (chuyển đi ngày ${vn(s.transitSince)}), chưa được nơi đến tiếp nhận.`;

  switch (next.kind) {
    case 'admitted':
      if (s.phase !== 'none') errors.push('Đảng viên đã được kết nạp; người đã ra khỏi Đảng thì ghi nhận kết nạp lại.');
      if (next.ceremonyOn && next.ceremonyOn < next.date) errors.push('Ngày lễ kết nạp không được trước ngày quyết định kết nạp.');
      break;
    case 'readmitted': {
      if (s.phase !== 'out') {
        errors.push('Đảng viên đang trong Đảng, không thể kết nạp lại.');
        break;
      }
      const leaving = s.outEvent;
      if (leaving) {
        // §6 decided by the one function the cell's vote calls too (admission.ts).
        const former = {
          leftOn: leaving.date,
          noReadmission: 'noReadmission' in leaving && leaving.noReadmission === true,
          readmittedBefore: s.readmissions > 0,
          criminalRecordClearedOn: next.criminalRecordClearedOn ?? null,
        };
        errors.push(...readmissionFailures(former, next.date, rules ?? ruleSetOn(next.date)).map((f) => f.message));
      }
      if (next.ceremonyOn && next.ceremonyOn < next.date) errors.push('Ngày lễ kết nạp không được trước ngày quyết định kết nạp.');
      break;
    }
    case 'recognized_official': {
      if (s.membership === 'official') {
        errors.push('Đảng viên đã là đảng viên chính thức.');
        break;
      }
      if (inTransit) errors.push(`${transitMsg} Chi bộ nơi đến xét công nhận chính thức sau khi tiếp nhận.`);
      const from = s.probationFrom ?? next.date;
      const r = rules ?? s.probationRules ?? ruleSetOn(from);
      const due = officialDateFor(from, r);
      if (next.date < due) errors.push(`Chưa hết ${r.probation.months} tháng dự bị: thời hạn dự bị kết thúc ngày ${vn(due)}.`);
      if (next.officialOn && next.officialOn !== due) {
        errors.push(`Ngày chính thức phải đúng ngày hết ${r.probation.months} tháng dự bị: ${vn(due)}, không phải ${vn(next.officialOn)}.`);
      }
      break;
    }
    case 'transfer_out_started':
      if (inTransit) errors.push(transitMsg);
      else if (s.phase === 'away')
        errors.push('Đảng viên đang sinh hoạt tạm thời nơi khác; cần kết thúc sinh hoạt tạm thời trước khi chuyển sinh hoạt chính thức.');
      if (s.suspended) errors.push('Đảng viên đang bị đình chỉ sinh hoạt, chưa chuyển sinh hoạt đảng.');
      if (s.lostContact) errors.push('Đảng viên đang mất liên lạc, chưa chuyển sinh hoạt đảng.');
      if (next.toOrgId && next.toOrgId === s.orgId) errors.push('Tổ chức đảng nơi đến trùng với nơi đi.');
      break;
    case 'transfer_in_confirmed':
      if (!inTransit) errors.push('Không có lần chuyển sinh hoạt đi nào đang mở để xác nhận chuyển đến.');
      break;
    case 'temporary_out': {
      if (inTransit) errors.push(transitMsg);
      else if (s.phase === 'away') errors.push('Đảng viên đang sinh hoạt tạm thời nơi khác.');
      if (next.hostOrgId === s.orgId) errors.push('Tổ chức đảng nơi sinh hoạt tạm thời trùng với nơi sinh hoạt chính thức.');
      const r = rules ?? ruleSetOn(next.date);
      const t = r.transfer;
      if (!isIsoDate(next.until) || next.until <= next.date) {
        errors.push('Thời hạn sinh hoạt tạm thời phải sau ngày bắt đầu.');
      } else if (next.until < addMonths(next.date, t.temporaryMinMonths)) {
        errors.push(`Sinh hoạt tạm thời phải từ ${t.temporaryMinMonths} tháng trở lên.`);
      } else if (next.training ? next.until > addMonths(next.date, t.temporaryTrainingMaxMonths) : next.until >= addMonths(next.date, t.temporaryMaxMonths)) {
        errors.push(
          next.training
            ? `Đi học tập trung sinh hoạt tạm thời không quá ${t.temporaryTrainingMaxMonths} tháng; dài hơn thì chuyển sinh hoạt chính thức.`
            : `Sinh hoạt tạm thời phải dưới ${t.temporaryMaxMonths} tháng; dài hơn thì chuyển sinh hoạt chính thức.`,
        );
      }
      break;
    }
    case 'temporary_return':
      if (s.phase !== 'away') errors.push('Đảng viên không đang sinh hoạt tạm thời nơi khác.');
      break;
    case 'exempted':
      if (inTransit) errors.push(transitMsg);
      if (s.exempt) errors.push('Đảng viên đã được miễn công tác và sinh hoạt đảng.');
      break;
    case 'exemption_ended':
      if (!s.exempt) errors.push('Đảng viên không trong thời gian miễn công tác và sinh hoạt đảng.');
      break;
    case 'suspended':
      if (inTransit) errors.push(transitMsg);
      if (s.suspended) errors.push('Đảng viên đang bị đình chỉ sinh hoạt.');
      break;
    case 'suspension_ended':
      if (!s.suspended) errors.push('Đảng viên không bị đình chỉ sinh hoạt.');
      break;
    case 'lost_contact':
      // An unpresented letter is already counted by the transit gap; a second gap would count the days twice.
      if (inTransit) errors.push(transitMsg);
      if (s.lostContact) errors.push('Đảng viên đã được ghi nhận mất liên lạc.');
      break;
    case 'contact_restored':
      if (!s.lostContact) errors.push('Đảng viên không ở tình trạng mất liên lạc.');
      break;
    case 'expelled':
      if (s.membership === 'probationary') {
        errors.push('Đảng viên dự bị chỉ có thể bị khiển trách hoặc cảnh cáo, không thể khai trừ; nếu không đủ tư cách thì xóa tên.');
      }
      break;
    case 'expulsion_annulled':
      if (s.out !== 'expelled') errors.push('Đảng viên không ở tình trạng bị khai trừ.');
      break;
    case 'deceased':
    case 'struck_off':
    case 'allowed_to_leave':
      break;
  }
  return errors;
}

/**
 * Checks that `next` can follow the recorded `existing` events; returns Vietnamese messages, empty when it can.
 * `next` must not be dated before the latest existing event (back-dated histories are checked with validateHistory).
 * Without `rules`, each figure comes from the rule set in force when it applies (the admission for probation).
 */
export function validateEvent(existing: readonly MemberEvent[], next: MemberEvent, rules?: RuleSet): string[] {
  let s = INITIAL;
  for (const e of sortEvents(existing)) s = apply(s, e);
  return validateAgainst(s, next, rules);
}

/** Checks a whole history (an import, a back-dated correction) in date order; the problems with their event. */
export function validateHistory(events: readonly MemberEvent[], rules?: RuleSet): { event: MemberEvent; errors: string[] }[] {
  const problems: { event: MemberEvent; errors: string[] }[] = [];
  let s = INITIAL;
  for (const e of sortEvents(events)) {
    const errors = validateAgainst(s, e, rules);
    if (errors.length > 0) problems.push({ event: e, errors });
    s = apply(s, e);
  }
  return problems;
}

/** The first admission decision date, from which party age counts (§5); null when there is none. */
export function firstAdmissionOn(events: readonly MemberEvent[]): IsoDate | null {
  const first = sortEvents(events).find((e) => e.kind === 'admitted' || e.kind === 'readmitted');
  return first ? first.date : null;
}
