/**
 * The organisation tree: reads as of any date, and every change (single edits and bulk reorganisations alike)
 * planned by the domain planner and applied in one transaction with its events and audit entries (the steps in
 * orgs.reorg.ts). Who may do what is decided in orgs.policy.ts; the members' side (counts, roster moves) comes
 * through the ports the composition root passes (orgs.ports.ts).
 */
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { pathIds } from '../../../domain/org-path.ts';
import { planReorganization, type ReorgOp, type ReorgPlan } from '../../../domain/reorg-plan.ts';
import { ruleSetOn } from '../../../domain/rulesets.ts';
import { sizeWarnings } from '../../../domain/size-rules.ts';
import { foldAccents } from '../../../domain/text.ts';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor, Capability } from '../../http/actor.ts';
import { AppError, conflict, forbidden, notFound } from '../../http/errors.ts';
import { canChangeTree, canCreateRoot, canReadOrg, canSearchDestinations, orgPermissions, orgReadScope } from './orgs.policy.ts';
import type { MemberCount, OrgMembersPort, OrgUsersPort } from './orgs.ports.ts';
import { applyPlan, loadPlanContext, writeRoot, type Decision, type RootInput } from './orgs.reorg.ts';
import {
  countChildren,
  findKindCode,
  findOrgVersion,
  findSectorCode,
  listChildren,
  listEvents,
  listKinds,
  listRoots,
  listSectors,
  lockTree,
  namesAsOf,
  orgPage,
  searchOrgs,
  subtreeFlat,
  type OrgRow,
} from './orgs.repo.ts';

/** Labels for events recorded without a summary (bulk-loaded history). */
const EVENT_LABELS: Record<string, string> = {
  created: 'Thành lập',
  renamed: 'Đổi tên',
  reclassified: 'Đổi loại tổ chức, loại hình',
  moved: 'Chuyển cấp trên trực tiếp',
  merged_into: 'Sáp nhập vào tổ chức khác',
  absorbed: 'Tiếp nhận tổ chức sáp nhập',
  split_into: 'Chia tách',
  split_from: 'Thành lập do chia tách',
  dissolved: 'Giải thể',
};

function summary(row: OrgRow, childCount: number, memberCount: MemberCount) {
  return {
    id: row.id,
    name: row.name,
    code: row.code,
    kindCode: row.kind_code,
    kindName: row.kind_name,
    sectorCode: row.sector_code,
    sectorName: row.sector_name,
    parentId: row.parent_id,
    depth: row.depth,
    childCount,
    memberCount,
  };
}

export type OrgSummary = ReturnType<typeof summary>;

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'vi');

/** What the orgs service is built from; `members` is passed by the composition root (orgs sits below members). */
export interface OrgsDeps {
  db: Kysely<DB>;
  clock: Clock;
  members: OrgMembersPort;
  users: OrgUsersPort;
}

// eslint-disable-next-line max-lines-per-function -- the service factory: a closure over its dependencies whose methods are each within the limit
export function createOrgsService(deps: OrgsDeps) {
  const { db, clock, members: memberCounts } = deps;

  async function summaries(rows: OrgRow[], asOf: string, parent?: { path: string; depth: number }): Promise<OrgSummary[]> {
    const childCounts = await countChildren(
      db,
      rows.map((r) => r.id),
      asOf,
    );
    let members: Map<string, MemberCount>;
    if (parent) {
      members = await memberCounts.countsByChild(db, parent.path, parent.depth, asOf);
    } else {
      members = new Map(await Promise.all(rows.map(async (r) => [r.id, await memberCounts.countOfSubtree(db, r.path, asOf)] as const)));
    }
    return rows.map((r) => summary(r, childCounts.get(r.id) ?? 0, members.get(r.id) ?? { official: 0, probationary: 0 })).sort(byName);
  }

  /** The organisation's detail from its shown version and the figures of the date shown (status, warnings, rule set). */
  function detailOf(row: OrgRow, inForce: boolean, asOf: string, childCount: number, members: MemberCount, ancestors: { id: string; name: string }[]) {
    const status: 'active' | 'ended' | 'not_yet' = inForce ? 'active' : asOf < row.established_on ? 'not_yet' : 'ended';
    const rules = ruleSetOn(asOf);
    const warnings = status === 'active' ? sizeWarnings({ code: row.kind_code, isGrassroots: row.is_grassroots, isCell: row.is_cell }, members, rules) : [];
    return {
      ...summary(row, childCount, members),
      path: row.path,
      ancestors,
      validFrom: row.valid_from,
      establishedOn: row.established_on,
      endedOn: row.ended_on,
      endReason: row.end_reason,
      status,
      warnings,
      ruleSetId: rules.id,
      asOf,
    };
  }

  async function detail(actor: Actor, id: string, asOf: string) {
    const row = await findOrgVersion(db, id, asOf, orgReadScope(actor));
    if (!row) throw notFound('Không tìm thấy tổ chức đảng.');
    const inForce = row.valid_from <= asOf && (row.valid_to === null || row.valid_to > asOf);
    // Figures of the date shown: the date asked while the version is in force, else the version's start.
    const shownAsOf = inForce ? asOf : row.valid_from;
    const [childCounts, members] = await Promise.all([countChildren(db, [row.id], shownAsOf), memberCounts.countOfSubtree(db, row.path, shownAsOf)]);
    const ancestorIds = pathIds(row.path).slice(0, -1);
    const names = await namesAsOf(db, ancestorIds, shownAsOf);
    const ancestors = ancestorIds.map((a) => ({ id: a, name: names.get(a) ?? '' }));
    return detailOf(row, inForce, asOf, childCounts.get(row.id) ?? 0, members, ancestors);
  }

  /**
   * The organisation page (issue 13): the detail, the sub-organisations and their member counts, as GET /:id and
   * GET /:id/children answer them, from two statements: the members' horizons (read once) and the page itself.
   * When the version shown is not in force on the date (an ended or not yet founded organisation), its own member
   * count is of its start date and is read apart.
   */
  async function page(actor: Actor, id: string, asOf: string) {
    const counts = await memberCounts.countsByChildSql(db, asOf);
    const rows = await orgPage(db, id, asOf, orgReadScope(actor), counts);
    if (!rows) throw notFound('Không tìm thấy tổ chức đảng.');
    const { node } = rows;
    const byChild = new Map(rows.counts.map((c) => [c.child_id, { official: c.official, probationary: c.probationary }]));
    const total = rows.counts.reduce((t, c) => ({ official: t.official + c.official, probationary: t.probationary + c.probationary }), {
      official: 0,
      probationary: 0,
    });
    const members = node.in_force ? total : await memberCounts.countOfSubtree(db, node.path, node.shown_as_of);
    return {
      org: detailOf(node, node.in_force, asOf, rows.child_count, members, rows.ancestors),
      children: rows.children.map((c) => summary(c, Number(c.child_count), byChild.get(c.id) ?? { official: 0, probationary: 0 })).sort(byName),
    };
  }

  /** Plans the operations; applies them unless dryRun. Throws 409 with the plan's conflicts when it cannot apply. */
  async function change(actor: Actor, ops: ReorgOp[], d: Decision, opts: { dryRun: boolean; cap: Capability; bulk: boolean }) {
    if (!canChangeTree(actor, opts.cap)) throw forbidden();
    return db.transaction().execute(async (tx) => {
      await lockTree(tx);
      const { ctx, versionOf } = await loadPlanContext(tx, memberCounts, actor, ops, d.effectiveDate, opts.cap);
      const plan = planReorganization(ops, ctx);
      const batchId = opts.bulk ? uuidv7() : null;
      if (!plan.ok && !opts.dryRun) {
        const first = plan.conflicts[0]!;
        if (!opts.bulk && first.code === 'not_found') throw notFound('Không tìm thấy tổ chức đảng tại ngày hiệu lực.');
        if (!opts.bulk && first.code === 'forbidden') throw forbidden();
        throw conflict(opts.bulk ? `Không thể áp dụng: có ${plan.conflicts.length} xung đột.` : first.message.replace(/^Thao tác \d+: /, ''), plan.conflicts);
      }
      if (!opts.dryRun) await applyPlan(tx, deps, actor, plan, versionOf, d, batchId, 'reorg.apply');
      return { plan, batchId };
    });
  }

  function preview(plan: ReorgPlan) {
    return {
      ok: plan.ok,
      counts: plan.counts,
      operations: plan.operations,
      changes: plan.changes.slice(0, 1000),
      changesTotal: plan.changes.length,
      conflicts: plan.conflicts,
    };
  }

  const single = async (actor: Actor, op: ReorgOp, d: Decision) => {
    const { plan } = await change(actor, [op], d, { dryRun: false, cap: 'editOrgs', bulk: false });
    return plan;
  };

  return {
    detail,
    page,

    async roots(actor: Actor, asOf: string) {
      const rows = await listRoots(db, asOf, orgReadScope(actor));
      return { items: await summaries(rows, asOf) };
    },

    async children(actor: Actor, id: string, asOf: string) {
      const scope = orgReadScope(actor);
      const parent = await findOrgVersion(db, id, asOf, scope);
      if (!parent) throw notFound('Không tìm thấy tổ chức đảng.');
      const rows = await listChildren(db, id, asOf, scope);
      return { items: await summaries(rows, asOf, { path: parent.path, depth: parent.depth }) };
    },

    async tree(actor: Actor, id: string, asOf: string) {
      const parent = await findOrgVersion(db, id, asOf, orgReadScope(actor));
      if (!parent) throw notFound('Không tìm thấy tổ chức đảng.');
      const rows = await subtreeFlat(db, parent.path, asOf);
      return { items: rows.map((r) => ({ id: r.id, parentId: r.parent_id, name: r.name, kindCode: r.kind_code, depth: r.depth })) };
    },

    /**
     * What the actor may do on the organisation today, decided by the same rules as the routes that do it: the tree
     * (orgs.policy.ts), the member file, admissions targets (set by the superior) and evaluation (evaluation.policy.ts).
     */
    async permissions(actor: Actor, id: string) {
      const today = clock.today();
      const row = await findOrgVersion(db, id, today, orgReadScope(actor));
      if (!row) throw notFound('Không tìm thấy tổ chức đảng.');
      return { orgId: row.id, ...orgPermissions(actor, row, today) };
    },

    async history(actor: Actor, id: string) {
      const row = await findOrgVersion(db, id, clock.today(), orgReadScope(actor));
      if (!row) throw notFound('Không tìm thấy tổ chức đảng.');
      const events = await listEvents(db, id);
      const actors = await deps.users.namesOf(db, [...new Set(events.flatMap((e) => (e.actor_id ? [e.actor_id] : [])))]);
      return {
        items: events.map((e) => {
          const details = (e.details ?? {}) as Record<string, unknown>;
          return {
            id: e.id,
            kind: e.kind,
            effectiveDate: e.effective_date,
            decisionNo: e.decision_no,
            decisionDate: e.decision_date,
            summary: typeof details.summary === 'string' ? details.summary : (EVENT_LABELS[e.kind] ?? e.kind),
            details,
            batchId: e.batch_id,
            actorName: e.actor_id ? (actors.get(e.actor_id) ?? null) : null,
            createdAt: new Date(e.created_at).toISOString(),
          };
        }),
      };
    },

    async search(actor: Actor, q: string, asOf: string, limit: number) {
      const folded = foldAccents(q);
      if (folded.length < 2) return { items: [] };
      const rows = await searchOrgs(db, folded, asOf, orgReadScope(actor), limit);
      const names = await namesAsOf(db, [...new Set(rows.flatMap((r) => pathIds(r.path).slice(0, -1)))], asOf);
      const sums = await summaries(rows, asOf);
      const byId = new Map(sums.map((s) => [s.id, s]));
      return {
        items: rows.map((r) => ({
          ...byId.get(r.id)!,
          ancestorNames: pathIds(r.path)
            .slice(0, -1)
            .map((a) => names.get(a) ?? ''),
        })),
      };
    },

    /**
     * Transfer destinations by name over the whole of today's tree (issue 12 part 5). A member may be sent to any
     * organisation, so whoever records transfers finds it by name; of an organisation outside his scope he learns its
     * id, name and the names of its superiors, nothing else (no counts, kind, code or history).
     */
    async destinations(actor: Actor, q: string, limit: number) {
      if (!canSearchDestinations(actor)) throw forbidden();
      const folded = foldAccents(q);
      if (folded.length < 2) return { items: [] };
      const today = clock.today();
      const rows = await searchOrgs(db, folded, today, 'all', limit);
      const names = await namesAsOf(db, [...new Set(rows.flatMap((r) => pathIds(r.path).slice(0, -1)))], today);
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          ancestorNames: pathIds(r.path)
            .slice(0, -1)
            .map((a) => names.get(a) ?? ''),
          inScope: canReadOrg(actor, r.current_path),
        })),
      };
    },

    async create(
      actor: Actor,
      input: { parentId: string; name: string; code?: string | null | undefined; kindCode: string; sectorCode?: string | null | undefined } & Decision,
    ) {
      const plan = await single(
        actor,
        { type: 'create', ref: 'new', parent: input.parentId, name: input.name, code: input.code, kindCode: input.kindCode, sectorCode: input.sectorCode },
        input,
      );
      const created = plan.written.find((n) => n.created)!;
      return detail(actor, created.id, input.effectiveDate);
    },
    /** A top-level organisation (a province): system administrators only. */
    async createRoot(actor: Actor, input: RootInput) {
      if (!canCreateRoot(actor)) throw forbidden('Chỉ quản trị hệ thống mới thành lập được tổ chức cấp cao nhất.');
      const id = uuidv7();
      await db.transaction().execute(async (tx) => {
        await lockTree(tx);
        const kind = await findKindCode(tx, input.kindCode);
        if (!kind) throw conflict(`Loại tổ chức «${input.kindCode}» không có trong danh mục.`, [{ field: 'kindCode', message: 'Không có trong danh mục.' }]);
        if (input.sectorCode) {
          const sector = await findSectorCode(tx, input.sectorCode);
          if (!sector)
            throw conflict(`Loại hình «${input.sectorCode}» không có trong danh mục.`, [{ field: 'sectorCode', message: 'Không có trong danh mục.' }]);
        }
        await writeRoot(tx, clock, actor, id, input);
      });
      return detail(actor, id, input.effectiveDate);
    },
    async rename(actor: Actor, id: string, input: { name: string; code?: string | null | undefined } & Decision) {
      await single(actor, { type: 'rename', org: id, name: input.name, code: input.code }, input);
      return detail(actor, id, input.effectiveDate);
    },
    async reclassify(actor: Actor, id: string, input: { kindCode?: string | undefined; sectorCode?: string | null | undefined } & Decision) {
      await single(actor, { type: 'reclassify', org: id, kindCode: input.kindCode, sectorCode: input.sectorCode }, input);
      return detail(actor, id, input.effectiveDate);
    },
    async move(actor: Actor, id: string, input: { newParentId: string } & Decision) {
      await single(actor, { type: 'move', org: id, newParent: input.newParentId }, input);
      return detail(actor, id, input.effectiveDate);
    },
    async dissolve(actor: Actor, id: string, input: Decision) {
      await single(actor, { type: 'dissolve', org: id }, input);
      return detail(actor, id, input.effectiveDate);
    },
    async merge(actor: Actor, input: { sourceIds: string[]; targetId: string } & Decision) {
      await single(actor, { type: 'merge', sources: input.sourceIds, target: input.targetId }, input);
      return detail(actor, input.targetId, input.effectiveDate);
    },
    async split(
      actor: Actor,
      id: string,
      input: { parts: { name: string; kindCode: string; sectorCode?: string | null | undefined; childIds: string[] }[]; keepSource: boolean } & Decision,
    ) {
      const plan = await single(
        actor,
        { type: 'split', org: id, keepSource: input.keepSource, parts: input.parts.map((p) => ({ ...p, children: p.childIds })) },
        input,
      );
      const made = plan.written.filter((n) => n.created);
      return { items: await Promise.all(made.map((n) => detail(actor, n.id, input.effectiveDate))) };
    },

    async previewReorganization(actor: Actor, input: { operations: ReorgOp[] } & Decision) {
      const { plan } = await change(actor, input.operations, input, { dryRun: true, cap: 'reorganize', bulk: true });
      return preview(plan);
    },
    async applyReorganization(actor: Actor, input: { operations: ReorgOp[] } & Decision) {
      const { plan, batchId } = await change(actor, input.operations, input, { dryRun: false, cap: 'reorganize', bulk: true });
      // The answer maps each operation's temporary key to the id of the organisation it made (issue 10, item 12).
      return { ...preview(plan), batchId: batchId!, refs: plan.refs };
    },

    /** Catalogues for forms. */
    async catalogues() {
      const [kinds, sectors] = await Promise.all([listKinds(db), listSectors(db)]);
      return {
        kinds: kinds.map((k) => ({ code: k.code, name: k.name, level: k.level, isGrassroots: k.is_grassroots, isCell: k.is_cell })),
        sectors: sectors.map((s) => ({ code: s.code, name: s.name })),
      };
    },
  };
}

export type OrgsService = ReturnType<typeof createOrgsService>;
export { AppError };
