/**
 * Life events between the stored rows and the rules: a member_event row ↔ the domain's MemberEvent, and the member's
 * current columns (status, roll, admission and official dates, the start of the running party age) derived from the
 * events by the rules. Pure: the members module, the calendar's recompute (through members), the demo and migration
 * 0007 all use these same functions.
 */
import { createWorkingCalendar, type WorkingCalendar } from './calendar/working-days.ts';
import { daysBetween, firstAdmissionOn, statusOn, statusPeriods, type MemberEvent } from './member-status.ts';
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
