/**
 * The consolidation list of weak organisations (domain.md §8): kept by each organisation's superior, filled at
 * publication (a grassroots organisation rated not completed) and by hand, followed up entry by entry or in batches.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../../http/actor.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import * as orgsRepo from '../orgs/orgs.evaluation.repo.ts';
import type { AuditEntry, EvaluationContext } from './evaluation.common.ts';
import { canKeepConsolidation, readerOf } from './evaluation.policy.ts';
import * as repo from './evaluation.repo.ts';

export type ConsolidationPatchInput = {
  plan?: string | null | undefined;
  responsible?: string | null | undefined;
  deadline?: string | null | undefined;
  outcome?: string | null | undefined;
  status?: 'open' | 'done' | undefined;
};

type ConsolidationInput = {
  orgId: string;
  year: number;
  reason: string;
  plan?: string | null | undefined;
  responsible?: string | null | undefined;
  deadline?: string | null | undefined;
};

const PATCHED = ['plan', 'responsible', 'deadline', 'outcome', 'status'] as const;

export function consolidationView(c: {
  id: string;
  org_id: string;
  org_name: string | null;
  year: number;
  reason: string;
  plan: string | null;
  responsible: string | null;
  deadline: string | null;
  outcome: string | null;
  status: string;
}) {
  return {
    id: c.id,
    orgId: c.org_id,
    orgName: c.org_name ?? '',
    year: c.year,
    reason: c.reason,
    plan: c.plan,
    responsible: c.responsible,
    deadline: c.deadline,
    outcome: c.outcome,
    status: c.status,
  };
}

/** The consolidation list of a subtree, by year and status, with the counts by status of the subtree (and year). */
export async function listConsolidation(
  ctx: EvaluationContext,
  actor: Actor,
  q: { orgId: string; year?: number | undefined; status?: 'open' | 'done' | undefined },
) {
  const { scope } = readerOf(actor);
  const root = await orgsRepo.orgInScope(ctx.db, scope, q.orgId);
  if (!root) throw notFound('Không tìm thấy tổ chức đảng.');
  const [rows, counts] = await Promise.all([
    repo.consolidationList(ctx.db, scope, root.current_path, q.year, q.status),
    repo.consolidationCounts(ctx.db, scope, root.current_path, ctx.clock.today(), q.year),
  ]);
  return { counts, items: rows.map(consolidationView) };
}

export async function addConsolidation(ctx: EvaluationContext, actor: Actor, input: ConsolidationInput) {
  const { db, clock } = ctx;
  const org = await orgsRepo.orgInScope(db, readerOf(actor).scope, input.orgId);
  if (!org) throw notFound('Không tìm thấy tổ chức đảng.');
  if (!canKeepConsolidation(actor, org.current_path)) throw forbidden('Việc đưa tổ chức vào diện củng cố thuộc thẩm quyền của cấp ủy cấp trên.');
  const now = clock.now();
  const id = uuidv7();
  await db.transaction().execute(async (tx) => {
    const exists = await repo.consolidationOf(tx, input.orgId, input.year);
    if (exists) throw conflict(`Tổ chức này đã có trong danh sách củng cố năm ${input.year}.`);
    await repo.insertConsolidation(tx, {
      id,
      org_id: input.orgId,
      year: input.year,
      reason: input.reason,
      plan: input.plan ?? null,
      responsible: input.responsible ?? null,
      deadline: input.deadline ?? null,
      outcome: null,
      status: 'open',
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    const entry = { action: 'evaluation.consolidation.create', entityType: 'org', entityId: input.orgId, scopeOrgId: input.orgId, before: null };
    await ctx.audit(tx, actor, [{ ...entry, after: { id, ...input } }]);
  });
  const row = await repo.findConsolidation(db, readerOf(actor).scope, id);
  return consolidationView({ ...row!, org_name: org.name });
}

type ConsolidationRow = NonNullable<Awaited<ReturnType<typeof repo.findConsolidation>>>;

function updateEntry(row: ConsolidationRow, input: ConsolidationPatchInput): AuditEntry {
  return {
    action: 'evaluation.consolidation.update',
    entityType: 'org',
    entityId: row.org_id,
    scopeOrgId: row.org_id,
    before: { plan: row.plan, responsible: row.responsible, deadline: row.deadline, outcome: row.outcome, status: row.status },
    after: input,
  };
}

export async function updateConsolidation(ctx: EvaluationContext, actor: Actor, id: string, input: ConsolidationPatchInput) {
  const { db, clock } = ctx;
  const row = await repo.findConsolidation(db, readerOf(actor).scope, id);
  if (!row) throw notFound('Không tìm thấy mục củng cố.');
  if (!canKeepConsolidation(actor, row.org_path)) throw forbidden('Việc theo dõi củng cố thuộc thẩm quyền của cấp ủy cấp trên.');
  const set: Record<string, unknown> = { updated_at: clock.now() };
  for (const k of PATCHED) if (input[k] !== undefined) set[k] = input[k];
  await db.transaction().execute(async (tx) => {
    await repo.updateConsolidation(tx, id, set);
    await ctx.audit(tx, actor, [updateEntry(row, input)]);
  });
  const fresh = await repo.findConsolidation(db, readerOf(actor).scope, id);
  const names = await orgsRepo.latestOrgNames(db, [row.org_id]);
  return consolidationView({ ...fresh!, org_name: names.get(row.org_id) ?? '' });
}

/**
 * Updates many consolidation entries at once (issue 10, item 12), all or nothing: every entry must be in scope and
 * kept by the caller (its organisation's superior), once in the batch; one transaction, one audit entry per entry.
 */
export async function updateConsolidations(ctx: EvaluationContext, actor: Actor, items: ({ id: string } & ConsolidationPatchInput)[]) {
  const { db, clock } = ctx;
  const { scope } = readerOf(actor);
  const ids = items.map((i) => i.id);
  const updated = await db.transaction().execute(async (tx) => {
    const rows = new Map((await repo.findConsolidations(tx, scope, [...new Set(ids)], { lock: true })).map((r) => [r.id, r]));
    const now = clock.now();
    const seen = new Set<string>();
    const writes: Parameters<typeof repo.updateConsolidations>[1] = [];
    const entries: AuditEntry[] = [];
    items.forEach(({ id, ...input }, i) => {
      const row = rows.get(id);
      if (!row) {
        const message = 'Không tìm thấy mục củng cố.';
        throw new AppError(404, 'NOT_FOUND', message, [{ field: `items.${i}.id`, message }]);
      }
      if (seen.has(id)) throw invalid(`items.${i}.id`, 'Một mục củng cố xuất hiện hai lần trong danh sách.');
      seen.add(id);
      if (!canKeepConsolidation(actor, row.org_path)) {
        const message = `Việc theo dõi củng cố «${row.org_name ?? ''}» thuộc thẩm quyền của cấp ủy cấp trên.`;
        throw new AppError(403, 'FORBIDDEN', message, [{ field: `items.${i}.id`, message }]);
      }
      const next = { id, plan: row.plan, responsible: row.responsible, deadline: row.deadline, outcome: row.outcome, status: row.status, updated_at: now };
      for (const k of PATCHED) if (input[k] !== undefined) (next as Record<string, unknown>)[k] = input[k];
      writes.push(next);
      entries.push(updateEntry(row, input));
    });
    await repo.updateConsolidations(tx, writes);
    await ctx.audit(tx, actor, entries);
    return writes.length;
  });
  const byId = new Map((await repo.findConsolidations(db, scope, ids)).map((r) => [r.id, r]));
  return { updated, items: ids.map((x) => consolidationView(byId.get(x)!)) };
}
