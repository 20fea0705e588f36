/**
 * Periods: opening one over a subtree with the roll taken from the member file on the period's date (domain.md §8),
 * the list of periods, and a period's page (progress per organisation in scope, the live checks, the changes).
 */
import { v7 as uuidv7 } from 'uuid';
import { admittedLate, evaluationRulesForYear, type EvaluationRuleSet, type Level } from '../../../domain/evaluation.ts';
import { firstAdmissionOn, statusOn, TERMINAL_STATUSES, type MemberStatus } from '../../../domain/member-status.ts';
import { pathIds } from '../../../domain/org-path.ts';
import { insertJsonRows } from '../../db/json-insert.ts';
import type { Actor } from '../../http/actor.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { rowToEvent } from '../../../domain/member-events.ts';
import { eventsOfManyMembers, membersOnRollsOf } from '../members/members.evaluation.repo.ts';
import * as orgsRepo from '../orgs/orgs.evaluation.repo.ts';
import { disciplineMap, failuresOf, visibleFailures } from './evaluation.checks.ts';
import {
  currentOf,
  grassrootsPaths,
  iso,
  loadPeriod,
  lvl,
  publicRules,
  rulesOf,
  type EvaluationContext,
  type MemberRow,
  type OrgRow,
  type PeriodRow,
} from './evaluation.common.ts';
import { distribution } from './evaluation.figures.ts';
import { canDecideOrgRating, canProposeOrgRating, canRateOrgSelf, canRunPeriod, readerOf, type Reader } from './evaluation.policy.ts';
import * as repo from './evaluation.repo.ts';

type OpenInput = { rootOrgId: string; year: number; kind: 'year'; asOf?: string | undefined };
type SubtreeOrg = Awaited<ReturnType<typeof orgsRepo.subtreeWithKindsOn>>[number];
type Candidate = Awaited<ReturnType<typeof membersOnRollsOf>>[number];

/** The root of a period to open and its path on the roll's date, after the checks of who may open it and where. */
async function openingRoot(ctx: EvaluationContext, actor: Actor, input: OpenInput) {
  const root = await orgsRepo.orgInScope(ctx.db, readerOf(actor).scope, input.rootOrgId);
  if (!root) throw notFound('Không tìm thấy tổ chức đảng.');
  if (!canRunPeriod(actor, root.current_path)) throw forbidden('Bạn không có quyền mở kỳ đánh giá cho tổ chức này.');
  const asOf = input.asOf ?? `${input.year}-12-01`;
  if (!asOf.startsWith(`${input.year}-`)) throw invalid('asOf', 'Ngày lập danh sách phải thuộc năm đánh giá.');
  const rootV = await orgsRepo.versionOn(ctx.db, input.rootOrgId, asOf);
  if (!rootV) throw conflict('Tổ chức chưa thành lập hoặc đã kết thúc vào ngày lập danh sách.');
  // The grassroots committee or a level above opens a year: a root inside a grassroots organisation would rate its
  // members apart from the rest of their grassroots organisation (the quota is per grassroots organisation).
  const above = pathIds(rootV.path).slice(0, -1);
  if (above.length > 0 && (await orgsRepo.anyGrassrootsOn(ctx.db, above, asOf))) {
    throw conflict('Kỳ đánh giá do cấp ủy cơ sở hoặc cấp trên mở cho các tổ chức trực thuộc: tổ chức này thuộc một tổ chức cơ sở đảng.');
  }
  return { root, asOf, rootPathOn: rootV.path };
}

/** A member's status, organisation and first admission on the date: from the events, else from the file's columns. */
function memberOn(c: Candidate, events: ReturnType<typeof rowToEvent>[] | undefined, asOf: string) {
  if (events && events.length > 0) {
    const st = statusOn(events, asOf);
    return st ? { status: st.status, orgId: st.orgId, admittedOn: firstAdmissionOn(events) } : null;
  }
  if (c.admitted_on && c.admitted_on > asOf) return null;
  return { status: c.status as MemberStatus, orgId: c.org_id as string | null, admittedOn: c.admitted_on };
}

/** The member rows of a new period: the roll of the subtree on the date, less the exempt and the suspended. */
async function memberRoll(ctx: EvaluationContext, orgs: SubtreeOrg[], rules: EvaluationRuleSet, periodId: string, input: OpenInput, asOf: string) {
  const byId = new Map(orgs.map((o) => [o.org_id, o]));
  const candidates = await membersOnRollsOf(ctx.db, [...byId.keys()]);
  const events = await eventsOfManyMembers(
    ctx.db,
    candidates.map((c) => c.id),
  );
  const eventsBy = new Map<string, ReturnType<typeof rowToEvent>[]>();
  for (const e of events) {
    const list = eventsBy.get(e.member_id) ?? [];
    list.push(rowToEvent(e));
    eventsBy.set(e.member_id, list);
  }
  const excluded = { exempt: 0, suspended: 0, lateAdmission: 0 };
  const rows: Record<string, unknown>[] = [];
  for (const c of candidates) {
    const on = memberOn(c, eventsBy.get(c.id), asOf);
    if (!on) continue;
    const org = on.orgId ? byId.get(on.orgId) : undefined;
    if (!org || (TERMINAL_STATUSES as readonly string[]).includes(on.status)) continue;
    if (on.status === 'exempt' || on.status === 'suspended') {
      excluded[on.status] += 1;
      continue;
    }
    const late = admittedLate(rules, on.admittedOn, input.year);
    if (late) excluded.lateAdmission += 1;
    const grassroots = [...pathIds(org.path)].reverse().find((oid) => byId.get(oid)?.is_grassroots) ?? org.org_id;
    rows.push({
      id: uuidv7(),
      period_id: periodId,
      year: input.year,
      member_id: c.id,
      org_id: org.org_id,
      grassroots_id: grassroots,
      late_admission: late,
      self_detected_fixed: false,
      status: 'draft',
    });
  }
  return { rows, excluded };
}

/** The organisation rows of a new period: every organisation of the subtree but the root and the party groups. */
function orgRoll(orgs: SubtreeOrg[], periodId: string, input: OpenInput) {
  return orgs
    .filter((o) => o.org_id !== input.rootOrgId && o.kind_code !== 'to_dang')
    .map((o) => ({
      id: uuidv7(),
      period_id: periodId,
      year: input.year,
      org_id: o.org_id,
      parent_id: o.parent_id,
      is_cell: o.is_cell,
      is_grassroots: o.is_grassroots,
      disciplined: false,
      leadership_disciplined: false,
      status: 'draft',
    }));
}

/** Opens a period over a subtree: the roll on the period's date, one transaction with its audit entry. Answers the id. */
export async function openPeriod(ctx: EvaluationContext, actor: Actor, input: OpenInput): Promise<string> {
  const { db, clock } = ctx;
  const { root, asOf, rootPathOn } = await openingRoot(ctx, actor, input);
  const rules = evaluationRulesForYear(input.year);
  const orgs = await orgsRepo.subtreeWithKindsOn(db, rootPathOn, asOf);
  const id = uuidv7();
  const { rows: memberRows, excluded } = await memberRoll(ctx, orgs, rules, id, input, asOf);
  const orgRows = orgRoll(orgs, id, input);
  await db.transaction().execute(async (tx) => {
    await repo.lockPeriodOpen(tx);
    if (await repo.overlappingPeriod(tx, root.current_path, input.year, input.kind)) {
      throw conflict(`Đã có kỳ đánh giá năm ${input.year} bao gồm tổ chức này hoặc tổ chức trực thuộc.`);
    }
    await repo.insertPeriod(tx, {
      id,
      root_org_id: input.rootOrgId,
      year: input.year,
      kind: input.kind,
      quarter: null,
      as_of: asOf,
      ruleset_id: rules.id,
      status: 'open',
      excluded: JSON.stringify(excluded),
      opened_by: actor.userId,
      opened_at: clock.now(),
      published_by: null,
      published_at: null,
      decision_no: null,
      decision_date: null,
    });
    await insertJsonRows(tx, 'member_evaluation', memberRows);
    await insertJsonRows(tx, 'org_evaluation', orgRows);
    const after = { year: input.year, asOf, rulesetId: rules.id, members: memberRows.length, orgs: orgRows.length, excluded };
    await ctx.audit(tx, actor, [
      { action: 'evaluation.open', entityType: 'evaluation_period', entityId: id, scopeOrgId: input.rootOrgId, before: null, after },
    ]);
  });
  return id;
}

/** The periods the caller may see (his part of those opened above him: without their root). */
export async function listPeriods(ctx: EvaluationContext, actor: Actor, year?: number) {
  const reader = readerOf(actor);
  const rows = await repo.listPeriods(ctx.db, reader.scope, year);
  return {
    items: rows.map((p) => ({
      id: p.id,
      year: p.year,
      kind: p.kind,
      asOf: p.as_of,
      status: p.status,
      rulesetId: p.ruleset_id,
      rootOrgId: reader.sees(p.root_path) ? p.root_org_id : null,
      rootName: reader.sees(p.root_path) ? p.root_name : null,
    })),
  };
}

function countLevels(levels: (Level | null)[]) {
  const c: Partial<Record<Level, number>> = {};
  for (const l of levels) if (l) c[l] = (c[l] ?? 0) + 1;
  return c;
}

/** The head of a period's page, with what the caller may do on it (issue 12 part 4): the web offers only these. */
function periodHead(actor: Actor, reader: Reader, p: PeriodRow) {
  const published = p.status === 'published';
  return {
    id: p.id,
    year: p.year,
    kind: p.kind,
    asOf: p.as_of,
    status: p.status,
    rootOrgId: reader.sees(p.root_path) ? p.root_org_id : null,
    rootName: reader.sees(p.root_path) ? p.root_name : null,
    excluded: p.excluded,
    openedAt: iso(p.opened_at),
    publishedAt: iso(p.published_at),
    decisionNo: p.decision_no,
    decisionDate: p.decision_date,
    can: {
      override: !published && canRunPeriod(actor, p.root_path),
      publish: !published && canRunPeriod(actor, p.root_path),
      change: published && canRunPeriod(actor, p.root_path),
    },
  };
}

/** Members on the root's own roll (a chi bộ cơ sở opening its own period): the grid of the root. */
function rootMembersProgress(reader: Reader, p: PeriodRow, membersByOrg: Map<string, MemberRow[]>) {
  if (!reader.sees(p.root_path)) return null;
  const own = (membersByOrg.get(p.root_org_id) ?? []).filter((m) => !m.late_admission);
  return { total: own.length, entered: own.filter((m) => currentOf(m) !== null).length, decided: own.filter((m) => m.decided_label !== null).length };
}

type VisibleFailure = ReturnType<typeof visibleFailures>[number];

/** An organisation's line on the period's page: its stages, its members' progress, its subordinates' levels. */
function orgProgress(actor: Actor, o: OrgRow, published: boolean, all: MemberRow[], subs: OrgRow[], failures: VisibleFailure[]) {
  const ms = all.filter((m) => !m.late_admission);
  return {
    id: o.id,
    orgId: o.org_id,
    name: o.org_name ?? '',
    parentId: o.parent_id,
    depth: pathIds(o.org_path).length,
    isCell: o.is_cell,
    isGrassroots: o.is_grassroots,
    disciplined: o.disciplined,
    leadershipDisciplined: o.leadership_disciplined,
    selfLabel: o.self_label,
    selfReport: o.self_report,
    proposedLabel: o.proposed_label,
    decidedLabel: o.decided_label,
    finalLevel: o.final_level,
    stage: o.decided_label ? (published ? 'published' : 'decided') : o.proposed_label ? 'proposed' : o.self_label ? 'self_assessed' : 'draft',
    members: {
      total: ms.length,
      lateAdmissions: all.length - ms.length,
      entered: ms.filter((m) => currentOf(m) !== null).length,
      cellProposed: ms.filter((m) => m.cell_label !== null).length,
      decided: ms.filter((m) => m.decided_label !== null).length,
      levels: distribution(countLevels(ms.map((m) => lvl('member', currentOf(m))))),
    },
    subordinates: distribution(countLevels(subs.map((s) => lvl('org', s.decided_label ?? s.proposed_label ?? s.self_label)))),
    failing: failures.filter((f) => !f.overridden && (f.orgId === o.org_id || f.orgIds.includes(o.org_id))).length,
    /** The stages the caller may fill in for this organisation, by the rules saveOrg applies. */
    can: {
      self: !published && canRateOrgSelf(actor, o.org_path),
      propose: !published && canProposeOrgRating(actor, o),
      decide: !published && canDecideOrgRating(actor, o.org_path),
    },
  };
}

function changeView(c: Awaited<ReturnType<typeof repo.changesOf>>[number]) {
  return {
    id: c.id,
    subject: c.subject,
    evaluationId: c.evaluation_id,
    beforeLabel: c.before_label,
    afterLabel: c.after_label,
    decisionNo: c.decision_no,
    decisionDate: c.decision_date,
    reason: c.reason,
    at: iso(c.created_at),
  };
}

/** The period with progress per organisation in scope, the live checks and the overrides. */
export async function periodDetail(ctx: EvaluationContext, actor: Actor, id: string) {
  const { db } = ctx;
  const p = await loadPeriod(ctx, actor, id);
  const reader = readerOf(actor);
  const rules = rulesOf(p);
  const [members, orgs, overrides, disciplined] = await Promise.all([
    repo.periodMembers(db, id),
    repo.periodOrgs(db, id),
    repo.overridesOf(db, id),
    disciplineMap(db, p),
  ]);
  const gPaths = await grassrootsPaths(db, members);
  const failures = visibleFailures(failuresOf(rules, members, orgs, disciplined), overrides, reader, members, orgs, gPaths);
  const membersByOrg = new Map<string, MemberRow[]>();
  for (const m of members) membersByOrg.set(m.org_id, [...(membersByOrg.get(m.org_id) ?? []), m]);
  const subsByOrg = new Map<string, OrgRow[]>();
  for (const o of orgs) if (o.parent_id) subsByOrg.set(o.parent_id, [...(subsByOrg.get(o.parent_id) ?? []), o]);
  const published = p.status === 'published';
  const visibleOrgs = orgs.filter((o) => reader.sees(o.org_path)).sort((a, b) => a.org_path.localeCompare(b.org_path));
  const changes = await repo.changesOf(db, id);
  const visibleEvalIds = new Set([...members.filter((m) => reader.sees(m.org_path)).map((m) => m.id), ...visibleOrgs.map((o) => o.id)]);
  return {
    period: periodHead(actor, reader, p),
    rules: publicRules(rules),
    rootMembers: rootMembersProgress(reader, p, membersByOrg),
    orgs: visibleOrgs.map((o) => orgProgress(actor, o, published, membersByOrg.get(o.org_id) ?? [], subsByOrg.get(o.org_id) ?? [], failures)),
    failures,
    changes: changes.filter((c) => visibleEvalIds.has(c.evaluation_id)).map(changeView),
  };
}
