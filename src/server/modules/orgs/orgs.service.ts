/**
 * The organisation tree: reads as of any date, and every change (single edits and bulk reorganisations alike)
 * planned by the domain planner and applied in one transaction with its events and audit entries.
 */
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { depthOf, pathIds } from '../../../domain/org-path.ts';
import { planReorganization, type PlanNode, type ReorgOp, type ReorgPlan } from '../../../domain/reorg-plan.ts';
import { ruleSetOn } from '../../../domain/rulesets.ts';
import { sizeWarnings } from '../../../domain/size-rules.ts';
import { foldAccents } from '../../../domain/text.ts';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { can, pathInScope, scopeFor, type Actor, type Capability } from '../../http/actor.ts';
import { AppError, conflict, forbidden, notFound } from '../../http/errors.ts';
import { writeAudit, type AuditInput } from '../audit/audit.service.ts';
import { changeableBelow, changeableItself, treeActions } from './orgs.policy.ts';
import {
  closeVersions,
  countChildren,
  currentPathsOf,
  deleteVersions,
  directMemberCounts,
  endOrgs,
  findKindCode,
  findOrgVersion,
  findPathAsOf,
  findSectorCode,
  insertEvents,
  insertOrgs,
  insertVersions,
  laterChangeDates,
  listChildren,
  listEvents,
  listKindNames,
  listKinds,
  listRoots,
  listSectorNames,
  listSectors,
  lockTree,
  memberCountOfSubtree,
  memberCountsByChild,
  moveMembers,
  namesAsOf,
  rootIdsOf,
  searchOrgs,
  subtreeFlat,
  updateCurrentPaths,
  type MemberCount,
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

export interface Decision {
  effectiveDate: string;
  decisionNo: string;
  decisionDate: string;
}

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
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createOrgsService(deps: { db: Kysely<DB>; clock: Clock }) {
  const { db, clock } = deps;
  const readScope = (actor: Actor) => scopeFor(actor, 'read');

  async function summaries(rows: OrgRow[], asOf: string, parent?: { path: string; depth: number }): Promise<OrgSummary[]> {
    const childCounts = await countChildren(
      db,
      rows.map((r) => r.id),
      asOf,
    );
    let members: Map<string, MemberCount>;
    if (parent) {
      members = await memberCountsByChild(db, parent.path, parent.depth, asOf);
    } else {
      members = new Map(await Promise.all(rows.map(async (r) => [r.id, await memberCountOfSubtree(db, r.path, asOf)] as const)));
    }
    return rows.map((r) => summary(r, childCounts.get(r.id) ?? 0, members.get(r.id) ?? { official: 0, probationary: 0 })).sort(byName);
  }

  async function detail(actor: Actor, id: string, asOf: string) {
    const row = await findOrgVersion(db, id, asOf, readScope(actor));
    if (!row) throw notFound('Không tìm thấy tổ chức đảng.');
    const inForce = row.valid_from <= asOf && (row.valid_to === null || row.valid_to > asOf);
    const status: 'active' | 'ended' | 'not_yet' = inForce ? 'active' : asOf < row.established_on ? 'not_yet' : 'ended';
    const shownAsOf = inForce ? asOf : status === 'not_yet' ? row.valid_from : row.valid_from;
    const [childCounts, members] = await Promise.all([countChildren(db, [row.id], shownAsOf), memberCountOfSubtree(db, row.path, shownAsOf)]);
    const ancestorIds = pathIds(row.path).slice(0, -1);
    const names = await namesAsOf(db, ancestorIds, shownAsOf);
    const rules = ruleSetOn(asOf);
    const warnings = status === 'active' ? sizeWarnings({ code: row.kind_code, isGrassroots: row.is_grassroots, isCell: row.is_cell }, members, rules) : [];
    return {
      ...summary(row, childCounts.get(row.id) ?? 0, members),
      path: row.path,
      ancestors: ancestorIds.map((a) => ({ id: a, name: names.get(a) ?? '' })),
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

  /** Loads the trees touched by the operations, as of the date, for the planner. */
  async function loadPlanContext(tx: Kysely<DB>, actor: Actor, ops: readonly ReorgOp[], asOf: string, cap: Capability) {
    const referenced = new Set<string>();
    for (const op of ops) {
      const keys: string[] = [];
      if ('org' in op) keys.push(op.org);
      if (op.type === 'create') keys.push(op.parent);
      if (op.type === 'move') keys.push(op.newParent);
      if (op.type === 'merge') keys.push(op.target, ...op.sources);
      if (op.type === 'split') for (const p of op.parts) keys.push(...p.children);
      for (const k of keys) if (UUID.test(k)) referenced.add(k.toLowerCase());
    }
    const roots = await rootIdsOf(tx, [...referenced], asOf);
    const writeScope = scopeFor(actor, cap);
    const visibleScope = scopeFor(actor, 'read');
    const nodes = new Map<string, PlanNode>();
    const versionOf = new Map<string, { versionId: string; validFrom: string }>();
    for (const root of roots) {
      const rootRow = await findPathAsOf(tx, root, asOf);
      if (!rootRow) continue;
      const rows = await subtreeFlat(tx, rootRow.path, asOf);
      const currentPaths = new Map<string, string>();
      for (let i = 0; i < rows.length; i += 5000) {
        const chunk = await currentPathsOf(
          tx,
          rows.slice(i, i + 5000).map((r) => r.id),
        );
        for (const c of chunk) currentPaths.set(c.id, c.current_path);
      }
      for (const r of rows) {
        const cur = currentPaths.get(r.id) ?? r.path;
        nodes.set(r.id, {
          id: r.id,
          parentId: r.parent_id,
          path: r.path,
          name: r.name,
          code: r.code,
          kindCode: r.kind_code,
          sectorCode: r.sector_code,
          directMembers: 0,
          visible: pathInScope(cur, visibleScope),
          writable: changeableItself(cur, writeScope),
          writableBelow: changeableBelow(cur, writeScope),
          changedLaterOn: r.valid_to,
        });
        versionOf.set(r.id, { versionId: r.version_id, validFrom: r.valid_from });
      }
    }
    const ids = [...nodes.keys()];
    const [members, later] = await Promise.all([directMemberCounts(tx, ids, asOf), laterChangeDates(tx, ids, asOf)]);
    for (const [id, n] of nodes) {
      n.directMembers = members.get(id) ?? 0;
      n.changedLaterOn = n.changedLaterOn ?? later.get(id) ?? null;
    }
    const kinds = await listKindNames(tx);
    const sectors = await listSectorNames(tx);
    return {
      versionOf,
      ctx: {
        nodes,
        kindNames: new Map(kinds.map((k) => [k.code, k.name])),
        sectorNames: new Map(sectors.map((s) => [s.code, s.name])),
        newId: () => uuidv7(),
      },
    };
  }

  /** Writes a conflict-free plan: closes versions, inserts new ones, ends orgs, moves rosters, records events and audit. */
  async function applyPlan(
    tx: Kysely<DB>,
    actor: Actor,
    plan: ReorgPlan,
    versionOf: Map<string, { versionId: string; validFrom: string }>,
    d: Decision,
    batchId: string | null,
    action: string,
  ) {
    const D = d.effectiveDate;
    const now = clock.now();
    const toClose: string[] = [];
    const toDelete: string[] = [];
    const newVersions: DB['org_version'][] = [];
    const newOrgs: { id: string; established_on: string; current_path: string; ended_on: null; end_reason: null }[] = [];
    const pathUpdates: { id: string; path: string }[] = [];
    for (const n of plan.written) {
      const v = versionOf.get(n.id);
      if (n.created) newOrgs.push({ id: n.id, established_on: D, current_path: n.finalPath, ended_on: null, end_reason: null });
      else if (v) {
        if (v.validFrom === D) toDelete.push(v.versionId);
        else toClose.push(v.versionId);
        if (n.finalPath !== n.path) pathUpdates.push({ id: n.id, path: n.finalPath });
      }
      if (!n.endReason) {
        newVersions.push({
          id: uuidv7(),
          org_id: n.id,
          valid_from: D,
          valid_to: null,
          parent_id: n.parentId,
          path: n.finalPath,
          depth: depthOf(n.finalPath),
          name: n.name,
          code: n.code,
          kind_code: n.kindCode,
          sector_code: n.sectorCode,
        });
      }
    }
    const chunks = <T>(a: T[], size = 1000) => Array.from({ length: Math.ceil(a.length / size) }, (_, i) => a.slice(i * size, (i + 1) * size));
    for (const c of chunks(newOrgs)) await insertOrgs(tx, c);
    for (const c of chunks(toClose, 5000)) await closeVersions(tx, c, D);
    for (const c of chunks(toDelete, 5000)) await deleteVersions(tx, c);
    for (const c of chunks(newVersions)) await insertVersions(tx, c);
    for (const c of chunks(pathUpdates)) await updateCurrentPaths(tx, c);
    for (const reason of ['dissolved', 'merged', 'split'] as const) {
      const ids = plan.written.filter((n) => n.endReason === reason).map((n) => n.id);
      for (const c of chunks(ids, 5000)) await endOrgs(tx, c, D, reason);
    }
    for (const m of plan.memberMoves) {
      await moveMembers(tx, m.from, m.to, D);
    }
    const events = plan.events.map((e) => ({
      id: uuidv7(),
      org_id: e.orgId,
      kind: e.kind,
      effective_date: D,
      decision_no: d.decisionNo,
      decision_date: d.decisionDate,
      details: JSON.stringify({ ...e.details, summary: e.summary }),
      batch_id: batchId,
      actor_id: actor.userId,
    }));
    for (const c of chunks(events)) await insertEvents(tx, c);

    const byId = new Map(plan.written.map((n) => [n.id, n]));
    const entries: AuditInput[] = plan.events.map((e) => {
      const n = byId.get(e.orgId);
      return {
        action: `org.${e.kind}`,
        entityType: 'org',
        entityId: e.orgId,
        scopeOrgId: e.orgId,
        before:
          n && !n.created
            ? { name: e.kind === 'renamed' ? e.details.fromName : n.name, parentId: e.kind === 'moved' ? e.details.fromParentId : n.parentId, path: n.path }
            : null,
        after: { ...e.details, summary: e.summary, effectiveDate: D, decisionNo: d.decisionNo, decisionDate: d.decisionDate, batchId },
      };
    });
    if (batchId) {
      entries.unshift({
        action,
        entityType: 'reorganization',
        entityId: batchId,
        scopeOrgId: null,
        after: { ...d, counts: plan.counts, operations: plan.operations },
      });
    }
    await writeAudit(tx, { id: actor.userId, name: actor.username }, now, entries);
  }

  /** Plans the operations; applies them unless dryRun. Throws 409 with the plan's conflicts when it cannot apply. */
  async function change(actor: Actor, ops: ReorgOp[], d: Decision, opts: { dryRun: boolean; cap: Capability; bulk: boolean }) {
    if (scopeFor(actor, opts.cap) !== 'all' && (scopeFor(actor, opts.cap) as string[]).length === 0) throw forbidden();
    return db.transaction().execute(async (tx) => {
      await lockTree(tx);
      const { ctx, versionOf } = await loadPlanContext(tx, actor, ops, d.effectiveDate, opts.cap);
      const plan = planReorganization(ops, ctx);
      const batchId = opts.bulk ? uuidv7() : null;
      if (!plan.ok && !opts.dryRun) {
        const first = plan.conflicts[0]!;
        if (!opts.bulk && first.code === 'not_found') throw notFound('Không tìm thấy tổ chức đảng tại ngày hiệu lực.');
        if (!opts.bulk && first.code === 'forbidden') throw forbidden();
        throw conflict(opts.bulk ? `Không thể áp dụng: có ${plan.conflicts.length} xung đột.` : first.message.replace(/^Thao tác \d+: /, ''), plan.conflicts);
      }
      if (!opts.dryRun) await applyPlan(tx, actor, plan, versionOf, d, batchId, 'reorg.apply');
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

    async roots(actor: Actor, asOf: string) {
      const rows = await listRoots(db, asOf, readScope(actor));
      return { items: await summaries(rows, asOf) };
    },

    async children(actor: Actor, id: string, asOf: string) {
      const scope = readScope(actor);
      const parent = await findOrgVersion(db, id, asOf, scope);
      if (!parent) throw notFound('Không tìm thấy tổ chức đảng.');
      const rows = await listChildren(db, id, asOf, scope);
      return { items: await summaries(rows, asOf, { path: parent.path, depth: parent.depth }) };
    },

    async tree(actor: Actor, id: string, asOf: string) {
      const parent = await findOrgVersion(db, id, asOf, readScope(actor));
      if (!parent) throw notFound('Không tìm thấy tổ chức đảng.');
      const rows = await subtreeFlat(db, parent.path, asOf);
      return { items: rows.map((r) => ({ id: r.id, parentId: r.parent_id, name: r.name, kindCode: r.kind_code, depth: r.depth })) };
    },

    /**
     * What the actor may do on the organisation today, decided by the same rules as the routes that do it: the tree
     * (orgs.policy.ts), the member file, admissions targets (set by the superior) and evaluation (evaluation.policy.ts).
     */
    async permissions(actor: Actor, id: string) {
      const row = await findOrgVersion(db, id, clock.today(), readScope(actor));
      if (!row) throw notFound('Không tìm thấy tổ chức đảng.');
      const path = row.current_path;
      const ended = row.ended_on !== null && row.ended_on <= clock.today();
      const at = (cap: Capability, p: string | null) => (p === null ? scopeFor(actor, cap) === 'all' : pathInScope(p, scopeFor(actor, cap)));
      const parentPath = pathIds(path).length > 1 ? `/${pathIds(path).slice(0, -1).join('/')}/` : null;
      const edit = treeActions(actor, path, 'editOrgs');
      const live = !ended;
      return {
        orgId: row.id,
        tree: {
          createChild: live && edit.createChild,
          rename: live && edit.rename,
          reclassify: live && edit.reclassify,
          move: live && edit.move,
          dissolve: live && edit.dissolve,
          split: live && edit.split,
          merge: live && edit.mergeAway,
          reorganize: live && at('reorganize', path),
        },
        members: { edit: live && at('editMembers', path), readSensitive: at('readSensitive', path) },
        admissions: { edit: live && at('editMembers', path), setTarget: live && at('editMembers', parentPath) },
        evaluation: {
          // a cell inside a đảng bộ cơ sở cannot open its own period (its members would escape the grassroots quota)
          open: live && at('editOrgs', path) && !(row.is_cell && !row.is_grassroots),
          rateSelf: at('editOrgs', path),
          propose: at('editOrgs', row.is_grassroots ? path : parentPath),
          decide: at('editOrgs', parentPath),
        },
        users: { manage: at('manageUsers', path) },
        audit: { read: at('readAudit', path) },
      };
    },

    async history(actor: Actor, id: string) {
      const row = await findOrgVersion(db, id, clock.today(), readScope(actor));
      if (!row) throw notFound('Không tìm thấy tổ chức đảng.');
      const events = await listEvents(db, id);
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
            actorName: e.actor_name,
            createdAt: new Date(e.created_at).toISOString(),
          };
        }),
      };
    },

    async search(actor: Actor, q: string, asOf: string, limit: number) {
      const folded = foldAccents(q);
      if (folded.length < 2) return { items: [] };
      const rows = await searchOrgs(db, folded, asOf, readScope(actor), limit);
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
      if (!can(actor, 'editMembers')) throw forbidden();
      const folded = foldAccents(q);
      if (folded.length < 2) return { items: [] };
      const today = clock.today();
      const rows = await searchOrgs(db, folded, today, 'all', limit);
      const names = await namesAsOf(db, [...new Set(rows.flatMap((r) => pathIds(r.path).slice(0, -1)))], today);
      const scope = readScope(actor);
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          ancestorNames: pathIds(r.path)
            .slice(0, -1)
            .map((a) => names.get(a) ?? ''),
          inScope: pathInScope(r.current_path, scope),
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
    async createRoot(
      actor: Actor,
      input: { name: string; code?: string | null | undefined; kindCode: string; sectorCode?: string | null | undefined } & Decision,
    ) {
      if (scopeFor(actor, 'editOrgs') !== 'all') throw forbidden('Chỉ quản trị hệ thống mới thành lập được tổ chức cấp cao nhất.');
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
        const path = `/${id}/`;
        await insertOrgs(tx, { id, established_on: input.effectiveDate, ended_on: null, end_reason: null, current_path: path });
        await insertVersions(tx, {
          id: uuidv7(),
          org_id: id,
          valid_from: input.effectiveDate,
          valid_to: null,
          parent_id: null,
          path,
          depth: 0,
          name: input.name,
          code: input.code ?? null,
          kind_code: input.kindCode,
          sector_code: input.sectorCode ?? null,
        });
        const summaryText = `Thành lập «${input.name}»`;
        await insertEvents(tx, {
          id: uuidv7(),
          org_id: id,
          kind: 'created',
          effective_date: input.effectiveDate,
          decision_no: input.decisionNo,
          decision_date: input.decisionDate,
          details: JSON.stringify({ summary: summaryText }),
          batch_id: null,
          actor_id: actor.userId,
        });
        await writeAudit(tx, { id: actor.userId, name: actor.username }, clock.now(), [
          { action: 'org.created', entityType: 'org', entityId: id, scopeOrgId: id, after: { ...input } },
        ]);
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
