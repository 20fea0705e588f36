/**
 * Annual evaluation (domain.md §8): opening a period over a subtree with the roll taken from the member file on the
 * period's date, entering the stages of each member's and organisation's rating, running the consistency checks of
 * the period's rule-set version live, overriding a failed check with a written reason, publishing (which locks), and
 * changing a published result only by a recorded decision that keeps the earlier value. Every write is one
 * transaction with its audit entries.
 */
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { DisciplineDecision } from '../../../domain/discipline.ts';
import {
  admittedLate,
  disciplinedInYear,
  evaluationRulesById,
  evaluationRulesForYear,
  findLabel,
  labelText,
  LEVEL_LABELS,
  LEVELS,
  levelFromScore,
  levelOfLabel,
  percent,
  runChecks,
  stageOf,
  streakCriterion,
  validateTally,
  CHECK_LABELS,
  type CheckCode,
  type CheckFailure,
  type EvaluationRuleSet,
  type Level,
  type Subject,
} from '../../../domain/evaluation.ts';
import { firstAdmissionOn, statusOn, TERMINAL_STATUSES, type MemberStatus } from '../../../domain/member-status.ts';
import { pathIds } from '../../../domain/org-path.ts';
import type { Clock } from '../../clock.ts';
import { insertJsonRows } from '../../db/json-insert.ts';
import type { DB } from '../../db/schema.ts';
import { pathInScope, scopeFor, type Actor, type Scope } from '../../http/actor.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { rowToEvent } from '../members/members.events.ts';
import { canEditMembersAt, canEditOrgAt, parentPathOf } from './evaluation.policy.ts';
import * as repo from './evaluation.repo.ts';
import type { MemberEntryInput, OrgEntriesInput, OrgEntryInput, PeriodMembersFilter } from '../../../contract/evaluation.ts';
import { resultsWorkbook } from './evaluation.workbook.ts';
import { resultsReport } from './evaluation.report.ts';
import { planImport } from './evaluation.import.ts';

type PeriodRow = NonNullable<Awaited<ReturnType<typeof repo.findPeriod>>>;
type MemberRow = Awaited<ReturnType<typeof repo.periodMembers>>[number];
type OrgRow = Awaited<ReturnType<typeof repo.periodOrgs>>[number];

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function rulesOf(p: { ruleset_id: string; year: number }): EvaluationRuleSet {
  return evaluationRulesById(p.ruleset_id) ?? evaluationRulesForYear(p.year);
}

function publicRules(r: EvaluationRuleSet) {
  return { id: r.id, basis: r.basis, scheme: r.scheme, labels: r.labels, scoreSheet: r.scoreSheet, checks: r.checks };
}

const lvl = (subject: Subject, label: string | null): Level | null => (label === null ? null : (levelOfLabel(subject, label) ?? null));

/** Counts per level with percentages of the total, and the share good or better. */
export function distribution(counts: Partial<Record<Level, number>>) {
  const total = LEVELS.reduce((a, l) => a + (counts[l] ?? 0), 0);
  const goodOrBetter = (counts.excellent ?? 0) + (counts.good ?? 0);
  return {
    total,
    levels: LEVELS.map((l) => ({ level: l, label: LEVEL_LABELS[l], count: counts[l] ?? 0, percent: percent(counts[l] ?? 0, total) })),
    goodOrBetter: { count: goodOrBetter, percent: percent(goodOrBetter, total) },
  };
}
export type Distribution = ReturnType<typeof distribution>;

export function createEvaluationService(deps: { db: Kysely<DB>; clock: Clock }) {
  const { db, clock } = deps;
  const audit = (
    tx: Kysely<DB>,
    actor: Actor,
    entries: { action: string; entityType: string; entityId: string; scopeOrgId: string | null; before: unknown; after: unknown }[],
  ) => writeAudit(tx, { id: actor.userId, name: actor.username }, clock.now(), entries);

  async function period(actor: Actor, id: string): Promise<PeriodRow> {
    const p = await repo.findPeriod(db, scopeFor(actor, 'read'), id);
    if (!p) throw notFound('Không tìm thấy kỳ đánh giá.');
    return p;
  }

  function requireOpen(p: PeriodRow) {
    if (p.status === 'published') throw conflict('Kỳ đánh giá đã công bố và khóa: mọi thay đổi cần có quyết định (mục «Thay đổi sau công bố»).');
  }

  async function disciplineMap(tx: Kysely<DB>, p: PeriodRow): Promise<Set<string>> {
    const rows = await repo.disciplinesInYear(tx, p.id, p.year);
    const by = new Map<string, DisciplineDecision[]>();
    for (const r of rows) {
      const list = by.get(r.member_id) ?? [];
      list.push({ form: r.form, decidedOn: r.decision_date, announcedOn: r.announced_on, lapseBlocked: r.lapse_blocked });
      by.set(r.member_id, list);
    }
    return new Set([...by].filter(([, ds]) => disciplinedInYear(ds, p.year)).map(([id]) => id));
  }

  function failuresOf(rules: EvaluationRuleSet, members: MemberRow[], orgs: OrgRow[], disciplined: Set<string>): CheckFailure[] {
    return runChecks(
      rules,
      members
        .filter((m) => !m.late_admission)
        .map((m) => ({
          id: m.member_id,
          cellId: m.org_id,
          grassrootsId: m.grassroots_id,
          level: lvl('member', currentOf(m)),
          disciplinedInYear: disciplined.has(m.member_id),
          selfDetectedFixed: m.self_detected_fixed,
        })),
      orgs.map((o) => ({
        id: o.org_id,
        parentId: o.parent_id,
        isCell: o.is_cell,
        isGrassroots: o.is_grassroots,
        level: lvl('org', o.decided_label ?? o.proposed_label ?? o.self_label),
        disciplined: o.disciplined,
        leadershipMemberDisciplined: o.leadership_disciplined,
      })),
    );
  }

  async function plan(actor: Actor, p: PeriodRow, bytes: Buffer) {
    const candidates = await repo.importCandidates(db, scopeFor(actor, 'read'), p.id);
    return planImport(
      bytes,
      rulesOf(p),
      candidates.map((c) => ({ memberId: c.member_id, fullName: c.full_name, birthDate: c.birth_date, birthYear: c.birth_year, cccd: c.cccd })),
    );
  }

  const currentOf = (m: Pick<MemberRow, 'self_label' | 'cell_label' | 'grassroots_label' | 'decided_label'>) =>
    m.decided_label ?? m.grassroots_label ?? m.cell_label ?? m.self_label;

  /** The failures the caller may see: about an organisation in scope, naming only records in scope. */
  function visibleFailures(
    failures: CheckFailure[],
    overrides: Awaited<ReturnType<typeof repo.overridesOf>>,
    scope: Scope,
    members: MemberRow[],
    orgs: OrgRow[],
    pathOf: Map<string, string>,
  ) {
    const memberPath = new Map(members.map((m) => [m.member_id, m.org_path]));
    const orgPath = new Map(orgs.map((o) => [o.org_id, o.org_path]));
    return failures
      .filter((f) => pathInScope(pathOf.get(f.orgId) ?? orgPath.get(f.orgId), scope))
      .map((f) => {
        const o = overrides.find((x) => x.check_code === f.code && x.org_id === f.orgId);
        return {
          code: f.code,
          title: CHECK_LABELS[f.code],
          orgId: f.orgId,
          message: f.message,
          memberIds: f.memberIds.filter((id) => pathInScope(memberPath.get(id), scope)),
          orgIds: f.orgIds.filter((id) => pathInScope(orgPath.get(id) ?? pathOf.get(id), scope)),
          overridden: o ? { reason: o.reason, at: iso(o.created_at) } : null,
        };
      });
  }

  const isOverridden = (f: CheckFailure, overrides: { check_code: string; org_id: string }[]) =>
    overrides.some((o) => o.check_code === f.code && o.org_id === f.orgId);

  function blocked(failures: CheckFailure[]) {
    const first = failures[0]!;
    return new AppError(
      409,
      'CHECK_FAILED',
      `Không thể phê duyệt: ${CHECK_LABELS[first.code]}. ${first.message}${failures.length > 1 ? ` (và ${failures.length - 1} lỗi khác)` : ''} Sửa kết quả hoặc ghi lý do vượt qua kiểm tra.`,
      failures.map((f) => ({ field: f.code, message: f.message, orgId: f.orgId, memberIds: f.memberIds, orgIds: f.orgIds })),
    );
  }

  /** Current paths of the grassroots organisations of a period (the root may be one, and has no org row). */
  async function grassrootsPaths(tx: Kysely<DB>, members: readonly { grassroots_id: string }[]) {
    const ids = [...new Set(members.map((m) => m.grassroots_id))];
    const out = new Map<string, string>();
    for (let i = 0; i < ids.length; i += 1000) {
      const rows = await repo.orgPathsByIds(tx, ids.slice(i, i + 1000));
      for (const r of rows) out.set(r.id, r.current_path);
    }
    return out;
  }

  function memberView(
    m: MemberRow & { full_name?: string; birth_date?: string | null; birth_year?: number | null },
    disciplined: Set<string>,
    rules: EvaluationRuleSet,
    published: boolean,
  ) {
    const score = m.self_score as { total?: number } | null;
    return {
      id: m.id,
      memberId: m.member_id,
      fullName: m.full_name ?? '',
      birthDate: m.birth_date ?? null,
      birthYear: m.birth_year ?? null,
      orgId: m.org_id,
      lateAdmission: m.late_admission,
      disciplinedInYear: disciplined.has(m.member_id),
      selfDetectedFixed: m.self_detected_fixed,
      selfLabel: m.self_label,
      selfScore: m.self_score,
      selfTotal: score?.total ?? null,
      votes: m.votes,
      cellLabel: m.cell_label,
      grassrootsLabel: m.grassroots_label,
      decidedLabel: m.decided_label,
      currentLabel: currentOf(m),
      currentLabelText: currentOf(m) ? labelText('member', currentOf(m)!) : null,
      finalLevel: m.final_level,
      stage: stageOf({ self: m.self_label, cell: m.cell_label, grassroots: m.grassroots_label, decided: m.decided_label }, published && !m.late_admission),
      scheme: rules.scheme,
    };
  }

  /**
   * Writes organisations' ratings (one or many), all or nothing, in one transaction. Every item's organisation, rights
   * and labels are checked before anything is written; then the rows are written together and, when the batch sets decisions, the
   * checks run over the period as saved with the whole batch: a failure not overridden that names an organisation
   * decided in the batch refuses everything (409 CHECK_FAILED). `at(i)` prefixes the field names of item i's errors.
   */
  async function writeOrgRatings(
    actor: Actor,
    p: PeriodRow,
    items: (OrgEntryInput & { orgId: string })[],
    at: (i: number) => string,
  ): Promise<repo.OrgRatingWrite[]> {
    const scope = scopeFor(actor, 'read');
    const rules = rulesOf(p);
    return db.transaction().execute(async (tx) => {
      // Organisation ratings of a period are written one save at a time: a save writes whole rows it has read.
      await repo.lockPeriodOrgs(tx, p.id);
      const byOrg = new Map((await repo.periodOrgs(tx, p.id, false)).map((o) => [o.org_id, o]));
      const now = clock.now();
      const seen = new Set<string>();
      const writes: repo.OrgRatingWrite[] = [];
      const entries: Parameters<typeof audit>[2] = [];
      const decided = new Set<string>();
      items.forEach((input, i) => {
        const { orgId } = input;
        const row = byOrg.get(orgId);
        if (!row || !pathInScope(row.org_path, scope)) {
          const message = 'Không tìm thấy tổ chức đảng trong kỳ đánh giá.';
          throw new AppError(404, 'NOT_FOUND', message, at(i) ? [{ field: `${at(i)}orgId`, message }] : []);
        }
        if (seen.has(orgId)) throw invalid(`${at(i)}orgId`, 'Một tổ chức xuất hiện hai lần trong danh sách.');
        seen.add(orgId);
        // In a batch the refusal names the item, so that a client knows which organisation to leave out.
        const refuse = (message: string) => new AppError(403, 'FORBIDDEN', message, at(i) ? [{ field: `${at(i)}orgId`, message }] : []);
        const own =
          input.selfLabel !== undefined || input.selfReport !== undefined || input.disciplined !== undefined || input.leadershipDisciplined !== undefined;
        if (own && !canEditOrgAt(actor, row.org_path)) throw refuse('Bạn không có quyền nhập tự đánh giá của tổ chức này.');
        if (input.proposedLabel !== undefined && !canEditOrgAt(actor, row.is_grassroots ? row.org_path : parentPathOf(row.org_path)))
          throw refuse('Đề xuất xếp loại tổ chức thuộc thẩm quyền của cấp ủy cơ sở.');
        if (input.decidedLabel !== undefined && !canEditOrgAt(actor, parentPathOf(row.org_path)))
          throw refuse('Quyết định xếp loại tổ chức thuộc thẩm quyền của ban thường vụ cấp ủy cấp trên.');
        const next: repo.OrgRatingWrite = {
          id: row.id,
          self_label: row.self_label,
          self_report: row.self_report,
          self_by: row.self_by,
          self_at: row.self_at === null ? null : new Date(row.self_at),
          proposed_label: row.proposed_label,
          proposed_by: row.proposed_by,
          proposed_at: row.proposed_at === null ? null : new Date(row.proposed_at),
          decided_label: row.decided_label,
          decided_by: row.decided_by,
          decided_at: row.decided_at === null ? null : new Date(row.decided_at),
          disciplined: row.disciplined,
          leadership_disciplined: row.leadership_disciplined,
          status: row.status,
        };
        for (const [field, stage] of [
          ['selfLabel', 'self'],
          ['proposedLabel', 'proposed'],
          ['decidedLabel', 'decided'],
        ] as const) {
          const v = input[field];
          if (v === undefined) continue;
          if (v !== null && !findLabel(rules, 'org', v))
            throw invalid(`${at(i)}${field}`, `Xếp loại «${v}» không có trong quy định của kỳ đánh giá (${rules.basis}).`);
          next[`${stage}_label`] = v;
          next[`${stage}_by`] = v === null ? null : actor.userId;
          next[`${stage}_at`] = v === null ? null : now;
        }
        if (input.selfReport !== undefined) next.self_report = input.selfReport;
        if (input.disciplined !== undefined) next.disciplined = input.disciplined;
        if (input.leadershipDisciplined !== undefined) next.leadership_disciplined = input.leadershipDisciplined;
        next.status = next.decided_label ? 'decided' : next.proposed_label ? 'proposed' : next.self_label ? 'self_assessed' : 'draft';
        if (input.decidedLabel != null) decided.add(orgId);
        writes.push(next);
        const { orgId: _orgId, ...fields } = input;
        entries.push({
          action: 'evaluation.org.update',
          entityType: 'org',
          entityId: orgId,
          scopeOrgId: orgId,
          before: {
            periodId: p.id,
            selfLabel: row.self_label,
            proposedLabel: row.proposed_label,
            decidedLabel: row.decided_label,
            disciplined: row.disciplined,
            leadershipDisciplined: row.leadership_disciplined,
          },
          after: { periodId: p.id, ...fields },
        });
      });
      await repo.updateOrgRatings(tx, writes);
      if (decided.size > 0) {
        // The checks a decision can fail read the organisations and the own members of the cells decided.
        const cells = [...decided].filter((o) => byOrg.get(o)!.is_cell);
        const [members, orgs, overrides, disciplined] = await Promise.all([
          repo.periodMembersOfOrgs(tx, p.id, cells),
          repo.periodOrgs(tx, p.id, false),
          repo.overridesOf(tx, p.id),
          disciplineMap(tx, p),
        ]);
        const failures = failuresOf(rules, members, orgs, disciplined).filter(
          (f) =>
            !isOverridden(f, overrides) &&
            f.code !== 'member_quota' &&
            f.code !== 'disciplined_member' &&
            (decided.has(f.orgId) || f.orgIds.some((o) => decided.has(o))),
        );
        if (failures.length > 0) throw blocked(failures);
      }
      await audit(tx, actor, entries);
      return writes;
    });
  }

  return {
    async open(actor: Actor, input: { rootOrgId: string; year: number; kind: 'year'; asOf?: string | undefined }) {
      const root = await repo.orgInScope(db, scopeFor(actor, 'read'), input.rootOrgId);
      if (!root) throw notFound('Không tìm thấy tổ chức đảng.');
      if (!canEditOrgAt(actor, root.current_path)) throw forbidden('Bạn không có quyền mở kỳ đánh giá cho tổ chức này.');
      const asOf = input.asOf ?? `${input.year}-12-01`;
      if (!asOf.startsWith(`${input.year}-`)) throw invalid('asOf', 'Ngày lập danh sách phải thuộc năm đánh giá.');
      const rootV = await repo.versionOn(db, input.rootOrgId, asOf);
      if (!rootV) throw conflict('Tổ chức chưa thành lập hoặc đã kết thúc vào ngày lập danh sách.');
      // The grassroots committee or a level above opens a year: a root inside a grassroots organisation would rate its
      // members apart from the rest of their grassroots organisation (the quota is per grassroots organisation).
      const above = pathIds(rootV.path).slice(0, -1);
      if (above.length > 0 && (await repo.anyGrassrootsOn(db, above, asOf))) {
        throw conflict('Kỳ đánh giá do cấp ủy cơ sở hoặc cấp trên mở cho các tổ chức trực thuộc: tổ chức này thuộc một tổ chức cơ sở đảng.');
      }
      const rules = evaluationRulesForYear(input.year);
      const orgs = await repo.subtreeOn(db, rootV.path, asOf);
      const byId = new Map(orgs.map((o) => [o.org_id, o]));
      const candidates = await repo.candidateMembers(db, [...byId.keys()]);
      const events = await repo.eventsOf(
        db,
        candidates.map((c) => c.id),
      );
      const eventsBy = new Map<string, ReturnType<typeof rowToEvent>[]>();
      for (const e of events) {
        const list = eventsBy.get(e.member_id) ?? [];
        list.push(rowToEvent(e));
        eventsBy.set(e.member_id, list);
      }
      const excluded = { exempt: 0, suspended: 0, lateAdmission: 0 };
      const id = uuidv7();
      const memberRows: Record<string, unknown>[] = [];
      for (const c of candidates) {
        const evs = eventsBy.get(c.id);
        let status: MemberStatus;
        let orgId: string | null;
        let admittedOn: string | null;
        if (evs && evs.length > 0) {
          const st = statusOn(evs, asOf);
          if (!st) continue;
          status = st.status;
          orgId = st.orgId;
          admittedOn = firstAdmissionOn(evs);
        } else {
          if (c.admitted_on && c.admitted_on > asOf) continue;
          status = c.status as MemberStatus;
          orgId = c.org_id;
          admittedOn = c.admitted_on;
        }
        const org = orgId ? byId.get(orgId) : undefined;
        if (!org || (TERMINAL_STATUSES as readonly string[]).includes(status)) continue;
        if (status === 'exempt' || status === 'suspended') {
          excluded[status] += 1;
          continue;
        }
        const late = admittedLate(rules, admittedOn, input.year);
        if (late) excluded.lateAdmission += 1;
        const grassroots = [...pathIds(org.path)].reverse().find((oid) => byId.get(oid)?.is_grassroots) ?? org.org_id;
        memberRows.push({
          id: uuidv7(),
          period_id: id,
          year: input.year,
          member_id: c.id,
          org_id: org.org_id,
          grassroots_id: grassroots,
          late_admission: late,
          self_detected_fixed: false,
          status: 'draft',
        });
      }
      const orgRows = orgs
        .filter((o) => o.org_id !== input.rootOrgId && o.kind_code !== 'to_dang')
        .map((o) => ({
          id: uuidv7(),
          period_id: id,
          year: input.year,
          org_id: o.org_id,
          parent_id: o.parent_id,
          is_cell: o.is_cell,
          is_grassroots: o.is_grassroots,
          disciplined: false,
          leadership_disciplined: false,
          status: 'draft',
        }));
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
        await audit(tx, actor, [
          {
            action: 'evaluation.open',
            entityType: 'evaluation_period',
            entityId: id,
            scopeOrgId: input.rootOrgId,
            before: null,
            after: { year: input.year, asOf, rulesetId: rules.id, members: memberRows.length, orgs: orgRows.length, excluded },
          },
        ]);
      });
      return this.detail(actor, id);
    },

    async list(actor: Actor, year?: number) {
      const scope = scopeFor(actor, 'read');
      const rows = await repo.listPeriods(db, scope, year);
      return {
        items: rows.map((p) => ({
          id: p.id,
          year: p.year,
          kind: p.kind,
          asOf: p.as_of,
          status: p.status,
          rulesetId: p.ruleset_id,
          rootOrgId: pathInScope(p.root_path, scope) ? p.root_org_id : null,
          rootName: pathInScope(p.root_path, scope) ? p.root_name : null,
        })),
      };
    },

    /** The period with progress per organisation in scope, the live checks and the overrides. */
    async detail(actor: Actor, id: string) {
      const p = await period(actor, id);
      const scope = scopeFor(actor, 'read');
      const rules = rulesOf(p);
      const [members, orgs, overrides, disciplined] = await Promise.all([
        repo.periodMembers(db, id),
        repo.periodOrgs(db, id),
        repo.overridesOf(db, id),
        disciplineMap(db, p),
      ]);
      const gPaths = await grassrootsPaths(db, members);
      const failures = visibleFailures(failuresOf(rules, members, orgs, disciplined), overrides, scope, members, orgs, gPaths);
      const membersByOrg = new Map<string, MemberRow[]>();
      for (const m of members) membersByOrg.set(m.org_id, [...(membersByOrg.get(m.org_id) ?? []), m]);
      const subsByOrg = new Map<string, OrgRow[]>();
      for (const o of orgs) if (o.parent_id) subsByOrg.set(o.parent_id, [...(subsByOrg.get(o.parent_id) ?? []), o]);
      const count = (levels: (Level | null)[]) => {
        const c: Partial<Record<Level, number>> = {};
        for (const l of levels) if (l) c[l] = (c[l] ?? 0) + 1;
        return c;
      };
      const published = p.status === 'published';
      const visibleOrgs = orgs.filter((o) => pathInScope(o.org_path, scope)).sort((a, b) => a.org_path.localeCompare(b.org_path));
      const changes = await repo.changesOf(db, id);
      const visibleEvalIds = new Set([...members.filter((m) => pathInScope(m.org_path, scope)).map((m) => m.id), ...visibleOrgs.map((o) => o.id)]);
      return {
        period: {
          id: p.id,
          year: p.year,
          kind: p.kind,
          asOf: p.as_of,
          status: p.status,
          rootOrgId: pathInScope(p.root_path, scope) ? p.root_org_id : null,
          rootName: pathInScope(p.root_path, scope) ? p.root_name : null,
          excluded: p.excluded,
          openedAt: iso(p.opened_at),
          publishedAt: iso(p.published_at),
          decisionNo: p.decision_no,
          decisionDate: p.decision_date,
          /** What the caller may do on the period (issue 12 part 4): the web offers only these. */
          can: {
            override: !published && canEditOrgAt(actor, p.root_path),
            publish: !published && canEditOrgAt(actor, p.root_path),
            change: published && canEditOrgAt(actor, p.root_path),
          },
        },
        rules: publicRules(rules),
        /** Members on the root's own roll (a chi bộ cơ sở opening its own period): the grid of the root. */
        rootMembers: pathInScope(p.root_path, scope)
          ? (() => {
              const own = (membersByOrg.get(p.root_org_id) ?? []).filter((m) => !m.late_admission);
              return {
                total: own.length,
                entered: own.filter((m) => currentOf(m) !== null).length,
                decided: own.filter((m) => m.decided_label !== null).length,
              };
            })()
          : null,
        orgs: visibleOrgs.map((o) => {
          const ms = (membersByOrg.get(o.org_id) ?? []).filter((m) => !m.late_admission);
          const subs = subsByOrg.get(o.org_id) ?? [];
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
              lateAdmissions: (membersByOrg.get(o.org_id) ?? []).length - ms.length,
              entered: ms.filter((m) => currentOf(m) !== null).length,
              cellProposed: ms.filter((m) => m.cell_label !== null).length,
              decided: ms.filter((m) => m.decided_label !== null).length,
              levels: distribution(count(ms.map((m) => lvl('member', currentOf(m))))),
            },
            subordinates: distribution(count(subs.map((s) => lvl('org', s.decided_label ?? s.proposed_label ?? s.self_label)))),
            failing: failures.filter((f) => !f.overridden && (f.orgId === o.org_id || f.orgIds.includes(o.org_id))).length,
            /** The stages the caller may fill in for this organisation, by the rules saveOrg applies. */
            can: {
              self: !published && canEditOrgAt(actor, o.org_path),
              propose: !published && canEditOrgAt(actor, o.is_grassroots ? o.org_path : parentPathOf(o.org_path)),
              decide: !published && canEditOrgAt(actor, parentPathOf(o.org_path)),
            },
          };
        }),
        failures,
        changes: changes
          .filter((c) => visibleEvalIds.has(c.evaluation_id))
          .map((c) => ({
            id: c.id,
            subject: c.subject,
            evaluationId: c.evaluation_id,
            beforeLabel: c.before_label,
            afterLabel: c.after_label,
            decisionNo: c.decision_no,
            decisionDate: c.decision_date,
            reason: c.reason,
            at: iso(c.created_at),
          })),
      };
    },

    /** A cell's members for the grid; those admitted late in the year listed apart. */
    async grid(actor: Actor, id: string, orgId: string) {
      const p = await period(actor, id);
      const scope = scopeFor(actor, 'read');
      const org = await repo.orgInScope(db, scope, orgId);
      if (!org) throw notFound('Không tìm thấy tổ chức đảng.');
      const rules = rulesOf(p);
      const rows = await repo.gridRows(db, scope, id, orgId);
      const disciplined = await disciplineMap(db, p);
      const published = p.status === 'published';
      const items = rows.map((r) => memberView({ ...r, org_path: org.current_path }, disciplined, rules, published));
      // The columns the caller may fill in, by the rules saveMembers applies (every row of a cell has one grassroots org).
      const gPaths = await grassrootsPaths(db, rows.slice(0, 1));
      const gPath = rows[0] ? gPaths.get(rows[0].grassroots_id) : undefined;
      const can = {
        cell: !published && canEditMembersAt(actor, org.current_path),
        grassroots: !published && gPath !== undefined && canEditMembersAt(actor, gPath),
      };
      const orgName = (await repo.nameOnPeriodDate(db, id, orgId)) ?? org.name ?? '';
      return {
        orgId,
        orgName,
        rules: publicRules(rules),
        can,
        items: items.filter((i) => !i.lateAdmission),
        lateAdmissions: items.filter((i) => i.lateAdmission),
      };
    },

    /**
     * The period-wide member list (issue 10, item 12; the grid is per cell): the members of the period in the caller's
     * scope, under an organisation's subtree when asked, by level of the latest stage filled in ('none': not yet
     * rated), by stage and by late admission; sorted by name, paged.
     */
    async memberList(actor: Actor, id: string, q: PeriodMembersFilter) {
      const p = await period(actor, id);
      const scope = scopeFor(actor, 'read');
      const rules = rulesOf(p);
      let path: string | null = null;
      if (q.orgId !== undefined) {
        const org = await repo.orgInScope(db, scope, q.orgId);
        if (!org) throw notFound('Không tìm thấy tổ chức đảng.');
        path = org.current_path;
      }
      const labels = q.level === undefined ? undefined : q.level === 'none' ? null : rules.labels.member.filter((l) => l.level === q.level).map((l) => l.code);
      const [{ total, rows }, disciplined] = await Promise.all([
        repo.periodMemberList(db, scope, id, { path, labels, stage: q.stage, lateAdmission: q.lateAdmission, page: q.page, pageSize: q.pageSize }),
        disciplineMap(db, p),
      ]);
      const published = p.status === 'published';
      return {
        total,
        page: q.page,
        pageSize: q.pageSize,
        items: rows.map((r) => ({ ...memberView(r, disciplined, rules, published), orgName: r.org_name ?? '' })),
      };
    },

    /** Saves grid rows (any stages), checks live, and refuses a decision that a failed, not overridden check names. */
    async saveMembers(actor: Actor, id: string, items: MemberEntryInput[]) {
      const p = await period(actor, id);
      requireOpen(p);
      const scope = scopeFor(actor, 'read');
      const rules = rulesOf(p);
      const all = await repo.periodMembers(db, id, { memberIds: [...new Set(items.map((i) => i.memberId))] });
      const byMember = new Map(all.map((m) => [m.member_id, m]));
      const gPaths = await grassrootsPaths(db, all);
      const seen = new Set<string>();
      const updates: { row: MemberRow; set: Record<string, unknown>; after: Record<string, unknown> }[] = [];
      const now = clock.now();
      items.forEach((it, i) => {
        const row = byMember.get(it.memberId);
        if (!row || !pathInScope(row.org_path, scope)) throw notFound('Không tìm thấy đảng viên trong kỳ đánh giá.');
        if (seen.has(it.memberId)) throw invalid(`items.${i}.memberId`, 'Một đảng viên xuất hiện hai lần trong danh sách.');
        seen.add(it.memberId);
        if (row.late_admission) throw conflict('Đảng viên kết nạp cuối năm được liệt kê riêng, không xếp loại trong kỳ này.');
        const cellFields = it.selfLabel !== undefined || it.selfScore !== undefined || it.votes !== undefined || it.cellLabel !== undefined;
        const grassrootsFields = it.grassrootsLabel !== undefined || it.decidedLabel !== undefined || it.selfDetectedFixed !== undefined;
        if (cellFields && !canEditMembersAt(actor, row.org_path)) throw forbidden('Bạn không có quyền nhập kết quả đánh giá của chi bộ này.');
        if (grassrootsFields && !canEditMembersAt(actor, gPaths.get(row.grassroots_id)))
          throw forbidden('Đề xuất và quyết định xếp loại đảng viên thuộc thẩm quyền của đảng ủy cơ sở.');
        const set: Record<string, unknown> = {};
        const after: Record<string, unknown> = {};
        const label = (field: 'selfLabel' | 'cellLabel' | 'grassrootsLabel' | 'decidedLabel', col: string, by: string, at: string) => {
          const v = it[field];
          if (v === undefined) return;
          if (v !== null && !findLabel(rules, 'member', v))
            throw invalid(`items.${i}.${field}`, `Xếp loại «${v}» không có trong quy định của kỳ đánh giá (${rules.basis}).`);
          set[col] = v;
          set[by] = v === null ? null : actor.userId;
          set[at] = v === null ? null : now;
          after[field] = v;
        };
        if (it.selfScore !== undefined) {
          if (it.selfScore === null) {
            set.self_score = null;
          } else {
            if (!rules.scoreSheet) throw invalid(`items.${i}.selfScore`, 'Quy định của kỳ đánh giá này không chấm điểm.');
            const r = levelFromScore(rules.scoreSheet, it.selfScore);
            if (r.errors.length > 0) throw invalid(`items.${i}.selfScore`, r.errors[0]!);
            if (it.selfLabel != null && it.selfLabel !== r.level)
              throw invalid(`items.${i}.selfLabel`, `Tổng điểm ${r.total} ứng với «${LEVEL_LABELS[r.level]}», không khớp với mức tự xếp loại.`);
            set.self_score = JSON.stringify({ ...it.selfScore, total: r.total, level: r.level });
            if (it.selfLabel === undefined) it = { ...it, selfLabel: r.level };
          }
          after.selfScore = it.selfScore;
        }
        label('selfLabel', 'self_label', 'self_by', 'self_at');
        if (it.votes !== undefined) {
          if (it.votes !== null) {
            const errors = validateTally(it.votes);
            if (errors.length > 0) throw invalid(`items.${i}.votes`, errors[0]!);
          }
          set.votes = it.votes === null ? null : JSON.stringify(it.votes);
          after.votes = it.votes;
        }
        label('cellLabel', 'cell_label', 'cell_by', 'cell_at');
        label('grassrootsLabel', 'grassroots_label', 'grassroots_by', 'grassroots_at');
        label('decidedLabel', 'decided_label', 'decided_by', 'decided_at');
        if (it.selfDetectedFixed !== undefined) {
          set.self_detected_fixed = it.selfDetectedFixed;
          after.selfDetectedFixed = it.selfDetectedFixed;
        }
        const next = { ...row, ...set } as MemberRow;
        set.status = stageOf({ self: next.self_label, cell: next.cell_label, grassroots: next.grassroots_label, decided: next.decided_label }, false);
        updates.push({ row, set, after });
      });
      await db.transaction().execute(async (tx) => {
        for (const u of updates) await repo.updateMemberEvaluation(tx, u.row.id, u.set);
        // Every member check stays inside a grassroots organisation: only those the saved rows belong to are read.
        const grassroots = [...new Set(updates.map((u) => u.row.grassroots_id))];
        const [members, orgs, overrides, disciplined] = await Promise.all([
          repo.periodMembers(tx, id, { grassrootsIds: grassroots }),
          repo.periodOrgs(tx, id, false),
          repo.overridesOf(tx, id),
          disciplineMap(tx, p),
        ]);
        const decided = new Set(updates.filter((u) => u.after.decidedLabel != null).map((u) => u.row.member_id));
        // The quota is checked on the batch as a whole: any decision the batch records in a grassroots organisation
        // (a demotion too, which lowers the count it is measured against) must leave that organisation's quota kept,
        // whichever members it names; the other checks concern the members decided.
        const decidedIn = new Set(updates.filter((u) => u.after.decidedLabel !== undefined).map((u) => u.row.grassroots_id));
        const failures = failuresOf(rules, members, orgs, disciplined).filter(
          (f) => !isOverridden(f, overrides) && (f.code === 'member_quota' ? decidedIn.has(f.orgId) : f.memberIds.some((m) => decided.has(m))),
        );
        if (failures.length > 0) throw blocked(failures);
        await audit(
          tx,
          actor,
          updates.map((u) => ({
            action: 'evaluation.member.update',
            entityType: 'member',
            entityId: u.row.member_id,
            scopeOrgId: u.row.org_id,
            before: {
              periodId: id,
              selfLabel: u.row.self_label,
              cellLabel: u.row.cell_label,
              grassrootsLabel: u.row.grassroots_label,
              decidedLabel: u.row.decided_label,
            },
            after: { periodId: id, ...u.after },
          })),
        );
      });
      return { updated: updates.length };
    },

    /** Reads a spreadsheet of results and matches every row; writes nothing. */
    async importPreview(actor: Actor, id: string, bytes: Buffer) {
      const p = await period(actor, id);
      requireOpen(p);
      const rows = await plan(actor, p, bytes);
      return {
        total: rows.length,
        errors: rows.filter((r) => r.errors.length > 0).length,
        rows: rows.map((r) => ({ row: r.row, fullName: r.fullName, memberId: r.memberId, entry: r.entry, errors: r.errors })),
      };
    },

    /** Writes the file's results, all or nothing: refused while any row has a problem; the grid's save does the rest. */
    async importCommit(actor: Actor, id: string, bytes: Buffer) {
      const p = await period(actor, id);
      requireOpen(p);
      const rows = await plan(actor, p, bytes);
      const bad = rows.filter((r) => r.errors.length > 0);
      if (bad.length > 0) {
        throw new AppError(
          400,
          'VALIDATION_ERROR',
          `Chưa nhập được: ${bad.length} dòng có lỗi (dòng ${bad[0]!.row}: ${bad[0]!.errors[0]}). Không dòng nào được ghi.`,
          bad.slice(0, 100).map((r) => ({ field: `row ${r.row}`, message: r.errors.join(' ') })),
        );
      }
      const result = await this.saveMembers(
        actor,
        id,
        rows.map((r) => r.entry!),
      );
      return { imported: result.updated };
    },

    async saveOrg(actor: Actor, id: string, orgId: string, input: OrgEntryInput) {
      const p = await period(actor, id);
      requireOpen(p);
      await writeOrgRatings(actor, p, [{ ...input, orgId }], () => '');
      return this.detail(actor, id);
    },

    /**
     * Many organisations' ratings in one request (issue 10, item 12), all or nothing, answering a summary rather than
     * the whole period: the rights and labels of every item are checked first, then all are written and the checks
     * run over the batch as if it had been saved at once, in one transaction with one audit entry per organisation.
     */
    async saveOrgs(actor: Actor, id: string, items: OrgEntriesInput) {
      const p = await period(actor, id);
      requireOpen(p);
      const written = await writeOrgRatings(actor, p, items, (i) => `items.${i}.`);
      const stages = { draft: 0, self_assessed: 0, proposed: 0, decided: 0 };
      for (const w of written) stages[w.status as keyof typeof stages] += 1;
      return { updated: written.length, stages };
    },

    /** Lets a failed check pass, with a written reason; audited. */
    async override(actor: Actor, id: string, input: { checkCode: CheckCode; orgId: string; reason: string }) {
      const p = await period(actor, id);
      requireOpen(p);
      const scope = scopeFor(actor, 'read');
      const org = await repo.orgInScope(db, scope, input.orgId);
      if (!org) throw notFound('Không tìm thấy tổ chức đảng.');
      if (!canEditOrgAt(actor, p.root_path)) throw forbidden('Chỉ cấp mở kỳ đánh giá mới được cho vượt qua kiểm tra.');
      await db.transaction().execute(async (tx) => {
        const existing = await repo.findOverride(tx, id, input.checkCode, input.orgId);
        if (existing) await repo.updateOverride(tx, existing.id, { reason: input.reason, created_by: actor.userId, created_at: clock.now() });
        else
          await repo.insertOverride(tx, {
            id: uuidv7(),
            period_id: id,
            check_code: input.checkCode,
            org_id: input.orgId,
            reason: input.reason,
            created_by: actor.userId,
            created_at: clock.now(),
          });
        await audit(tx, actor, [
          {
            action: 'evaluation.override',
            entityType: 'evaluation_period',
            entityId: id,
            scopeOrgId: input.orgId,
            before: existing ? { reason: existing.reason } : null,
            after: input,
          },
        ]);
      });
      return this.detail(actor, id);
    },

    /** Publishes and locks: every rating decided, no failed check left without an override. */
    async publish(actor: Actor, id: string, input: { decisionNo: string; decisionDate: string }) {
      const p = await period(actor, id);
      requireOpen(p);
      if (!canEditOrgAt(actor, p.root_path)) throw forbidden('Chỉ cấp mở kỳ đánh giá mới được công bố kết quả.');
      const rules = rulesOf(p);
      await db.transaction().execute(async (tx) => {
        const [members, orgs, overrides, disciplined] = await Promise.all([
          repo.periodMembers(tx, id),
          repo.periodOrgs(tx, id, false),
          repo.overridesOf(tx, id),
          disciplineMap(tx, p),
        ]);
        const undecidedMembers = members.filter((m) => !m.late_admission && m.decided_label === null).length;
        const undecidedOrgs = orgs.filter((o) => o.decided_label === null).length;
        if (undecidedMembers > 0 || undecidedOrgs > 0) {
          throw conflict(`Chưa thể công bố: còn ${undecidedMembers} đảng viên và ${undecidedOrgs} tổ chức chưa có quyết định xếp loại.`);
        }
        const failures = failuresOf(rules, members, orgs, disciplined).filter((f) => !isOverridden(f, overrides));
        if (failures.length > 0) throw blocked(failures);
        const now = clock.now();
        const memberCase = levelCase('member', rules);
        const orgCase = levelCase('org', rules);
        await repo.publishMemberRows(tx, id, memberCase('decided_label'));
        await repo.publishOrgRows(tx, id, orgCase('decided_label'));
        await repo.updatePeriod(tx, id, {
          status: 'published',
          published_by: actor.userId,
          published_at: now,
          decision_no: input.decisionNo,
          decision_date: input.decisionDate,
        });
        await repo.refreshTally(tx, id, p.year);
        // Weak grassroots organisations go on the consolidation list.
        const weak = orgs.filter((o) => o.is_grassroots && lvl('org', o.decided_label) === 'not_completed');
        for (const o of weak) {
          await repo.insertConsolidationIfAbsent(tx, {
            id: uuidv7(),
            orgId: o.org_id,
            year: p.year,
            reason: `Xếp loại «${labelText('org', o.decided_label!)}» năm ${p.year}`,
            createdBy: actor.userId,
            now,
          });
        }
        await audit(tx, actor, [
          {
            action: 'evaluation.publish',
            entityType: 'evaluation_period',
            entityId: id,
            scopeOrgId: p.root_org_id,
            before: { status: 'open' },
            after: { status: 'published', ...input, weak: weak.length },
          },
        ]);
      });
      return this.detail(actor, id);
    },

    /** After publication: a change by a recorded decision; the earlier value stays in the history. */
    async change(
      actor: Actor,
      id: string,
      input: { subject: Subject; evaluationId: string; label: string; decisionNo: string; decisionDate: string; reason: string },
    ) {
      const p = await period(actor, id);
      if (p.status !== 'published') throw conflict('Kỳ đánh giá chưa công bố: sửa trực tiếp kết quả.');
      const scope = scopeFor(actor, 'read');
      const rules = rulesOf(p);
      const rows = input.subject === 'member' ? await repo.periodMembers(db, id, { ids: [input.evaluationId] }) : await repo.periodOrgs(db, id, false);
      const row = (rows as (MemberRow | OrgRow)[]).find((r) => r.id === input.evaluationId);
      if (!row || !pathInScope(row.org_path, scope)) throw notFound('Không tìm thấy kết quả đánh giá.');
      if (!canEditOrgAt(actor, p.root_path)) throw forbidden('Chỉ cấp mở kỳ đánh giá mới được thay đổi kết quả đã công bố.');
      if ('late_admission' in row && row.late_admission) throw conflict('Đảng viên kết nạp cuối năm không xếp loại trong kỳ này.');
      const found = findLabel(rules, input.subject, input.label);
      if (!found) throw invalid('label', `Xếp loại «${input.label}» không có trong quy định của kỳ đánh giá (${rules.basis}).`);
      const now = clock.now();
      await db.transaction().execute(async (tx) => {
        await repo.insertChange(tx, {
          id: uuidv7(),
          period_id: id,
          subject: input.subject,
          evaluation_id: row.id,
          before_label: row.decided_label,
          after_label: input.label,
          decision_no: input.decisionNo,
          decision_date: input.decisionDate,
          reason: input.reason,
          created_by: actor.userId,
          created_at: now,
        });
        const set = { decided_label: input.label, decided_by: actor.userId, decided_at: now, final_level: found.level };
        if (input.subject === 'member') await repo.updateMemberEvaluation(tx, row.id, set);
        else await repo.updateOrgEvaluation(tx, row.id, set);
        await repo.refreshTally(tx, id, p.year);
        if ('is_grassroots' in row && row.is_grassroots && found.level === 'not_completed') {
          await repo.insertConsolidationIfAbsent(tx, {
            id: uuidv7(),
            orgId: row.org_id,
            year: p.year,
            reason: `Xếp loại «${found.label}» năm ${p.year} (quyết định ${input.decisionNo})`,
            createdBy: actor.userId,
            now,
          });
        }
        await audit(tx, actor, [
          {
            action: 'evaluation.change',
            entityType: input.subject === 'member' ? 'member' : 'org',
            entityId: 'member_id' in row ? row.member_id : row.org_id,
            scopeOrgId: row.org_id,
            before: { periodId: id, decidedLabel: row.decided_label },
            after: { periodId: id, decidedLabel: input.label, decisionNo: input.decisionNo, decisionDate: input.decisionDate, reason: input.reason },
          },
        ]);
      });
      return this.detail(actor, id);
    },

    /** Published figures of a subtree for a year: members and grassroots organisations by level, per child, and over a span. */
    /**
     * Where the results page opens: the organisation asked for (else the first of the caller's subtrees) and the latest
     * year with published results there, null when nothing is published yet.
     */
    async latestResults(actor: Actor, q: { orgId?: string | undefined }) {
      const scope = scopeFor(actor, 'read');
      const root = q.orgId ? await repo.orgInScope(db, scope, q.orgId) : await repo.defaultResultsRoot(db, scope);
      if (!root) throw notFound('Không tìm thấy tổ chức đảng.');
      return { orgId: root.id, name: root.name ?? '', year: await repo.latestPublishedYear(db, scope, root.current_path) };
    },

    async results(actor: Actor, q: { orgId: string; year: number; fromYear?: number | undefined }) {
      const scope = scopeFor(actor, 'read');
      const root = await repo.orgInScope(db, scope, q.orgId);
      if (!root) throw notFound('Không tìm thấy tổ chức đảng.');
      if (q.fromYear !== undefined && q.fromYear > q.year) throw invalid('fromYear', 'Năm bắt đầu phải trước hoặc bằng năm xem kết quả.');
      const [mRows, oRows] = await Promise.all([
        repo.distributionByChild(db, scope, root.current_path, q.year, 'member'),
        repo.distributionByChild(db, scope, root.current_path, q.year, 'grassroots'),
      ]);
      const add = (m: Map<string, Partial<Record<Level, number>>>, key: string, level: Level | null, n: number) => {
        if (!level) return;
        const c = m.get(key) ?? {};
        c[level] = (c[level] ?? 0) + Number(n);
        m.set(key, c);
      };
      const mBy = new Map<string, Partial<Record<Level, number>>>();
      const oBy = new Map<string, Partial<Record<Level, number>>>();
      const mAll: Partial<Record<Level, number>> = {};
      const oAll: Partial<Record<Level, number>> = {};
      for (const r of mRows) {
        add(mBy, r.child, r.level, r.n);
        if (r.level) mAll[r.level] = (mAll[r.level] ?? 0) + Number(r.n);
      }
      for (const r of oRows) {
        add(oBy, r.child, r.level, r.n);
        if (r.level) oAll[r.level] = (oAll[r.level] ?? 0) + Number(r.n);
      }
      const childIds = [...new Set([...mBy.keys(), ...oBy.keys()])].filter((c) => c !== '');
      const names = await repo.orgNames(db, childIds);
      const children = childIds
        .map((c) => ({ orgId: c, name: names.get(c) ?? '', members: distribution(mBy.get(c) ?? {}), orgs: distribution(oBy.get(c) ?? {}) }))
        .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
      let span = null;
      if (q.fromYear !== undefined) {
        const [my, oy] = await Promise.all([
          repo.yearlyDistribution(db, scope, root.current_path, q.fromYear, q.year, 'member'),
          repo.yearlyDistribution(db, scope, root.current_path, q.fromYear, q.year, 'grassroots'),
        ]);
        const yM = new Map<number, Partial<Record<Level, number>>>();
        const yO = new Map<number, Partial<Record<Level, number>>>();
        for (const r of my) if (r.level) yM.set(r.year, { ...yM.get(r.year), [r.level]: (yM.get(r.year)?.[r.level] ?? 0) + Number(r.n) });
        for (const r of oy) if (r.level) yO.set(r.year, { ...yO.get(r.year), [r.level]: (yO.get(r.year)?.[r.level] ?? 0) + Number(r.n) });
        const years = [];
        for (let y = q.fromYear; y <= q.year; y++) years.push({ year: y, members: distribution(yM.get(y) ?? {}), orgs: distribution(yO.get(y) ?? {}) });
        const withOrgs = years.filter((y) => y.orgs.total > 0).map((y) => y.orgs.levels[0]!.percent);
        const withMembers = years.filter((y) => y.members.total > 0).map((y) => y.members.goodOrBetter.percent);
        span = {
          years,
          orgsExcellent: withOrgs.length ? { min: Math.min(...withOrgs), max: Math.max(...withOrgs) } : null,
          membersGoodOrBetter: withMembers.length ? { min: Math.min(...withMembers), max: Math.max(...withMembers) } : null,
        };
      }
      return { orgId: root.id, name: root.name ?? '', year: q.year, members: distribution(mAll), orgs: distribution(oAll), children, span };
    },

    /** Drill-down: the members or grassroots organisations behind a figure (a level, over the subtree or one child). */
    async resultRecords(
      actor: Actor,
      q: { orgId: string; year: number; subject: Subject; level: Level; childId?: string | undefined; page: number; pageSize: number },
    ) {
      const scope = scopeFor(actor, 'read');
      const root = await repo.orgInScope(db, scope, q.orgId);
      if (!root) throw notFound('Không tìm thấy tổ chức đảng.');
      let path = root.current_path;
      if (q.childId) {
        const child = await repo.orgInScope(db, scope, q.childId);
        if (!child) throw notFound('Không tìm thấy tổ chức đảng.');
        if (!child.current_path.startsWith(root.current_path)) throw invalid('childId', 'Tổ chức này không trực thuộc tổ chức đang xem.');
        path = child.current_path;
      }
      const { total, rows } = await repo.resultRecords(db, scope, path, q);
      return {
        total,
        page: q.page,
        pageSize: q.pageSize,
        // The organisation beside a record is named only when the reader may open it (a grassroots root's superior is not).
        items: rows.map((r) => {
          const shown = pathInScope(r.org_path, scope);
          return {
            id: r.id,
            subjectId: r.subject_id,
            name: r.name ?? '',
            orgId: shown ? r.org_id : null,
            orgName: shown ? (r.org_name ?? '') : '',
            label: r.label,
            labelText: r.label ? labelText(q.subject, r.label) : null,
          };
        }),
      };
    },

    async resultsXlsx(actor: Actor, q: { orgId: string; year: number; fromYear?: number | undefined }) {
      const r = await this.results(actor, q);
      return { buffer: await resultsWorkbook(r), fileName: `ket-qua-danh-gia-${q.year}.xlsx` };
    },

    /** The results report in Word: the year's figures, per subordinate organisation, over the years, streaks, consolidation. */
    async resultsDocx(actor: Actor, q: { orgId: string; year: number; fromYear?: number | undefined; years: number; label?: string | undefined }) {
      const streaks = await this.streaks(actor, { orgId: q.orgId, years: q.years, toYear: q.year, label: q.label });
      const r = await this.results(actor, q);
      const consolidation = await this.consolidationList(actor, { orgId: q.orgId });
      // The header names the reporting committee's superior (HD 36); the reader need not see it otherwise.
      const root = await repo.orgCurrentPath(db, q.orgId);
      const superiorId = root ? pathIds(root.current_path).at(-2) : undefined;
      const superiorName = superiorId ? ((await repo.orgNames(db, [superiorId])).get(superiorId) ?? null) : null;
      return {
        buffer: await resultsReport(r, {
          streakYears: q.years,
          streakLabel: streaks.labelText,
          streakIsLevel: streaks.byLevel,
          streaks: streaks.items.map((s) => s.name),
          consolidation: consolidation.items,
          today: clock.today(),
          superiorName,
        }),
        fileName: `bao-cao-danh-gia-${q.year}.docx`,
      };
    },

    /**
     * Grassroots organisations with the same rating in each of the last `years` years up to `toYear`: commendation
     * candidates. `label` is a level of the current scale (default excellent: TSVM years count) or an original label
     * of the years rated with it ("TSVM tiêu biểu 3 năm liền", domain.md §8).
     */
    async streaks(actor: Actor, q: { orgId: string; years: number; toYear: number; label?: string | undefined }) {
      const fromYear = q.toYear - q.years + 1;
      const found = streakCriterion('org', q.label ?? 'excellent', fromYear, q.toYear);
      if ('error' in found) throw invalid('label', found.error);
      const c = found.criterion;
      const scope = scopeFor(actor, 'read');
      const root = await repo.orgInScope(db, scope, q.orgId);
      if (!root) throw notFound('Không tìm thấy tổ chức đảng.');
      const rows = await repo.streaks(db, scope, root.current_path, q.years, q.toYear, c.kind === 'level' ? { level: c.level } : { labels: c.labels });
      return {
        fromYear,
        toYear: q.toYear,
        years: q.years,
        label: c.kind === 'level' ? c.level : c.code,
        labelText: c.text,
        byLevel: c.kind === 'level',
        items: rows.map((r) => ({ orgId: r.org_id, name: r.name ?? '' })),
      };
    },

    /** The consolidation list of a subtree, by year and status, with the counts by status of the subtree (and year). */
    async consolidationList(actor: Actor, q: { orgId: string; year?: number | undefined; status?: 'open' | 'done' | undefined }) {
      const scope = scopeFor(actor, 'read');
      const root = await repo.orgInScope(db, scope, q.orgId);
      if (!root) throw notFound('Không tìm thấy tổ chức đảng.');
      const [rows, counts] = await Promise.all([
        repo.consolidationList(db, scope, root.current_path, q.year, q.status),
        repo.consolidationCounts(db, scope, root.current_path, clock.today(), q.year),
      ]);
      return { counts, items: rows.map(consolidationView) };
    },

    async addConsolidation(
      actor: Actor,
      input: {
        orgId: string;
        year: number;
        reason: string;
        plan?: string | null | undefined;
        responsible?: string | null | undefined;
        deadline?: string | null | undefined;
      },
    ) {
      const org = await repo.orgInScope(db, scopeFor(actor, 'read'), input.orgId);
      if (!org) throw notFound('Không tìm thấy tổ chức đảng.');
      if (!canEditOrgAt(actor, parentPathOf(org.current_path))) throw forbidden('Việc đưa tổ chức vào diện củng cố thuộc thẩm quyền của cấp ủy cấp trên.');
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
        await audit(tx, actor, [
          {
            action: 'evaluation.consolidation.create',
            entityType: 'org',
            entityId: input.orgId,
            scopeOrgId: input.orgId,
            before: null,
            after: { id, ...input },
          },
        ]);
      });
      const row = await repo.findConsolidation(db, scopeFor(actor, 'read'), id);
      return consolidationView({ ...row!, org_name: org.name });
    },

    async updateConsolidation(
      actor: Actor,
      id: string,
      input: {
        plan?: string | null | undefined;
        responsible?: string | null | undefined;
        deadline?: string | null | undefined;
        outcome?: string | null | undefined;
        status?: 'open' | 'done' | undefined;
      },
    ) {
      const row = await repo.findConsolidation(db, scopeFor(actor, 'read'), id);
      if (!row) throw notFound('Không tìm thấy mục củng cố.');
      if (!canEditOrgAt(actor, parentPathOf(row.org_path))) throw forbidden('Việc theo dõi củng cố thuộc thẩm quyền của cấp ủy cấp trên.');
      const set: Record<string, unknown> = { updated_at: clock.now() };
      for (const k of ['plan', 'responsible', 'deadline', 'outcome', 'status'] as const) if (input[k] !== undefined) set[k] = input[k];
      await db.transaction().execute(async (tx) => {
        await repo.updateConsolidation(tx, id, set);
        await audit(tx, actor, [
          {
            action: 'evaluation.consolidation.update',
            entityType: 'org',
            entityId: row.org_id,
            scopeOrgId: row.org_id,
            before: { plan: row.plan, responsible: row.responsible, deadline: row.deadline, outcome: row.outcome, status: row.status },
            after: input,
          },
        ]);
      });
      const fresh = await repo.findConsolidation(db, scopeFor(actor, 'read'), id);
      const names = await repo.orgNames(db, [row.org_id]);
      return consolidationView({ ...fresh!, org_name: names.get(row.org_id) ?? '' });
    },

    /**
     * Updates many consolidation entries at once (issue 10, item 12), all or nothing: every entry must be in scope and
     * kept by the caller (its organisation's superior), once in the batch; one transaction, one audit entry per entry.
     */
    async updateConsolidations(actor: Actor, items: ({ id: string } & ConsolidationPatchInput)[]) {
      const scope = scopeFor(actor, 'read');
      const ids = items.map((i) => i.id);
      const updated = await db.transaction().execute(async (tx) => {
        const rows = new Map((await repo.findConsolidations(tx, scope, [...new Set(ids)], { lock: true })).map((r) => [r.id, r]));
        const now = clock.now();
        const seen = new Set<string>();
        const writes: Parameters<typeof repo.updateConsolidations>[1] = [];
        const entries: Parameters<typeof audit>[2] = [];
        items.forEach(({ id, ...input }, i) => {
          const row = rows.get(id);
          if (!row) {
            const message = 'Không tìm thấy mục củng cố.';
            throw new AppError(404, 'NOT_FOUND', message, [{ field: `items.${i}.id`, message }]);
          }
          if (seen.has(id)) throw invalid(`items.${i}.id`, 'Một mục củng cố xuất hiện hai lần trong danh sách.');
          seen.add(id);
          if (!canEditOrgAt(actor, parentPathOf(row.org_path))) {
            const message = `Việc theo dõi củng cố «${row.org_name ?? ''}» thuộc thẩm quyền của cấp ủy cấp trên.`;
            throw new AppError(403, 'FORBIDDEN', message, [{ field: `items.${i}.id`, message }]);
          }
          const next = { id, plan: row.plan, responsible: row.responsible, deadline: row.deadline, outcome: row.outcome, status: row.status, updated_at: now };
          for (const k of ['plan', 'responsible', 'deadline', 'outcome', 'status'] as const)
            if (input[k] !== undefined) (next as Record<string, unknown>)[k] = input[k];
          writes.push(next);
          entries.push({
            action: 'evaluation.consolidation.update',
            entityType: 'org',
            entityId: row.org_id,
            scopeOrgId: row.org_id,
            before: { plan: row.plan, responsible: row.responsible, deadline: row.deadline, outcome: row.outcome, status: row.status },
            after: input,
          });
        });
        await repo.updateConsolidations(tx, writes);
        await audit(tx, actor, entries);
        return writes.length;
      });
      const byId = new Map((await repo.findConsolidations(db, scope, ids)).map((r) => [r.id, r]));
      return { updated, items: ids.map((x) => consolidationView(byId.get(x)!)) };
    },
  };
}

type ConsolidationPatchInput = {
  plan?: string | null | undefined;
  responsible?: string | null | undefined;
  deadline?: string | null | undefined;
  outcome?: string | null | undefined;
  status?: 'open' | 'done' | undefined;
};

function consolidationView(c: {
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

/** SQL CASE mapping a label column of the version to the current scale (the labels are the version's own data). */
function levelCase(subject: Subject, rules: EvaluationRuleSet) {
  return (column: string) => {
    const whens = rules.labels[subject].map((l) => `WHEN '${l.code.replace(/[^a-z_]/g, '')}' THEN '${l.level}'`).join(' ');
    return `CASE ${column} ${whens} END`;
  };
}

export type EvaluationService = ReturnType<typeof createEvaluationService>;
export type ResultsAnswer = Awaited<ReturnType<EvaluationService['results']>>;
