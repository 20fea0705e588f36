/**
 * Inspection and supervision plans (issue 15 parts 1, 2): a plan per organisation, year and body (the committee or
 * its inspection committee), amended as new versions that keep the items as they stood; its items and those outside
 * any plan (arising); the progress of a subtree over a period (concluded ÷ planned) and the coverage lists. Every write
 * is one transaction with its audit entry. Readings where the issue is silent: docs/modules/inspection.md.
 */
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type {
  CoverageListQuery,
  CoverageResponse,
  CreateItemInput,
  CreatePlanInput,
  InspectionProgress,
  ItemListQuery,
  PeriodQuery,
  PlanDetail,
  PlanSummary,
  ProgressResponse,
  UpdateItemInput,
} from '../../../contract/inspection.ts';
import { COVERAGE_GROUP_LABELS, COVERAGE_GROUPS } from '../../../contract/inspection.ts';
import type { Clock } from '../../clock.ts';
import type { DB, InspectionItemTable } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { memberNames } from '../members/members.repo.ts';
import { reportRootOn } from '../orgs/orgs.reports.repo.ts';
import { canEditInspectionOf, canReadInspectionOf, inspectionReadScope } from './inspection.policy.ts';
import * as repo from './inspection.repo.ts';
import { inspectionDocx, type InspectionDocumentKind } from './inspection.docx.ts';
import { addProgress, audit, emptyProgress, itemView, orgIn, pastDate, planDate, planYear, subjectIn } from './inspection.shared.ts';

export interface InspectionDeps {
  db: Kysely<DB>;
  clock: Clock;
}

/** The kinds of the coverage groups: đảng ủy (a committee: above a cell, below the province) and chi bộ (a cell). */
export const COVERAGE_KINDS: Record<(typeof COVERAGE_GROUPS)[number], readonly string[]> = {
  dang_uy: ['dang_bo_cap_tren_co_so', 'dang_bo_co_so', 'dang_bo_bo_phan'],
  chi_bo: ['chi_bo_co_so', 'chi_bo_truc_thuoc'],
};

/** The period of a query: from/to, or the year asked (default this year). */
export function periodOfQuery(q: { from?: string | undefined; to?: string | undefined; year?: number | undefined }, today: string) {
  if (q.from !== undefined && q.to !== undefined) {
    planDate('from', q.from, today);
    planDate('to', q.to, today);
    return { from: q.from, to: q.to };
  }
  const year = q.year ?? Number(today.slice(0, 4));
  planYear('year', year, today);
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

function progressOfCounts(rows: { status: string; n: number }[]): InspectionProgress {
  const p = emptyProgress();
  const n = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  addProgress(p, {
    planned: n('planned') + n('under_way') + n('concluded'),
    concluded: n('concluded'),
    underWay: n('under_way'),
    cancelled: n('cancelled'),
    arising: 0,
  });
  return p;
}

/** The columns an item's status writes: a conclusion needs its date, a cancellation its reason; other states clear both. */
function statusColumns(status: InspectionItemTable['status'], b: { concludedOn?: string | undefined; cancelReason?: string | undefined }, today: string) {
  if (status === 'concluded') {
    if (b.concludedOn === undefined) throw invalid('concludedOn', 'Việc đã kết luận cần ngày kết luận.');
    pastDate('concludedOn', b.concludedOn, today);
    return { status, concluded_on: b.concludedOn, cancel_reason: null };
  }
  if (b.concludedOn !== undefined) throw invalid('concludedOn', 'Chỉ việc đã kết luận mới có ngày kết luận.');
  if (status === 'cancelled') {
    if (b.cancelReason === undefined) throw invalid('cancelReason', 'Hủy bỏ một việc trong kế hoạch cần ghi lý do.');
    return { status, concluded_on: null, cancel_reason: b.cancelReason };
  }
  return { status, concluded_on: null, cancel_reason: null };
}

// eslint-disable-next-line max-lines-per-function -- the service factory: each method below is short
export function createInspectionService(deps: InspectionDeps) {
  const { db, clock } = deps;

  async function readableOrg(actor: Actor, orgId: string) {
    return orgIn(db, inspectionReadScope(actor), orgId);
  }

  /** The plan, when the caller reads its organisation (else 404); 403 when he may not change it and `edit`. */
  async function planFor(actor: Actor, id: string, edit = false) {
    const plan = await repo.findPlan(db, id);
    if (!plan || !canReadInspectionOf(actor, plan.current_path)) throw notFound('Không tìm thấy kế hoạch kiểm tra, giám sát.');
    if (edit && !canEditInspectionOf(actor, plan.current_path)) throw forbidden('Bạn không có quyền sửa kế hoạch kiểm tra, giám sát của tổ chức này.');
    return plan;
  }

  async function itemFor(actor: Actor, id: string, edit = false) {
    const item = await repo.findItem(db, id);
    if (!item || !canReadInspectionOf(actor, item.current_path)) throw notFound('Không tìm thấy việc kiểm tra, giám sát.');
    if (edit && !canEditInspectionOf(actor, item.current_path)) throw forbidden('Bạn không có quyền sửa việc kiểm tra, giám sát của tổ chức này.');
    return item;
  }

  async function viewsOf(rows: repo.ItemRow[]) {
    const names = await memberNames(
      db,
      rows.map((r) => r.subject_member_id).filter((x): x is string => x !== null),
    );
    return rows.map((r) => itemView(r, names));
  }

  function summaryOf(p: NonNullable<Awaited<ReturnType<typeof repo.findPlan>>>, progress: InspectionProgress): PlanSummary {
    return {
      id: p.id,
      orgId: p.org_id,
      orgName: p.org_name ?? '',
      year: p.year,
      body: p.body,
      version: p.version,
      title: p.title,
      decisionNo: p.decision_no,
      approvedOn: p.approved_on,
      progress,
    };
  }

  async function planDetail(actor: Actor, id: string): Promise<PlanDetail> {
    const plan = await planFor(actor, id);
    const [items, counts, amendments] = await Promise.all([repo.itemsOfPlan(db, id), repo.planCounts(db, [id]), repo.amendmentsOf(db, id)]);
    return {
      plan: summaryOf(plan, progressOfCounts(counts.map((c) => ({ status: c.status, n: Number(c.n) })))),
      items: await viewsOf(items),
      amendments: amendments.map((a) => ({ version: a.version, amendedOn: a.amended_on, reason: a.reason, items: Number(a.items) })),
    };
  }

  /** Where the coverage's subtree stands on the period's last day (null: the organisation did not exist then). */
  async function coverageRoot(orgId: string, to: string) {
    const root = await reportRootOn(db, orgId, to);
    return root?.path ?? null;
  }

  return {
    async createPlan(actor: Actor, input: CreatePlanInput): Promise<PlanDetail> {
      const org = await readableOrg(actor, input.orgId);
      if (!canEditInspectionOf(actor, org.path)) throw forbidden('Bạn không có quyền lập kế hoạch kiểm tra, giám sát của tổ chức này.');
      const today = clock.today();
      planYear('year', input.year, today);
      pastDate('approvedOn', input.approvedOn, today);
      if (await repo.findPlanOf(db, org.id, input.year, input.body))
        throw conflict(`Tổ chức đã có kế hoạch năm ${input.year} của cơ quan này: hãy bổ sung, điều chỉnh kế hoạch đó.`);
      const id = uuidv7();
      const row = {
        id,
        org_id: org.id,
        year: input.year,
        body: input.body,
        title: input.title,
        decision_no: input.decisionNo ?? null,
        approved_on: input.approvedOn ?? null,
      };
      await db.transaction().execute(async (tx) => {
        await repo.insertPlan(tx, row);
        await audit(tx, actor, clock.now(), {
          action: 'inspection.plan.create',
          entityType: 'inspection_plan',
          entityId: id,
          scopeOrgId: org.id,
          before: null,
          after: row,
        });
      });
      return planDetail(actor, id);
    },

    /** The plans of a year of the organisation and those below it, each with its progress (all its items). */
    async listPlans(actor: Actor, q: { orgId: string; year: number }) {
      const org = await readableOrg(actor, q.orgId);
      planYear('year', q.year, clock.today());
      const plans = await repo.plansUnder(db, org.path, q.year, inspectionReadScope(actor));
      const counts = await repo.planCounts(
        db,
        plans.map((p) => p.id),
      );
      return {
        items: plans.map((p) => summaryOf(p, progressOfCounts(counts.filter((c) => c.plan_id === p.id).map((c) => ({ status: c.status, n: Number(c.n) }))))),
      };
    },

    getPlan: planDetail,

    /** An amendment: the plan's next version; the items as they stood are kept with the amendment. */
    async amendPlan(actor: Actor, id: string, input: { amendedOn: string; reason: string }): Promise<PlanDetail> {
      const plan = await planFor(actor, id, true);
      pastDate('amendedOn', input.amendedOn, clock.today());
      const before = await viewsOf(await repo.itemsOfPlan(db, id));
      await db.transaction().execute(async (tx) => {
        const version = await repo.bumpPlanVersion(tx, id, clock.now());
        await repo.insertAmendment(tx, { id: uuidv7(), plan_id: id, version: version - 1, amended_on: input.amendedOn, reason: input.reason, items: before });
        await audit(tx, actor, clock.now(), {
          action: 'inspection.plan.amend',
          entityType: 'inspection_plan',
          entityId: id,
          scopeOrgId: plan.org_id,
          before: { version: version - 1 },
          after: { version, amendedOn: input.amendedOn, reason: input.reason },
        });
      });
      return planDetail(actor, id);
    },

    async createItem(actor: Actor, input: CreateItemInput) {
      const today = clock.today();
      const plan = input.planId !== undefined ? await planFor(actor, input.planId, true) : null;
      const org = plan ? { id: plan.org_id, path: plan.current_path } : await readableOrg(actor, input.orgId!);
      if (!canEditInspectionOf(actor, org.path)) throw forbidden('Bạn không có quyền ghi việc kiểm tra, giám sát của tổ chức này.');
      planDate('dueOn', input.dueOn, today);
      if (plan && input.dueOn.slice(0, 4) !== String(plan.year)) throw invalid('dueOn', `Thời hạn phải trong năm của kế hoạch (${plan.year}).`);
      planDate('periodFrom', input.periodFrom, today);
      planDate('periodTo', input.periodTo, today);
      const status = input.status ?? (plan ? 'planned' : 'concluded');
      if (!plan && status !== 'concluded') throw invalid('status', 'Việc phát sinh ngoài kế hoạch được ghi khi đã kết luận.');
      const subject = await subjectIn(db, org.path, input);
      const id = uuidv7();
      const row = {
        id,
        plan_id: plan?.id ?? null,
        org_id: org.id,
        body: plan?.body ?? input.body!,
        kind: input.kind,
        mode: input.mode,
        subject_org_id: subject.kind === 'org' ? subject.id : null,
        subject_member_id: subject.kind === 'member' ? subject.id : null,
        content: input.content,
        period_from: input.periodFrom ?? null,
        period_to: input.periodTo ?? null,
        in_charge: input.inCharge ?? null,
        due_on: input.dueOn,
        ...statusColumns(status, input, today),
        conclusion: input.conclusion ?? null,
        violation_found: input.violationFound ?? null,
        added_in_version: plan?.version ?? null,
      };
      await db.transaction().execute(async (tx) => {
        await repo.insertItem(tx, row);
        await audit(tx, actor, clock.now(), {
          action: 'inspection.item.create',
          entityType: 'inspection_item',
          entityId: id,
          scopeOrgId: org.id,
          before: null,
          after: row,
        });
      });
      return (await viewsOf([(await repo.findItem(db, id))!]))[0]!;
    },

    async updateItem(actor: Actor, id: string, input: UpdateItemInput) {
      const item = await itemFor(actor, id, true);
      const today = clock.today();
      const set: Parameters<typeof repo.updateItem>[2] = { updated_at: clock.now() };
      if (input.status !== undefined) Object.assign(set, statusColumns(input.status, input, today));
      else if (input.concludedOn !== undefined || input.cancelReason !== undefined)
        Object.assign(set, statusColumns(item.status, { ...item, ...input }, today));
      if (input.dueOn !== undefined) {
        planDate('dueOn', input.dueOn, today);
        if (item.plan_id !== null && input.dueOn.slice(0, 4) !== item.due_on.slice(0, 4)) throw invalid('dueOn', 'Thời hạn phải trong năm của kế hoạch.');
        set.due_on = input.dueOn;
      }
      if (item.plan_id === null && set.status !== undefined && set.status !== 'concluded')
        throw invalid('status', 'Việc phát sinh ngoài kế hoạch là việc đã kết luận.');
      if (input.conclusion !== undefined) set.conclusion = input.conclusion;
      if (input.violationFound !== undefined) set.violation_found = input.violationFound;
      if (input.inCharge !== undefined) set.in_charge = input.inCharge;
      if (input.content !== undefined) set.content = input.content;
      await db.transaction().execute(async (tx) => {
        await repo.updateItem(tx, id, set);
        const { current_path: _p, org_name: _n, subject_org_name: _s, ...before } = item;
        await audit(tx, actor, clock.now(), {
          action: 'inspection.item.update',
          entityType: 'inspection_item',
          entityId: id,
          scopeOrgId: item.org_id,
          before,
          after: set,
        });
      });
      return (await viewsOf([(await repo.findItem(db, id))!]))[0]!;
    },

    /** The decision to carry out an item, or the notice of its conclusion, as a Word file. */
    async document(actor: Actor, id: string, kind: InspectionDocumentKind) {
      const item = await itemFor(actor, id);
      const doc = await inspectionDocx((await viewsOf([item]))[0]!, kind, null);
      if (typeof doc === 'string') throw conflict(doc);
      return doc;
    },

    async listItems(actor: Actor, q: ItemListQuery) {
      const org = await readableOrg(actor, q.orgId);
      const { from, to } = periodOfQuery(q, clock.today());
      const { total, rows } = await repo.listItems(db, { ...q, from, to, path: org.path, scope: inspectionReadScope(actor) }, q.page, q.pageSize);
      return { total, items: await viewsOf(rows) };
    },

    /** Progress of the subtree over a period: plan items due in it, concluded by its end; arising items apart. */
    async progress(actor: Actor, q: PeriodQuery): Promise<ProgressResponse> {
      const org = await readableOrg(actor, q.orgId);
      const { from, to } = periodOfQuery(q, clock.today());
      const scope = inspectionReadScope(actor);
      const rows = await repo.progressWithChildren(db, org, scope, from, to, clock.today());
      const figures = (r: (typeof rows)[number]) => {
        const p = emptyProgress();
        addProgress(p, {
          planned: Number(r.planned ?? 0),
          concluded: Number(r.concluded ?? 0),
          underWay: Number(r.under_way ?? 0),
          cancelled: Number(r.cancelled ?? 0),
          arising: Number(r.arising ?? 0),
        });
        return p;
      };
      const total = rows.find((r) => r.child_id === null && r.child === null);
      const own = rows.find((r) => r.child === '');
      return {
        org: { id: org.id, name: org.name },
        from,
        to,
        total: total ? figures(total) : emptyProgress(),
        own: own ? figures(own) : emptyProgress(),
        children: rows.flatMap((r) => (r.child_id === null ? [] : [{ orgId: r.child_id, name: r.name ?? '', progress: figures(r) }])),
      };
    },

    /** The subordinate đảng ủy and chi bộ that carried out none, or were the subject of none, in the period. */
    async coverage(actor: Actor, q: PeriodQuery): Promise<CoverageResponse> {
      const org = await readableOrg(actor, q.orgId);
      const { from, to } = periodOfQuery(q, clock.today());
      const path = await coverageRoot(org.id, to);
      const rows = path === null ? [] : await repo.coverageByGroup(db, path, inspectionReadScope(actor), from, to, COVERAGE_KINDS);
      return {
        org: { id: org.id, name: org.name },
        from,
        to,
        groups: COVERAGE_GROUPS.map((group) => {
          const r = rows.find((x) => x.grp === group);
          return {
            group,
            label: COVERAGE_GROUP_LABELS[group],
            total: Number(r?.total ?? 0),
            withoutOwn: Number(r?.without_own ?? 0),
            withoutSubject: Number(r?.without_subject ?? 0),
          };
        }),
      };
    },

    /** The list behind a coverage count (its total is the count). */
    async coverageList(actor: Actor, q: CoverageListQuery) {
      const org = await readableOrg(actor, q.orgId);
      const { from, to } = periodOfQuery(q, clock.today());
      const path = await coverageRoot(org.id, to);
      if (path === null) return { total: 0, items: [] };
      const scope = inspectionReadScope(actor);
      const rows = await repo.coverageList(db, path, scope, from, to, COVERAGE_KINDS, q);
      let total = Number(rows[0]?.total ?? 0);
      if (rows.length === 0 && q.page > 1) {
        // A page past the end: the list's length is its count.
        const g = (await repo.coverageByGroup(db, path, scope, from, to, COVERAGE_KINDS)).find((x) => x.grp === q.group);
        total = Number((q.which === 'all' ? g?.total : q.which === 'without_own' ? g?.without_own : g?.without_subject) ?? 0);
      }
      return {
        total,
        items: rows.map((r) => ({
          id: r.org_id,
          name: r.name,
          kindCode: r.kind_code,
          kindName: r.kind_name,
          own: Number(r.own),
          subjectOf: Number(r.subject_of),
        })),
      };
    },
  };
}

export type InspectionService = ReturnType<typeof createInspectionService>;
