/**
 * The shares due in a period under an organisation (issue 17 part 2 read by the reports, c17b): which shares of the
 * subtree had a deadline in [from, to] (a one-off deadline, or a period of a recurring report), and today whether each
 * was reported, is done, is late (`shareState`, rolled up from the parts a unit split). The reports module's table of
 * directives counts them per unit; `GET /api/directives/due-shares` lists those behind a cell.
 */
import { shareState, TASK_STATUS_LABELS, type ShareState, type TaskStatus } from '../../../domain/directives.ts';
import { isWithin } from '../../../domain/org-path.ts';
import type { DueCheck, DueSharesParsed } from '../../../contract/directives.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { scopeFor, type Actor, type Scope } from '../../http/actor.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { orgCurrentPath } from '../orgs/orgs.members.repo.ts';
import { canReadShare } from './directives.policy.ts';
import { directiveLabel, dueDatesOf } from './directives.context.ts';
import { sharesOfSubtreeDue } from './directives.repo.ts';

export interface DueShare {
  shareId: string;
  directiveId: string;
  directiveLabel: string;
  taskTitle: string;
  orgId: string;
  orgName: string;
  orgPath: string;
  /** The first deadline of the share in the period. */
  dueOn: string;
  status: TaskStatus;
  statusLabel: string;
  late: boolean;
  reported: boolean;
  label: string;
}

/** The shares of the subtree at `path` (in `scope`) with a deadline in [from, to], with their state on `today`. */
export async function sharesDueIn(db: Kysely<DB>, scope: Scope, path: string, from: string, to: string, today: string): Promise<DueShare[]> {
  const rows = await sharesOfSubtreeDue(db, scope, path, from, to, today);
  const byParent = new Map<string, typeof rows>();
  for (const r of rows) if (r.parent_id) byParent.set(r.parent_id, [...(byParent.get(r.parent_id) ?? []), r]);
  const states = new Map<string, ShareState>();
  const dueDates = (r: (typeof rows)[number]) => dueDatesOf(r);
  const stateOf = (r: (typeof rows)[number]): ShareState => {
    const known = states.get(r.id);
    if (known) return known;
    const s = shareState(
      {
        dueOn: r.due_on ?? r.task_due_on ?? null,
        dueDates: dueDates(r),
        reportedPeriods: new Set(r.periods ? r.periods.split(',') : []),
        latestStatus: (r.latest_status as TaskStatus | null) ?? null,
        children: (byParent.get(r.id) ?? []).map(stateOf),
      },
      today,
    );
    states.set(r.id, s);
    return s;
  };
  const out: DueShare[] = [];
  for (const r of rows) {
    const recurring = dueDates(r);
    const own = recurring.length > 0 ? recurring.find((d) => d >= from && d <= to) : (r.due_on ?? r.task_due_on ?? undefined);
    if (own === undefined || own === null || own < from || own > to) continue;
    const s = stateOf(r);
    const label = s.late ? 'Quá hạn' : TASK_STATUS_LABELS[s.status];
    out.push({
      shareId: r.id,
      directiveId: r.directive_id,
      directiveLabel: directiveLabel({ kind: r.directive_kind, symbol: r.directive_symbol, title: r.directive_title }),
      taskTitle: r.task_title,
      orgId: r.org_id,
      orgName: r.org_name ?? '',
      orgPath: r.org_path,
      dueOn: own,
      status: s.status,
      statusLabel: TASK_STATUS_LABELS[s.status],
      late: s.late,
      reported: s.reported || s.status !== 'not_started',
      label,
    });
  }
  return out;
}

/** A share counts under a check: every share (assigned), reported, done, late today. */
export function dueCheck(s: Pick<DueShare, 'reported' | 'status' | 'late'>, check: DueCheck): boolean {
  return check === 'assigned' || (check === 'reported' && s.reported) || (check === 'done' && s.status === 'done') || (check === 'late' && s.late);
}

/** The list behind a cell: the organisation in the read scope (else 404), a page of the shares under the check. */
export async function dueShareList(deps: { db: Kysely<DB>; clock: { today(): string } }, actor: Actor, q: DueSharesParsed) {
  const org = await orgCurrentPath(deps.db, q.orgId);
  if (!org || !canReadShare(actor, org.current_path)) throw notFound('Không tìm thấy tổ chức đảng (hoặc ngoài phạm vi quản lý).');
  const today = deps.clock.today();
  if (q.to > `${today.slice(0, 4)}-12-31` || q.from < '1930-01-01') throw invalid('to', 'Kỳ báo cáo phải từ năm 1930 đến hết năm nay.');
  const all = (await sharesDueIn(deps.db, scopeFor(actor, 'read'), org.current_path, q.from, q.to, today)).filter((s) => dueCheck(s, q.check));
  const items = all.slice((q.page - 1) * q.pageSize, q.page * q.pageSize).map(({ orgPath: _p, ...s }) => s);
  return { total: all.length, items };
}

/** The segment of a path under the root: the child of the root the share's organisation lies in ('' for the root itself). */
export function childUnder(rootPath: string, path: string): string {
  return isWithin(path, rootPath) ? (path.slice(rootPath.length).split('/')[0] ?? '') : '';
}
