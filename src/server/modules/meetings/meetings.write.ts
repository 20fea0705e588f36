/**
 * The writes of the meetings module, each one transaction with its audit entry: scheduling a meeting, changing it or
 * recording it as held (times, minutes, resolution), registering and sending its documents, and the resolution's
 * follow-up tasks. The attendance is in meetings.attendance.ts.
 */
import { v7 as uuidv7 } from 'uuid';
import { vietnamDate } from '../../../domain/dates.ts';
import { parseTimeOfDay } from '../../../domain/meetings.ts';
import type { CreateMeetingInput, DocumentInput, TaskInput, TaskUpdateInput, UpdateMeetingInput } from '../../../contract/meetings.ts';
import type { Updateable } from 'kysely';
import type { MeetingTable, MeetingTaskTable } from '../../db/schema.ts';
import { scopeFor, type Actor } from '../../http/actor.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { findMember } from '../members/members.repo.ts';
import { orgKindOn } from '../orgs/orgs.members.repo.ts';
import { actorOf, assertCanEdit, checkPast, checkPlannedOn, loadMeeting, type MeetingsDeps } from './meetings.context.ts';
import { canReadMeetings } from './meetings.policy.ts';
import {
  findTask,
  insertDocument,
  insertMeeting,
  insertTask,
  lockMeeting,
  markMaterialsSent,
  nextTaskSeq,
  updateMeeting,
  updateTask,
} from './meetings.repo.ts';

const time = (t: string | null | undefined, end = false) => (t === undefined ? undefined : t === null ? null : parseTimeOfDay(t, end));

function checkTimes(start: number | null, end: number | null): void {
  if (start !== null && end !== null && end <= start) throw invalid('endTime', 'Giờ kết thúc phải sau giờ bắt đầu.');
}

/** Schedules a meeting of an organisation the actor records for. */
export async function createMeeting(deps: MeetingsDeps, actor: Actor, input: CreateMeetingInput): Promise<string> {
  const org = await orgKindOn(deps.db, input.orgId, deps.clock.today());
  if (!org || !canReadMeetings(actor, org)) throw notFound('Không tìm thấy tổ chức đảng (hoặc ngoài phạm vi quản lý).');
  assertCanEdit(actor, { org_id: input.orgId, current_path: org.current_path });
  const body = input.body ?? 'cell';
  if (body === 'cell' && !org.is_cell) throw invalid('body', `«${org.name}» không phải chi bộ: ghi cuộc họp của cấp ủy (body = committee).`);
  checkPlannedOn(deps, input.plannedOn);
  const start = time(input.startTime) ?? null;
  const end = time(input.endTime, true) ?? null;
  checkTimes(start, end);
  const id = uuidv7();
  await deps.db.transaction().execute(async (tx) => {
    await insertMeeting(tx, {
      id,
      org_id: input.orgId,
      body,
      kind: input.kind,
      planned_on: input.plannedOn,
      held_on: null,
      start_minute: start,
      end_minute: end,
      place: input.place ?? null,
      topic: input.topic ?? null,
      presided_by: input.presidedBy ?? null,
      minutes_by: input.minutesBy ?? null,
      superior_rep_name: input.superiorRepName ?? null,
      superior_invited: input.superiorInvited ?? false,
      minutes_text: null,
      resolution_no: null,
      resolution_on: null,
      resolution_text: null,
      attendance_recorded_at: null,
      created_by: actor.userId,
    });
    await writeAudit(tx, actorOf(actor), deps.clock.now(), [
      { action: 'meeting.create', entityType: 'meeting', entityId: id, scopeOrgId: input.orgId, before: null, after: input },
    ]);
  });
  return id;
}

const COLUMNS = {
  kind: 'kind',
  plannedOn: 'planned_on',
  place: 'place',
  topic: 'topic',
  presidedBy: 'presided_by',
  minutesBy: 'minutes_by',
  superiorRepName: 'superior_rep_name',
  superiorInvited: 'superior_invited',
  superiorPresent: 'superior_present',
  status: 'status',
  heldOn: 'held_on',
  minutesText: 'minutes_text',
  resolutionNo: 'resolution_no',
  resolutionOn: 'resolution_on',
  resolutionText: 'resolution_text',
} as const;

/** The columns a change sets, the dates checked; recording `heldOn` marks the meeting held. */
function patchOf(deps: MeetingsDeps, input: UpdateMeetingInput, current: { start_minute: number | null; end_minute: number | null }) {
  const patch: Record<string, unknown> = {};
  for (const [k, col] of Object.entries(COLUMNS)) {
    const v = input[k as keyof UpdateMeetingInput];
    if (v !== undefined) patch[col] = v;
  }
  if (input.plannedOn) checkPlannedOn(deps, input.plannedOn);
  if (input.heldOn) checkPast(deps, input.heldOn, 'heldOn', 'Ngày họp');
  if (input.resolutionOn) checkPast(deps, input.resolutionOn, 'resolutionOn', 'Ngày nghị quyết');
  if (input.heldOn && input.status === undefined) patch.status = 'held';
  if (input.heldOn === null && input.status === undefined) patch.status = 'planned';
  const start = time(input.startTime);
  const end = time(input.endTime, true);
  if (start !== undefined) patch.start_minute = start;
  if (end !== undefined) patch.end_minute = end;
  checkTimes(start === undefined ? current.start_minute : start, end === undefined ? current.end_minute : end);
  return patch as Updateable<MeetingTable>;
}

/** Changes a meeting or records it as held. */
export async function changeMeeting(deps: MeetingsDeps, actor: Actor, id: string, input: UpdateMeetingInput): Promise<void> {
  const m = await loadMeeting(deps, actor, id);
  assertCanEdit(actor, m);
  await deps.db.transaction().execute(async (tx) => {
    const cur = await lockMeeting(tx, id);
    if (!cur) throw notFound('Không tìm thấy buổi sinh hoạt.');
    const patch = patchOf(deps, input, cur);
    const status = patch.status ?? cur.status;
    const heldOn = patch.held_on === undefined ? cur.held_on : patch.held_on;
    if (status === 'held' && !heldOn) throw invalid('heldOn', 'Ghi ngày họp khi chuyển buổi sinh hoạt sang «đã họp».');
    if (status !== 'held' && cur.attendance_recorded_at !== null) throw conflict('Buổi sinh hoạt đã điểm danh: không thể chuyển về «dự kiến» hoặc «hủy».');
    await updateMeeting(tx, id, patch);
    await writeAudit(tx, actorOf(actor), deps.clock.now(), [
      { action: 'meeting.update', entityType: 'meeting', entityId: id, scopeOrgId: cur.org_id, before: cur, after: patch },
    ]);
  });
}

/** Registers a document of the meeting by its title (already sent when `sentAt` is given). */
export async function addDocument(deps: MeetingsDeps, actor: Actor, id: string, input: DocumentInput): Promise<void> {
  const m = await loadMeeting(deps, actor, id);
  assertCanEdit(actor, m);
  const now = deps.clock.now();
  const sentAt = input.sentAt ? new Date(input.sentAt) : null;
  if (sentAt) {
    if (sentAt.getTime() > now.getTime()) throw invalid('sentAt', 'Thời điểm gửi tài liệu không được sau thời điểm hiện tại.');
    checkPast(deps, vietnamDate(sentAt), 'sentAt', 'Ngày gửi tài liệu');
  }
  const docId = uuidv7();
  await deps.db.transaction().execute(async (tx) => {
    await insertDocument(tx, {
      id: docId,
      meeting_id: id,
      role: input.role ?? 'material',
      title: input.title,
      file_name: null,
      mime: null,
      size: null,
      sha256: null,
      storage_key: null,
      sent_at: sentAt,
      uploaded_by: actor.userId,
      uploaded_at: now,
    });
    await writeAudit(tx, actorOf(actor), now, [
      { action: 'meeting.document_add', entityType: 'meeting', entityId: id, scopeOrgId: m.org_id, before: null, after: { id: docId, ...input } },
    ]);
  });
}

/** Marks the materials not sent yet as sent to the members now (or at `sentAt`). */
export async function sendDocuments(deps: MeetingsDeps, actor: Actor, id: string, sentAtText: string | undefined): Promise<number> {
  const m = await loadMeeting(deps, actor, id);
  assertCanEdit(actor, m);
  const now = deps.clock.now();
  const at = sentAtText ? new Date(sentAtText) : now;
  if (at.getTime() > now.getTime()) throw invalid('sentAt', 'Thời điểm gửi tài liệu không được sau thời điểm hiện tại.');
  checkPast(deps, vietnamDate(at), 'sentAt', 'Ngày gửi tài liệu');
  return deps.db.transaction().execute(async (tx) => {
    const n = await markMaterialsSent(tx, id, at);
    if (n === 0) throw conflict('Không có tài liệu nào chưa gửi: thêm tài liệu trước khi gửi cho đảng viên.');
    await writeAudit(tx, actorOf(actor), now, [
      {
        action: 'meeting.documents_send',
        entityType: 'meeting',
        entityId: id,
        scopeOrgId: m.org_id,
        before: null,
        after: { sentAt: at.toISOString(), count: n },
      },
    ]);
    return n;
  });
}

/** The owner of a task, when a member: in the actor's read scope. */
async function checkOwner(deps: MeetingsDeps, actor: Actor, memberId: string | null | undefined): Promise<void> {
  if (!memberId) return;
  const member = await findMember(deps.db, scopeFor(actor, 'read'), memberId);
  if (!member) throw invalid('ownerMemberId', 'Không tìm thấy đảng viên phụ trách (hoặc ngoài phạm vi quản lý).');
}

export async function addTask(deps: MeetingsDeps, actor: Actor, id: string, input: TaskInput): Promise<string> {
  const m = await loadMeeting(deps, actor, id);
  assertCanEdit(actor, m);
  await checkOwner(deps, actor, input.ownerMemberId);
  if (input.dueOn) checkPlannedOn(deps, input.dueOn, 'dueOn');
  const taskId = uuidv7();
  await deps.db.transaction().execute(async (tx) => {
    await lockMeeting(tx, id);
    const seq = await nextTaskSeq(tx, id);
    await insertTask(tx, {
      id: taskId,
      meeting_id: id,
      seq,
      content: input.content,
      owner_member_id: input.ownerMemberId ?? null,
      owner_name: input.ownerName ?? null,
      due_on: input.dueOn ?? null,
      outcome: null,
      done_on: null,
      reviewed_meeting_id: null,
    });
    await writeAudit(tx, actorOf(actor), deps.clock.now(), [
      { action: 'meeting.task_add', entityType: 'meeting', entityId: id, scopeOrgId: m.org_id, before: null, after: { id: taskId, seq, ...input } },
    ]);
  });
  return taskId;
}

/** Records a task's outcome (at a later meeting of the same organisation) or corrects it. */
export async function changeTask(deps: MeetingsDeps, actor: Actor, taskId: string, input: TaskUpdateInput): Promise<string> {
  const t = await findTask(deps.db, scopeFor(actor, 'read'), taskId);
  if (!t) throw notFound('Không tìm thấy nhiệm vụ (hoặc ngoài phạm vi quản lý).');
  assertCanEdit(actor, t);
  await checkOwner(deps, actor, input.ownerMemberId);
  if (input.doneOn) checkPast(deps, input.doneOn, 'doneOn', 'Ngày hoàn thành');
  if (input.dueOn) checkPlannedOn(deps, input.dueOn, 'dueOn');
  if (input.reviewedMeetingId) {
    const r = await loadMeeting(deps, actor, input.reviewedMeetingId).catch(() => null);
    if (!r || r.org_id !== t.org_id) throw invalid('reviewedMeetingId', 'Buổi sinh hoạt kiểm điểm nhiệm vụ phải là của cùng tổ chức đảng.');
  }
  const patch: Updateable<MeetingTaskTable> = {};
  if (input.content !== undefined) patch.content = input.content;
  if (input.ownerMemberId !== undefined) patch.owner_member_id = input.ownerMemberId;
  if (input.ownerName !== undefined) patch.owner_name = input.ownerName;
  if (input.dueOn !== undefined) patch.due_on = input.dueOn;
  if (input.outcome !== undefined) patch.outcome = input.outcome;
  if (input.doneOn !== undefined) patch.done_on = input.doneOn;
  if (input.reviewedMeetingId !== undefined) patch.reviewed_meeting_id = input.reviewedMeetingId;
  await deps.db.transaction().execute(async (tx) => {
    await updateTask(tx, taskId, patch);
    await writeAudit(tx, actorOf(actor), deps.clock.now(), [
      { action: 'meeting.task_update', entityType: 'meeting', entityId: t.meeting_id, scopeOrgId: t.org_id, before: t, after: patch },
    ]);
  });
  return t.meeting_id;
}
