/**
 * The writes of the directives module, each one transaction with its audit entry: recording a directive, giving a
 * task (or a programme's topic) to organisations, splitting a share to the assignee's subordinates, reporting on a
 * share. Deadlines in working days count from the directive's date on the working-day calendar (domain.md §13).
 */
import { v7 as uuidv7 } from 'uuid';
import { parseSymbol, recurringDueDates } from '../../../domain/directives.ts';
import { foldAccents } from '../../../domain/text.ts';
import type { CreateDirectiveBody, CreateTaskBody, CreateTopicBody, ReportBody, SplitBody } from '../../../contract/directives.ts';
import { scopeFor, type Actor } from '../../http/actor.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { orgCurrentPath, orgNameOn } from '../orgs/orgs.members.repo.ts';
import { subtreeWithKindsOn } from '../orgs/orgs.evaluation.repo.ts';
import { actorOf, loadDirective, type DirectivesDeps } from './directives.context.ts';
import { assertCanFollow, assertCanReport, canReadShare, isStrictlyBelow } from './directives.policy.ts';
import { findDirective, findShare, insertAssignments, insertDirective, insertReport, insertTask, nextTaskSeq, taskOrgIds } from './directives.repo.ts';

/** Records a directive; answers its id. */
export async function createDirective(deps: DirectivesDeps, actor: Actor, b: CreateDirectiveBody): Promise<string> {
  const { db, clock } = deps;
  const today = clock.today();
  const owner = await orgCurrentPath(db, b.ownerOrgId);
  if (!owner || !canReadShare(actor, owner.current_path)) throw notFound('Không tìm thấy đơn vị theo dõi (hoặc ngoài phạm vi quản lý).');
  assertCanFollow(actor, owner.current_path);
  if (b.issuedOn > today) throw invalid('issuedOn', 'Ngày ban hành không được sau hôm nay.');
  let issuerName = b.issuerName ?? null;
  if (b.issuerOrgId) {
    const issuer = await orgCurrentPath(db, b.issuerOrgId);
    if (!issuer || !canReadShare(actor, issuer.current_path)) throw notFound('Không tìm thấy cơ quan ban hành (hoặc ngoài phạm vi quản lý).');
    issuerName = await orgNameOn(db, b.issuerOrgId, b.issuedOn);
  }
  const parsed = b.symbol ? parseSymbol(b.symbol) : null;
  issuerName ??= parsed?.issuerName ?? null;
  if (!issuerName) throw invalid('issuerName', 'Cần ghi cơ quan ban hành (một đơn vị trong cây tổ chức hoặc tên cơ quan bên ngoài).');
  if (b.implementsId && !(await findDirective(db, scopeFor(actor, 'read'), b.implementsId)))
    throw notFound('Không tìm thấy văn bản được triển khai (hoặc ngoài phạm vi quản lý).');
  const id = uuidv7();
  const now = clock.now();
  const symbol = b.symbol ?? null;
  const row = {
    id,
    owner_org_id: b.ownerOrgId,
    kind: b.kind,
    symbol,
    number: parsed?.number ?? null,
    kind_code: parsed?.kindCode ?? null,
    issuer_code: parsed?.issuerCode ?? null,
    issued_on: b.issuedOn,
    issuer_org_id: b.issuerOrgId ?? null,
    issuer_name: issuerName,
    title: b.title,
    summary: b.summary ?? null,
    file_ref: b.fileRef ?? null,
    implements_id: b.implementsId ?? null,
    from_year: b.fromYear ?? null,
    to_year: b.toYear ?? null,
    search_key: foldAccents(`${symbol ?? ''} ${parsed ? parsed.number : ''} ${b.title} ${b.summary ?? ''}`),
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (tx) => {
    await insertDirective(tx, row);
    const entry = {
      action: 'directive.create',
      entityType: 'directive',
      entityId: id,
      scopeOrgId: b.ownerOrgId,
      before: null,
      after: { kind: b.kind, symbol, title: b.title },
    };
    await writeAudit(tx, actorOf(actor), now, [entry]);
  });
  return id;
}

/** The organisations a task goes to: each strictly below `abovePath` and in the actor's scope, once. */
async function resolveAssignees(deps: DirectivesDeps, actor: Actor, a: CreateTaskBody['assignees'], abovePath: string, field: string): Promise<string[]> {
  const today = deps.clock.today();
  if ('orgIds' in a) {
    const ids = [...new Set(a.orgIds)];
    for (const [i, orgId] of ids.entries()) {
      const o = await orgCurrentPath(deps.db, orgId);
      if (!o || !canReadShare(actor, o.current_path)) throw notFound('Không tìm thấy đơn vị được giao (hoặc ngoài phạm vi quản lý).');
      if (!isStrictlyBelow(o.current_path, abovePath)) throw invalid(`${field}.${i}`, 'Chỉ giao nhiệm vụ cho các đơn vị trực thuộc.');
    }
    return ids;
  }
  const under = await orgCurrentPath(deps.db, a.underOrgId);
  if (!under || !canReadShare(actor, under.current_path) || !under.current_path.startsWith(abovePath))
    throw notFound('Không tìm thấy đơn vị (hoặc ngoài phạm vi quản lý).');
  const orgs = await subtreeWithKindsOn(deps.db, under.current_path, today);
  const ids = orgs.filter((o) => o.kind_code === a.kindCode && isStrictlyBelow(o.path, abovePath)).map((o) => o.org_id);
  if (ids.length === 0) throw invalid(`${field}.kindCode`, 'Không có đơn vị nào thuộc loại đã chọn.');
  return ids;
}

/** The task's deadline columns: a date, N working days from the directive, or a recurring report. */
async function deadlineColumns(deps: DirectivesDeps, issuedOn: string, d: CreateTaskBody['deadline']) {
  const none = { due_on: null, due_working_days: null, recurrence: null, recur_from: null, recur_until: null };
  if (d.type === 'none') return none;
  if (d.type === 'date') {
    if (d.dueOn < issuedOn) throw invalid('deadline.dueOn', 'Thời hạn không được trước ngày ban hành văn bản.');
    return { ...none, due_on: d.dueOn };
  }
  if (d.type === 'working_days') {
    const cal = await deps.calendar.workingCalendar(deps.db);
    try {
      return { ...none, due_on: cal.addWorkingDays(issuedOn, d.workingDays), due_working_days: d.workingDays };
    } catch {
      throw invalid('deadline.workingDays', 'Thời hạn vượt ra ngoài lịch ngày làm việc (2000–2035).');
    }
  }
  if (d.untilDate < d.fromDate) throw invalid('deadline.untilDate', 'Ngày kết thúc phải sau ngày bắt đầu.');
  const dates = recurringDueDates(d.recurrence, d.fromDate, d.untilDate);
  if (dates.length === 0) throw invalid('deadline.untilDate', 'Khoảng thời gian không có kỳ báo cáo nào.');
  if (dates.length > 240) throw invalid('deadline.untilDate', 'Quá nhiều kỳ báo cáo (tối đa 240).');
  return { ...none, recurrence: d.recurrence, recur_from: d.fromDate, recur_until: d.untilDate };
}

/** Gives a task of the directive to organisations below the one that follows it; answers the task id. */
export async function addTask(deps: DirectivesDeps, actor: Actor, directiveId: string, b: CreateTaskBody): Promise<string> {
  const d = await loadDirective(deps, actor, directiveId);
  assertCanFollow(actor, d.owner_path);
  const orgIds = await resolveAssignees(deps, actor, b.assignees, d.owner_path, 'assignees.orgIds');
  const deadline = await deadlineColumns(deps, d.issued_on, b.deadline);
  return saveTask(
    deps,
    actor,
    d,
    { title: b.title, content: b.content ?? null, topic_kind: null, ...deadline },
    orgIds.map((org_id) => ({ org_id, role: 'assignee' as const })),
  );
}

/** Adds a topic to a programme: the unit in charge and the participants. */
export async function addTopic(deps: DirectivesDeps, actor: Actor, directiveId: string, b: CreateTopicBody): Promise<string> {
  const d = await loadDirective(deps, actor, directiveId);
  assertCanFollow(actor, d.owner_path);
  if (d.kind !== 'chuong_trinh') throw conflict('Chỉ chương trình mới có chuyên đề, đề tài, đề án.');
  const [lead] = await resolveAssignees(deps, actor, { orgIds: [b.leadOrgId] }, d.owner_path, 'leadOrgId');
  const others = b.participantOrgIds.filter((id) => id !== lead);
  const participants = others.length > 0 ? await resolveAssignees(deps, actor, { orgIds: others }, d.owner_path, 'participantOrgIds') : [];
  const deadline = await deadlineColumns(deps, d.issued_on, b.dueOn ? { type: 'date', dueOn: b.dueOn } : { type: 'none' });
  const shares = [{ org_id: lead!, role: 'lead' as const }, ...participants.map((org_id) => ({ org_id, role: 'participant' as const }))];
  return saveTask(deps, actor, d, { title: b.title, content: b.content ?? null, topic_kind: b.topicKind, ...deadline }, shares);
}

type Loaded = Awaited<ReturnType<typeof loadDirective>>;
type TaskCols = Omit<Parameters<typeof insertTask>[1], 'id' | 'directive_id' | 'seq' | 'created_at'>;

async function saveTask(
  deps: DirectivesDeps,
  actor: Actor,
  d: Loaded,
  cols: TaskCols,
  shares: { org_id: string; role: 'assignee' | 'lead' | 'participant' }[],
) {
  const id = uuidv7();
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (tx) => {
    await insertTask(tx, { id, directive_id: d.id, seq: await nextTaskSeq(tx, d.id), created_at: now, ...cols });
    await insertAssignments(
      tx,
      shares.map((s) => ({ id: uuidv7(), task_id: id, org_id: s.org_id, role: s.role, created_at: now })),
    );
    const entry = {
      action: 'directive.task_add',
      entityType: 'directive',
      entityId: d.id,
      scopeOrgId: d.owner_org_id,
      before: null,
      after: { taskId: id, title: cols.title, orgs: shares.length },
    };
    await writeAudit(tx, actorOf(actor), now, [entry]);
  });
  return id;
}

/** A share the actor reads (404 otherwise), with its organisation's path. */
export async function loadShare(deps: DirectivesDeps, actor: Actor, id: string) {
  const s = await findShare(deps.db, id, deps.clock.today());
  if (!s || !canReadShare(actor, s.org_path)) throw notFound('Không tìm thấy nhiệm vụ được giao (hoặc ngoài phạm vi quản lý).');
  return s;
}

/** The assignee passes its share to its own subordinates (each a new share under it). */
export async function splitShare(deps: DirectivesDeps, actor: Actor, shareId: string, b: SplitBody): Promise<void> {
  const s = await loadShare(deps, actor, shareId);
  assertCanReport(actor, s.org_path);
  const orgIds = await resolveAssignees(deps, actor, { orgIds: b.orgIds }, s.org_path, 'orgIds');
  const taken = await taskOrgIds(deps.db, s.task_id);
  if (orgIds.some((o) => taken.has(o))) throw conflict('Có đơn vị đã được giao nhiệm vụ này.');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (tx) => {
    await insertAssignments(
      tx,
      orgIds.map((org_id) => ({
        id: uuidv7(),
        task_id: s.task_id,
        org_id,
        role: 'assignee' as const,
        parent_id: s.id,
        due_on: b.dueOn ?? null,
        note: b.note ?? null,
        created_at: now,
      })),
    );
    const entry = {
      action: 'directive.share_split',
      entityType: 'directive',
      entityId: s.directive_id,
      scopeOrgId: s.org_id,
      before: null,
      after: { shareId, orgs: orgIds.length },
    };
    await writeAudit(tx, actorOf(actor), now, [entry]);
  });
}

/** The assignee reports on its share (a recurring task: on one of its periods). */
export async function reportOnShare(deps: DirectivesDeps, actor: Actor, shareId: string, b: ReportBody, periods: readonly string[]): Promise<void> {
  const s = await loadShare(deps, actor, shareId);
  assertCanReport(actor, s.org_path);
  if (b.reportedOn > deps.clock.today()) throw invalid('reportedOn', 'Ngày báo cáo không được sau hôm nay.');
  const period = b.periodDueOn ?? null;
  if (periods.length > 0 && !period) throw invalid('periodDueOn', 'Nhiệm vụ báo cáo định kỳ: cần chọn kỳ báo cáo.');
  if (period && !periods.includes(period)) throw invalid('periodDueOn', 'Kỳ báo cáo không thuộc nhiệm vụ này.');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (tx) => {
    await insertReport(tx, {
      id: uuidv7(),
      assignment_id: s.id,
      period_due_on: period,
      status: b.status,
      body: b.body,
      attachments: JSON.stringify(b.attachments ?? []),
      reported_on: b.reportedOn,
      reported_by: actor.userId,
      reported_by_name: actor.fullName || actor.username,
      created_at: now,
    });
    const entry = {
      action: 'directive.report',
      entityType: 'directive',
      entityId: s.directive_id,
      scopeOrgId: s.org_id,
      before: null,
      after: { shareId, status: b.status },
    };
    await writeAudit(tx, actorOf(actor), now, [entry]);
  });
}
