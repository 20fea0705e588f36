/**
 * The dashboard (issue 14 part 5): the home page's figures of one organisation's subtree today. Nothing is counted
 * here: every figure is the answer of the module that owns it (the organisation's counts, the admission target's
 * progress, the published ratings, the badge list, the work queue, the consolidation list) or of a report table
 * (ComputeReport), each passed in by the composition root, so the dashboard's figure is the one its link opens.
 *
 * Scope: the organisation is read through the orgs module under the caller's scope first; an organisation outside
 * it answers 404 exactly as one that does not exist, before any other figure is asked for.
 */
import type { DashboardQuery, DashboardResponse, ReportTable } from '../../../contract/reports.ts';
import { nextAnniversary } from '../../../domain/badges.ts';
import type { Actor } from '../../http/actor.ts';
import type { Clock } from '../../clock.ts';
import { notFound } from '../../http/errors.ts';
import type { ComputeReport } from './reports.ports.ts';

type Level = 'excellent' | 'good' | 'completed' | 'not_completed';
interface Distribution {
  total: number;
  levels: { level: Level; count: number }[];
}

/** What the dashboard asks of the modules below it (their services' own functions, checked against the actor). */
export interface DashboardPorts {
  orgs: {
    roots(actor: Actor, asOf: string): Promise<{ items: { id: string }[] }>;
    detail(
      actor: Actor,
      id: string,
      asOf: string,
    ): Promise<{ id: string; name: string; kindName: string; path: string; memberCount: { official: number; probationary: number } }>;
    tree(actor: Actor, id: string, asOf: string): Promise<{ items: { id: string; kindCode: string }[] }>;
    catalogues(): Promise<{ kinds: { code: string; isGrassroots: boolean }[] }>;
  };
  admissions: {
    /** The organisation's own progress (its subordinates' rows are not read). */
    ownTargetProgress(
      actor: Actor,
      q: { orgId: string; year: number },
    ): Promise<{ org: { admitted: number; target: number | null; progress: number | null; inPipeline: number } }>;
    workQueueCounts(actor: Actor): Promise<{ total: number; late: number }>;
  };
  evaluation: {
    latestResults(actor: Actor, q: { orgId: string }): Promise<{ year: number | null }>;
    results(actor: Actor, q: { orgId: string; year: number }): Promise<{ members: Distribution; orgs: Distribution }>;
    consolidationList(actor: Actor, q: { orgId: string; status: 'open' }): Promise<{ counts: { open: number; overdue: number } }>;
  };
  members: {
    badgeList(actor: Actor, q: { orgId: string; anniversary: string; page: number; pageSize: number }): Promise<{ anniversary: string; due: unknown[] }>;
  };
  /** The report tables; absent until the tables' service is wired, the composition is then null. */
  computeReport?: ComputeReport | undefined;
  /** The members on the rolls of several dates in one statement (reports.service.ts); absent: one organisation page per date. */
  memberTotalsOn?: ((actor: Actor, orgId: string, dates: string[]) => Promise<number[]>) | undefined;
}

export interface DashboardDeps extends DashboardPorts {
  clock: Clock;
}

const TREND_YEARS = 5;

function ratingsOf(d: Distribution) {
  const n = (level: Level) => d.levels.find((l) => l.level === level)?.count ?? 0;
  return { total: d.total, excellent: n('excellent'), good: n('good'), completed: n('completed'), notCompleted: n('not_completed') };
}

/**
 * Sex and age bands from the «members-composition» table (reports.layouts.ts): men are the total less the women
 * (`all`, `women`), the age bands are the `age:*` rows, and `age:avg` (a row in years) is the average age; the
 * figures are the first column's (the count).
 */
export function compositionOf(table: ReportTable | undefined): DashboardResponse['composition'] {
  if (!table) return null;
  const value = (key: string) => table.rows.find((r) => r.key === key)?.cells[0]?.value ?? null;
  const all = value('all');
  const women = value('women');
  if (all === null || women === null) return null;
  const byAge = table.rows
    .filter((r) => r.key.startsWith('age:') && r.key !== 'age:avg' && r.cells[0]?.value !== null && r.cells[0]?.value !== undefined)
    .map((r) => ({ key: r.key, label: r.label, value: r.cells[0]!.value! }));
  return {
    bySex: [
      { key: 'nam', label: 'Nam', value: all - women },
      { key: 'nu', label: 'Nữ', value: women },
    ],
    byAge,
    averageAge: value('age:avg'),
  };
}

export function createDashboardService(deps: DashboardDeps) {
  const { orgs, admissions, evaluation, members, clock } = deps;

  async function ratings(actor: Actor, orgId: string, year: number): Promise<DashboardResponse['ratings']> {
    const latest = await evaluation.latestResults(actor, { orgId });
    // Last year's ratings; a year not yet published shows the latest published before it.
    const shown = latest.year === null ? null : Math.min(latest.year, year - 1);
    if (shown === null) return null;
    const r = await evaluation.results(actor, { orgId, year: shown });
    if (r.members.total === 0 && r.orgs.total === 0) return null;
    return { year: shown, orgs: ratingsOf(r.orgs), members: ratingsOf(r.members) };
  }

  async function trends(
    actor: Actor,
    orgId: string,
    year: number,
    today: string,
    admittedOf: (y: number) => Promise<number>,
  ): Promise<DashboardResponse['trends']> {
    const years = Array.from({ length: TREND_YEARS }, (_, i) => year - TREND_YEARS + 1 + i);
    const dates = years.map((y) => (y === year ? today : `${y}-12-31`));
    // the rolls of the five dates in one statement when the reports' service is wired, else one organisation page each
    const totals = deps.memberTotalsOn
      ? deps.memberTotalsOn(actor, orgId, dates)
      : Promise.all(dates.map(async (d) => orgs.detail(actor, orgId, d).then((o) => o.memberCount.official + o.memberCount.probationary)));
    const [members, admitted] = await Promise.all([totals, Promise.all(years.map(admittedOf))]);
    return { years, members, admitted };
  }

  async function composition(actor: Actor, orgId: string, today: string): Promise<DashboardResponse['composition']> {
    if (!deps.computeReport) return null;
    const report = await deps.computeReport(actor, { orgId, asOf: today }, ['members-composition']);
    return compositionOf(report.tables.find((t) => t.key === 'members-composition'));
  }

  return {
    async dashboard(actor: Actor, q: DashboardQuery): Promise<DashboardResponse> {
      const today = clock.today();
      const year = Number(today.slice(0, 4));
      const orgId = q.orgId ?? (await orgs.roots(actor, today)).items[0]?.id;
      if (!orgId) throw notFound('Không có tổ chức đảng nào trong phạm vi quản lý.');
      // The scope check: the organisation read under the caller's scope (404 outside it).
      const org = await orgs.detail(actor, orgId, today);
      // this year's progress is read once: the headline and the trend's last point
      const thisYear = admissions.ownTargetProgress(actor, { orgId, year });
      const admittedOf = async (y: number) => (await (y === year ? thisYear : admissions.ownTargetProgress(actor, { orgId, year: y }))).org.admitted;
      const [tree, catalogues, progress, rated, badges, work, consolidation, comp, trend] = await Promise.all([
        orgs.tree(actor, orgId, today),
        orgs.catalogues(),
        thisYear,
        ratings(actor, orgId, year),
        members.badgeList(actor, { orgId, anniversary: nextAnniversary(today), page: 1, pageSize: 1 }),
        admissions.workQueueCounts(actor),
        evaluation.consolidationList(actor, { orgId, status: 'open' }),
        composition(actor, orgId, today),
        trends(actor, orgId, year, today, admittedOf),
      ]);
      const grassrootsKinds = new Set(catalogues.kinds.filter((k) => k.isGrassroots).map((k) => k.code));
      const below = tree.items.filter((o) => o.id !== orgId);
      const { official, probationary } = org.memberCount;
      return {
        org: { id: org.id, name: org.name, kindName: org.kindName },
        asOf: today,
        year,
        orgs: { total: below.length, grassroots: below.filter((o) => grassrootsKinds.has(o.kindCode)).length },
        members: { total: official + probationary, official, probationary },
        admissions: { year, ...progress.org },
        ratings: rated,
        badges: { anniversary: badges.anniversary, due: badges.due.length },
        work: { total: work.total, late: work.late },
        consolidation: { open: consolidation.counts.open, overdue: consolidation.counts.overdue },
        composition: comp,
        trends: trend,
      };
    },
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
