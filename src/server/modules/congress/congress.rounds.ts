/**
 * The congress round (issue 17 part 5): a round organised by an organisation over a window of dates, the
 * organisations of a subtree due for their congress in it (from their last congress and the rule set: grassroots
 * organisations every `termYears`, a cell under a grassroots committee `cellCongressesPerTerm` times a term), each
 * one's preparation checklist with its progress, and the round's summary ("đã tổ chức đại hội 51.985/52.105 TCCSĐ")
 * with its drill-down.
 */
import { v7 as uuidv7 } from 'uuid';
import type { CreateRoundBody, PrepBody, RoundQuery } from '../../../contract/congress.ts';
import { CHECKLIST_GROUP_LABELS, DEFAULT_CHECKLIST, dueInWindow, nextCongressDue, type ChecklistItem } from '../../../domain/congress.ts';
import { formatCount, formatPercent } from '../../../domain/numbers.ts';
import { pathInScope, scopeFor, type Actor, type Scope } from '../../http/actor.ts';
import { forbidden, invalid, notFound } from '../../http/errors.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { subtreeWithKindsOn } from '../orgs/orgs.evaluation.repo.ts';
import { orgCurrentPath, orgPathOn } from '../orgs/orgs.members.repo.ts';
import { currentPathsOf, listKindNames } from '../orgs/orgs.repo.ts';
import { latestOrgNames } from '../orgs/orgs.evaluation.repo.ts';
import { actorOf, canRead, congressRulesOn, type CongressDeps } from './congress.context.ts';
import { findRound, firstCongressBetween, insertRound, lastCongressBefore, listRounds, prepDoneCounts, prepOf, upsertPrep } from './congress.repo.ts';

type RoundRow = NonNullable<Awaited<ReturnType<typeof findRound>>>;

/** Kinds that hold no congress of their own (a party group elects no committee). */
const NO_CONGRESS_KINDS = new Set(['to_dang']);

/** The actor sees a round organised in his scope, or one organised above a part of his scope (that part only). */
function seesRound(scope: Scope, orgPath: string | null): boolean {
  if (!orgPath) return false;
  return pathInScope(orgPath, scope) || (scope !== 'all' && scope.some((p) => p.startsWith(orgPath)));
}

const checklistOf = (r: { checklist: unknown }) => (r.checklist as ChecklistItem[]).map((i) => ({ ...i, groupLabel: CHECKLIST_GROUP_LABELS[i.group] }));

function roundHead(actor: Actor, r: Omit<RoundRow, 'created_by' | 'created_at'>) {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name ?? '',
    title: r.title,
    fromOn: r.from_on,
    toOn: r.to_on,
    checklist: checklistOf(r),
    canEdit: pathInScope(r.org_path, scopeFor(actor, 'editOrgs')),
  };
}

async function loadRound(deps: CongressDeps, actor: Actor, id: string) {
  const r = await findRound(deps.db, id);
  if (!r || !seesRound(scopeFor(actor, 'read'), r.org_path)) throw notFound('Không tìm thấy đợt đại hội (hoặc ngoài phạm vi quản lý).');
  return r;
}

export async function roundList(deps: CongressDeps, actor: Actor) {
  const scope = scopeFor(actor, 'read');
  const rows = await listRounds(deps.db);
  return { items: rows.filter((r) => seesRound(scope, r.org_path)).map((r) => roundHead(actor, r)) };
}

/** Opens a round: its organisation's staff (editOrgs over it); the checklist is the default one when none is given. */
export async function createRound(deps: CongressDeps, actor: Actor, b: CreateRoundBody): Promise<string> {
  const org = await orgCurrentPath(deps.db, b.orgId);
  if (!org || !canRead(actor, org.current_path)) throw notFound('Không tìm thấy tổ chức (hoặc ngoài phạm vi quản lý).');
  if (!pathInScope(org.current_path, scopeFor(actor, 'editOrgs'))) throw forbidden('Chỉ cán bộ của tổ chức chỉ đạo đại hội mới được mở đợt đại hội.');
  const checklist = b.checklist ?? DEFAULT_CHECKLIST;
  if (new Set(checklist.map((i) => i.key)).size !== checklist.length) throw invalid('checklist', 'Các mục của danh mục chuẩn bị không được trùng mã.');
  const id = uuidv7();
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (tx) => {
    await insertRound(tx, {
      id,
      org_id: b.orgId,
      title: b.title,
      from_on: b.fromOn,
      to_on: b.toOn,
      checklist: JSON.stringify(checklist),
      created_by: actor.userId,
      created_at: now,
    });
    const after = { orgId: b.orgId, title: b.title, fromOn: b.fromOn, toOn: b.toOn, items: checklist.length };
    await writeAudit(tx, actorOf(actor), now, [
      { action: 'congress.round_create', entityType: 'congress_round', entityId: id, scopeOrgId: b.orgId, before: null, after },
    ]);
  });
  return id;
}

/** The organisation the round's page covers: the one asked for (in scope, under the round's), else the round's own, else the actor's part of it. */
async function coveredOrg(deps: CongressDeps, actor: Actor, r: RoundRow, underOrgId: string | undefined) {
  const scope = scopeFor(actor, 'read');
  if (underOrgId) {
    const o = await orgCurrentPath(deps.db, underOrgId);
    if (!o || !pathInScope(o.current_path, scope) || !r.org_path || !o.current_path.startsWith(r.org_path))
      throw notFound('Không tìm thấy tổ chức (hoặc ngoài phạm vi quản lý).');
    return o.id;
  }
  if (pathInScope(r.org_path, scope) || scope === 'all') return r.org_id;
  const mine = scope.find((p) => r.org_path && p.startsWith(r.org_path));
  return mine!.split('/').filter(Boolean).at(-1)!;
}

interface DueRow {
  orgId: string;
  orgName: string;
  kindName: string;
  grassroots: boolean;
  lastCongressOn: string;
  dueOn: string;
  heldOn: string | null;
  done: number;
  total: number;
}

/** The organisations of the subtree due in the round's window, with the congress held by `asOf` and their checklist's progress. */
async function dueRows(deps: CongressDeps, actor: Actor, r: RoundRow, underId: string, asOf: string) {
  const path = await orgPathOn(deps.db, underId, asOf);
  if (!path) throw invalid('asOf', 'Vào ngày này tổ chức chưa thành lập hoặc đã giải thể.');
  const scope = scopeFor(actor, 'read');
  const tree = (await subtreeWithKindsOn(deps.db, path.path, asOf)).filter((o) => !NO_CONGRESS_KINDS.has(o.kind_code));
  const ids = tree.map((o) => o.org_id);
  const [current, last, held, prep, kinds] = await Promise.all([
    ids.length ? currentPathsOf(deps.db, ids) : Promise.resolve([]),
    lastCongressBefore(deps.db, ids, r.from_on),
    firstCongressBetween(deps.db, ids, r.from_on, asOf),
    prepDoneCounts(deps.db, r.id, asOf),
    listKindNames(deps.db),
  ]);
  const inScope = new Set(current.filter((c) => pathInScope(c.current_path, scope)).map((c) => c.id));
  const lastOf = new Map(last.map((l) => [l.org_id, l.congress_on]));
  const heldOf = new Map(held.map((h) => [h.org_id, h.congress_on]));
  const doneOf = new Map(prep.map((p) => [p.org_id, Number(p.done)]));
  const kindName = new Map(kinds.map((k) => [k.code, k.name]));
  const total = checklistOf(r).length;
  const rows: DueRow[] = [];
  let withoutTerm = 0;
  for (const o of tree) {
    if (!inScope.has(o.org_id)) continue;
    const lastOn = lastOf.get(o.org_id);
    if (!lastOn) {
      if (!heldOf.has(o.org_id)) withoutTerm += 1;
      continue;
    }
    const dueOn = nextCongressDue(lastOn, o, congressRulesOn(lastOn));
    if (!dueInWindow(dueOn, r.from_on, r.to_on)) continue;
    const g = o.is_grassroots;
    rows.push({
      orgId: o.org_id,
      orgName: o.name,
      kindName: kindName.get(o.kind_code) ?? o.kind_code,
      grassroots: g,
      lastCongressOn: lastOn,
      dueOn,
      heldOn: heldOf.get(o.org_id) ?? null,
      done: doneOf.get(o.org_id) ?? 0,
      total,
    });
  }
  rows.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.orgName.localeCompare(b.orgName, 'vi'));
  return { rows, withoutTerm };
}

export async function roundView(deps: CongressDeps, actor: Actor, id: string, q: RoundQuery) {
  const r = await loadRound(deps, actor, id);
  const asOf = q.asOf ?? deps.clock.today();
  const underId = await coveredOrg(deps, actor, r, q.underOrgId);
  const { rows, withoutTerm } = await dueRows(deps, actor, r, underId, asOf);
  const grassroots = rows.filter((x) => x.grassroots);
  const gHeld = grassroots.filter((x) => x.heldOn).length;
  const held = rows.filter((x) => x.heldOn).length;
  const share = grassroots.length ? ` (${formatPercent((gHeld * 100) / grassroots.length)})` : '';
  const summary = {
    asOf,
    grassrootsDue: grassroots.length,
    grassrootsHeld: gHeld,
    due: rows.length,
    held,
    withoutTerm,
    text: `Đã tổ chức đại hội ${formatCount(gHeld)}/${formatCount(grassroots.length)} TCCSĐ${share}`,
  };
  const state = q.state ?? 'all';
  const items = rows.filter((x) => (state === 'all' || (state === 'held') === (x.heldOn !== null)) && (q.grassrootsOnly !== 'true' || x.grassroots));
  const names = await latestOrgNames(deps.db, [underId]);
  return { round: roundHead(actor, r), underOrgId: underId, underOrgName: names.get(underId) ?? '', summary, items };
}

/** An organisation of the round's subtree in the actor's read scope (404 otherwise), with its current path. */
async function prepOrg(deps: CongressDeps, actor: Actor, r: RoundRow, orgId: string) {
  const o = await orgCurrentPath(deps.db, orgId);
  if (!o || !canRead(actor, o.current_path) || !r.org_path || !o.current_path.startsWith(r.org_path))
    throw notFound('Không tìm thấy tổ chức (hoặc ngoài phạm vi quản lý).');
  return o;
}

export async function prepView(deps: CongressDeps, actor: Actor, roundId: string, orgId: string) {
  const r = await loadRound(deps, actor, roundId);
  const o = await prepOrg(deps, actor, r, orgId);
  const [rows, names] = await Promise.all([prepOf(deps.db, roundId, orgId), latestOrgNames(deps.db, [orgId])]);
  const byKey = new Map(rows.map((p) => [p.item_key, p]));
  const items = checklistOf(r).map((i) => {
    const p = byKey.get(i.key);
    return {
      key: i.key,
      label: i.label,
      group: i.group,
      groupLabel: i.groupLabel,
      plannedOn: p?.planned_on ?? null,
      doneOn: p?.done_on ?? null,
      note: p?.note ?? null,
    };
  });
  return {
    round: roundHead(actor, r),
    orgId,
    orgName: names.get(orgId) ?? '',
    canEdit: pathInScope(o.current_path, scopeFor(actor, 'editOrgs')),
    items,
    done: items.filter((i) => i.doneOn !== null).length,
    total: items.length,
  };
}

/** An organisation's staff (or its superiors') record its progress on items of the checklist. */
export async function savePrep(deps: CongressDeps, actor: Actor, roundId: string, orgId: string, b: PrepBody): Promise<void> {
  const r = await loadRound(deps, actor, roundId);
  const o = await prepOrg(deps, actor, r, orgId);
  if (!pathInScope(o.current_path, scopeFor(actor, 'editOrgs')))
    throw forbidden('Chỉ cán bộ của tổ chức (hoặc cấp trên) mới được cập nhật việc chuẩn bị đại hội.');
  const keys = new Set(checklistOf(r).map((i) => i.key));
  const today = deps.clock.today();
  for (const [i, it] of b.items.entries()) {
    if (!keys.has(it.key)) throw invalid(`items.${i}.key`, `Mục «${it.key}» không có trong danh mục chuẩn bị của đợt đại hội.`);
    if (it.doneOn && it.doneOn > today) throw invalid(`items.${i}.doneOn`, 'Ngày hoàn thành không được sau hôm nay.');
  }
  if (new Set(b.items.map((i) => i.key)).size !== b.items.length) throw invalid('items', 'Một mục được gửi hai lần.');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (tx) => {
    await upsertPrep(
      tx,
      b.items.map((it) => ({
        id: uuidv7(),
        round_id: roundId,
        org_id: orgId,
        item_key: it.key,
        planned_on: it.plannedOn ?? null,
        done_on: it.doneOn ?? null,
        note: it.note ?? null,
        updated_by: actor.userId,
        updated_at: now,
      })),
    );
    await writeAudit(tx, actorOf(actor), now, [
      { action: 'congress.prep_update', entityType: 'congress_round', entityId: roundId, scopeOrgId: orgId, before: null, after: { orgId, items: b.items } },
    ]);
  });
}
