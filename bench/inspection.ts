/**
 * `npm run bench:inspection` (issue 15 part 11): the progress and the coverage of a province's inspection work for a
 * year, through the inspection service (the route's work minus HTTP), side by side with a hand-written statement giving
 * the same figures. The province: the demo generator's (10 districts × 100 grassroots organisations, 3–8 cells per
 * đảng bộ cơ sở: ~1,000 grassroots organisations and ~4,000 cells), with 20,000 plan items in the year (85% concluded,
 * 2% cancelled) carried out by ~80% of its committees and cells, plus 1,000 arising ones. Targets: ≤ 200 ms on
 * PostgreSQL, ≤ 400 ms on PGlite (median).
 *
 *   --engine pglite|postgres|both   (default both)
 *   --runs N                        timed samples per case after 3 warm-up calls (default 15)
 *   --explain                       print the plans (EXPLAIN ANALYZE) of the app's statements, for the province and
 *                                   for one đảng bộ cơ sở
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  CompiledQuery,
  sql,
  type Kysely,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryId,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import type { Engine } from '../src/server/db/connect.ts';
import type { DB } from '../src/server/db/schema.ts';
import { insertJsonRows } from '../src/server/db/json-insert.ts';
import { insertOrgRows } from '../src/server/demo/bulk-insert.ts';
import { generateProvince } from '../src/server/demo/province.ts';
import { createRng } from '../src/server/demo/random.ts';
import type { Actor } from '../src/server/http/actor.ts';
import { COVERAGE_KINDS, createInspectionService } from '../src/server/modules/inspection/inspection.service.ts';
import { pgliteEngine, postgresEngine, serverVersion, type EngineHandle } from './engines.ts';

const YEAR = 2026;
const ITEMS = 20_000;
const ARISING = 1_000;
const TARGET_MS: Record<Engine, number> = { postgres: 200, pglite: 400 };

const { values } = parseArgs({
  options: { engine: { type: 'string', default: 'both' }, runs: { type: 'string', default: '15' }, explain: { type: 'boolean', default: false } },
});
const runs = Number(values.runs);

const admin: Actor = {
  userId: '00000000-0000-7000-8000-000000000000',
  username: 'bench',
  fullName: 'Bench',
  mustChangePassword: false,
  roles: [{ id: 'x', role: 'system_admin', orgId: null, orgName: null, orgPath: null }],
};

const pad = (n: number) => String(n).padStart(2, '0');
const uuid = (i: number, tag: number) => `0190${pad(tag)}00-0000-7000-8000-${String(i).padStart(12, '0')}`;

function dataset() {
  const p = generateProvince({ seed: 7, districts: 10, grassrootsPerDistrict: 100, cellsPerPartyCommittee: [3, 8], membersPerCell: [4, 35] });
  const rng = createRng(15);
  const carriers = p.orgs.filter((o) => COVERAGE_KINDS.dang_uy.includes(o.version.kind_code) || COVERAGE_KINDS.chi_bo.includes(o.version.kind_code));
  const active = carriers.filter(() => rng.next() < 0.8);
  const plans = active.map((o, i) => ({ id: uuid(i, 1), org_id: o.org.id, year: YEAR, body: 'committee', title: `Kế hoạch ${YEAR}` }));
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < ITEMS + ARISING; i++) {
    const k = Math.floor(rng.next() * active.length);
    const org = active[k]!;
    const arising = i >= ITEMS;
    const due = `${YEAR}-${pad(1 + Math.floor(rng.next() * 12))}-${pad(1 + Math.floor(rng.next() * 28))}`;
    const r = rng.next();
    const status = arising || r < 0.85 ? 'concluded' : r < 0.87 ? 'cancelled' : r < 0.95 ? 'under_way' : 'planned';
    items.push({
      id: uuid(i, 2),
      plan_id: arising ? null : plans[k]!.id,
      org_id: org.org.id,
      body: 'committee',
      kind: rng.next() < 0.5 ? 'inspection' : 'supervision',
      mode: 'regular',
      subject_org_id: org.org.id,
      content: 'Kiểm tra, giám sát',
      due_on: due,
      status,
      concluded_on: status === 'concluded' ? due : null,
      cancel_reason: status === 'cancelled' ? 'Hủy' : null,
    });
  }
  const small = p.orgs.find((o) => o.version.kind_code === 'dang_bo_co_so' && active.includes(o))!.org.id;
  return { p, plans, items, root: p.orgs[0]!.org.id, small };
}

/**
 * The best hand-written statement for the progress: the period's items counted per carrying organisation, then per
 * child of the root (the segment of its current path), with the total and the children's names. Same answer as the app.
 */
async function progressReference(db: Kysely<DB>, rootId: string, from: string, to: string, today: string) {
  const { rows } = await sql<{ child: string | null; child_id: string | null; name: string | null; planned: number; concluded: number; arising: number }>`
    WITH root AS (SELECT current_path AS lo, left(current_path, -1) || '0' AS hi, length(current_path) AS len FROM org WHERE id = ${rootId}),
    per_org AS (
      SELECT o.current_path, count(*) FILTER (WHERE i.plan_id IS NOT NULL AND i.status <> 'cancelled') AS planned,
        count(*) FILTER (WHERE i.plan_id IS NOT NULL AND i.concluded_on <= ${to}) AS concluded, count(*) FILTER (WHERE i.plan_id IS NULL) AS arising
      FROM inspection_item i JOIN org o ON o.id = i.org_id, root
      WHERE o.current_path >= root.lo AND o.current_path < root.hi
        AND ((i.plan_id IS NOT NULL AND i.due_on BETWEEN ${from} AND ${to}) OR (i.plan_id IS NULL AND i.concluded_on BETWEEN ${from} AND ${to}))
      GROUP BY i.org_id, o.current_path),
    f AS (SELECT split_part(substr(p.current_path, root.len + 1), '/', 1) AS child, sum(planned)::int AS planned, sum(concluded)::int AS concluded,
        sum(arising)::int AS arising FROM per_org p, root GROUP BY ROLLUP (1)),
    c AS (SELECT v.org_id, v.name FROM org_version v WHERE v.parent_id = ${rootId} AND v.valid_from <= ${today} AND (v.valid_to IS NULL OR v.valid_to > ${today}))
    SELECT f.child, c.org_id AS child_id, c.name, f.planned, f.concluded, f.arising FROM f FULL JOIN c ON f.child = c.org_id::text
    WHERE c.org_id IS NOT NULL OR f.child IS NULL OR f.child = ''`.execute(db);
  const n = (r: (typeof rows)[number] | undefined) => ({ planned: r?.planned ?? 0, concluded: r?.concluded ?? 0, arising: r?.arising ?? 0 });
  return {
    total: n(rows.find((r) => r.child === null && r.child_id === null)),
    own: n(rows.find((r) => r.child === '')),
    children: rows
      .filter((r) => r.child_id !== null)
      .map((r) => ({ orgId: r.child_id!, ...n(r) }))
      .sort((a, b) => a.orgId.localeCompare(b.orgId)),
  };
}

/**
 * The best hand-written statement for the coverage: the subordinate đảng ủy and chi bộ on the period's last day, each
 * checked against the sets of organisations that carried out, or were the subject of, an item concluded in the period
 * (hashed once each).
 */
async function coverageReference(db: Kysely<DB>, rootId: string, from: string, to: string) {
  const { rows } = await sql<{ grp: string; total: number; without_own: number; without_subject: number }>`
    WITH root AS (SELECT v.path AS lo, left(v.path, -1) || '0' AS hi FROM org_version v WHERE v.org_id = ${rootId} AND v.valid_from <= ${to} AND (v.valid_to IS NULL OR v.valid_to > ${to})),
    sub AS (
      SELECT v.org_id, CASE WHEN v.kind_code IN ('chi_bo_co_so', 'chi_bo_truc_thuoc') THEN 'chi_bo' ELSE 'dang_uy' END AS grp
      FROM org_version v, root WHERE v.path > root.lo AND v.path < root.hi AND v.valid_from <= ${to} AND (v.valid_to IS NULL OR v.valid_to > ${to})
        AND v.kind_code IN ('chi_bo_co_so', 'chi_bo_truc_thuoc', 'dang_bo_cap_tren_co_so', 'dang_bo_co_so', 'dang_bo_bo_phan'))
    SELECT grp, count(*)::int AS total,
      count(*) FILTER (WHERE org_id NOT IN (SELECT i.org_id FROM inspection_item i WHERE i.concluded_on BETWEEN ${from} AND ${to}))::int AS without_own,
      count(*) FILTER (WHERE org_id NOT IN (SELECT i.subject_org_id FROM inspection_item i
        WHERE i.subject_org_id IS NOT NULL AND i.concluded_on BETWEEN ${from} AND ${to}))::int AS without_subject
    FROM sub GROUP BY grp ORDER BY grp DESC`.execute(db);
  return rows.map((r) => ({ group: r.grp, total: r.total, withoutOwn: r.without_own, withoutSubject: r.without_subject }));
}

/** Records the statements a service call runs (not the fragments it composes), to print their plans with --explain. */
class Capture implements KyselyPlugin {
  private readonly nodes = new Map<QueryId, RootOperationNode>();
  queries: { node: RootOperationNode; queryId: QueryId }[] = [];
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.nodes.set(args.queryId, args.node);
    return args.node;
  }
  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const node = this.nodes.get(args.queryId);
    if (node) this.queries.push({ node, queryId: args.queryId });
    return Promise.resolve(args.result);
  }
}

async function explain(db: Kysely<DB>, title: string, call: (db: Kysely<DB>) => Promise<unknown>): Promise<string[]> {
  const capture = new Capture();
  const traced = db.withPlugin(capture);
  await call(traced);
  const out: string[] = [];
  for (const q of capture.queries) {
    const compiled = traced.getExecutor().compileQuery(q.node, q.queryId);
    const plan = await db.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`EXPLAIN (ANALYZE, COSTS OFF) ${compiled.sql}`, [...compiled.parameters]));
    out.push(`  -- ${title}: ${compiled.sql.replace(/\s+/g, ' ').slice(0, 100)}…`, ...plan.rows.map((r) => `     ${r['QUERY PLAN']}`));
  }
  return out;
}

async function median(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await fn();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return Math.round(t[Math.floor(t.length / 2)]! * 10) / 10;
}

async function benchEngine(handle: EngineHandle, data: ReturnType<typeof dataset>) {
  const { database, drop } = await handle.create('inspection');
  try {
    const db = database.db;
    await db.transaction().execute(async (tx) => {
      await insertOrgRows(tx, data.p.orgs);
      await insertJsonRows(tx, 'inspection_plan', data.plans);
      await insertJsonRows(tx, 'inspection_item', data.items);
    });
    await sql`ANALYZE`.execute(db);
    const today = `${YEAR}-11-20`;
    const svcOf = (d: Kysely<DB>) => createInspectionService({ db: d, clock: { now: () => new Date(`${today}T03:00:00Z`), today: () => today } });
    const svc = svcOf(db);
    const q = { orgId: data.root, year: YEAR };
    const [from, to] = [`${YEAR}-01-01`, `${YEAR}-12-31`];
    const app = await svc.progress(admin, q);
    const ref = await progressReference(db, data.root, from, to, today);
    const pick = (p: { planned: number; concluded: number; arising: number }) => ({ planned: p.planned, concluded: p.concluded, arising: p.arising });
    const appProgress = {
      total: pick(app.total),
      own: pick(app.own),
      children: app.children.map((c) => ({ orgId: c.orgId, ...pick(c.progress) })).sort((a, b) => a.orgId.localeCompare(b.orgId)),
    };
    const same = JSON.stringify(appProgress) === JSON.stringify(ref);
    const cov = await svc.coverage(admin, q);
    const covRef = await coverageReference(db, data.root, from, to);
    const sameCov = JSON.stringify(cov.groups.map(({ label: _l, ...g }) => g)) === JSON.stringify(covRef);
    const lines = [
      `${handle.engine} (${await serverVersion(db)}): ${data.p.stats.grassroots} grassroots, ${data.p.stats.cells} cells, ${data.plans.length} plans, ${data.items.length} items`,
      `  progress: ${app.total.concluded}/${app.total.planned} = ${app.total.percent}% (arising ${app.total.arising}), ${app.children.length} children; statement ${same ? 'agrees' : `DISAGREES ${JSON.stringify(ref.total)}`}`,
      `  coverage: ${cov.groups.map((g) => `${g.withoutOwn}/${g.total} ${g.label}`).join(', ')}; statement ${sameCov ? 'agrees' : `DISAGREES ${JSON.stringify(covRef)}`}`,
    ];
    for (const [name, appFn, refFn] of [
      ['progress', () => svc.progress(admin, q), () => progressReference(db, data.root, from, to, today)],
      ['coverage', () => svc.coverage(admin, q), () => coverageReference(db, data.root, from, to)],
    ] as const) {
      const a = await median(appFn);
      const r = await median(refFn);
      lines.push(
        `  ${name}: app ${a} ms, statement ${r} ms, ratio ${(a / r).toFixed(2)} (median of ${runs}); target ≤ ${TARGET_MS[handle.engine]} ms: ${a <= TARGET_MS[handle.engine] ? 'met' : 'MISSED'}`,
      );
    }
    // A small subtree (one đảng bộ cơ sở and its cells): the figures should probe, not scan the province's items.
    const small = { orgId: data.small, year: YEAR };
    const smallProgress = await median(() => svc.progress(admin, small));
    const smallCoverage = await median(() => svc.coverage(admin, small));
    lines.push(`  one đảng bộ cơ sở: progress ${smallProgress} ms, coverage ${smallCoverage} ms (median of ${runs})`);
    if (values.explain)
      for (const [name, query] of [
        ['province', q],
        ['đảng bộ cơ sở', small],
      ] as const) {
        lines.push(...(await explain(db, `progress, ${name}`, (d) => svcOf(d).progress(admin, query))));
        lines.push(...(await explain(db, `coverage, ${name}`, (d) => svcOf(d).coverage(admin, query))));
      }
    return lines;
  } finally {
    await drop();
  }
}

async function main() {
  const work = mkdtempSync(path.join(tmpdir(), 'hn-bench-inspection-'));
  const engines: Engine[] = values.engine === 'both' ? ['postgres', 'pglite'] : [values.engine as Engine];
  const data = dataset();
  const out = [
    `load average before: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  ];
  try {
    for (const engine of engines) {
      const handle = engine === 'pglite' ? pgliteEngine(work) : await postgresEngine(work, () => undefined);
      try {
        out.push(...(await benchEngine(handle, data)));
      } finally {
        await handle.close();
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  out.push(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(out.join('\n'));
}

await main();
