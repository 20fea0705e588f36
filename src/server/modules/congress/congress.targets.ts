/**
 * Term targets (issue 17 part 6; domain.md §1 "phấn đấu 70–75% TCCSĐ TSVM … kết nạp thêm 16.500 – 17.500 đảng viên",
 * "chỉ tiêu 95% … có khả năng không đạt"): the targets of a congress resolution attached to a term, each tracked by a
 * metric read from the reports module's standard tables (never a stored copy of the records' figures) or by yearly
 * actuals typed in; per year of the term the actual figure, the cumulative figure against the target, the pace needed,
 * and the verdict with its reason (src/domain/term-targets.ts). Readings in docs/modules/congress.md.
 *
 * Access: the targets are read by whoever reads the term's organisation (404 otherwise); recorded and their actuals
 * typed in by whoever edits it (`editOrgs` over its current path: its own office or a level above; 403 otherwise).
 */
import { v7 as uuidv7 } from 'uuid';
import {
  assessTarget,
  formatTarget,
  MANUAL_METRIC_LABEL,
  METRIC_CATALOGUE,
  TARGET_METRICS,
  TARGET_STATUS_LABELS,
  type TargetMetric,
  type TargetUnit,
} from '../../../domain/term-targets.ts';
import { percent } from '../../../domain/evaluation.ts';
import type { CreateTargetBody, SetActualsBody, TermTarget, TermTargetsResponse } from '../../../contract/congress.targets.ts';
import type { DrillDown, ReportTable, ReportTableKey } from '../../../contract/reports.ts';
import { pathInScope, scopeFor, type Actor } from '../../http/actor.ts';
import { forbidden, invalid, notFound } from '../../http/errors.ts';
import { writeAudit } from '../audit/audit.service.ts';
import type { ComputeReportTable } from '../reports/reports.ports.ts';
import { actorOf, loadTerm, termLabel, type CongressDeps } from './congress.context.ts';
import { actualsOf, deleteActuals, findTarget, insertTarget, nextTargetSeq, targetsOf, upsertActuals } from './congress.targets.repo.ts';

export interface TermTargetsDeps extends CongressDeps {
  /** The reports module's tables: the figures every computed metric reads. */
  computeReportTable: ComputeReportTable;
}

type TermRow = Awaited<ReturnType<typeof loadTerm>>;
type TargetRow = Awaited<ReturnType<typeof targetsOf>>[number];

interface YearReading {
  actual: number | null;
  link: DrillDown | null;
  report: { table: ReportTableKey; query: Record<string, string> } | null;
}

const FORBIDDEN = 'Chỉ cán bộ của tổ chức (hoặc cấp trên) mới được ghi chỉ tiêu nhiệm kỳ và số liệu thực hiện.';

/** The actor records the term's targets: editOrgs over its organisation (itself or a level above). */
export const canKeepTargets = (actor: Actor, orgPath: string | null | undefined): boolean => pathInScope(orgPath, scopeFor(actor, 'editOrgs'));

const rowOf = (t: ReportTable, key: string) => t.rows.find((r) => r.key === key);

/** The years of the term up to this year. */
function readYears(term: TermRow, currentYear: number): number[] {
  const last = Math.min(term.to_year, currentYear);
  return term.from_year > last ? [] : Array.from({ length: last - term.from_year + 1 }, (_, i) => term.from_year + i);
}

/** A computed metric's figure for each year, read from the reports module's table, with the list and the table behind it. */
async function readMetric(
  deps: TermTargetsDeps,
  actor: Actor,
  metric: Exclude<TargetMetric, 'manual'>,
  orgId: string,
  years: number[],
): Promise<Map<number, YearReading>> {
  const out = new Map<number, YearReading>();
  if (years.length === 0) return out;
  const fromYear = years[0]!;
  const toYear = years.at(-1)!;
  const spanQuery = { orgId, fromYear: String(fromYear), toYear: String(toYear) };
  if (metric === 'orgs_excellent_share' || metric === 'members_admitted') {
    const table = metric === 'orgs_excellent_share' ? 'excellent-share' : 'admissions-span';
    const { table: t } = await deps.computeReportTable(actor, table, { orgId, fromYear, toYear });
    for (const y of years) {
      const r = rowOf(t, `year:${y}`);
      const report = { table, query: spanQuery } as const;
      if (!r) out.set(y, { actual: null, link: null, report });
      else if (metric === 'members_admitted') out.set(y, { actual: r.cells[0]!.value, link: r.cells[0]!.link, report });
      else {
        // columns: rated, excellent, share; a year without published ratings has no figure
        const rated = r.cells[0]!.value ?? 0;
        out.set(y, { actual: rated > 0 ? r.cells[2]!.value : null, link: rated > 0 ? r.cells[1]!.link : null, report });
      }
    }
    return out;
  }
  // members rated good or better: the evaluation table of each year
  const tables = await Promise.all(years.map((y) => deps.computeReportTable(actor, 'evaluation', { orgId, toYear: y })));
  years.forEach((y, i) => {
    const t = tables[i]!.table;
    const v = (k: string) => rowOf(t, k)?.cells[0]?.value ?? 0;
    const total = v('member:total');
    out.set(y, {
      actual: total > 0 ? percent(v('member:excellent') + v('member:good'), total) : null,
      link: null,
      report: { table: 'evaluation', query: { orgId, toYear: String(y) } },
    });
  });
  return out;
}

function targetView(t: TargetRow, readings: Map<number, YearReading>, term: TermRow, currentYear: number): TermTarget {
  const unit = t.unit as TargetUnit;
  const years = Array.from({ length: term.to_year - term.from_year + 1 }, (_, i) => term.from_year + i);
  const spec = { kind: t.kind, low: Number(t.low), high: t.high === null ? null : Number(t.high) };
  const a = assessTarget(
    spec,
    unit,
    years.map((year) => ({ year, actual: readings.get(year)?.actual ?? null })),
    currentYear,
  );
  return {
    id: t.id,
    seq: t.seq,
    title: t.title,
    metric: t.metric,
    metricLabel: t.metric === 'manual' ? MANUAL_METRIC_LABEL : METRIC_CATALOGUE[t.metric].label,
    kind: t.kind,
    unit,
    low: spec.low,
    high: spec.high,
    targetText: formatTarget(spec, unit),
    note: t.note,
    status: a.status,
    statusLabel: TARGET_STATUS_LABELS[a.status],
    atRisk: a.atRisk,
    reason: a.reason,
    current: a.current,
    pace: a.pace,
    projection: a.projection,
    neededPerYear: a.neededPerYear,
    years: a.rows.map((r) => ({
      ...r,
      link: r.actual === null ? null : (readings.get(r.year)?.link ?? null),
      report: r.actual === null ? null : (readings.get(r.year)?.report ?? null),
    })),
  };
}

const METRICS = TARGET_METRICS.map((key) =>
  key === 'manual'
    ? { key, label: MANUAL_METRIC_LABEL, kind: null, unit: null }
    : { key, label: METRIC_CATALOGUE[key].label, kind: METRIC_CATALOGUE[key].kind, unit: METRIC_CATALOGUE[key].unit },
);

/** The targets page of a term: every target with its year-by-year table and verdict. */
export async function termTargets(deps: TermTargetsDeps, actor: Actor, termId: string): Promise<TermTargetsResponse> {
  const term = await loadTerm(deps, actor, termId);
  const today = deps.clock.today();
  const currentYear = Number(today.slice(0, 4));
  const targets = await targetsOf(deps.db, term.id);
  const years = readYears(term, currentYear);
  const metrics = [...new Set(targets.map((t) => t.metric))].filter((m): m is Exclude<TargetMetric, 'manual'> => m !== 'manual');
  const manual = targets.filter((t) => t.metric === 'manual').map((t) => t.id);
  const [read, actuals] = await Promise.all([
    Promise.all(metrics.map(async (m) => [m, await readMetric(deps, actor, m, term.org_id, years)] as const)),
    actualsOf(deps.db, manual),
  ]);
  const byMetric = new Map(read);
  const typed = new Map<string, Map<number, YearReading>>();
  for (const r of actuals) {
    let m = typed.get(r.target_id);
    if (!m) typed.set(r.target_id, (m = new Map()));
    m.set(r.year, { actual: Number(r.value), link: null, report: null });
  }
  return {
    term: {
      id: term.id,
      orgId: term.org_id,
      orgName: term.org_name ?? '',
      fromYear: term.from_year,
      toYear: term.to_year,
      label: termLabel(term),
      congressOn: term.congress_on,
    },
    asOf: today,
    canEdit: canKeepTargets(actor, term.org_path),
    metrics: METRICS,
    targets: targets.map((t) => targetView(t, (t.metric === 'manual' ? typed.get(t.id) : byMetric.get(t.metric)) ?? new Map(), term, currentYear)),
  };
}

/** Records a target of the term's resolution (one transaction with its audit entry). */
export async function addTarget(deps: TermTargetsDeps, actor: Actor, termId: string, b: CreateTargetBody): Promise<void> {
  const term = await loadTerm(deps, actor, termId);
  if (!canKeepTargets(actor, term.org_path)) throw forbidden(FORBIDDEN);
  const fixed = b.metric === 'manual' ? null : METRIC_CATALOGUE[b.metric];
  const kind = fixed?.kind ?? b.kind!;
  const unit = fixed?.unit ?? b.unit!;
  const high = b.high ?? null;
  if (unit === 'percent' && (b.low > 100 || (high ?? 0) > 100)) throw invalid(high !== null && high > 100 ? 'high' : 'low', 'Chỉ tiêu tỷ lệ không quá 100%.');
  if (unit === 'count' && (!Number.isInteger(b.low) || (high !== null && !Number.isInteger(high))))
    throw invalid('low', 'Chỉ tiêu về số lượng phải là số nguyên.');
  const now = deps.clock.now();
  const id = uuidv7();
  await deps.db.transaction().execute(async (tx) => {
    const seq = await nextTargetSeq(tx, term.id);
    await insertTarget(tx, {
      id,
      term_id: term.id,
      seq,
      title: b.title,
      metric: b.metric,
      kind,
      unit,
      low: b.low,
      high,
      note: b.note ?? null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    const after = { termId: term.id, title: b.title, metric: b.metric, target: formatTarget({ low: b.low, high }, unit) };
    await writeAudit(tx, actorOf(actor), now, [
      { action: 'congress.target_add', entityType: 'term_target', entityId: id, scopeOrgId: term.org_id, before: null, after },
    ]);
  });
}

/** Types in (or removes) the yearly actuals of a hand-entered target: years of the term up to this one. */
export async function setActuals(deps: TermTargetsDeps, actor: Actor, targetId: string, b: SetActualsBody): Promise<string> {
  const target = await findTarget(deps.db, targetId);
  if (!target) throw notFound('Không tìm thấy chỉ tiêu (hoặc ngoài phạm vi quản lý).');
  const term = await loadTerm(deps, actor, target.term_id).catch(() => {
    throw notFound('Không tìm thấy chỉ tiêu (hoặc ngoài phạm vi quản lý).');
  });
  if (!canKeepTargets(actor, term.org_path)) throw forbidden(FORBIDDEN);
  if (target.metric !== 'manual') throw invalid('actuals', 'Chỉ tiêu này tính từ dữ liệu của hệ thống, không nhập số liệu tay.');
  const currentYear = Number(deps.clock.today().slice(0, 4));
  const seen = new Set<number>();
  for (const [i, a] of b.actuals.entries()) {
    if (a.year < term.from_year || a.year > term.to_year) throw invalid(`actuals.${i}.year`, `Năm ${a.year} không thuộc nhiệm kỳ ${termLabel(term)}.`);
    if (a.year > currentYear) throw invalid(`actuals.${i}.year`, `Năm ${a.year} chưa đến: chưa có số liệu thực hiện.`);
    if (seen.has(a.year)) throw invalid(`actuals.${i}.year`, `Năm ${a.year} được nhập hai lần.`);
    seen.add(a.year);
    if (target.unit === 'percent' && a.value !== null && a.value > 100) throw invalid(`actuals.${i}.value`, 'Tỷ lệ không quá 100%.');
    if (target.unit === 'count' && a.value !== null && !Number.isInteger(a.value)) throw invalid(`actuals.${i}.value`, 'Số lượng phải là số nguyên.');
  }
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (tx) => {
    const set = b.actuals.filter((a) => a.value !== null);
    await upsertActuals(
      tx,
      set.map((a) => ({ target_id: target.id, year: a.year, value: a.value!, entered_by: actor.userId, entered_at: now })),
    );
    await deleteActuals(
      tx,
      target.id,
      b.actuals.filter((a) => a.value === null).map((a) => a.year),
    );
    const after = { actuals: b.actuals.map((a) => `${a.year}: ${a.value ?? '—'}`) };
    await writeAudit(tx, actorOf(actor), now, [
      { action: 'congress.target_actuals', entityType: 'term_target', entityId: target.id, scopeOrgId: term.org_id, before: null, after },
    ]);
  });
  return term.id;
}

export function createTermTargetsService(deps: TermTargetsDeps) {
  const page = (actor: Actor, termId: string) => termTargets(deps, actor, termId);
  return {
    page,
    async add(actor: Actor, termId: string, b: CreateTargetBody) {
      await addTarget(deps, actor, termId, b);
      return page(actor, termId);
    },
    async setActuals(actor: Actor, targetId: string, b: SetActualsBody) {
      return page(actor, await setActuals(deps, actor, targetId, b));
    },
  };
}

export type TermTargetsService = ReturnType<typeof createTermTargetsService>;
