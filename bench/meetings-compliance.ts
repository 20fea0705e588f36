/**
 * `npm run bench:meetings`: the meetings of a province (issue 16 part 10), on PostgreSQL and PGlite in turn:
 * - the compliance of its 4,000 cells for a year (~50,000 meetings, ~1 million attendance rows), through the route
 *   (`GET /api/meetings/compliance`, the whole HTTP stack through Fastify's inject), side by side with the best
 *   hand-written statement giving the same per-cell answer (compared equal first), interleaved; median, p95 and the
 *   ratio of medians. Targets (p95): ≤ 300 ms on PostgreSQL, ≤ 600 ms on PGlite;
 * - recording the attendance of the 30-member cell's meeting through its route (bench/meetings.ts): median and
 *   p95, target ≤ 50 ms.
 * It prints the machine's load average before and after each engine (the figures mean little on a loaded machine).
 *
 *   --engine pglite|postgres|both   (default both)
 *   --runs N                        timed samples after 3 warm-up requests (default 15; the attendance at least 20)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import { createApp } from '../src/server/app.ts';
import { fixedClock } from '../src/server/clock.ts';
import { testConfig } from '../src/server/config.ts';
import type { DB } from '../src/server/db/schema.ts';
import { SESSION_COOKIE } from '../src/server/http/auth-hook.ts';
import { insertUser } from '../src/server/modules/users/users.service.ts';
import { pgliteEngine, postgresEngine, serverVersion, type EngineHandle } from './engines.ts';
import { benchMeetingAttendance } from './meetings.ts';

const TARGET_MS = { postgres: 300, pglite: 600 } as const;
const ROOT = '01900000-0000-7000-8000-00000000f000';
const GRASSROOTS = 200;
const CELLS_PER = 20;
const YEAR = 2025;
/** The day the bench's app lives on: the whole of 2025 is over, every month and quarter owed. */
const TODAY_ISO = '2026-03-01T03:00:00Z';

/**
 * The province, in one transaction, every row from set-based statements seeded by `setseed` (the same province each
 * run; only the uuids differ): a root, 200 grassroots committees, 20 cells each; 8–32 members a cell (about 20; the
 * first cell exactly 30, for the attendance case), each with a roll period; then a year of meetings:
 * - a regular meeting a month, on a day from the 5th to the 24th; 4% of the cells skip about a third of their months,
 *   the others 1%;
 * - a topical meeting in a quarter for about 40% of the quarters, combined with the middle month's regular one in
 *   another 20%, none in the rest;
 * - 90 to 150 minutes, 3% of them between 60 and 85; the superior's representative present at 90%;
 * - one material each, sent one to three days before, 5% of them on the meeting's day (late from 28/10/2025);
 * - attendance: every member of the cell, present at the cell's rate (85–95%) — a member in 200 at a rate of 30% —,
 *   absences excused two times in three; the counts kept on the meeting as the attendance write keeps them.
 */
export async function load(db: Kysely<DB>) {
  await db.transaction().execute(async (tx) => {
    const d = '2000-01-01';
    await sql`SELECT setseed(0.16)`.execute(tx);
    await sql`INSERT INTO org (id, established_on, current_path) VALUES (${ROOT}, ${d}, ${`/${ROOT}/`})`.execute(tx);
    await sql`INSERT INTO org_version (id, org_id, valid_from, parent_id, path, depth, name, kind_code)
      VALUES (gen_random_uuid(), ${ROOT}, ${d}, NULL, ${`/${ROOT}/`}, 0, 'Đảng bộ tỉnh Đo Hiệu Năng', 'dang_bo_tinh')`.execute(tx);
    await sql`CREATE TEMP TABLE bench_org ON COMMIT DROP AS
      SELECT g, NULL::int AS c, gen_random_uuid() AS id FROM generate_series(1, ${GRASSROOTS}) g
      UNION ALL SELECT g, c, gen_random_uuid() FROM generate_series(1, ${GRASSROOTS}) g, generate_series(1, ${CELLS_PER}) c`.execute(tx);
    await sql`CREATE TEMP TABLE bench_path ON COMMIT DROP AS
      SELECT b.id, b.c, CASE WHEN b.c IS NULL THEN ${`/${ROOT}/`} || b.id || '/' ELSE ${`/${ROOT}/`} || p.id || '/' || b.id || '/' END AS path,
        CASE WHEN b.c IS NULL THEN NULL ELSE p.id END AS parent, b.g
      FROM bench_org b LEFT JOIN bench_org p ON p.g = b.g AND p.c IS NULL AND b.c IS NOT NULL`.execute(tx);
    await sql`INSERT INTO org (id, established_on, current_path) SELECT id, ${d}, path FROM bench_path`.execute(tx);
    await sql`INSERT INTO org_version (id, org_id, valid_from, parent_id, path, depth, name, kind_code)
      SELECT gen_random_uuid(), id, ${d}, coalesce(parent, ${ROOT}::uuid), path, CASE WHEN c IS NULL THEN 1 ELSE 2 END,
        CASE WHEN c IS NULL THEN 'Đảng bộ cơ sở ' || g ELSE 'Chi bộ ' || g || '.' || c END,
        CASE WHEN c IS NULL THEN 'dang_bo_co_so' ELSE 'chi_bo_truc_thuoc' END
      FROM bench_path`.execute(tx);
    // Each cell's size, its habit of skipping months and its attendance rate (random() in the select list: per row).
    await sql`CREATE TEMP TABLE bench_cell ON COMMIT DROP AS
      SELECT id, CASE WHEN g = 1 AND c = 1 THEN 30 ELSE 8 + floor(random() * 25)::int END AS size,
        random() < 0.04 AS skips, 0.85 + random() * 0.10 AS rate
      FROM bench_path WHERE c IS NOT NULL`.execute(tx);
    await sql`CREATE TEMP TABLE bench_member ON COMMIT DROP AS
      SELECT gen_random_uuid() AS id, c.id AS org_id, i, CASE WHEN random() < 0.005 THEN 0.3 ELSE c.rate END AS rate
      FROM bench_cell c, generate_series(1, 32) i WHERE i <= c.size`.execute(tx);
    await sql`INSERT INTO member (id, org_id, full_name, family_name, middle_name, given_name, name_sort_key, gender, birth_date, admitted_on, official_on)
      SELECT id, org_id, 'Nguyễn Văn ' || i, 'Nguyễn', 'Văn', i::text, i::text, 'nam', DATE '1980-01-01', DATE '2010-01-01', DATE '2011-01-01'
      FROM bench_member`.execute(tx);
    await sql`INSERT INTO member_period (member_id, valid_from, valid_to, status, membership, org_id, host_org_id)
      SELECT id, DATE '2010-01-01', DATE '2011-01-01', 'active', 'probationary', org_id, NULL::uuid FROM bench_member
      UNION ALL SELECT id, DATE '2011-01-01', NULL, 'active', 'official', org_id, NULL FROM bench_member`.execute(tx);
    // A random() in a WHERE naming one table is pushed down to that table's scan (it would skip whole cells): each
    // draw is made in a subquery's select list (per row) and filtered above it.
    // t < 0.2: the quarter's topical meeting combined with the middle month's regular one; t < 0.6: a topical one of its own.
    await sql`CREATE TEMP TABLE bench_quarter ON COMMIT DROP AS
      SELECT c.id AS org_id, q, random() AS t FROM bench_cell c, generate_series(1, 4) q`.execute(tx);
    await sql`CREATE TEMP TABLE bench_meeting ON COMMIT DROP AS
      SELECT gen_random_uuid() AS id, x.org_id, x.kind, x.held_on, 480 + floor(random() * 120)::int AS start_minute,
        CASE WHEN random() < 0.03 THEN 60 + floor(random() * 26)::int ELSE 90 + floor(random() * 61)::int END AS minutes,
        random() < 0.9 AS rep, CASE WHEN random() < 0.05 THEN 0 ELSE 1 + floor(random() * 3)::int END AS sent_before
      FROM (
        SELECT m.org_id, CASE WHEN q.t < 0.2 AND m.mo % 3 = 2 THEN 'combined' ELSE 'regular' END AS kind, make_date(${YEAR}, m.mo, m.day) AS held_on
        FROM (SELECT c.id AS org_id, c.skips, mo, random() AS u, 5 + floor(random() * 20)::int AS day FROM bench_cell c CROSS JOIN generate_series(1, 12) mo) m
        JOIN bench_quarter q ON q.org_id = m.org_id AND q.q = (m.mo + 2) / 3
        WHERE m.u >= CASE WHEN m.skips THEN 0.33 ELSE 0.01 END
        UNION ALL
        SELECT q.org_id, 'topical', make_date(${YEAR}, q.q * 3 - 2 + floor(random() * 3)::int, 5 + floor(random() * 20)::int)
        FROM bench_quarter q WHERE q.t >= 0.2 AND q.t < 0.6
      ) x`.execute(tx);
    await sql`INSERT INTO meeting (id, org_id, kind, status, planned_on, held_on, start_minute, end_minute, superior_invited, superior_present)
      SELECT id, org_id, kind, 'held', held_on, held_on, start_minute, start_minute + minutes, true, rep FROM bench_meeting`.execute(tx);
    await sql`INSERT INTO meeting_document (id, meeting_id, role, title, sent_at, uploaded_at)
      SELECT gen_random_uuid(), id, 'material', 'Tài liệu sinh hoạt', (held_on - sent_before + time '09:00') AT TIME ZONE 'Asia/Ho_Chi_Minh',
        (held_on - 5 + time '09:00') AT TIME ZONE 'Asia/Ho_Chi_Minh'
      FROM bench_meeting`.execute(tx);
    await sql`INSERT INTO meeting_attendance (meeting_id, member_id, attendance, reason, membership, member_status, counts_for_quorum)
      SELECT meeting_id, member_id, mark, CASE WHEN mark = 'excused' THEN 'Ốm' END, 'official', 'active', mark <> 'excused'
      FROM (
        SELECT g.id AS meeting_id, m.id AS member_id,
          CASE WHEN random() < m.rate THEN 'present' WHEN random() < 0.667 THEN 'excused' ELSE 'absent' END AS mark
        FROM bench_meeting g JOIN bench_member m ON m.org_id = g.org_id
      ) a`.execute(tx);
    await sql`UPDATE meeting g SET roll_count = a.n, present_count = a.p, excused_count = a.e, absent_count = a.a, attendance_recorded_at = now()
      FROM (SELECT meeting_id, count(*)::int n, count(*) FILTER (WHERE attendance = 'present')::int p,
        count(*) FILTER (WHERE attendance = 'excused')::int e, count(*) FILTER (WHERE attendance = 'absent')::int a
        FROM meeting_attendance GROUP BY meeting_id) a
      WHERE a.meeting_id = g.id`.execute(tx);
    await sql`UPDATE meeting g SET materials_sent_on = d.held_on - d.sent_before FROM bench_meeting d WHERE d.id = g.id`.execute(tx);
  });
  await sql`ANALYZE`.execute(db);
}

/** One cell's answer, as the route gives it and as the statement computes it. */
interface CellAnswer {
  orgId: string;
  name: string;
  monthsMissing: string[];
  quartersMissing: string[];
  meetings: number;
  short: number;
  docsLate: number;
  noRepresentative: number;
  present: number;
  roll: number;
}

/**
 * The hand-written statement: the same per-cell answer from the tables directly, with the year's rules written in
 * (no minimum and no lead time before 28/10/2025, then 90 / 120 minutes and a day), for cells that were cells the
 * whole year (all of this province's): each cell's name, the months without a regular or combined meeting, the
 * quarters without a topical or combined one, the checks' counts and the attendance sums, by path. It reads the
 * meeting's kept figures as the product does (`held_month`, `materials_sent_on`, the attendance counts; the run checks
 * `materials_sent_on` against the documents first).
 */
export async function reference(db: Kysely<DB>): Promise<CellAnswer[]> {
  const from = `${YEAR}-01-01`;
  const to = `${YEAR}-12-31`;
  const { rows } = await sql<CellAnswer>`
    WITH cells AS (
      SELECT o.id, o.current_path FROM org o JOIN org_version v ON v.org_id = o.id JOIN org_kind k ON k.code = v.kind_code AND k.is_cell
      WHERE o.current_path >= ${`/${ROOT}/`} AND o.current_path < ${`/${ROOT}0`} AND v.valid_from <= ${to}::date AND (v.valid_to IS NULL OR v.valid_to > ${from}::date)
      GROUP BY o.id, o.current_path HAVING min(v.valid_from) <= ${from}::date AND (bool_or(v.valid_to IS NULL) OR max(v.valid_to) > ${to}::date)),
    a AS (
      SELECT m.org_id,
        bit_or(1 << (m.held_month - ${YEAR * 12}::int)) FILTER (WHERE m.kind IN ('regular', 'combined')) AS months,
        bit_or(1 << ((m.held_month - ${YEAR * 12}::int) / 3)) FILTER (WHERE m.kind IN ('topical', 'combined')) AS quarters,
        count(*)::int AS meetings,
        (count(*) FILTER (WHERE m.held_on >= DATE '2025-10-28' AND m.end_minute - m.start_minute < CASE WHEN m.kind = 'combined' THEN 120 ELSE 90 END))::int AS short,
        (count(*) FILTER (WHERE m.held_on >= DATE '2025-10-28' AND m.materials_sent_on > m.held_on - 1))::int AS docs_late,
        (count(*) FILTER (WHERE NOT m.superior_present))::int AS no_rep,
        sum(m.present_count)::int AS present, sum(m.roll_count)::int AS roll
      FROM meeting m JOIN cells c ON c.id = m.org_id
      WHERE m.status = 'held' AND m.body = 'cell' AND m.held_on BETWEEN ${from}::date AND ${to}::date
      GROUP BY m.org_id)
    SELECT c.id AS "orgId", (SELECT v.name FROM org_version v WHERE v.org_id = c.id ORDER BY v.valid_from DESC LIMIT 1) AS name,
      ARRAY(SELECT ${`${YEAR}-`} || lpad(mo::text, 2, '0') FROM generate_series(1, 12) mo WHERE coalesce(a.months & (1 << (mo - 1)), 0) = 0 ORDER BY mo) AS "monthsMissing",
      ARRAY(SELECT ${`${YEAR}-Q`} || q FROM generate_series(1, 4) q WHERE coalesce(a.quarters & (1 << (q - 1)), 0) = 0 ORDER BY q) AS "quartersMissing",
      coalesce(a.meetings, 0) AS meetings, coalesce(a.short, 0) AS short, coalesce(a.docs_late, 0) AS "docsLate", coalesce(a.no_rep, 0) AS "noRepresentative",
      coalesce(a.present, 0) AS present, coalesce(a.roll, 0) AS roll
    FROM cells c LEFT JOIN a ON a.org_id = c.id
    ORDER BY c.current_path`.execute(db);
  return rows;
}

const pick = (c: CellAnswer): CellAnswer => ({
  orgId: c.orgId,
  name: c.name,
  monthsMissing: c.monthsMissing,
  quartersMissing: c.quartersMissing,
  meetings: c.meetings,
  short: c.short,
  docsLate: c.docsLate,
  noRepresentative: c.noRepresentative,
  present: c.present,
  roll: c.roll,
});

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => sorted(xs)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;
const ms = (x: number) => Math.round(x * 10) / 10;
const loadAverage = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

async function runEngine(handle: EngineHandle, runs: number, progress: (m: string) => void) {
  const { database, drop } = await handle.create('meetings');
  try {
    const t0 = performance.now();
    await load(database.db);
    const loadMs = performance.now() - t0;
    progress(`${handle.engine}: province loaded in ${(loadMs / 1000).toFixed(1)} s`);
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
      clock: fixedClock(TODAY_ISO),
    });
    await app.ready();
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bench', password: 'bench-matkhau-2025' } });
    const cookie = login.cookies.find((c) => c.name === SESSION_COOKIE)!;
    const headers = { cookie: `${SESSION_COOKIE}=${cookie.value}`, 'x-csrf-token': (JSON.parse(login.body) as { csrfToken: string }).csrfToken };
    const url = `/api/meetings/compliance?orgId=${ROOT}&from=${YEAR}-01-01&to=${YEAR}-12-31`;
    const route = async () => {
      const r = await app.inject({ method: 'GET', url, headers });
      if (r.statusCode !== 200) throw new Error(`${r.statusCode} ${r.body}`);
      return JSON.parse(r.body) as { totals: Record<string, number>; cells: CellAnswer[] };
    };
    const answer = await route();
    const ref = await reference(database.db);
    const mine = JSON.stringify(answer.cells.map(pick));
    const theirs = JSON.stringify(ref.map(pick));
    if (mine !== theirs) throw new Error(`the route and the statement disagree\n  route: ${mine.slice(0, 600)}\n  sql:   ${theirs.slice(0, 600)}`);
    const counts = await sql<{ meetings: number; attendance: number; members: number; documents: number }>`
      SELECT (SELECT count(*) FROM meeting)::int AS meetings, (SELECT count(*) FROM meeting_attendance)::int AS attendance,
        (SELECT count(*) FROM member)::int AS members, (SELECT count(*) FROM meeting_document)::int AS documents`.execute(database.db);
    // the kept day of the latest material sent agrees with the documents (what the statements read instead of them)
    const drift = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM meeting g LEFT JOIN (SELECT meeting_id, max((sent_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) AS d FROM meeting_document
        WHERE role = 'material' AND sent_at IS NOT NULL GROUP BY meeting_id) x ON x.meeting_id = g.id
      WHERE g.materials_sent_on IS DISTINCT FROM x.d`.execute(database.db);
    if (drift.rows[0]!.n !== 0) throw new Error(`${drift.rows[0]!.n} meetings whose materials_sent_on disagrees with their documents`);
    for (let i = 0; i < 3; i++) {
      await route();
      await reference(database.db);
    }
    const a: number[] = [];
    const b: number[] = [];
    const time = async (f: () => Promise<unknown>, into: number[]) => {
      const t = performance.now();
      await f();
      into.push(performance.now() - t);
    };
    for (let i = 0; i < runs; i++) {
      // interleaved, alternating which goes first
      if (i % 2 === 0) {
        await time(route, a);
        await time(() => reference(database.db), b);
      } else {
        await time(() => reference(database.db), b);
        await time(route, a);
      }
    }
    const compliance = {
      medianMs: ms(median(a)),
      p95Ms: ms(p95(a)),
      statementMedianMs: ms(median(b)),
      statementP95Ms: ms(p95(b)),
      ratio: Math.round((median(a) / median(b)) * 100) / 100,
      targetMs: TARGET_MS[handle.engine],
    };
    progress(
      `${handle.engine}: compliance median ${compliance.medianMs} ms, p95 ${compliance.p95Ms} (statement ${compliance.statementMedianMs}, ratio ${compliance.ratio})`,
    );
    const post = async (u: string, body: unknown) => {
      const r = await app.inject({ method: 'POST', url: u, headers, payload: body as object });
      if (r.statusCode !== 200) throw new Error(`${r.statusCode} ${r.body}`);
      return JSON.parse(r.body) as unknown;
    };
    const [attendance] = await benchMeetingAttendance({
      db: database.db,
      post,
      engine: handle.engine,
      runs: Math.max(runs, 20),
      today: TODAY_ISO.slice(0, 10),
      measure: async (name, _engine, _scale, n, targetMs, once) => {
        for (let i = 0; i < 3; i++) await once(i);
        const xs: number[] = [];
        for (let i = 0; i < n; i++) await time(() => once(3 + i), xs);
        return { case: name, medianMs: ms(median(xs)), p95Ms: ms(p95(xs)), targetMs };
      },
    });
    progress(`${handle.engine}: ${attendance!.case} median ${attendance!.medianMs} ms, p95 ${attendance!.p95Ms}`);
    await app.close();
    return {
      engine: handle.engine,
      version: await serverVersion(database.db),
      loadS: Math.round(loadMs / 100) / 10,
      data: { cells: ref.length, ...counts.rows[0]! },
      compliance,
      attendance,
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
  const engines = values.engine === 'both' ? ['postgres', 'pglite'] : [values.engine!];
  const progress = (m: string) => console.error(m);
  try {
    for (const e of engines) {
      const handle = e === 'pglite' ? pgliteEngine(work) : await postgresEngine(work, progress);
      try {
        const before = loadAverage();
        const r = await runEngine(handle, runs, progress);
        console.log(JSON.stringify({ ...r, loadavgBefore: before, loadavgAfter: loadAverage() }));
      } finally {
        await handle.close();
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// Run when started as a script (the scratch tools of a plan reading import load and reference).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
