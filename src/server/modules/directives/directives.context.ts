/**
 * What the parts of the directives service share: the dependencies, the directive load in the reader's scope, and the
 * states of the shares of a directive (late, due soon, rolled up from the parts an assignee split).
 */
import type { Kysely } from 'kysely';
import {
  DIRECTIVE_KIND_LABELS,
  dueSoon,
  recurringDueDates,
  shareState,
  TASK_STATUS_LABELS,
  type DirectiveKind,
  type Recurrence,
  type ShareState,
  type TaskStatus,
} from '../../../domain/directives.ts';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { scopeFor, type Actor } from '../../http/actor.ts';
import { notFound } from '../../http/errors.ts';
import type { CalendarService } from '../calendar/calendar.service.ts';
import { canReport } from './directives.policy.ts';
import { findDirective, sharesOf, tasksOf } from './directives.repo.ts';

export interface DirectivesDeps {
  db: Kysely<DB>;
  clock: Clock;
  calendar: CalendarService;
}

export const actorOf = (a: Actor) => ({ id: a.userId, name: a.username });

/** A directive in the actor's read scope (404 otherwise). */
export async function loadDirective(deps: DirectivesDeps, actor: Actor, id: string) {
  const d = await findDirective(deps.db, scopeFor(actor, 'read'), id);
  if (!d) throw notFound('Không tìm thấy văn bản (hoặc ngoài phạm vi quản lý).');
  return d;
}

export const directiveRef = (d: { id: string; kind: string; symbol: string | null; title: string; issued_on: string }) => ({
  id: d.id,
  kind: d.kind,
  kindLabel: DIRECTIVE_KIND_LABELS[d.kind as DirectiveKind] ?? d.kind,
  symbol: d.symbol,
  title: d.title,
  issuedOn: d.issued_on,
});

/** "Kế hoạch 155-KH/TU" or the title when there is no symbol. */
export const directiveLabel = (d: { kind: string; symbol: string | null; title: string }) =>
  d.symbol ? `${DIRECTIVE_KIND_LABELS[d.kind as DirectiveKind] ?? ''} ${d.symbol}`.trim() : d.title;

type TaskRow = Awaited<ReturnType<typeof tasksOf>>[number];
type ShareRow = Awaited<ReturnType<typeof sharesOf>>[number];

export const dueDatesOf = (t: Pick<TaskRow, 'recurrence' | 'recur_from' | 'recur_until'>) =>
  t.recurrence && t.recur_from && t.recur_until ? recurringDueDates(t.recurrence as Recurrence, t.recur_from, t.recur_until) : [];

export interface ShareView {
  id: string;
  taskId: string;
  orgId: string;
  orgName: string;
  orgPath: string;
  role: 'assignee' | 'lead' | 'participant';
  parentId: string | null;
  dueOn: string | null;
  status: TaskStatus;
  statusLabel: string;
  late: boolean;
  dueSoon: boolean;
  nextDueOn: string | null;
  lastReportedOn: string | null;
  reports: number;
  canReport: boolean;
  /** The share's parent is not among the shares read (the reader's own top). */
  top: boolean;
}

/** The states of the shares read, each rolled up from its parts (computed children first). */
export function shareViews(actor: Actor, tasks: readonly TaskRow[], rows: readonly ShareRow[], today: string): ShareView[] {
  const tasksById = new Map(tasks.map((t) => [t.id, t]));
  const dueDates = new Map(tasks.map((t) => [t.id, dueDatesOf(t)]));
  const byParent = new Map<string, ShareRow[]>();
  const ids = new Set(rows.map((r) => r.id));
  for (const r of rows) if (r.parent_id) byParent.set(r.parent_id, [...(byParent.get(r.parent_id) ?? []), r]);
  const states = new Map<string, ShareState>();
  const stateOf = (r: ShareRow): ShareState => {
    const known = states.get(r.id);
    if (known) return known;
    const task = tasksById.get(r.task_id);
    const s = shareState(
      {
        dueOn: r.due_on ?? task?.due_on ?? null,
        dueDates: dueDates.get(r.task_id) ?? [],
        reportedPeriods: new Set(r.periods ? r.periods.split(',') : []),
        latestStatus: (r.latest_status as TaskStatus | null) ?? null,
        children: (byParent.get(r.id) ?? []).map(stateOf),
      },
      today,
    );
    states.set(r.id, s);
    return s;
  };
  return rows.map((r) => {
    const s = stateOf(r);
    return {
      id: r.id,
      taskId: r.task_id,
      orgId: r.org_id,
      orgName: r.org_name ?? '',
      orgPath: r.org_path,
      role: r.role,
      parentId: r.parent_id,
      dueOn: r.due_on ?? tasksById.get(r.task_id)?.due_on ?? null,
      status: s.status,
      statusLabel: TASK_STATUS_LABELS[s.status],
      late: s.late,
      dueSoon: dueSoon(s, today),
      nextDueOn: s.nextDueOn,
      lastReportedOn: r.last_reported_on,
      reports: Number(r.reports ?? 0),
      canReport: canReport(actor, r.org_path),
      top: !r.parent_id || !ids.has(r.parent_id),
    };
  });
}

/** Counts of shares by state. */
export function countShares(shares: readonly Pick<ShareView, 'status' | 'late' | 'reports'>[]) {
  return {
    shares: shares.length,
    reported: shares.filter((s) => s.reports > 0 || s.status !== 'not_started').length,
    done: shares.filter((s) => s.status === 'done').length,
    late: shares.filter((s) => s.late).length,
    inProgress: shares.filter((s) => s.status === 'in_progress').length,
    notStarted: shares.filter((s) => s.status === 'not_started').length,
  };
}

/** The tasks of a directive and the shares the actor reads, with their states. */
export async function directiveShares(deps: DirectivesDeps, actor: Actor, directiveId: string) {
  const today = deps.clock.today();
  const [tasks, rows] = await Promise.all([tasksOf(deps.db, directiveId), sharesOf(deps.db, scopeFor(actor, 'read'), directiveId, today)]);
  return { tasks, shares: shareViews(actor, tasks, rows, today) };
}
