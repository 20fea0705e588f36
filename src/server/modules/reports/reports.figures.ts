/**
 * The figures behind each standard table: one query per table (members', organisations' and evaluation's report
 * repositories and the evaluation module's published results), folded into a map child → measure → number that the
 * layouts read (reports.tables.ts). The child '' is the subtree's total (or, in a breakdown, the root's own roll).
 */
import { LEVELS } from '../../../domain/evaluation.ts';
import { latestStartForYears } from '../../../domain/party-age.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Scope } from '../../http/actor.ts';
import {
  admissionsBetween,
  changesBetween,
  compositionOn,
  rollTotalsOn,
  type Band,
  type ChangeRow,
  type PeriodSegment,
} from '../members/members.reports.repo.ts';
import { orgCountsOn } from '../orgs/orgs.reports.repo.ts';

/** child → measure → value. */
export type Figures = Map<string, Map<string, number>>;

export function add(f: Figures, child: string, measure: string, n: number) {
  let m = f.get(child);
  if (!m) f.set(child, (m = new Map()));
  m.set(measure, (m.get(measure) ?? 0) + n);
}

export function set(f: Figures, child: string, measure: string, n: number) {
  let m = f.get(child);
  if (!m) f.set(child, (m = new Map()));
  m.set(measure, n);
}

/** The total '' of a breakdown: the sum of every child's figure (the root's own roll included). */
export function withTotal(f: Figures, additive: (measure: string) => boolean = () => true): Figures {
  const total = new Map<string, number>();
  for (const m of f.values()) for (const [k, v] of m) if (additive(k)) total.set(k, (total.get(k) ?? 0) + v);
  const out: Figures = new Map([['', total]]);
  for (const [c, m] of f) if (c !== '') out.set(c, m);
  // the root's own figures stay apart under its key
  if (f.has('')) out.set('.', f.get('')!);
  return out;
}

/** Where a table reads: the root's path on the date (null: it did not exist then), the scope, the breakdown's segment. */
export interface Place {
  path: string | null;
  scope: Scope;
  childAt: number | null;
}

export async function orgFigures(db: Kysely<DB>, place: Place, asOf: string): Promise<Figures> {
  const f: Figures = new Map();
  if (place.path === null) return f;
  for (const r of await orgCountsOn(db, place.path, asOf, place.scope, place.childAt)) {
    const n = Number(r.n);
    add(f, r.child, 'all', n);
    add(f, r.child, `kind:${r.kind_code}`, n);
    if (r.is_grassroots) {
      add(f, r.child, 'grassroots', n);
      add(f, r.child, `sector:${r.sector_code ?? ''}`, n);
    }
  }
  return place.childAt === null ? f : withTotal(f);
}

const AGE_BANDS: [string, number | null][] = [
  ['ge61', 61],
  ['51_60', 51],
  ['41_50', 41],
  ['31_40', 31],
  ['le30', null],
];
const PARTY_AGE_BANDS: [string, number | null][] = [
  ['ge50', 50],
  ['40_49', 40],
  ['30_39', 30],
  ['20_29', 20],
  ['10_19', 10],
  ['lt10', null],
];
const bands = (asOf: string, spec: [string, number | null][]): Band[] =>
  spec.map(([key, years]) => ({ key, startOnOrBefore: years === null ? null : latestStartForYears(asOf, years) }));

/** Kinh and foreigners are not ethnic minorities; "không" is no religion. */
const KINH = '01';
const FOREIGN = '55';
const NO_RELIGION = 'khong';

export async function memberFigures(db: Kysely<DB>, place: Place, asOf: string): Promise<Figures> {
  const f: Figures = new Map();
  if (place.path === null) return f;
  const rows = await compositionOn(db, {
    path: place.path,
    asOf,
    scope: place.scope,
    childAt: place.childAt,
    ageBands: bands(asOf, AGE_BANDS),
    partyAgeBands: bands(asOf, PARTY_AGE_BANDS),
  });
  for (const r of rows) {
    const n = Number(r.n);
    if (r.dim === 'all') {
      add(f, r.child, 'all', n);
      add(f, r.child, 'age:sum', Number(r.age_sum));
      add(f, r.child, 'age:n', Number(r.age_n));
      continue;
    }
    add(f, r.child, `${r.dim}:${r.val}`, n);
    if (r.dim === 'ethnicity' && r.val !== '' && r.val !== KINH && r.val !== FOREIGN) add(f, r.child, 'ethnicity:minority', n);
    if (r.dim === 'religion' && r.val !== '' && r.val !== NO_RELIGION) add(f, r.child, 'religion:any', n);
  }
  const out = place.childAt === null ? f : withTotal(f);
  for (const m of out.values()) {
    const n = m.get('age:n') ?? 0;
    if (n > 0) m.set('age:avg', Math.round(((m.get('age:sum') ?? 0) / n) * 10) / 10);
  }
  return out;
}

/**
 * The rolls of several dates (the term annex's year ends): per date, child → all, gender:nu, ethnicity:minority, the
 * same measures as the composition's (memberFigures) for those rows.
 */
export async function rollFigures(
  db: Kysely<DB>,
  places: { asOf: string; path: string; childAt: number | null }[],
  scope: Scope,
): Promise<Map<string, Figures>> {
  const byDate = new Map<string, Figures>();
  for (const r of await rollTotalsOn(db, places, scope)) {
    let f = byDate.get(r.as_of);
    if (!f) byDate.set(r.as_of, (f = new Map()));
    add(f, r.child, 'all', Number(r.n));
    add(f, r.child, 'gender:nu', Number(r.women));
    add(f, r.child, 'ethnicity:minority', Number(r.minority));
  }
  for (const p of places) if (p.childAt !== null && byDate.has(p.asOf)) byDate.set(p.asOf, withTotal(byDate.get(p.asOf)!));
  return byDate;
}

/** The root's place in each stretch of [from, to] (its versions), clipped to the period. */
export function segmentsOf(
  versions: { path: string; valid_from: string; valid_to: string | null }[],
  from: string,
  to: string,
  dayBefore: (d: string) => string,
) {
  return versions.map((v): PeriodSegment => ({
    path: v.path,
    from: v.valid_from > from ? v.valid_from : from,
    to: v.valid_to !== null && dayBefore(v.valid_to) < to ? dayBefore(v.valid_to) : to,
  }));
}

/** The changes of a period by kind (`<kind>` and `<kind>@<year>`), per child when asked. */
export async function changeFigures(db: Kysely<DB>, segments: PeriodSegment[], scope: Scope, childAt: number | null): Promise<Figures> {
  return foldChanges(await changesBetween(db, segments, scope, childAt), childAt);
}

/** The admissions of a span alone (`admitted` and `admitted@<year>`), per child when asked: the admissions-span table. */
export async function admissionFigures(db: Kysely<DB>, segments: PeriodSegment[], scope: Scope, childAt: number | null): Promise<Figures> {
  return foldChanges(await admissionsBetween(db, segments, scope, childAt), childAt);
}

function foldChanges(rows: ChangeRow[], childAt: number | null): Figures {
  const f: Figures = new Map();
  for (const r of rows) {
    const n = Number(r.n);
    const child = r.child ?? '';
    add(f, child, r.kind, n);
    add(f, child, `${r.kind}@${r.year}`, n);
  }
  return childAt === null ? f : withTotal(f);
}

/** Members and grassroots organisations by level, from the evaluation module's distribution. */
export interface EvaluationDistribution {
  total: number;
  levels: { level: string; count: number; percent: number }[];
}

export function evaluationMeasures(f: Figures, child: string, subject: 'org' | 'member', d: EvaluationDistribution, suffix = '') {
  set(f, child, `${subject}:total${suffix}`, d.total);
  for (const l of LEVELS) set(f, child, `${subject}:${l}${suffix}`, d.levels.find((x) => x.level === l)?.count ?? 0);
}
