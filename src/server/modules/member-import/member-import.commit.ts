/**
 * Applying a preview (domain.md §15): inside one transaction, the stored rows are planned again against the member
 * file as it is now; if the plan is still the one the user saw, new members are written first, then the updates, in
 * file order, each with its audit entry, and one entry for the import. All rows or none.
 */
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  ADMISSION_FIELDS,
  importPlanner,
  isImportField,
  type Change,
  type ImportColumn,
  type ParsedRow,
  type RowIssue,
  type RowValues,
} from '../../../domain/member-import.ts';
import type { Clock } from '../../clock.ts';
import { advisoryXactLock } from '../../db/advisory-lock.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor, Scope } from '../../http/actor.ts';
import { conflict } from '../../http/errors.ts';
import { canonicalJson, writeAudit } from '../audit/audit.service.ts';
import { memberOrgs, updateMembers } from '../members/members.import.repo.ts';
import { maskCccd } from '../members/members.policy.ts';
import { columnsOf, insertMembers, type NewMember } from '../members/members.service.ts';
import { CHUNK, lookupFor, parseContext } from './member-import.preview.ts';
import { findImport, markCommitted, storedRowChunks, storedRows, type ImportRecord } from './member-import.repo.ts';
import type { Progress } from './member-import.view.ts';

/** Transaction-scoped lock serialising commits, so two commits of the same file cannot both create its members. */
const IMPORT_LOCK = 74110003;

/** The organisation an entry about the actor's own work is filed under: his first scoped role's. */
export const homeOrg = (actor: Actor) => actor.roles.find((r) => r.orgId)?.orgId ?? null;

/** Row issues as the details of an error answer. */
export const issuesDetails = (list: readonly RowIssue[]) => list.map((p) => ({ field: `row ${p.row}${p.field ? `.${p.field}` : ''}`, message: p.message }));

/** A commit under way: who commits which preview, and its progress. */
export interface CommitInput {
  actor: Actor;
  scope: Scope;
  imp: ImportRecord;
  live: Progress;
  clock: Clock;
}

type StoredChunk = Awaited<ReturnType<typeof storedRows>>;

/** What the plan made again says: how many members it creates, which rows update one, how many rows in all. */
interface Replan {
  created: number;
  updateRows: number[];
  total: number;
}

/**
 * First pass: plans the stored rows again, a chunk at a time, against the member file as it is now. Refuses (409)
 * when any row's plan is not the one stored: the member file changed since the preview.
 */
async function replanStored(tx: Kysely<DB>, c: CommitInput): Promise<Replan> {
  const columns = (c.imp.columns as ImportColumn[]).map((col) => ({
    index: col.index,
    header: col.header,
    field: col.field && isImportField(col.field) ? col.field : null,
  }));
  const ctx = await parseContext(tx, c.scope, c.clock.today());
  const planner = importPlanner(columns, ctx.editable);
  const driftRows: number[] = [];
  const driftProblems: RowIssue[] = [];
  let drift = 0;
  const out: Replan = { created: 0, updateRows: [], total: 0 };
  for await (const stored of storedRowChunks(tx, c.imp.id, CHUNK)) {
    const rows: ParsedRow[] = stored.map((r) => ({ row: r.row_no, values: r.data as RowValues, problems: [], warnings: [] }));
    const planned = planner.plan(rows, await lookupFor(tx, c.actor, c.scope, rows));
    planned.forEach((p, i) => {
      const r = stored[i]!;
      if (p.action !== r.action || (p.action !== 'new' && p.memberId !== r.member_id) || canonicalJson(p.changes) !== canonicalJson(r.changes)) {
        drift += 1;
        if (driftRows.length < 20) driftRows.push(p.row);
        if (driftProblems.length < 100) driftProblems.push(...p.problems.slice(0, 100 - driftProblems.length));
      }
      if (p.action === 'new') out.created += 1;
      else if (p.action === 'update') out.updateRows.push(p.row);
    });
    out.total += planned.length;
  }
  if (drift > 0) {
    throw conflict(
      `Hồ sơ đảng viên đã thay đổi từ lúc xem trước (dòng ${driftRows.join(', ')}${drift > 20 ? ', …' : ''}): hãy tải tệp lên lại để xem trước. Chưa ghi gì vào hồ sơ.`,
      issuesDetails(driftProblems),
    );
  }
  return out;
}

/** The members a chunk of stored rows creates: the file's fields, the cell, the admission (and official) dates. */
function newMembersOf(stored: StoredChunk): NewMember[] {
  return stored
    .filter((r) => r.action === 'new')
    .map((r) => {
      const v = r.data as RowValues;
      const fields = Object.fromEntries(Object.entries(v).filter(([k]) => !(ADMISSION_FIELDS as readonly string[]).includes(k)));
      return { id: uuidv7(), orgId: v.orgId as string, admittedOn: v.admittedOn as string, officialOn: (v.officialOn as string | undefined) ?? null, fields };
    });
}

/** The roll of each of these members, a few thousand at a time. */
async function orgsOfMembers(tx: Kysely<DB>, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 5000) {
    for (const r of await memberOrgs(tx, ids.slice(i, i + 5000))) out.set(r.id, r.org_id);
  }
  return out;
}

const maskCccdOf = (o: Record<string, unknown>) => ('cccd' in o ? { ...o, cccd: maskCccd((o.cccd as string | null) ?? null) } : o);

/** Second pass, the updates: the changed fields of each member, one audit entry each (CCCD masked), CHUNK rows at a time. */
async function writeUpdates(tx: Kysely<DB>, c: CommitInput, updateRows: readonly number[], now: Date, extra: { importId: string }): Promise<void> {
  for (let i = 0; i < updateRows.length; i += CHUNK) {
    const updates = (await storedRows(tx, c.imp.id, updateRows.slice(i, i + CHUNK))).map((r) => ({ memberId: r.member_id!, changes: r.changes as Change[] }));
    await updateMembers(
      tx,
      updates.map((p) => ({ id: p.memberId, ...columnsOf(Object.fromEntries(p.changes.map((ch) => [ch.field, ch.to]))) })),
      now,
    );
    const rolls = await orgsOfMembers(
      tx,
      updates.map((p) => p.memberId),
    );
    await writeAudit(
      tx,
      { id: c.actor.userId, name: c.actor.username },
      now,
      updates.map((p) => ({
        action: 'member.update',
        entityType: 'member',
        entityId: p.memberId,
        scopeOrgId: rolls.get(p.memberId) ?? null,
        before: maskCccdOf(Object.fromEntries(p.changes.map((ch) => [ch.field, ch.from]))),
        after: { ...maskCccdOf(Object.fromEntries(p.changes.map((ch) => [ch.field, ch.to]))), ...extra },
      })),
    );
    c.live.processedRows += updates.length;
  }
}

/**
 * The commit's transaction: under the import lock, a preview still 'previewed' is planned again and, when nothing
 * drifted, written: new members first, then the updates, then the import's own audit entry and its result.
 */
export async function commitInTransaction(tx: Kysely<DB>, c: CommitInput): Promise<void> {
  const { actor, imp } = c;
  await advisoryXactLock(tx, IMPORT_LOCK);
  const fresh = await findImport(tx, actor.userId, imp.id);
  if (!fresh || fresh.status !== 'previewed') return;
  const plan = await replanStored(tx, c);
  const now = c.clock.now();
  const extra = { importId: imp.id };
  for await (const stored of storedRowChunks(tx, imp.id, CHUNK)) {
    const news = newMembersOf(stored);
    if (news.length > 0) await insertMembers(tx, actor, now, news, extra);
    c.live.processedRows += news.length;
  }
  await writeUpdates(tx, c, plan.updateRows, now, extra);
  const updated = plan.updateRows.length;
  const result = { created: plan.created, updated, unchanged: plan.total - plan.created - updated };
  // An import that changes nothing leaves no trace in the member file nor in the audit trail.
  if (plan.created + updated > 0) {
    await writeAudit(tx, { id: actor.userId, name: actor.username }, now, [
      {
        action: 'member.import',
        entityType: 'member_import',
        entityId: imp.id,
        scopeOrgId: homeOrg(actor),
        before: null,
        after: { fileName: imp.file_name, sha256: imp.file_sha256, rows: imp.total_rows, ...result },
      },
    ]);
  }
  await markCommitted(tx, imp.id, now, result);
}
