/**
 * Term targets (issue 17 part 10): the targets page of the province's term (`GET /api/congress/terms/:id/targets`,
 * ≤ 300 ms on both engines) with three computed targets (grassroots organisations excellent, members good or better,
 * members admitted over the term), side by side with the hand-written statements giving the same figures (the
 * admissions per year, bench/reports.ts `admissionsReference`; the published results of each year,
 * bench/reference.ts `evaluationResultsReference`), checked equal first, then timed interleaved. Hooked into the
 * province's report run (`npm run bench -- --only reports`), after the evaluation years are seeded.
 */
import type { Kysely } from 'kysely';
import { percent } from '../src/domain/evaluation.ts';
import type { TermTargetsResponse } from '../src/contract/congress.targets.ts';
import type { DB } from '../src/server/db/schema.ts';
import { evaluationResultsReference } from './reference.ts';
import { admissionsReference } from './reports.ts';

export const TERM_TARGETS_TARGET_MS = 300;

type Compare = <A, R>(
  name: string,
  engine: 'pglite' | 'postgres',
  scale: 'province',
  runs: number,
  targetMs: number | null,
  app: (i: number) => Promise<A>,
  reference: (i: number) => Promise<R>,
  project: (answer: A) => R,
) => Promise<{ case: string }>;

/** The figures the page and the statements both give: admissions per year, the excellent and good-or-better shares per year. */
interface Projection {
  admitted: Record<string, number>;
  excellent: Record<string, number | null>;
}

export async function benchTermTargets<C extends { case: string }>(opts: {
  db: Kysely<DB>;
  get: (url: string) => Promise<unknown>;
  post: (url: string, body: unknown) => Promise<unknown>;
  engine: 'pglite' | 'postgres';
  runs: number;
  rootId: string;
  today: string;
  compare: Compare;
}): Promise<C[]> {
  const year = Number(opts.today.slice(0, 4));
  const fromYear = year - 1;
  const terms = (await opts.get(`/api/congress/terms?orgId=${opts.rootId}`)) as { items: { id: string; fromYear: number; toYear: number }[] };
  let termId = terms.items.find((t) => t.fromYear <= year && year <= t.toYear)?.id;
  if (!termId) {
    const made = (await opts.post('/api/congress/terms', { orgId: opts.rootId, fromYear, toYear: fromYear + 5, congressOn: `${fromYear}-10-16` })) as {
      term: { id: string };
    };
    termId = made.term.id;
  }
  const page = (await opts.get(`/api/congress/terms/${termId}/targets`)) as TermTargetsResponse;
  const term = page.term;
  if (page.targets.length === 0)
    for (const body of [
      { title: 'Tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ', metric: 'orgs_excellent_share', low: 95 },
      { title: 'Đảng viên hoàn thành tốt nhiệm vụ trở lên', metric: 'members_good_share', low: 90 },
      { title: 'Kết nạp đảng viên mới', metric: 'members_admitted', low: 16500, high: 17500 },
    ])
      await opts.post(`/api/congress/terms/${termId}/targets`, body);
  const years = Array.from({ length: Math.min(term.toYear, year) - term.fromYear + 1 }, (_, i) => term.fromYear + i);
  const project = (p: TermTargetsResponse): Projection => {
    const of = (metric: string) => p.targets.find((t) => t.metric === metric)!;
    return {
      admitted: Object.fromEntries(years.map((y) => [String(y), of('members_admitted').years.find((r) => r.year === y)?.actual ?? 0])),
      excellent: Object.fromEntries(years.map((y) => [String(y), of('orgs_excellent_share').years.find((r) => r.year === y)?.actual ?? null])),
    };
  };
  const reference = async (): Promise<Projection> => {
    const [admissions, results] = await Promise.all([
      admissionsReference(opts.db, opts.rootId, term.fromYear, opts.today),
      Promise.all(years.map((y) => evaluationResultsReference(opts.db, opts.rootId, y))),
    ]);
    return {
      admitted: Object.fromEntries(years.map((y) => [String(y), admissions[`year:${y}`] ?? 0])),
      excellent: Object.fromEntries(
        years.map((y, i) => {
          const o = results[i]!.orgs;
          const total = Object.values(o).reduce((a, n) => a + n, 0);
          return [String(y), total > 0 ? percent(o.excellent ?? 0, total) : null];
        }),
      ),
    };
  };
  const url = `/api/congress/terms/${termId}/targets`;
  return [
    (await opts.compare(
      'term-targets-page',
      opts.engine,
      'province',
      opts.runs,
      TERM_TARGETS_TARGET_MS,
      () => opts.get(url) as Promise<TermTargetsResponse>,
      reference,
      project,
    )) as C,
  ];
}
