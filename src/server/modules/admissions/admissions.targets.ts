/**
 * Yearly targets of admission (chỉ tiêu phát triển đảng viên): the superior sets an organisation's target, the
 * targets split among subordinates may not add up to more than the organisation's own, and the progress page counts
 * the admission decisions of the period from the member file (so members recorded without a dossier count too).
 */
import { v7 as uuidv7 } from 'uuid';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { admittedIn } from '../members/members.admissions.repo.ts';
import { firstRootOrg, orgIdAndPath, orgPath, orgWithChildren } from '../orgs/orgs.admissions.repo.ts';
import { actorOf, type AdmissionsDeps } from './admissions.context.ts';
import { canReadOrgAdmissions, canSetTarget, homeOrgOf } from './admissions.policy.ts';
import {
  insertTarget,
  lockTargets,
  pipelineIn,
  siblingTargetSum,
  targetRowOf,
  targetSumOf,
  targetValueOf,
  targetsOf,
  updateTarget,
} from './admissions.repo.ts';

export interface TargetQuery {
  orgId?: string | undefined;
  year?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface TargetInput {
  year: number;
  target: number;
  note?: string | null | undefined;
}

/** The period asked for (default: the year) and the years it touches. */
function periodOf(q: TargetQuery, today: string) {
  const year = q.year ?? Number(today.slice(0, 4));
  const from = q.from ?? `${year}-01-01`;
  const to = q.to ?? `${year}-12-31`;
  if (to < from) throw invalid('to', 'Ngày kết thúc kỳ không được trước ngày bắt đầu.');
  const years: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)) && years.length < 20; y++) years.push(y);
  return { from, to, years };
}

/**
 * Target progress of an organisation and its direct subordinates for a period (default: the year): admitted =
 * admission decisions in the period on the rolls of the subtree (from the member file, so members recorded without
 * a dossier count too), target = the sum of the yearly targets of the years the period touches.
 */
export async function targetProgress(deps: AdmissionsDeps, actor: Actor, q: TargetQuery, withChildren = true) {
  const { db } = deps;
  const today = deps.clock.today();
  // The actor's own organisation, or for a system administrator the first root.
  const home = q.orgId || homeOrgOf(actor);
  const orgId = home ?? (await firstRootOrg(db, today))?.org_id;
  if (!orgId) throw invalid('orgId', 'Chọn tổ chức đảng để xem chỉ tiêu.');
  const { from, to, years } = periodOf(q, today);
  const tree = await orgWithChildren(db, orgId, today);
  if (!tree || !canReadOrgAdmissions(actor, tree.self)) throw notFound('Không tìm thấy tổ chức đảng.');
  const parentPath = tree.self.parent_id ? ((await orgPath(db, tree.self.parent_id))?.current_path ?? null) : null;
  // the organisation's own figure alone (the dashboard) reads no subordinate
  const below = withChildren ? tree.children : [];
  const targets = await targetsOf(db, [tree.self.id, ...below.map((c) => c.id)], years);
  const row = async (o: { id: string; current_path: string; name: string }, canSet: boolean) => {
    const admitted = await admittedIn(db, o.current_path, from, to);
    const target = targets.get(o.id) ?? null;
    const progress = target ? Math.round((admitted / target) * 1000) / 10 : null;
    return { orgId: o.id, name: o.name, target, admitted, progress, inPipeline: await pipelineIn(db, o.current_path), canSet };
  };
  const children = [];
  for (const c of below) children.push(await row(c, canSetTarget(actor, tree.self.current_path)));
  return {
    from,
    to,
    years,
    org: await row(tree.self, canSetTarget(actor, parentPath)),
    children,
    childrenTargetSum: children.reduce((s, c) => s + (c.target ?? 0), 0),
  };
}

/** The organisation's own target may not fall below what it has split, nor the split exceed the parent's target. */
async function checkTargetSums(tx: Kysely<DB>, orgId: string, childIds: string[], parentId: string | null, input: TargetInput, today: string) {
  const childSum = await targetSumOf(tx, input.year, childIds.concat(['00000000-0000-0000-0000-000000000000']));
  if (Number(childSum.n) > input.target) {
    throw conflict(`Chỉ tiêu (${input.target}) thấp hơn tổng chỉ tiêu đã giao cho các tổ chức trực thuộc (${Number(childSum.n)}).`, [
      { field: 'target', message: 'Thấp hơn tổng đã giao.' },
    ]);
  }
  if (!parentId) return;
  const parentTarget = await targetValueOf(tx, parentId, input.year);
  if (!parentTarget) return;
  const siblings = await siblingTargetSum(tx, parentId, input.year, orgId, today);
  const total = Number(siblings.n) + input.target;
  if (total > parentTarget.target) {
    throw conflict(`Tổng chỉ tiêu giao cho các tổ chức trực thuộc (${total}) vượt chỉ tiêu của cấp trên (${parentTarget.target}).`, [
      { field: 'target', message: 'Vượt chỉ tiêu của cấp trên.' },
    ]);
  }
}

/**
 * The superior sets an organisation's yearly target; the targets split among subordinates may not add up to more
 * than the organisation's own, nor may its own fall below what it has already split.
 */
export async function setTarget(deps: AdmissionsDeps, actor: Actor, orgId: string, input: TargetInput): Promise<void> {
  const { db, clock } = deps;
  const today = clock.today();
  const tree = await orgWithChildren(db, orgId, today);
  if (!tree || !canReadOrgAdmissions(actor, tree.self)) throw notFound('Không tìm thấy tổ chức đảng.');
  const parent = tree.self.parent_id ? await orgIdAndPath(db, tree.self.parent_id) : undefined;
  if (!canSetTarget(actor, parent?.current_path ?? null)) throw forbidden('Chỉ tiêu phát triển đảng viên do cấp ủy cấp trên giao.');
  await db.transaction().execute(async (tx) => {
    await lockTargets(tx);
    const childIds = tree.children.map((c) => c.id);
    await checkTargetSums(tx, orgId, childIds, parent?.id ?? null, input, today);
    const before = await targetRowOf(tx, orgId, input.year);
    const at = clock.now();
    const values = { target: input.target, note: input.note ?? null, set_by: actor.userId, set_at: at };
    if (before) await updateTarget(tx, before.id, values);
    else await insertTarget(tx, { id: uuidv7(), org_id: orgId, year: input.year, ...values });
    await writeAudit(tx, actorOf(actor), at, [
      {
        action: 'admission.target',
        entityType: 'org',
        entityId: orgId,
        scopeOrgId: orgId,
        before: before ? { year: before.year, target: before.target } : null,
        after: { year: input.year, target: input.target, note: input.note ?? null },
      },
    ]);
  });
}
