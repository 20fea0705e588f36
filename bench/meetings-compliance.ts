/**
 * `npm run bench:meetings`: the compliance of a province's cells for a year (issue 16 part 10): 4,000 cells, a year of
 * meetings (~50,000, a regular one a month with a few skipped, a topical one in a quarter for some), ~1 million
 * attendance rows; timed through the route (`GET /api/meetings/compliance`, the whole HTTP stack through Fastify's
 * inject), side by side with a hand-written statement giving the same totals (compared equal first), interleaved.
 * Targets: ≤ 300 ms on PostgreSQL, ≤ 600 ms on PGlite (median of the route).
 *
 *   --engine pglite|postgres|both   (default both)
 *   --runs N                        timed samples after 3 warm-up requests (default 15)
 *
 * The data is written by set-based statements (organisations, members, meetings, attendance), then ANALYZEd.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import { createApp } from '../src/server/app.ts';
import { fixedClock } from '../src/server/clock.ts';
import { testConfig } from '../src/server/config.ts';
import type { DB } from '../src/server/db/schema.ts';
import { SESSION_COOKIE } from '../src/server/http/auth-hook.ts';
import { insertUser } from '../src/server/modules/users/users.service.ts';
import { pgliteEngine, postgresEngine, serverVersion, type EngineHandle } from './engines.ts';

const TARGET_MS = { postgres: 300, pglite: 600 } as const;
const ROOT = '01900000-0000-7000-8000-00000000f000';
const GRASSROOTS = 200;
const CELLS_PER = 20;
const MEMBERS_PER_CELL = 20;
const YEAR = 2025;

/** The province: a root, 200 grassroots committees, 20 cells each; 20 members a cell; a year of meetings and their attendance. */
async function load(db: Kysely<DB>) {
  const d = '2000-01-01';
  await sql`INSERT INTO org (id, established_on, current_path) VALUES (${ROOT}, ${d}, ${`/${ROOT}/`})`.execute(db);
  await sql`INSERT INTO org_version (id, org_id, valid_from, parent_id, path, depth, name, kind_code)
    VALUES (gen_random_uuid(), ${ROOT}, ${d}, NULL, ${`/${ROOT}/`}, 0, 'Đảng bộ tỉnh Đo Hiệu Năng', 'dang_bo_tinh')`.execute(db);
  await sql`CREATE TEMP TABLE bench_org AS
    SELECT g, NULL::int AS c, gen_random_uuid() AS id FROM generate_series(1, ${GRASSROOTS}) g
    UNION ALL SELECT g, c, gen_random_uuid() FROM generate_series(1, ${GRASSROOTS}) g, generate_series(1, ${CELLS_PER}) c`.execute(db);
  await sql`CREATE TEMP TABLE bench_path AS
    SELECT b.id, b.c, CASE WHEN b.c IS NULL THEN ${`/${ROOT}/`} || b.id || '/' ELSE ${`/${ROOT}/`} || p.id || '/' || b.id || '/' END AS path,
      CASE WHEN b.c IS NULL THEN NULL ELSE p.id END AS parent, b.g
    FROM bench_org b LEFT JOIN bench_org p ON p.g = b.g AND p.c IS NULL AND b.c IS NOT NULL`.execute(db);
  await sql`INSERT INTO org (id, established_on, current_path) SELECT id, ${d}, path FROM bench_path`.execute(db);
  await sql`INSERT INTO org_version (id, org_id, valid_from, parent_id, path, depth, name, kind_code)
    SELECT gen_random_uuid(), id, ${d}, coalesce(parent, ${ROOT}::uuid), path, CASE WHEN c IS NULL THEN 1 ELSE 2 END,
      CASE WHEN c IS NULL THEN 'Đảng bộ cơ sở ' || g ELSE 'Chi bộ ' || g || '.' || c END,
      CASE WHEN c IS NULL THEN 'dang_bo_co_so' ELSE 'chi_bo_truc_thuoc' END
    FROM bench_path`.execute(db);
  await sql`INSERT INTO member (id, org_id, full_name, family_name, middle_name, given_name, name_sort_key, gender, birth_date, admitted_on, official_on)
    SELECT gen_random_uuid(), p.id, 'Nguyễn Văn ' || i, 'Nguyễn', 'Văn', i::text, i::text, 'nam', DATE '1980-01-01', DATE '2010-01-01', DATE '2011-01-01'
    FROM bench_path p, generate_series(1, ${MEMBERS_PER_CELL}) i WHERE p.c IS NOT NULL`.execute(db);
  // a regular meeting a month (3% skipped), a topical one in a quarter for a quarter of the cells; 5% short, 10% without the superior
  await sql`CREATE TEMP TABLE bench_meeting AS
    SELECT gen_random_uuid() AS id, p.id AS org_id, k.kind, make_date(${YEAR}, k.mo, k.day) AS held_on, random() AS r
    FROM bench_path p
    CROSS JOIN LATERAL (
      SELECT 'regular'::text AS kind, mo, 10 AS day FROM generate_series(1, 12) mo WHERE random() >= 0.03
      UNION ALL SELECT 'topical', q * 3 - 1, 20 FROM generate_series(1, 4) q WHERE random() < 0.25
    ) k
    WHERE p.c IS NOT NULL`.execute(db);
  await sql`INSERT INTO meeting (id, org_id, kind, status, planned_on, held_on, start_minute, end_minute, superior_invited, superior_present,
      roll_count, present_count, excused_count, absent_count)
    SELECT id, org_id, kind, 'held', held_on, held_on, 480, CASE WHEN r < 0.05 THEN 480 + 80 ELSE 480 + 120 END, true, r >= 0.1 OR r < 0.05,
      ${MEMBERS_PER_CELL}, 0, 0, 0
    FROM bench_meeting`.execute(db);
  await sql`INSERT INTO meeting_attendance (meeting_id, member_id, attendance, reason, membership, member_status, counts_for_quorum)
    SELECT g.id, m.id, a.mark, CASE WHEN a.mark = 'excused' THEN 'Ốm' END, 'official', 'active', a.mark <> 'excused'
    FROM bench_meeting g JOIN member m ON m.org_id = g.org_id
    CROSS JOIN LATERAL (SELECT CASE WHEN random() < 0.9 THEN 'present' WHEN random() < 0.4 THEN 'absent' ELSE 'excused' END AS mark) a`.execute(db);
  await sql`UPDATE meeting g SET present_count = a.p, excused_count = a.e, absent_count = a.a
    FROM (SELECT meeting_id, count(*) FILTER (WHERE attendance = 'present')::int p, count(*) FILTER (WHERE attendance = 'excused')::int e,
      count(*) FILTER (WHERE attendance = 'absent')::int a FROM meeting_attendance GROUP BY meeting_id) a WHERE a.meeting_id = g.id`.execute(db);
  await sql`ANALYZE`.execute(db);
}

/** The hand-written statement: the same totals from the tables directly (rules of 2025: no minimum before 28/10, then 90 / 120 minutes). */
async function reference(db: Kysely<DB>) {
  const { rows } = await sql<Record<string, number>>`
    WITH cells AS (
      SELECT o.id FROM org o JOIN org_version v ON v.org_id = o.id JOIN org_kind k ON k.code = v.kind_code AND k.is_cell
      WHERE o.current_path >= ${`/${ROOT}/`} AND o.current_path < ${`/${ROOT}0`}
        AND v.valid_from <= ${`${YEAR}-12-31`} AND (v.valid_to IS NULL OR v.valid_to > ${`${YEAR}-01-01`})
      GROUP BY o.id HAVING min(v.valid_from) <= ${`${YEAR}-01-01`}),
    g AS (SELECT m.* FROM meeting m JOIN cells c ON c.id = m.org_id
      WHERE m.status = 'held' AND m.body = 'cell' AND m.held_on BETWEEN ${`${YEAR}-01-01`} AND ${`${YEAR}-12-31`}),
    regular AS (SELECT DISTINCT org_id, extract(month FROM held_on)::int AS mo FROM g WHERE kind IN ('regular', 'combined')),
    topical AS (SELECT DISTINCT org_id, extract(quarter FROM held_on)::int AS q FROM g WHERE kind IN ('topical', 'combined'))
    SELECT (SELECT count(*) FROM cells)::int AS cells,
      (SELECT count(*) FROM cells)::int * 12 - (SELECT count(*) FROM regular)::int AS "monthsMissing",
      (SELECT count(*) FROM cells)::int * 4 - (SELECT count(*) FROM topical)::int AS "quartersMissing",
      (SELECT count(*) FROM g)::int AS meetings,
      (SELECT count(*) FROM g WHERE held_on >= DATE '2025-10-28' AND end_minute - start_minute < CASE WHEN kind = 'combined' THEN 120 ELSE 90 END)::int AS short,
      (SELECT count(*) FROM g WHERE NOT superior_present)::int AS "noRepresentative",
      (SELECT sum(present_count) FROM g)::int AS present,
      (SELECT sum(roll_count) FROM g)::int AS roll`.execute(db);
  return rows[0]!;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function runEngine(handle: EngineHandle, runs: number) {
  const { database, drop } = await handle.create('meetings');
  try {
    const t0 = performance.now();
    await load(database.db);
    const loadMs = performance.now() - t0;
    await insertUser(database.db, {
      username: 'bench',
      fullName: 'Đo hiệu năng',
      password: 'bench-matkhau-2025',
      homeOrgId: null,
      roles: [{ role: 'system_admin', orgId: null }],
    });
    const { app } = await createApp({
      db: database.db,
      config: testConfig({ logLevel: 'silent', checkResponses: false }),
      clock: fixedClock('2026-03-01T03:00:00Z'),
    });
    await app.ready();
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bench', password: 'bench-matkhau-2025' } });
    const cookie = login.cookies.find((c) => c.name === SESSION_COOKIE)!;
    const url = `/api/meetings/compliance?orgId=${ROOT}&from=${YEAR}-01-01&to=${YEAR}-12-31`;
    const route = async () => {
      const r = await app.inject({ method: 'GET', url, headers: { cookie: `${SESSION_COOKIE}=${cookie.value}` } });
      if (r.statusCode !== 200) throw new Error(`${r.statusCode} ${r.body}`);
      return JSON.parse(r.body) as { totals: Record<string, number>; cells: unknown[] };
    };
    const answer = await route();
    const ref = await reference(database.db);
    const counts = await sql<{ meetings: number; attendance: number }>`
      SELECT (SELECT count(*) FROM meeting)::int AS meetings, (SELECT count(*) FROM meeting_attendance)::int AS attendance`.execute(database.db);
    for (const [k, v] of Object.entries(ref))
      if (answer.totals[k] !== v) throw new Error(`the route and the statement disagree on ${k}: ${answer.totals[k]} vs ${v}`);
    for (let i = 0; i < 3; i++) {
      await route();
      await reference(database.db);
    }
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < runs; i++) {
      let t = performance.now();
      await route();
      a.push(performance.now() - t);
      t = performance.now();
      await reference(database.db);
      b.push(performance.now() - t);
    }
    await app.close();
    return {
      engine: handle.engine,
      version: await serverVersion(database.db),
      loadS: Math.round(loadMs / 100) / 10,
      data: { cells: ref.cells, ...counts.rows[0]! },
      routeMs: Math.round(median(a)),
      routeP95: Math.round([...a].sort((x, y) => x - y)[Math.floor(a.length * 0.95)]!),
      statementMs: Math.round(median(b)),
      target: TARGET_MS[handle.engine],
      totals: answer.totals,
    };
  } finally {
    await drop();
  }
}

async function main() {
  const { values } = parseArgs({ options: { engine: { type: 'string', default: 'both' }, runs: { type: 'string', default: '15' } } });
  const runs = Number(values.runs);
  const work = mkdtempSync(path.join(tmpdir(), 'hn-bench-meetings-'));
  const engines = values.engine === 'both' ? ['pglite', 'postgres'] : [values.engine!];
  try {
    for (const e of engines) {
      const handle = e === 'pglite' ? pgliteEngine(work) : await postgresEngine(work, (m) => console.error(m));
      try {
        const before = loadavg()
          .map((x) => x.toFixed(2))
          .join(' ');
        const r = await runEngine(handle, runs);
        console.log(
          JSON.stringify({
            ...r,
            loadavgBefore: before,
            loadavgAfter: loadavg()
              .map((x) => x.toFixed(2))
              .join(' '),
          }),
        );
      } finally {
        await handle.close();
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
