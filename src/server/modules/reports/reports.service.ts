/**
 * The standard tables of a subtree (issue 14 parts 2, 3, 7): which organisation, which date, period or span of years,
 * the same a year earlier, the breakdown by the organisations directly below; each table computed by one query
 * (reports.figures.ts) and read through its layout (reports.layouts.ts, reports.tables.ts). Implements the module's
 * ports (ComputeReport, ComputeReportTable) that submissions, exports and the dashboard call.
 *
 * Readings where the issue is silent are in docs/modules/reports.md.
 */
import type { Kysely } from 'kysely';
import { CATALOGUES } from '../../../domain/catalogues.ts';
import { addDays } from '../../../domain/dates.ts';
import { previousYearPeriod, yearEarlier } from '../../../domain/report-periods.ts';
import type { ReportOrgListParsed, ReportQueryInput, ReportScope, ReportTableKey } from '../../../contract/reports.ts';
import { REPORT_TABLE_KEYS } from '../../../contract/reports.ts';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import { invalid, notFound } from '../../http/errors.ts';
import type { ResultsAnswer } from '../evaluation/evaluation.figures.ts';
import { rollCountOn } from '../members/members.reports.repo.ts';
import { childrenOn, kindsAndSectors, orgListOn, reportRootOn, rootVersionsBetween } from '../orgs/orgs.reports.repo.ts';
import {
  add,
  admissionFigures,
  changeFigures,
  evaluationMeasures,
  memberFigures,
  orgFigures,
  rollFigures,
  segmentsOf,
  set,
  withTotal,
  type Figures,
  type Place,
} from './reports.figures.ts';
import { LAYOUTS } from './reports.layouts.ts';
import { inspectionFigures } from './reports.inspection.ts';
import { meetingsComplianceFigures } from './reports.meetings.ts';
import { directivesTasksFigures } from './reports.directives.ts';
import { canReadReportOf, reportScopeOf } from './reports.policy.ts';
import type { ComputeReport, ComputeReportTable } from './reports.ports.ts';
import { renderTable, type Times } from './reports.tables.ts';

export interface ReportsDeps {
  db: Kysely<DB>;
  clock: Clock;
  /** The evaluation module's published results (the tables of ratings reuse its figures). */
  evaluation: { results(actor: Actor, q: { orgId: string; year: number; fromYear?: number | undefined }): Promise<ResultsAnswer> };
}

/** The Party was founded in 1930: no report reads an earlier date. */
const EARLIEST = '1930-01-01';
const MAX_SPAN_YEARS = 20;

interface Resolved {
  asOf: string;
  from: string;
  to: string;
  fromYear: number;
  toYear: number;
  compare: boolean;
  breakdown: boolean;
}

/** The dates and years of a query, checked: nothing before 1930 nor after the end of the current year. */
function resolveQuery(q: ReportQueryInput, today: string): Resolved {
  const last = `${today.slice(0, 4)}-12-31`;
  for (const field of ['asOf', 'from', 'to'] as const) {
    const v = q[field];
    if (v !== undefined && (v < EARLIEST || v > last))
      throw invalid(field, `Ngày báo cáo phải từ 01/01/1930 đến hết năm nay (${last.slice(8, 10)}/${last.slice(5, 7)}/${last.slice(0, 4)}).`);
  }
  const currentYear = Number(today.slice(0, 4));
  for (const field of ['fromYear', 'toYear'] as const) {
    const v = q[field];
    if (v !== undefined && (v < 1930 || v > currentYear)) throw invalid(field, `Năm báo cáo phải từ 1930 đến ${currentYear}.`);
  }
  const asOf = q.asOf ?? q.to ?? (today > last ? last : today);
  const from = q.from ?? `${asOf.slice(0, 4)}-01-01`;
  const to = q.to ?? asOf;
  const toYear = q.toYear ?? Number(to.slice(0, 4));
  const fromYear = q.fromYear ?? Math.max(1930, toYear - 4);
  if (fromYear > toYear) throw invalid('fromYear', 'Năm bắt đầu phải trước năm kết thúc.');
  if (toYear - fromYear + 1 > MAX_SPAN_YEARS) throw invalid('fromYear', `Khoảng năm tối đa ${MAX_SPAN_YEARS} năm.`);
  return { asOf, from, to, fromYear, toYear, compare: q.compare === true, breakdown: q.breakdown === 'children' };
}

const timesOf = (asOf: string, from: string, to: string, year: number): Times => ({ asOf, from, to, opening: addDays(from, -1), year });

// eslint-disable-next-line max-lines-per-function -- the service factory: each method and helper below is short
export function createReportsService(deps: ReportsDeps) {
  const { db, clock } = deps;

  /** The report's organisation, in the caller's scope, else 404. */
  async function rootOf(actor: Actor, orgId: string) {
    const root = await reportRootOn(db, orgId, clock.today());
    if (!root || !canReadReportOf(actor, root.current_path)) throw notFound('Không tìm thấy tổ chức đảng.');
    return root;
  }

  /** Where the root stands on a date, and the segment of its children's ids in the paths. */
  async function placeOn(actor: Actor, orgId: string, date: string, breakdown: boolean): Promise<Place & { depth: number | null }> {
    const r = await reportRootOn(db, orgId, date);
    const depth = r?.depth ?? null;
    return { path: r?.path ?? null, depth, scope: reportScopeOf(actor), childAt: breakdown && depth !== null ? depth + 3 : null };
  }

  /** The figures of a table for one time (its own or a year earlier). */
  async function figuresOf(actor: Actor, key: ReportTableKey, orgId: string, t: Times, s: Resolved): Promise<Figures> {
    switch (key) {
      case 'orgs-by-kind':
      case 'orgs-by-sector':
        return orgFigures(db, await placeOn(actor, orgId, t.asOf, s.breakdown), t.asOf);
      case 'members-composition':
        return memberFigures(db, await placeOn(actor, orgId, t.asOf, s.breakdown), t.asOf);
      case 'member-changes':
        return changesTable(actor, orgId, t, s.breakdown);
      case 'evaluation':
        return evaluationTable(actor, orgId, t.year, s.breakdown);
      case 'excellent-share':
        return excellentShare(actor, orgId, s);
      case 'admissions-span':
        return admissionsSpan(actor, orgId, s);
      case 'term-annex':
        return termAnnex(actor, orgId, s);
      case 'inspection-work':
        return inspectionFigures(db, (await rootOf(actor, orgId)).current_path, reportScopeOf(actor), t.from, t.to, s.breakdown);
      case 'meetings-compliance':
        return meetingsComplianceFigures(deps, actor, orgId, (await rootOf(actor, orgId)).current_path, t.from, t.to, s.breakdown);
      case 'directives-tasks':
        return directivesTasksFigures(db, (await rootOf(actor, orgId)).current_path, reportScopeOf(actor), t.from, t.to, clock.today(), s.breakdown);
    }
  }

  /**
   * What one request reads more than once is read once (issue 14 part 10): the figures shared by several tables of a
   * report (the evaluation results of the span, the catalogues, the spans' segments) are kept per resolved query, i.e.
   * for the duration of one request.
   */
  const memos = new WeakMap<Resolved, Map<string, Promise<unknown>>>();
  function once<T>(s: Resolved, key: string, compute: () => Promise<T>): Promise<T> {
    let memo = memos.get(s);
    if (!memo) memos.set(s, (memo = new Map()));
    let p = memo.get(key) as Promise<T> | undefined;
    if (!p) memo.set(key, (p = compute()));
    return p;
  }
  const spanResults = (actor: Actor, orgId: string, s: Resolved) =>
    once(s, `results:${orgId}`, () => deps.evaluation.results(actor, { orgId, year: s.toYear, fromYear: s.fromYear }));

  async function segments(orgId: string, from: string, to: string) {
    return segmentsOf(await rootVersionsBetween(db, orgId, from, to), from, to, (d) => addDays(d, -1));
  }

  async function changesTable(actor: Actor, orgId: string, t: Times, breakdown: boolean): Promise<Figures> {
    const [open, close] = await Promise.all([placeOn(actor, orgId, t.opening, breakdown), placeOn(actor, orgId, t.to, breakdown)]);
    const childAt = close.childAt;
    const [f, opening, closing] = await Promise.all([
      changeFigures(db, await segments(orgId, t.from, t.to), close.scope, childAt),
      open.path ? rollCountOn(db, open.path, t.opening, open.scope, childAt) : [],
      close.path ? rollCountOn(db, close.path, t.to, close.scope, childAt) : [],
    ]);
    const g: Figures = new Map();
    for (const r of opening) add(g, r.child, 'opening', Number(r.n));
    for (const r of closing) add(g, r.child, 'closing', Number(r.n));
    const rolls = childAt === null ? g : withTotal(g);
    for (const [c, m] of rolls) for (const [k, v] of m) set(f, c, k, v);
    return f;
  }

  async function evaluationTable(actor: Actor, orgId: string, year: number, breakdown: boolean): Promise<Figures> {
    const r = await deps.evaluation.results(actor, { orgId, year });
    const f: Figures = new Map();
    evaluationMeasures(f, '', 'org', r.orgs);
    evaluationMeasures(f, '', 'member', r.members);
    if (breakdown)
      for (const c of r.children) {
        evaluationMeasures(f, c.orgId, 'org', c.orgs);
        evaluationMeasures(f, c.orgId, 'member', c.members);
      }
    return f;
  }

  async function excellentShare(actor: Actor, orgId: string, s: Resolved): Promise<Figures> {
    const r = await spanResults(actor, orgId, s);
    const f: Figures = new Map();
    for (const y of r.span?.years ?? []) {
      set(f, '', `year:${y.year}:rated`, y.orgs.total);
      set(f, '', `year:${y.year}:excellent`, y.orgs.levels[0]!.count);
      if (y.orgs.total > 0) set(f, '', `year:${y.year}:share`, y.orgs.levels[0]!.percent);
    }
    if (r.span?.orgsExcellent) {
      set(f, '', 'min:share', r.span.orgsExcellent.min);
      set(f, '', 'max:share', r.span.orgsExcellent.max);
    }
    return f;
  }

  /** The span of years as dates: 1 January of the first to the report's date when it falls in the last year, else 31 December. */
  function spanDates(s: Resolved) {
    const end = `${s.toYear}-12-31`;
    return { from: `${s.fromYear}-01-01`, to: s.to < end && s.to.startsWith(String(s.toYear)) ? s.to : end };
  }

  async function admissionsSpan(actor: Actor, orgId: string, s: Resolved): Promise<Figures> {
    const span = spanDates(s);
    const place = await placeOn(actor, orgId, span.to, s.breakdown);
    const f = await admissionFigures(db, await segments(orgId, span.from, span.to), place.scope, place.childAt);
    const days = (Date.parse(span.to) - Date.parse(span.from)) / 86_400_000 + 1;
    for (const m of f.values()) {
      for (let y = s.fromYear; y <= s.toYear; y++) m.set(`year:${y}`, m.get(`admitted@${y}`) ?? 0);
      m.set('total', m.get('admitted') ?? 0);
      m.set('average', Math.round(((m.get('admitted') ?? 0) / (days / 365.2425)) * 10) / 10);
    }
    if (!f.has('')) f.set('', new Map([['total', 0]]));
    return f;
  }

  /** The term annex: the rolls of the years' ends (one statement), the grassroots organisations, the span's changes, the excellent organisations. */
  async function termAnnex(actor: Actor, orgId: string, s: Resolved): Promise<Figures> {
    const span = spanDates(s);
    const today = clock.today();
    const f: Figures = new Map();
    const years = Array.from({ length: s.toYear - s.fromYear + 1 }, (_, i) => s.fromYear + i);
    const ends = years.map((y) => ({ y, end: `${y}-12-31` < today ? `${y}-12-31` : today }));
    const places = await Promise.all(ends.map(async (e) => ({ ...e, place: await placeOn(actor, orgId, e.end, s.breakdown) })));
    const last = await placeOn(actor, orgId, span.to, s.breakdown);
    const childAt = last.childAt;
    const onRolls = places.filter((p) => p.place.path !== null).map((p) => ({ asOf: p.end, path: p.place.path!, childAt: p.place.childAt }));
    const [rolls, orgs, changes, ev] = await Promise.all([
      rollFigures(db, onRolls, last.scope),
      Promise.all(places.map(async (p) => ({ y: p.y, f: await orgFigures(db, p.place, p.end) }))),
      changeFigures(db, await segments(orgId, span.from, span.to), last.scope, childAt),
      spanResults(actor, orgId, s),
    ]);
    for (const { y, end } of ends) for (const [c, mm] of rolls.get(end) ?? []) for (const [k, v] of mm) set(f, c, `${k}@${y}`, v);
    for (const { y, f: o } of orgs) for (const [c, mm] of o) set(f, c, `grassroots@${y}`, mm.get('grassroots') ?? 0);
    for (const [c, mm] of changes) for (const [k, v] of mm) if (k.includes('@')) set(f, c, k, v);
    for (const y of ev.span?.years ?? []) set(f, '', `org:excellent@${y.year}`, y.orgs.levels[0]!.count);
    return f;
  }

  async function catalogues(s: Resolved) {
    const { kinds, sectors } = await once(s, 'kinds', () => kindsAndSectors(db));
    const span = spanDates(s);
    const years = Array.from({ length: s.toYear - s.fromYear + 1 }, (_, i) => {
      const y = s.fromYear + i;
      const partial = y === s.toYear && span.to !== `${y}-12-31`;
      return { code: String(y), name: partial ? `${y} (đến ${span.to.slice(8, 10)}/${span.to.slice(5, 7)})` : String(y) };
    });
    return { ...CATALOGUES, org_kind: kinds, sector_type: sectors, years };
  }

  function scopeOf(root: { id: string; name: string | null }, s: Resolved, q: ReportQueryInput): ReportScope {
    const prev = s.compare ? previousYearPeriod({ from: s.from, to: s.to }) : null;
    return {
      org: { id: root.id, name: root.name ?? '' },
      asOf: s.asOf,
      from: q.from ?? null,
      to: q.to ?? null,
      fromYear: s.fromYear,
      toYear: s.toYear,
      previous: prev ? { asOf: yearEarlier(s.asOf), from: q.from ? prev.from : null, to: q.to ? prev.to : null } : null,
      breakdown: s.breakdown ? 'children' : null,
    };
  }

  async function table(actor: Actor, key: ReportTableKey, root: { id: string; name: string | null }, s: Resolved) {
    const layout = LAYOUTS[key];
    const year = Number(s.to.slice(0, 4));
    // the span tables read the span of years: their links' periods are clipped to it
    const span = layout.basis === 'years' ? spanDates(s) : { from: s.from, to: s.to };
    const times = timesOf(s.asOf, span.from, span.to, q2year(key, s, year));
    const compare = s.compare && layout.basis !== 'years';
    const prevPeriod = previousYearPeriod({ from: s.from, to: s.to });
    const prevTimes = timesOf(yearEarlier(s.asOf), prevPeriod.from, prevPeriod.to, times.year - 1);
    const [figures, previous, cats] = await Promise.all([
      figuresOf(actor, key, root.id, times, s),
      compare ? figuresOf(actor, key, root.id, prevTimes, s) : null,
      catalogues(s),
    ]);
    let children: { id: string; name: string }[] | null = null;
    if (s.breakdown) {
      const on = layout.basis === 'period' ? s.to : s.asOf;
      const place = await reportRootOn(db, root.id, on);
      children = place?.path ? (await childrenOn(db, place.path, place.depth!, on, reportScopeOf(actor))).map((c) => ({ id: c.org_id, name: c.name })) : [];
    }
    const rendered = renderTable({
      layout,
      catalogues: cats,
      rootId: root.id,
      rootName: root.name ?? '',
      figures,
      times,
      previous: previous ? { figures: previous, times: prevTimes } : null,
      children,
    });
    return rendered;
  }

  /** The evaluation table reads one year: `toYear` when given, else the year of the report's date. */
  function q2year(key: ReportTableKey, s: Resolved, year: number) {
    return key === 'evaluation' ? s.toYear : year;
  }

  const computeReportTable: ComputeReportTable = async (actor, key, q) => {
    const root = await rootOf(actor, q.orgId);
    const s = resolveQuery(q, clock.today());
    return { scope: scopeOf(root, s, q), table: await table(actor, key, root, s) };
  };

  const computeReport: ComputeReport = async (actor, q, tables) => {
    const root = await rootOf(actor, q.orgId);
    const s = resolveQuery(q, clock.today());
    // the tables are independent: on PostgreSQL they run side by side on the pool (a submission's live differences, the exports)
    const out = await Promise.all((tables ?? REPORT_TABLE_KEYS).map((key) => table(actor, key, root, s)));
    return { scope: scopeOf(root, s, q), tables: out };
  };

  /**
   * The members on the rolls of several dates in the subtree of an organisation in the caller's scope (else 404): the
   * dashboard's five-year trend. A count of the roll alone (no member's file read), the dates side by side.
   */
  async function memberTotalsOn(actor: Actor, orgId: string, dates: string[]): Promise<number[]> {
    await rootOf(actor, orgId);
    return Promise.all(
      dates.map(async (asOf) => {
        const place = await placeOn(actor, orgId, asOf, false);
        if (place.path === null) return 0;
        return (await rollCountOn(db, place.path, asOf, place.scope, null)).reduce((n, r) => n + Number(r.n), 0);
      }),
    );
  }

  return {
    computeReport,
    computeReportTable,
    memberTotalsOn,

    catalogue() {
      return { tables: REPORT_TABLE_KEYS.map((key) => ({ key, title: LAYOUTS[key].title, basis: LAYOUTS[key].basis })) };
    },

    /** The organisation list behind a count (same conditions as the counts). */
    async orgList(actor: Actor, q: ReportOrgListParsed) {
      await rootOf(actor, q.orgId);
      const s = resolveQuery({ orgId: q.orgId, asOf: q.asOf }, clock.today());
      const place = await reportRootOn(db, q.orgId, s.asOf);
      if (!place?.path) return { total: 0, items: [] };
      const { total, rows } = await orgListOn(db, place.path, s.asOf, reportScopeOf(actor), q, q.page, q.pageSize);
      return {
        total,
        items: rows.map((r) => ({
          id: r.org_id,
          name: r.name,
          kindCode: r.kind_code,
          kindName: r.kind_name,
          sectorCode: r.sector_code,
          sectorName: r.sector_name,
        })),
      };
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
