/**
 * What the pages read: an organisation's calendar (each meeting with its warnings) and a meeting's page (attendance or
 * the roll of its date with the default marks, the quorum, documents, tasks and the tasks carried from earlier
 * meetings). The warnings are the domain's pure checks under the rule set in force on the meeting's date.
 */
import { vietnamDate } from '../../../domain/dates.ts';
import { countsForQuorum, defaultMark, formatTimeOfDay, meetingWarnings, quorumOf, type MeetingKind, type RollMember } from '../../../domain/meetings.ts';
import type { RuleSet } from '../../../domain/rulesets.ts';
import type { AttendanceRow, MeetingDetail, MeetingList, MeetingSummary, MeetingTask } from '../../../contract/meetings.ts';
import type { Kysely, Selectable } from 'kysely';
import type { DB, MeetingDocumentTable, MeetingTable, MeetingTaskTable } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import { notFound } from '../../http/errors.ts';
import { meetingRollOn, memberNames } from '../members/members.meetings.repo.ts';
import { orgKindOn } from '../orgs/orgs.members.repo.ts';
import { loadMeeting, type MeetingsDeps } from './meetings.context.ts';
import { canEditMeetings, canReadMeetings } from './meetings.policy.ts';
import { attendanceOf, carriedTasks, documentsOf, listMeetings, tasksOf } from './meetings.repo.ts';

type MeetingRow = Selectable<MeetingTable>;
type DocRow = Selectable<MeetingDocumentTable>;

export const meetingDate = (m: Pick<MeetingRow, 'held_on' | 'planned_on'>) => m.held_on ?? m.planned_on;

/** The warnings of a meeting under the versions in use. */
export function warningsOf(m: MeetingRow, docs: readonly DocRow[], sets: readonly RuleSet[]) {
  return meetingWarnings(
    {
      kind: m.kind as MeetingKind,
      date: meetingDate(m),
      held: m.status === 'held',
      startMinute: m.start_minute,
      endMinute: m.end_minute,
      superiorInvited: m.superior_invited,
      documentsSentOn: docs.filter((d) => d.role === 'material').map((d) => (d.sent_at ? vietnamDate(d.sent_at) : null)),
    },
    sets,
  );
}

function summaryOf(m: MeetingRow, docs: readonly DocRow[], sets: readonly RuleSet[]): MeetingSummary {
  return {
    id: m.id,
    orgId: m.org_id,
    body: m.body,
    kind: m.kind,
    status: m.status,
    plannedOn: m.planned_on,
    heldOn: m.held_on,
    startTime: m.start_minute === null ? null : formatTimeOfDay(m.start_minute),
    endTime: m.end_minute === null ? null : formatTimeOfDay(m.end_minute),
    topic: m.topic,
    rollCount: m.roll_count,
    presentCount: m.present_count,
    excusedCount: m.excused_count,
    absentCount: m.absent_count,
    attendanceRecorded: m.attendance_recorded_at !== null,
    warnings: m.status === 'cancelled' ? [] : warningsOf(m, docs, sets),
  };
}

/** An organisation's meetings in [from, to] (default: the current year). */
export async function meetingList(
  deps: MeetingsDeps,
  actor: Actor,
  q: { orgId: string; from?: string | undefined; to?: string | undefined },
): Promise<MeetingList> {
  const today = deps.clock.today();
  const org = await orgKindOn(deps.db, q.orgId, today);
  if (!org || !canReadMeetings(actor, org)) throw notFound('Không tìm thấy tổ chức đảng (hoặc ngoài phạm vi quản lý).');
  const from = q.from ?? `${today.slice(0, 4)}-01-01`;
  const to = q.to ?? `${today.slice(0, 4)}-12-31`;
  const sets = (await deps.rulesets.registry()).all;
  const rows = await listMeetings(deps.db, q.orgId, from, to);
  const docs = await documentsOf(
    deps.db,
    rows.map((r) => r.id),
  );
  const items = rows.map((m) =>
    summaryOf(
      m,
      docs.filter((d) => d.meeting_id === m.id),
      sets,
    ),
  );
  return { orgId: q.orgId, orgName: org.name, from, to, items, canEdit: canEditMeetings(actor, { org_id: q.orgId, current_path: org.current_path }) };
}

/** The roll of a meeting's date with each member's default mark (before the attendance is recorded). */
export async function rollWithDefaults(db: Kysely<DB>, orgId: string, date: string): Promise<(AttendanceRow & { rollMember: RollMember })[]> {
  const roll = await meetingRollOn(db, orgId, date);
  return roll.map((r) => {
    const m: RollMember = {
      memberId: r.member_id,
      name: r.full_name,
      official: r.membership === 'official',
      status: r.status,
      hosted: r.hosted,
      hostedElsewhere: r.hosted_elsewhere,
    };
    const mark = defaultMark(m);
    return { ...pick(m), ...mark, countsForQuorum: countsForQuorum(m, mark.attendance), rollMember: m };
  });
}

const pick = (m: RollMember) => ({ memberId: m.memberId, name: m.name, official: m.official, status: m.status, hosted: m.hosted });

/** The attendance as recorded, or the roll with its default marks. */
export async function attendanceView(db: Kysely<DB>, m: MeetingRow): Promise<AttendanceRow[]> {
  if (m.attendance_recorded_at === null) return (await rollWithDefaults(db, m.org_id, meetingDate(m))).map(({ rollMember: _r, ...row }) => row);
  const rows = await attendanceOf(db, m.id);
  const names = await memberNames(
    db,
    rows.map((r) => r.member_id),
  );
  return rows
    .map((r) => ({
      memberId: r.member_id,
      name: names.get(r.member_id) ?? '',
      official: r.membership === 'official',
      status: r.member_status,
      hosted: r.hosted,
      attendance: r.attendance,
      reason: r.reason,
      countsForQuorum: r.counts_for_quorum,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi') || a.memberId.localeCompare(b.memberId));
}

export const taskOf = (t: Selectable<MeetingTaskTable>, meetingDate: string): MeetingTask => ({
  id: t.id,
  meetingId: t.meeting_id,
  meetingDate,
  seq: t.seq,
  content: t.content,
  ownerMemberId: t.owner_member_id,
  ownerName: t.owner_name,
  dueOn: t.due_on,
  outcome: t.outcome,
  doneOn: t.done_on,
  reviewedMeetingId: t.reviewed_meeting_id,
});

/** The meeting page. */
export async function meetingDetail(deps: MeetingsDeps, actor: Actor, id: string): Promise<MeetingDetail> {
  const m = await loadMeeting(deps, actor, id);
  const sets = (await deps.rulesets.registry()).all;
  const date = meetingDate(m);
  const [docs, attendance, tasks, carried] = await Promise.all([
    documentsOf(deps.db, [m.id]),
    attendanceView(deps.db, m),
    tasksOf(deps.db, m.id),
    carriedTasks(deps.db, m.org_id, m.id, date),
  ]);
  const rules = (await deps.rulesets.registry()).on(date);
  return {
    ...summaryOf(m, docs, sets),
    orgName: m.org_name ?? '',
    place: m.place,
    presidedBy: m.presided_by,
    minutesBy: m.minutes_by,
    superiorRepName: m.superior_rep_name,
    superiorInvited: m.superior_invited,
    superiorPresent: m.superior_present,
    minutesText: m.minutes_text,
    resolutionNo: m.resolution_no,
    resolutionOn: m.resolution_on,
    resolutionText: m.resolution_text,
    ruleSetId: rules.id,
    rules: {
      minMinutes: rules.meetings.minMinutes,
      minMinutesCombined: rules.meetings.minMinutesCombined,
      documentsDaysBefore: rules.meetings.documentsDaysBefore,
      superiorInvited: rules.meetings.superiorInvited,
    },
    attendance,
    quorum: quorumOf(attendance),
    documents: docs.map((d) => ({
      id: d.id,
      role: d.role,
      title: d.title,
      fileName: d.file_name,
      mime: d.mime,
      size: d.size === null ? null : Number(d.size),
      sentAt: d.sent_at ? d.sent_at.toISOString() : null,
      uploadedAt: d.uploaded_at.toISOString(),
    })),
    tasks: tasks.map((t) => taskOf(t, date)),
    carriedTasks: carried.map((t) => taskOf(t, t.meeting_date)),
    canEdit: canEditMeetings(actor, m),
  };
}
