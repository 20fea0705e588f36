/**
 * Life events between the stored rows and the rules: a member_event row ↔ the domain's MemberEvent, and the member's
 * current columns (status, roll, admission and official dates, the start of the running party age) derived from the
 * events by the rules. Pure: the members module, the calendar's recompute (through members), the demo and migration
 * 0007 all use these same functions.
 */
import { createWorkingCalendar, type WorkingCalendar } from './calendar/working-days.ts';
import { daysBetween, firstAdmissionOn, statusOn, statusPeriods, type MemberEvent, type StatusPeriod } from './member-status.ts';
import { approxCalendarDays, partyAgeStart } from './party-age.ts';
import { ruleSetOn } from './rulesets.ts';

/** The columns of a member_event row the rules read (details as the database gives it: a JSON object). */
export interface MemberEventRowLike {
  id: string;
  kind: string;
  effective_date: string;
  decision_no: string | null;
  org_id: string | null;
  to_org_id: string | null;
  details: unknown;
}

type Details = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** A stored event as the rules read it. */
export function rowToEvent(r: MemberEventRowLike): MemberEvent {
  const d = (r.details ?? {}) as Details;
  const base = { id: r.id, date: r.effective_date, ...(r.decision_no ? { decisionNo: r.decision_no } : {}), ...(str(d.note) ? { note: str(d.note) } : {}) };
  switch (r.kind) {
    case 'admitted':
    case 'readmitted':
      return {
        ...base,
        kind: r.kind,
        orgId: r.org_id ?? '',
        ceremonyOn: str(d.ceremonyOn) ?? null,
        ...(r.kind === 'readmitted' ? { criminalRecordClearedOn: str(d.criminalRecordClearedOn) ?? null } : {}),
      } as MemberEvent;
    case 'recognized_official':
      return { ...base, kind: r.kind, officialOn: str(d.officialOn) ?? null };
    case 'transfer_out_started':
      return { ...base, kind: r.kind, toOrgId: r.to_org_id };
    case 'transfer_in_confirmed':
      return { ...base, kind: r.kind, orgId: r.org_id ?? '' };
    case 'temporary_out':
      return { ...base, kind: r.kind, hostOrgId: r.to_org_id ?? '', until: str(d.until) ?? r.effective_date, training: d.training === true };
    case 'struck_off':
    case 'allowed_to_leave':
    case 'expelled':
      return { ...base, kind: r.kind, noReadmission: d.noReadmission === true };
    case 'expulsion_annulled':
      return { ...base, kind: r.kind, orgId: r.org_id };
    default:
      return { ...base, kind: r.kind } as MemberEvent;
  }
}

/**
 * Calendar days in transit that do not count against party age (domain.md §7): the rule's working days to present the
 * letter, counted on the working calendar from the departure; outside the calendar's years (2000–2035), × 7/5.
 * The member file and the derived column use this same allowance.
 */
export function transferGapAllowance(cal: WorkingCalendar) {
  return (startedOn: string): number => {
    const workingDays = ruleSetOn(startedOn).transfer.presentLetterWithinWorkingDays;
    try {
      return daysBetween(startedOn, cal.addWorkingDays(startedOn, workingDays));
    } catch {
      return approxCalendarDays(workingDays);
    }
  };
}

let lawCalendar: WorkingCalendar | undefined;

/**
 * The columns of member.* a list filters on, as the events make them on `today`. `cal` is the working calendar with
 * the administrator's adjustments; without it, the law's alone (the demo generator, which has none).
 *
 * party_age_from is "as of the last event": the shifted start of the party age running on `today`
 * (partyAgeStart), or null when there is none (never official, probationary, out of the Party, lost contact,
 * deceased). Party age on any later date D is calendarDiff(party_age_from, D) as long as no new event is recorded;
 * a transfer still open keeps the value of its departure until the arrival is confirmed.
 */
export function derivedColumns(events: readonly MemberEvent[], today: string, cal: WorkingCalendar = (lawCalendar ??= createWorkingCalendar())) {
  const periods = statusPeriods(events);
  const now = statusOn(events, today) ?? periods.at(-1) ?? null;
  const official = periods.find((p) => p.membership === 'official');
  const left = now && ['deceased', 'struck_off', 'left', 'expelled'].includes(now.status) ? now.from : null;
  return {
    status: now?.status ?? 'active',
    org_id: now?.orgId ?? undefined,
    admitted_on: firstAdmissionOn(events) ?? undefined,
    official_on: official?.from ?? null,
    left_on: left,
    party_age_from: partyAgeStart(events, today, { allowedTransferGapDays: transferGapAllowance(cal) }),
  };
}

/**
 * A reorganisation's roster move (domain.md §3): from `on`, the members on the roll of (or hosted by) `from` are on
 * `to`'s, without an event of their own. Recorded by the members' moveMembers and applied to the periods the events
 * make, so that a later event keeps the move.
 */
export interface RollMove {
  from: string;
  to: string;
  on: string;
}

const OUT_STATUSES = new Set(['deceased', 'struck_off', 'left', 'expelled']);

/**
 * The status periods with the roster moves applied, in date order of the moves: a period of a member still in the
 * Party on the roll of (or hosted by) a moved organisation on or after the move's date is split at that date and its
 * later part is on the new organisation. A period out of the Party that begins on or after the move's date is on the
 * new organisation too (its roll is the last one before leaving); one that began before keeps its roll.
 */
export function applyRollMoves(periods: readonly StatusPeriod[], moves: readonly RollMove[]): StatusPeriod[] {
  let out = [...periods];
  for (const m of [...moves].sort((a, b) => a.on.localeCompare(b.on))) {
    const next: StatusPeriod[] = [];
    for (const p of out) {
      // In the Party on the move's date, or out of it only later (the last roll before leaving was the moved one).
      const reaches = OUT_STATUSES.has(p.status) ? p.from >= m.on : p.to === null || p.to > m.on;
      const touched = (p.orgId === m.from || p.hostOrgId === m.from) && reaches;
      if (!touched) {
        next.push(p);
        continue;
      }
      const moved = { ...p, ...(p.orgId === m.from ? { orgId: m.to } : {}), ...(p.hostOrgId === m.from ? { hostOrgId: m.to } : {}) };
      if (p.from < m.on) next.push({ ...p, to: m.on }, { ...moved, from: m.on });
      else next.push(moved);
    }
    out = next;
  }
  return out;
}

/** A row of member_period (migration 0019): one dated period of a member, [valid_from, valid_to). */
export interface MemberPeriodRow {
  member_id: string;
  valid_from: string;
  valid_to: string | null;
  status: string;
  membership: 'probationary' | 'official';
  org_id: string;
  host_org_id: string | null;
}

/**
 * The member's periods as member_period stores them: the fold of the events (statusPeriods) with the roster moves
 * applied. The one derivation every writer of member_period uses (the members service, the import and the admission
 * through it, the bulk loaders, migration 0019).
 */
export function memberPeriodRows(memberId: string, events: readonly MemberEvent[], moves: readonly RollMove[] = []): MemberPeriodRow[] {
  return applyRollMoves(statusPeriods(events), moves)
    .filter((p) => p.orgId)
    .map((p) => ({
      member_id: memberId,
      valid_from: p.from,
      valid_to: p.to,
      status: p.status,
      membership: p.membership,
      org_id: p.orgId!,
      host_org_id: p.hostOrgId ?? null,
    }));
}

/** The roll on `today` of the moved periods (the current period, or the last one), as member.org_id holds it. */
export function rollOfPeriods(rows: readonly MemberPeriodRow[], today: string): string | undefined {
  const now = rows.find((r) => r.valid_from <= today && (r.valid_to === null || r.valid_to > today)) ?? rows.at(-1);
  return now?.org_id;
}
