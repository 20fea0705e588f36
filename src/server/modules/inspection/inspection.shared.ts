/**
 * What the inspection services share: the organisation and member lookups in scope, the checks of dates, the audit
 * entry, the views of rows. No SQL (the repositories').
 */
import type { Kysely } from 'kysely';
import type { InspectionProgress, ItemView } from '../../../contract/inspection.ts';
import { percent } from '../../../domain/evaluation.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor, Scope } from '../../http/actor.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { findMember } from '../members/members.repo.ts';
import { orgInScope } from '../orgs/orgs.evaluation.repo.ts';
import type { ItemRow } from './inspection.repo.ts';

export const EARLIEST = '1930-01-01';

const vn = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** A date of the past (a conclusion, an opening, a decision): from 1930 to today. */
export function pastDate(field: string, value: string | undefined, today: string): void {
  if (value === undefined) return;
  if (value < EARLIEST) throw invalid(field, 'Ngày phải từ 01/01/1930.');
  if (value > today) throw invalid(field, `Ngày không được sau hôm nay (${vn(today)}).`);
}

/** A date of planning (a due date, a period): from 1930 to the end of next year. */
export function planDate(field: string, value: string | undefined, today: string): void {
  if (value === undefined) return;
  const last = `${Number(today.slice(0, 4)) + 1}-12-31`;
  if (value < EARLIEST) throw invalid(field, 'Ngày phải từ 01/01/1930.');
  if (value > last) throw invalid(field, `Ngày không được sau ${vn(last)} (hết năm sau).`);
}

/** A year of planning: from 1930 to next year. */
export function planYear(field: string, year: number, today: string): void {
  const next = Number(today.slice(0, 4)) + 1;
  if (year < 1930 || year > next) throw invalid(field, `Năm phải từ 1930 đến ${next}.`);
}

/** The organisation in the scope given, with its current path and latest name; else 404. */
export async function orgIn(db: Kysely<DB>, scope: Scope, orgId: string, what = 'Không tìm thấy tổ chức đảng.') {
  const org = await orgInScope(db, scope, orgId);
  if (!org) throw notFound(what);
  return { id: org.id, path: org.current_path, name: org.name ?? '' };
}

/**
 * The subject of an item or a case: an organisation or a member of the subtree of the organisation carrying it out
 * (itself included); else a 400 naming the field (an id of elsewhere answers like one that does not exist).
 */
export async function subjectIn(db: Kysely<DB>, path: string, s: { subjectOrgId?: string | undefined; subjectMemberId?: string | undefined }) {
  if (s.subjectOrgId !== undefined) {
    const org = await orgInScope(db, [path], s.subjectOrgId);
    if (!org) throw invalid('subjectOrgId', 'Đối tượng phải là tổ chức đảng thuộc phạm vi của tổ chức thực hiện.');
    return { kind: 'org' as const, id: org.id, name: org.name ?? '' };
  }
  const member = await findMember(db, [path], s.subjectMemberId!);
  if (!member) throw invalid('subjectMemberId', 'Đối tượng phải là đảng viên thuộc phạm vi của tổ chức thực hiện.');
  return { kind: 'member' as const, id: member.id, name: member.full_name, orgId: member.org_id };
}

export async function audit(
  tx: Kysely<DB>,
  actor: Actor,
  at: Date,
  e: { action: string; entityType: string; entityId: string; scopeOrgId: string; before: unknown; after: unknown },
): Promise<void> {
  await writeAudit(tx, { id: actor.userId, name: actor.username }, at, [e]);
}

export function itemView(r: ItemRow, memberNames: Map<string, string>): ItemView {
  const subject =
    r.subject_member_id !== null
      ? { kind: 'member' as const, id: r.subject_member_id, name: memberNames.get(r.subject_member_id) ?? '' }
      : { kind: 'org' as const, id: r.subject_org_id!, name: r.subject_org_name ?? '' };
  return {
    id: r.id,
    planId: r.plan_id,
    orgId: r.org_id,
    orgName: r.org_name ?? '',
    body: r.body,
    kind: r.kind,
    mode: r.mode,
    subject,
    content: r.content,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    inCharge: r.in_charge,
    dueOn: r.due_on,
    status: r.status,
    concludedOn: r.concluded_on,
    conclusion: r.conclusion,
    violationFound: r.violation_found,
    cancelReason: r.cancel_reason,
    addedInVersion: r.added_in_version,
  };
}

export const emptyProgress = (): InspectionProgress => ({ planned: 0, concluded: 0, underWay: 0, cancelled: 0, arising: 0, percent: null });

/** Adds counts to a progress and recomputes its share (concluded ÷ planned). */
export function addProgress(p: InspectionProgress, c: { planned: number; concluded: number; underWay: number; cancelled: number; arising: number }) {
  p.planned += c.planned;
  p.concluded += c.concluded;
  p.underWay += c.underWay;
  p.cancelled += c.cancelled;
  p.arising += c.arising;
  p.percent = p.planned > 0 ? percent(p.concluded, p.planned) : null;
}
