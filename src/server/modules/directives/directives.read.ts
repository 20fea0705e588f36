/**
 * The reads of the directives module: a directive's page (its chain, tasks, the shares the reader sees with their
 * states), the list with search, the progress per unit, a share's page with its reports, the work queue's late and
 * due-soon shares, and the programmes with their topics' summary.
 */
import {
  DIRECTIVE_KIND_LABELS,
  TASK_STATUS_LABELS,
  TOPIC_KIND_LABELS,
  type DirectiveKind,
  type TaskStatus,
  type TopicKind,
} from '../../../domain/directives.ts';
import type { DirectiveListQuery } from '../../../contract/directives.ts';
import { formatVnDate } from '../../../domain/dates.ts';
import { scopeFor, type Actor } from '../../http/actor.ts';
import {
  countShares,
  directiveLabel,
  directiveRef,
  directiveShares,
  dueDatesOf,
  loadDirective,
  shareViews,
  type DirectivesDeps,
  type ShareView,
} from './directives.context.ts';
import { canFollow } from './directives.policy.ts';
import type { findDirective } from './directives.repo.ts';
import { directiveHead, directivesWithOpenShares, implementedBy, listDirectives, programmes, reportsOf, sharesOf, tasksOf } from './directives.repo.ts';
import { loadShare } from './directives.write.ts';

type DirectiveRow = NonNullable<Awaited<ReturnType<typeof findDirective>>>;
type TaskRow = Awaited<ReturnType<typeof tasksOf>>[number];

const summaryOf = (d: Omit<DirectiveRow, 'owner_path'>) => ({
  ...directiveRef(d),
  ownerOrgId: d.owner_org_id,
  ownerOrgName: d.owner_name ?? '',
  issuerName: d.issuer_name,
  number: d.number,
  kindCode: d.kind_code,
  issuerCode: d.issuer_code,
  fromYear: d.from_year,
  toYear: d.to_year,
});

const shareOut = ({ orgPath: _p, top: _t, ...s }: ShareView) => s;

const taskOut = (t: TaskRow) => ({
  id: t.id,
  seq: t.seq,
  title: t.title,
  content: t.content,
  topicKind: t.topic_kind,
  dueOn: t.due_on,
  dueWorkingDays: t.due_working_days,
  recurrence: t.recurrence,
  dueDates: dueDatesOf(t),
});

/** A directive's page: what it implements, the plans in scope that implement it, its tasks and the shares read. */
export async function directiveView(deps: DirectivesDeps, actor: Actor, id: string) {
  const d = await loadDirective(deps, actor, id);
  const [parent, children, { tasks, shares }] = await Promise.all([
    d.implements_id ? directiveHead(deps.db, d.implements_id) : undefined,
    implementedBy(deps.db, scopeFor(actor, 'read'), id),
    directiveShares(deps, actor, id),
  ]);
  return {
    ...summaryOf(d),
    summary: d.summary,
    fileRef: d.file_ref,
    implements: parent ? directiveRef(parent) : null,
    implementedBy: children.map((c) => ({ ...directiveRef(c), ownerOrgName: c.owner_name ?? '' })),
    tasks: tasks.map((t) => ({ ...taskOut(t), shares: shares.filter((s) => s.taskId === t.id).map(shareOut) })),
    progress: countShares(shares.filter((s) => s.top)),
    canEdit: canFollow(actor, d.owner_path),
  };
}

/** The directives the actor reads, searched by symbol, number or words without accents, with the progress of each. */
export async function directiveList(deps: DirectivesDeps, actor: Actor, q: DirectiveListQuery) {
  const { rows, total } = await listDirectives(deps.db, scopeFor(actor, 'read'), q);
  const items = [];
  for (const r of rows) {
    const { shares } = await directiveShares(deps, actor, r.id);
    items.push({ ...summaryOf(r), progress: countShares(shares.filter((s) => s.top)) });
  }
  return { items, total };
}

/** The progress of a directive: totals and, per unit given a task, its shares by state (the reader's top shares). */
export async function directiveProgress(deps: DirectivesDeps, actor: Actor, id: string) {
  await loadDirective(deps, actor, id);
  const { shares } = await directiveShares(deps, actor, id);
  const tops = shares.filter((s) => s.top);
  const byOrg = new Map<string, ShareView[]>();
  for (const s of tops) byOrg.set(s.orgId, [...(byOrg.get(s.orgId) ?? []), s]);
  const units = [...byOrg.values()].map((list) => ({ orgId: list[0]!.orgId, orgName: list[0]!.orgName, ...countShares(list) }));
  return { directiveId: id, totals: countShares(tops), units };
}

/** A share's page: its task, directive, reports and the parts it split to its subordinates. */
export async function shareView(deps: DirectivesDeps, actor: Actor, id: string) {
  const s = await loadShare(deps, actor, id);
  const head = (await directiveHead(deps.db, s.directive_id))!;
  const { tasks, shares } = await directiveShares(deps, actor, s.directive_id);
  const task = tasks.find((t) => t.id === s.task_id)!;
  const reports = await reportsOf(deps.db, id);
  return {
    share: shareOut(shares.find((x) => x.id === id)!),
    task: taskOut(task),
    directive: directiveRef(head),
    reports: reports.map((r) => ({
      id: r.id,
      status: r.status,
      statusLabel: TASK_STATUS_LABELS[r.status as TaskStatus],
      body: r.body,
      reportedOn: r.reported_on,
      periodDueOn: r.period_due_on,
      attachments: (r.attachments as string[] | null) ?? [],
      reportedByName: r.reported_by_name,
    })),
    parts: shares.filter((x) => x.parentId === id).map(shareOut),
  };
}

/** The periods of a share's task (a recurring report's due dates), for checking a report. */
export async function sharePeriods(deps: DirectivesDeps, actor: Actor, id: string): Promise<string[]> {
  const s = await loadShare(deps, actor, id);
  const task = (await tasksOf(deps.db, s.directive_id)).find((t) => t.id === s.task_id);
  return task ? dueDatesOf(task) : [];
}

/** "Việc cần làm" of directives: the shares read that are late or due within DUE_SOON_DAYS, late first. */
export async function directiveQueue(deps: DirectivesDeps, actor: Actor) {
  const scope = scopeFor(actor, 'read');
  const today = deps.clock.today();
  const items = [];
  for (const id of await directivesWithOpenShares(deps.db, scope)) {
    const head = (await directiveHead(deps.db, id))!;
    const [tasks, rows] = await Promise.all([tasksOf(deps.db, id), sharesOf(deps.db, scope, id, today)]);
    const titles = new Map(tasks.map((t) => [t.id, t.title]));
    for (const s of shareViews(actor, tasks, rows, today)) {
      if (!s.late && !s.dueSoon) continue;
      const dueOn = s.late ? (s.nextDueOn && s.nextDueOn < today ? s.nextDueOn : (s.dueOn ?? s.nextDueOn ?? today)) : s.nextDueOn!;
      const label = s.late ? `Quá hạn báo cáo nhiệm vụ (hạn ${formatVnDate(dueOn)})` : `Sắp đến hạn báo cáo nhiệm vụ (hạn ${formatVnDate(dueOn)})`;
      items.push({
        shareId: s.id,
        directiveId: id,
        directiveLabel: directiveLabel(head),
        taskTitle: titles.get(s.taskId) ?? '',
        orgId: s.orgId,
        orgName: s.orgName,
        dueOn,
        late: s.late,
        label,
      });
    }
  }
  items.sort((a, b) => Number(b.late) - Number(a.late) || a.dueOn.localeCompare(b.dueOn) || a.shareId.localeCompare(b.shareId));
  return { items };
}

/** The programmes read, each with its topics' count, done and late. */
export async function programmeList(deps: DirectivesDeps, actor: Actor) {
  const rows = await programmes(deps.db, scopeFor(actor, 'read'));
  const items = [];
  for (const r of rows) {
    const { tasks, shares } = await directiveShares(deps, actor, r.id);
    const topics = tasks.filter((t) => t.topic_kind);
    const leads = shares.filter((s) => s.role === 'lead');
    items.push({ ...summaryOf(r), topics: topics.length, done: leads.filter((s) => s.status === 'done').length, late: leads.filter((s) => s.late).length });
  }
  return { items };
}

/** Labels for the Word documents. */
export const kindLabel = (k: string) => DIRECTIVE_KIND_LABELS[k as DirectiveKind] ?? k;
export const topicLabel = (k: string | null) => (k ? (TOPIC_KIND_LABELS[k as TopicKind] ?? k) : '');
