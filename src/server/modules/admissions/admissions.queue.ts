/**
 * The lists that follow dossiers after the vote: the probationary members and "Việc cần làm", the work queue of
 * deadlines (domain.md §6: the ceremony within its working days, the end of probation and the recognition vote, the
 * awareness certificate's validity, the member background form).
 */
import { MEMBER_FORM_STEP, STAGE_LABELS, memberFormDeadline, type AdmissionStage } from '../../../domain/admission.ts';
import type { WorkingCalendar } from '../../../domain/calendar/working-days.ts';
import { addDays } from '../../../domain/dates.ts';
import { scopeFor, type Actor } from '../../http/actor.ts';
import { orgNameOn } from '../orgs/orgs.members.repo.ts';
import { BEFORE_VOTE, rulesOf, type AdmissionsDeps } from './admissions.context.ts';
import { probationDossiers, workQueueDossiers } from './admissions.repo.ts';

/** Each organisation's name on the date, looked up once. */
async function orgNames(deps: AdmissionsDeps, orgIds: readonly string[], date: string): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of orgIds) if (!names.has(id)) names.set(id, await orgNameOn(deps.db, id, date));
  return names;
}

/** Probationary members admitted through a dossier, with the end of probation and the recognition deadline. */
export async function probationList(deps: AdmissionsDeps, actor: Actor) {
  const rows = await probationDossiers(deps.db, scopeFor(actor, 'read'));
  const names = await orgNames(
    deps,
    rows.map((r) => r.org_id),
    deps.clock.today(),
  );
  return {
    items: rows.map((r) => ({
      dossierId: r.id,
      memberId: r.member_id,
      fullName: r.full_name,
      orgId: r.org_id,
      orgName: names.get(r.org_id) ?? '',
      ceremonyOn: r.ceremony_on,
      probationEndsOn: r.probation_ends_on,
      recognitionDueOn: r.recognition_due_on,
      stage: r.stage,
      stageLabel: STAGE_LABELS[r.stage as AdmissionStage] ?? r.stage,
      votes: Number(r.votes),
    })),
  };
}

type QueueRow = Awaited<ReturnType<typeof workQueueDossiers>>[number];
type Base = { dossierId: string; fullName: string; orgId: string; orgName: string };
export type WorkItem = Base & {
  kind: 'ceremony_due' | 'probation_ending' | 'recognition_due' | 'certificate_expiring' | 'member_form_due';
  label: string;
  late: boolean;
  dueOn: string;
};

/** The dossier's deadline of the ceremony, the probation and recognition, or the certificate, if one is due. */
function deadlineItem(r: QueueRow, base: Base, today: string, soon: string): WorkItem | null {
  if (r.status === 'open' && r.stage === 'decision' && r.ceremony_due_on) {
    const late = today > r.ceremony_due_on;
    return { ...base, kind: 'ceremony_due', late, dueOn: r.ceremony_due_on, label: late ? 'Quá hạn tổ chức lễ kết nạp' : 'Tổ chức lễ kết nạp' };
  }
  if (r.status === 'probation' && r.probation_ends_on && r.recognition_due_on && r.probation_ends_on <= soon) {
    if (today < r.probation_ends_on) return { ...base, kind: 'probation_ending', late: false, dueOn: r.probation_ends_on, label: 'Sắp hết thời hạn dự bị' };
    const late = today > r.recognition_due_on;
    const label = late ? 'Quá hạn xét công nhận đảng viên chính thức' : 'Xét công nhận đảng viên chính thức';
    return { ...base, kind: 'recognition_due', late, dueOn: r.recognition_due_on, label };
  }
  if (r.status === 'open' && r.certificate_valid_until) {
    const late = today > r.certificate_valid_until;
    const label = late ? 'Giấy chứng nhận bồi dưỡng nhận thức về Đảng đã hết hạn' : 'Giấy chứng nhận bồi dưỡng nhận thức về Đảng sắp hết hạn';
    return { ...base, kind: 'certificate_expiring', late, dueOn: r.certificate_valid_until, label };
  }
  return null;
}

/** The member background form not yet declared by a member on probation (due working days after the ceremony). */
async function memberFormItem(deps: AdmissionsDeps, r: QueueRow, base: Base, today: string, cal: WorkingCalendar | null): Promise<WorkItem | null> {
  if (!(r.status === 'probation' && r.member_form_due && r.ceremony_on && cal && (r.stage === 'ceremony' || r.stage === 'recognition_vote'))) return null;
  const dueOn = memberFormDeadline(r.ceremony_on, cal, await rulesOf(deps, r));
  const late = today > dueOn;
  return { ...base, kind: 'member_form_due', late, dueOn, label: late ? 'Quá hạn khai lý lịch đảng viên' : 'Khai lý lịch đảng viên' };
}

/**
 * "Việc cần làm": ceremonies due (decision recorded, no ceremony), probation ending within 30 days, recognition
 * votes due or late, awareness certificates that expire within 60 days before the cell has voted, member
 * background forms not yet declared by members on probation (due 30 working days after the ceremony).
 */
export async function workQueue(deps: AdmissionsDeps, actor: Actor): Promise<{ items: WorkItem[] }> {
  const today = deps.clock.today();
  const soon = addDays(today, 30);
  const certSoon = addDays(today, 60);
  const rows = await workQueueDossiers(deps.db, scopeFor(actor, 'read'), MEMBER_FORM_STEP, BEFORE_VOTE, soon, certSoon);
  const names = await orgNames(
    deps,
    rows.map((r) => r.org_id),
    today,
  );
  const cal = rows.some((r) => r.member_form_due) ? await deps.calendar.workingCalendar(deps.db) : null;
  const items: WorkItem[] = [];
  for (const r of rows) {
    const base = { dossierId: r.id, fullName: r.full_name, orgId: r.org_id, orgName: names.get(r.org_id) ?? '' };
    const deadline = deadlineItem(r, base, today, soon);
    if (deadline) items.push(deadline);
    const form = await memberFormItem(deps, r, base, today, cal);
    if (form) items.push(form);
  }
  items.sort((a, b) => Number(b.late) - Number(a.late) || a.dueOn.localeCompare(b.dueOn) || a.dossierId.localeCompare(b.dossierId));
  return { items };
}

/** The work queue's counts for the header: all, late, and by kind. */
export async function workQueueCounts(deps: AdmissionsDeps, actor: Actor) {
  const { items } = await workQueue(deps, actor);
  const byKind: Record<string, number> = {};
  for (const i of items) byKind[i.kind] = (byKind[i.kind] ?? 0) + 1;
  return { total: items.length, late: items.filter((i) => i.late).length, byKind };
}
