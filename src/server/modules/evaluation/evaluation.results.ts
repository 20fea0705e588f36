/**
 * Published results (domain.md §8): where the results page opens, a subtree's figures for a year (per immediate child
 * and over a span of years), the records behind a figure, the streaks (commendation candidates), and the same figures
 * as a workbook and as the Word report.
 */
import { labelText, streakCriterion, type Level, type Subject } from '../../../domain/evaluation.ts';
import { pathIds } from '../../../domain/org-path.ts';
import type { Actor, Scope } from '../../http/actor.ts';
import { invalid, notFound } from '../../http/errors.ts';
import * as orgsRepo from '../orgs/orgs.evaluation.repo.ts';
import { currentPathsOf } from '../orgs/orgs.repo.ts';
import type { EvaluationContext } from './evaluation.common.ts';
import { listConsolidation } from './evaluation.consolidation.ts';
import { distribution, type ResultsAnswer, type YearFigures } from './evaluation.figures.ts';
import { readerOf } from './evaluation.policy.ts';
import * as repo from './evaluation.repo.ts';
import { resultsReport } from './evaluation.report.ts';
import { resultsWorkbook } from './evaluation.workbook.ts';

type Counts = Partial<Record<Level, number>>;
type ResultsQuery = { orgId: string; year: number; fromYear?: number | undefined };

/** An organisation of the caller's read scope, else 404. */
async function rootInScope(ctx: EvaluationContext, scope: Scope, orgId: string) {
  const root = await orgsRepo.orgInScope(ctx.db, scope, orgId);
  if (!root) throw notFound('Không tìm thấy tổ chức đảng.');
  return root;
}

/**
 * Where the results page opens: the organisation asked for (else the first of the caller's subtrees) and the latest
 * year with published results there, null when nothing is published yet.
 */
export async function latestResults(ctx: EvaluationContext, actor: Actor, q: { orgId?: string | undefined }) {
  const { scope } = readerOf(actor);
  const root = q.orgId ? await orgsRepo.orgInScope(ctx.db, scope, q.orgId) : await orgsRepo.defaultResultsRoot(ctx.db, scope);
  if (!root) throw notFound('Không tìm thấy tổ chức đảng.');
  return { orgId: root.id, name: root.name ?? '', year: await repo.latestPublishedYear(ctx.db, scope, root.current_path) };
}

/** The counts of a year per immediate child ('' for the root's own rows) and in all. */
function countsByChild(rows: { child: string; level: Level | null; n: number }[]) {
  const byChild = new Map<string, Counts>();
  const all: Counts = {};
  for (const r of rows) {
    if (!r.level) continue;
    const c = byChild.get(r.child) ?? {};
    c[r.level] = (c[r.level] ?? 0) + Number(r.n);
    byChild.set(r.child, c);
    all[r.level] = (all[r.level] ?? 0) + Number(r.n);
  }
  return { byChild, all };
}

/** The figures of each year of a span, with the ranges of the shares the reports quote. */
async function spanOf(ctx: EvaluationContext, scope: Scope, rootPath: string, fromYear: number, toYear: number): Promise<ResultsAnswer['span']> {
  const [my, oy] = await Promise.all([
    repo.yearlyDistribution(ctx.db, scope, rootPath, fromYear, toYear, 'member'),
    repo.yearlyDistribution(ctx.db, scope, rootPath, fromYear, toYear, 'grassroots'),
  ]);
  const yM = new Map<number, Counts>();
  const yO = new Map<number, Counts>();
  for (const r of my) if (r.level) yM.set(r.year, { ...yM.get(r.year), [r.level]: (yM.get(r.year)?.[r.level] ?? 0) + Number(r.n) });
  for (const r of oy) if (r.level) yO.set(r.year, { ...yO.get(r.year), [r.level]: (yO.get(r.year)?.[r.level] ?? 0) + Number(r.n) });
  const years: YearFigures[] = [];
  for (let y = fromYear; y <= toYear; y++) years.push({ year: y, members: distribution(yM.get(y) ?? {}), orgs: distribution(yO.get(y) ?? {}) });
  const withOrgs = years.filter((y) => y.orgs.total > 0).map((y) => y.orgs.levels[0]!.percent);
  const withMembers = years.filter((y) => y.members.total > 0).map((y) => y.members.goodOrBetter.percent);
  return {
    years,
    orgsExcellent: withOrgs.length ? { min: Math.min(...withOrgs), max: Math.max(...withOrgs) } : null,
    membersGoodOrBetter: withMembers.length ? { min: Math.min(...withMembers), max: Math.max(...withMembers) } : null,
  };
}

/** Published figures of a subtree for a year: members and grassroots organisations by level, per child, and over a span. */
export async function results(ctx: EvaluationContext, actor: Actor, q: ResultsQuery): Promise<ResultsAnswer> {
  const { scope } = readerOf(actor);
  const root = await rootInScope(ctx, scope, q.orgId);
  if (q.fromYear !== undefined && q.fromYear > q.year) throw invalid('fromYear', 'Năm bắt đầu phải trước hoặc bằng năm xem kết quả.');
  const [mRows, oRows] = await Promise.all([
    repo.distributionByChild(ctx.db, scope, root.current_path, q.year, 'member'),
    repo.distributionByChild(ctx.db, scope, root.current_path, q.year, 'grassroots'),
  ]);
  const m = countsByChild(mRows);
  const o = countsByChild(oRows);
  const childIds = [...new Set([...m.byChild.keys(), ...o.byChild.keys()])].filter((c) => c !== '');
  const names = await orgsRepo.latestOrgNames(ctx.db, childIds);
  const children = childIds
    .map((c) => ({ orgId: c, name: names.get(c) ?? '', members: distribution(m.byChild.get(c) ?? {}), orgs: distribution(o.byChild.get(c) ?? {}) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const span = q.fromYear !== undefined ? await spanOf(ctx, scope, root.current_path, q.fromYear, q.year) : null;
  return { orgId: root.id, name: root.name ?? '', year: q.year, members: distribution(m.all), orgs: distribution(o.all), children, span };
}

/** Drill-down: the members or grassroots organisations behind a figure (a level, over the subtree or one child). */
export async function resultRecords(
  ctx: EvaluationContext,
  actor: Actor,
  q: { orgId: string; year: number; subject: Subject; level: Level; childId?: string | undefined; page: number; pageSize: number },
) {
  const reader = readerOf(actor);
  const root = await rootInScope(ctx, reader.scope, q.orgId);
  let path = root.current_path;
  if (q.childId) {
    const child = await rootInScope(ctx, reader.scope, q.childId);
    if (!child.current_path.startsWith(root.current_path)) throw invalid('childId', 'Tổ chức này không trực thuộc tổ chức đang xem.');
    path = child.current_path;
  }
  const { total, rows } = await repo.resultRecords(ctx.db, reader.scope, path, q);
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    // The organisation beside a record is named only when the reader may open it (a grassroots root's superior is not).
    items: rows.map((r) => {
      const shown = reader.sees(r.org_path);
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
}

/**
 * Grassroots organisations with the same rating in each of the last `years` years up to `toYear`: commendation
 * candidates. `label` is a level of the current scale (default excellent: TSVM years count) or an original label
 * of the years rated with it ("TSVM tiêu biểu 3 năm liền", domain.md §8).
 */
export async function streaks(ctx: EvaluationContext, actor: Actor, q: { orgId: string; years: number; toYear: number; label?: string | undefined }) {
  const fromYear = q.toYear - q.years + 1;
  const found = streakCriterion('org', q.label ?? 'excellent', fromYear, q.toYear);
  if ('error' in found) throw invalid('label', found.error);
  const c = found.criterion;
  const { scope } = readerOf(actor);
  const root = await rootInScope(ctx, scope, q.orgId);
  const rows = await repo.streaks(ctx.db, scope, root.current_path, q.years, q.toYear, c.kind === 'level' ? { level: c.level } : { labels: c.labels });
  return {
    fromYear,
    toYear: q.toYear,
    years: q.years,
    label: c.kind === 'level' ? c.level : c.code,
    labelText: c.text,
    byLevel: c.kind === 'level',
    items: rows.map((r) => ({ orgId: r.org_id, name: r.name ?? '' })),
  };
}

export async function resultsXlsx(ctx: EvaluationContext, actor: Actor, q: ResultsQuery) {
  const r = await results(ctx, actor, q);
  return { buffer: await resultsWorkbook(r), fileName: `ket-qua-danh-gia-${q.year}.xlsx` };
}

/** The results report in Word: the year's figures, per subordinate organisation, over the years, streaks, consolidation. */
export async function resultsDocx(ctx: EvaluationContext, actor: Actor, q: ResultsQuery & { years: number; label?: string | undefined }) {
  const found = await streaks(ctx, actor, { orgId: q.orgId, years: q.years, toYear: q.year, label: q.label });
  const r = await results(ctx, actor, q);
  const consolidation = await listConsolidation(ctx, actor, { orgId: q.orgId });
  // The header names the reporting committee's superior (HD 36); the reader need not see it otherwise.
  const [root] = await currentPathsOf(ctx.db, [q.orgId]);
  const superiorId = root ? pathIds(root.current_path).at(-2) : undefined;
  const superiorName = superiorId ? ((await orgsRepo.latestOrgNames(ctx.db, [superiorId])).get(superiorId) ?? null) : null;
  return {
    buffer: await resultsReport(r, {
      streakYears: q.years,
      streakLabel: found.labelText,
      streakIsLevel: found.byLevel,
      streaks: found.items.map((s) => s.name),
      consolidation: consolidation.items,
      today: ctx.clock.today(),
      superiorName,
    }),
    fileName: `bao-cao-danh-gia-${q.year}.docx`,
  };
}
