/**
 * The steps of a change to the tree, for the orgs service: load the trees the operations touch as the planner sees
 * them (src/domain/reorg-plan.ts), then write a conflict-free plan (versions, organisations, rosters, events, audit)
 * inside the caller's transaction. Single edits and bulk reorganisations alike go through here.
 */
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { depthOf } from '../../../domain/org-path.ts';
import type { FinalNode, PlanContext, PlanNode, ReorgOp, ReorgPlan } from '../../../domain/reorg-plan.ts';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor, Capability } from '../../http/actor.ts';
import { writeAudit, type AuditInput } from '../audit/audit.service.ts';
import { planAccess } from './orgs.policy.ts';
import type { OrgMembersPort } from './orgs.ports.ts';
import {
  closeVersions,
  currentPathsOf,
  deleteVersions,
  endOrgs,
  findPathAsOf,
  insertEvents,
  insertOrgs,
  insertVersions,
  laterChangeDates,
  listKindNames,
  listSectorNames,
  rootIdsOf,
  subtreeFlat,
  updateCurrentPaths,
} from './orgs.repo.ts';

/** The decision a change is made under: its effective date, number and date of signature. */
export interface Decision {
  effectiveDate: string;
  decisionNo: string;
  decisionDate: string;
}

/** The version in force of each loaded organisation, which a change closes (or replaces when it starts that day). */
export type VersionsInForce = Map<string, { versionId: string; validFrom: string }>;

/** What the steps need from the service's dependencies. */
export interface ReorgDeps {
  clock: Clock;
  members: OrgMembersPort;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const chunks = <T>(a: T[], size = 1000) => Array.from({ length: Math.ceil(a.length / size) }, (_, i) => a.slice(i * size, (i + 1) * size));

/** The existing organisations the operations name (temporary keys of new ones are not ids), lower-cased. */
function referencedIds(ops: readonly ReorgOp[]): string[] {
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
  return [...referenced];
}

/** Today's paths of the given organisations, a chunk at a time. */
async function currentPaths(tx: Kysely<DB>, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const chunk of chunks(ids, 5000)) for (const c of await currentPathsOf(tx, chunk)) out.set(c.id, c.current_path);
  return out;
}

/** Adds the whole tree under `root` on the date to `nodes`, each with what the actor may do with it. */
async function loadTree(
  tx: Kysely<DB>,
  root: string,
  asOf: string,
  access: ReturnType<typeof planAccess>,
  nodes: Map<string, PlanNode>,
  versionOf: VersionsInForce,
) {
  const rootRow = await findPathAsOf(tx, root, asOf);
  if (!rootRow) return;
  const rows = await subtreeFlat(tx, rootRow.path, asOf);
  const paths = await currentPaths(
    tx,
    rows.map((r) => r.id),
  );
  for (const r of rows) {
    nodes.set(r.id, {
      id: r.id,
      parentId: r.parent_id,
      path: r.path,
      name: r.name,
      code: r.code,
      kindCode: r.kind_code,
      sectorCode: r.sector_code,
      directMembers: 0,
      ...access(paths.get(r.id) ?? r.path),
      changedLaterOn: r.valid_to,
    });
    versionOf.set(r.id, { versionId: r.version_id, validFrom: r.valid_from });
  }
}

/** Loads the trees touched by the operations, as of the date, for the planner. */
export async function loadPlanContext(
  tx: Kysely<DB>,
  members: OrgMembersPort,
  actor: Actor,
  ops: readonly ReorgOp[],
  asOf: string,
  cap: Capability,
): Promise<{ ctx: PlanContext; versionOf: VersionsInForce }> {
  const access = planAccess(actor, cap);
  const nodes = new Map<string, PlanNode>();
  const versionOf: VersionsInForce = new Map();
  for (const root of await rootIdsOf(tx, referencedIds(ops), asOf)) await loadTree(tx, root, asOf, access, nodes, versionOf);
  const ids = [...nodes.keys()];
  const [direct, later] = await Promise.all([members.directCounts(tx, ids, asOf), laterChangeDates(tx, ids, asOf)]);
  for (const [id, n] of nodes) {
    n.directMembers = direct.get(id) ?? 0;
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

/** The rows a plan writes on the effective date D: new organisations, versions closed, replaced and added, new paths. */
function versionWrites(written: FinalNode[], versionOf: VersionsInForce, D: string) {
  const toClose: string[] = [];
  const toDelete: string[] = [];
  const newVersions: DB['org_version'][] = [];
  const newOrgs: { id: string; established_on: string; current_path: string; ended_on: null; end_reason: null }[] = [];
  const pathUpdates: { id: string; path: string }[] = [];
  for (const n of written) {
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
  return { toClose, toDelete, newVersions, newOrgs, pathUpdates };
}

/** The audit entries of a plan: one per event, and the batch's own first when it is a bulk reorganisation. */
function auditEntries(plan: ReorgPlan, d: Decision, batchId: string | null, action: string): AuditInput[] {
  const D = d.effectiveDate;
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
  return entries;
}

/** Writes a conflict-free plan: closes versions, inserts new ones, ends orgs, moves rosters, records events and audit. */
export async function applyPlan(
  tx: Kysely<DB>,
  deps: ReorgDeps,
  actor: Actor,
  plan: ReorgPlan,
  versionOf: VersionsInForce,
  d: Decision,
  batchId: string | null,
  action: string,
): Promise<void> {
  const D = d.effectiveDate;
  const now = deps.clock.now();
  const w = versionWrites(plan.written, versionOf, D);
  for (const c of chunks(w.newOrgs)) await insertOrgs(tx, c);
  for (const c of chunks(w.toClose, 5000)) await closeVersions(tx, c, D);
  for (const c of chunks(w.toDelete, 5000)) await deleteVersions(tx, c);
  for (const c of chunks(w.newVersions)) await insertVersions(tx, c);
  for (const c of chunks(w.pathUpdates)) await updateCurrentPaths(tx, c);
  for (const reason of ['dissolved', 'merged', 'split'] as const) {
    const ids = plan.written.filter((n) => n.endReason === reason).map((n) => n.id);
    for (const c of chunks(ids, 5000)) await endOrgs(tx, c, D, reason);
  }
  for (const m of plan.memberMoves) await deps.members.moveMembers(tx, m.from, m.to, D);
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
  await writeAudit(tx, { id: actor.userId, name: actor.username }, now, auditEntries(plan, d, batchId, action));
}

/** A new top-level organisation as the caller asked for it. */
export interface RootInput extends Decision {
  name: string;
  code?: string | null | undefined;
  kindCode: string;
  sectorCode?: string | null | undefined;
}

/** Writes a top-level organisation `id` (catalogue codes already checked): the organisation, its version, its event, audit. */
export async function writeRoot(tx: Kysely<DB>, clock: Clock, actor: Actor, id: string, input: RootInput): Promise<void> {
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
  await insertEvents(tx, {
    id: uuidv7(),
    org_id: id,
    kind: 'created',
    effective_date: input.effectiveDate,
    decision_no: input.decisionNo,
    decision_date: input.decisionDate,
    details: JSON.stringify({ summary: `Thành lập «${input.name}»` }),
    batch_id: null,
    actor_id: actor.userId,
  });
  await writeAudit(tx, { id: actor.userId, name: actor.username }, clock.now(), [
    { action: 'org.created', entityType: 'org', entityId: id, scopeOrgId: id, after: { ...input } },
  ]);
}
