/**
 * `npm run bench:congress`: the summary of a province's congress round (issue 17 part 5: "đã tổ chức đại hội
 * 51.985/52.105 TCCSĐ"), through the real HTTP stack (`GET /api/congress/rounds/:id`, Fastify's inject), side by side
 * with a hand-written statement giving the same counts (checked equal first, then timed interleaved). The issue sets no
 * target for it; the 300 ms of the term's target page (part 10) is used.
 *
 *   --engine pglite|postgres|both   (default both)
 *   --runs N                        timed samples after 5 warm-up requests (default 30)
 *
 * The data: the benchmark province (10 districts × 100 grassroots organisations and their cells, no members: the
 * round reads none); every organisation's 2020 congress between April and September 2020 (the cells' of 2023, 30
 * months before their due date), the 2025 congress recorded for two in three; a round of the province over
 * 01/04/2025–30/09/2025 with a checklist item done for half of them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { addDays } from '../src/domain/dates.ts';
import { addMonths } from '../src/domain/congress.ts';
import { createApp } from '../src/server/app.ts';
import { systemClock } from '../src/server/clock.ts';
import { testConfig } from '../src/server/config.ts';
import type { DB } from '../src/server/db/schema.ts';
import { insertOrgRows } from '../src/server/demo/bulk-insert.ts';
import { generateProvince } from '../src/server/demo/province.ts';
import { SESSION_COOKIE } from '../src/server/http/auth-hook.ts';
import { insertTerm, upsertPrep } from '../src/server/modules/congress/congress.repo.ts';
import { insertUser } from '../src/server/modules/users/users.service.ts';
import { pgliteEngine, postgresEngine, serverVersion, type EngineHandle } from './engines.ts';
import { median, percentile } from './report.ts';

export const ROUND_SUMMARY_TARGET_MS = 300;
const WARMUP = 5;
const FROM = '2025-04-01';
const TO = '2025-09-30';
const AS_OF = '2025-09-30';

/** Grassroots organisations of the root's subtree due in the window (last congress before it + 60 months) and those that held it. */
async function summaryReference(db: Kysely<DB>, rootPath: string) {
  const { rows } = await sql<{ due: number; held: number }>`
    WITH g AS (
      SELECT v.org_id FROM org_version v JOIN org_kind k ON k.code = v.kind_code
      WHERE k.is_grassroots AND v.path LIKE ${`${rootPath}%`} AND v.valid_from <= ${AS_OF} AND (v.valid_to IS NULL OR v.valid_to > ${AS_OF})),
    last AS (SELECT DISTINCT ON (t.org_id) t.org_id, t.congress_on FROM congress_term t JOIN g ON g.org_id = t.org_id
      WHERE t.congress_on < ${FROM} ORDER BY t.org_id, t.congress_on DESC)
    SELECT count(*)::int AS due,
      count(*) FILTER (WHERE EXISTS (SELECT 1 FROM congress_term h WHERE h.org_id = last.org_id AND h.congress_on >= ${FROM} AND h.congress_on <= ${AS_OF}))::int AS held
    FROM last WHERE (last.congress_on + interval '60 months')::date BETWEEN ${FROM} AND ${TO}`.execute(db);
  return rows[0]!;
}

async function benchEngine(handle: EngineHandle, runs: number) {
  const { database, drop } = await handle.create('congress');
  try {
    const db = database.db;
    const p = generateProvince({ seed: 7, districts: 10, grassrootsPerDistrict: 100 });
    await db.transaction().execute((tx) => insertOrgRows(tx, p.orgs));
    await insertUser(db, {
      username: 'bench',
      fullName: 'Đo hiệu năng',
      password: 'bench-matkhau-2025',
      homeOrgId: null,
      roles: [{ role: 'system_admin', orgId: null }],
    });
    const now = new Date();
    let grassroots = 0;
    await db.transaction().execute(async (tx) => {
      for (const [i, r] of p.orgs.entries()) {
        const cell = r.version.kind_code === 'chi_bo_truc_thuoc';
        const first = cell ? addMonths(addDays('2025-04-01', i % 180), -30) : addDays('2020-04-01', i % 180);
        if (r.version.kind_code === 'dang_bo_co_so' || r.version.kind_code === 'chi_bo_co_so') grassroots++;
        const base = { org_id: r.org.id, created_at: now, updated_at: now };
        await insertTerm(tx, { ...base, id: uuidv7(), from_year: Number(first.slice(0, 4)), to_year: Number(first.slice(0, 4)) + 5, congress_on: first });
        const due = addMonths(first, cell ? 30 : 60);
        if (i % 3 !== 0 && due <= AS_OF)
          await insertTerm(tx, { ...base, id: uuidv7(), from_year: Number(due.slice(0, 4)), to_year: Number(due.slice(0, 4)) + 5, congress_on: due });
      }
    });
    if (handle.engine === 'pglite') await sql`ANALYZE`.execute(db);
    else await sql`VACUUM ANALYZE`.execute(db);
    const { app } = await createApp({ db, config: testConfig({ logLevel: 'silent', checkResponses: false }), clock: systemClock });
    await app.ready();
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bench', password: 'bench-matkhau-2025' } });
    const cookie = login.cookies.find((c) => c.name === SESSION_COOKIE)!;
    const headers = { cookie: `${SESSION_COOKIE}=${cookie.value}`, 'x-csrf-token': (JSON.parse(login.body) as { csrfToken: string }).csrfToken };
    const call = async (method: 'GET' | 'POST', url: string, payload?: object) => {
      const r = await app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
      if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body.slice(0, 300)}`);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the answers of several routes, each checked by its schema
      return JSON.parse(r.body) as any;
    };
    const round = await call('POST', '/api/congress/rounds', { orgId: p.root.id, title: 'Đại hội nhiệm kỳ 2025–2030', fromOn: FROM, toOn: TO });
    const roundId = round.round.id as string;
    await upsertPrep(
      db,
      p.orgs
        .filter((_, i) => i % 2 === 0)
        .map((r) => ({ id: uuidv7(), round_id: roundId, org_id: r.org.id, item_key: 'ke_hoach', done_on: '2025-03-01', updated_at: now })),
    );
    const rootPath = p.orgs.find((r) => r.org.id === p.root.id)!.version.path;
    const url = `/api/congress/rounds/${roundId}?asOf=${AS_OF}`;
    const answer = (await call('GET', url)).summary;
    const ref = await summaryReference(db, rootPath);
    if (answer.grassrootsDue !== ref.due || answer.grassrootsHeld !== ref.held)
      throw new Error(`the application says ${answer.grassrootsHeld}/${answer.grassrootsDue}, the statement ${ref.held}/${ref.due}`);
    for (let i = 0; i < WARMUP; i++) {
      await call('GET', url);
      await summaryReference(db, rootPath);
    }
    const appMs: number[] = [];
    const refMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      let t = performance.now();
      await call('GET', url);
      appMs.push(performance.now() - t);
      t = performance.now();
      await summaryReference(db, rootPath);
      refMs.push(performance.now() - t);
    }
    const version = await serverVersion(db);
    await app.close();
    return { engine: handle.engine, version, summary: answer as { text: string; due: number }, orgs: p.orgs.length, grassroots, appMs, refMs };
  } finally {
    await drop();
  }
}

async function main() {
  const { values } = parseArgs({ options: { engine: { type: 'string', default: 'both' }, runs: { type: 'string', default: '30' } } });
  const engines = values.engine === 'both' ? ['pglite', 'postgres'] : [values.engine!];
  const runs = Number(values.runs);
  const workDir = mkdtempSync(path.join(tmpdir(), 'hn-bench-congress-'));
  const lines = [
    `load average at start: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
    '| case | engine | n | app median | app p95 | statement median | statement p95 | ratio | target |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  try {
    for (const engine of engines) {
      const handle = engine === 'pglite' ? pgliteEngine(workDir) : await postgresEngine(workDir, (m) => process.stderr.write(`${m}\n`));
      try {
        const r = await benchEngine(handle, runs);
        const am = median(r.appMs);
        const rm = median(r.refMs);
        const f = (x: number) => `${x.toFixed(1)} ms`;
        lines.push(
          `| round-summary (${r.orgs} organisations; ${r.summary.text}; ${r.summary.due} due in all) | ${r.engine} | ${runs} | ${f(am)} | ${f(percentile(r.appMs, 95))} | ${f(rm)} | ${f(percentile(r.refMs, 95))} | ${(am / rm).toFixed(1)} | ≤ ${ROUND_SUMMARY_TARGET_MS} ms ${percentile(r.appMs, 95) <= ROUND_SUMMARY_TARGET_MS ? 'met' : 'MISSED'} |`,
        );
        process.stderr.write(`${r.engine}: ${r.version}\n`);
      } finally {
        await handle.close();
      }
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  lines.push(
    `load average at end: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  console.log(lines.join('\n'));
}

await main();
