/**
 * Life events between the database and the domain: member_event rows ↔ the domain's MemberEvent, and the member's
 * current columns (status, roll, admission and official dates) derived from the events by the domain rules.
 */
import type { Selectable } from 'kysely';
import { firstAdmissionOn, statusOn, statusPeriods, type MemberEvent } from '../../../domain/member-status.ts';
import type { MemberEventTable } from '../../db/schema.ts';

type Details = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

export function rowToEvent(r: Selectable<MemberEventTable>): MemberEvent {
  const d = (r.details ?? {}) as Details;
  const base = { id: r.id, date: r.effective_date, ...(r.decision_no ? { decisionNo: r.decision_no } : {}), ...(str(d.note) ? { note: str(d.note) } : {}) };
  switch (r.kind) {
    case 'admitted':
    case 'readmitted':
      return { ...base, kind: r.kind, orgId: r.org_id ?? '', ceremonyOn: str(d.ceremonyOn) ?? null, ...(r.kind === 'readmitted' ? { criminalRecordClearedOn: str(d.criminalRecordClearedOn) ?? null } : {}) } as MemberEvent;
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

/** The columns of member.* a list filters on, as the events make them on `today`. */
export function derivedColumns(events: readonly MemberEvent[], today: string) {
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
  };
}
