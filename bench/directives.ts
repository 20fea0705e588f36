/**
 * `npm run bench:directives`: the progress of a directive given to 1,000 organisations (issue 17 part 10: ≤ 200 ms on
 * both engines), through the real HTTP stack (`GET /api/directives/:id/progress`, Fastify's inject), side by side with
 * a hand-written statement giving the same totals (checked equal first, then timed interleaved).
 *
 *   --engine pglite|postgres|both   (default both)
 *   --runs N                        timed samples after 5 warm-up requests (default 30)
 *
 * The data: the benchmark province's organisations (no members: the progress reads none), a plan of the root with
 * one task given to the first 1,000 organisations under it (tree order), due ten days ago; half reported done, one in
 * five in progress (two reports each), the rest silent, so late.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { addDays } from '../src/domain/dates.ts';
import { createApp } from '../src/server/app.ts';
import { systemClock } from '../src/server/clock.ts';
import { testConfig } from '../src/server/config.ts';
import type { DB } from '../src/server/db/schema.ts';
import { insertOrgRows } from '../src/server/demo/bulk-insert.ts';
import { generateProvince } from '../src/server/demo/province.ts';
import { SESSION_COOKIE } from '../src/server/http/auth-hook.ts';
import { insertReport } from '../src/server/modules/directives/directives.repo.ts';
import { insertUser } from '../src/server/modules/users/users.service.ts';
import { pgliteEngine, postgresEngine, serverVersion, type EngineHandle } from './engines.ts';
import { median, percentile } from './report.ts';

export const DIRECTIVE_PROGRESS_TARGET_MS = 200;
const WARMUP = 5;
const SHARES = 1000;

/** The totals of the directive's top shares by a plain statement: the latest report of each, late when not done by the deadline. */
async function progressReference(db: Kysely<DB>, directiveId: string, today: string) {
  const { rows } = await sql<{ shares: number; reported: number; done: number; late: number }>`
    WITH s AS (
      SELECT t.due_on,
        (SELECT r.status FROM directive_report r WHERE r.assignment_id = a.id ORDER BY r.reported_on DESC, r.created_at DESC, r.id DESC LIMIT 1) AS status
      FROM directive_assignment a JOIN directive_task t ON t.id = a.task_id
      WHERE t.directive_id = ${directiveId} AND a.parent_id IS NULL)
    SELECT count(*)::int AS shares, count(status)::int AS reported, count(*) FILTER (WHERE status = 'done')::int AS done,
      count(*) FILTER (WHERE status IS DISTINCT FROM 'done' AND due_on < ${today})::int AS late
    FROM s`.execute(db);
  return rows[0]!;
}

async function benchEngine(handle: EngineHandle, runs: number) {
  const { database, drop } = await handle.create('directives');
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
    const today = systemClock.today();
    const root = p.root.id;
    const below = p.orgs
      .filter((r) => r.version.depth >= 1)
      .sort((a, b) => (a.version.path < b.version.path ? -1 : 1))
      .slice(0, SHARES)
      .map((r) => r.org.id);
    const plan = await call('POST', '/api/directives', {
      ownerOrgId: root,
      kind: 'ke_hoach',
      symbol: '155-KH/TU',
      issuedOn: addDays(today, -30),
      issuerOrgId: root,
      title: 'Kế hoạch đo hiệu năng',
    });
    const withTask = await call('POST', `/api/directives/${plan.id}/tasks`, {
      title: 'Báo cáo kết quả',
      assignees: { orgIds: below },
      deadline: { type: 'date', dueOn: addDays(today, -10) },
    });
    const shares = withTask.tasks[0].shares as { id: string }[];
    await db.transaction().execute(async (tx) => {
      for (const [i, s] of shares.entries()) {
        const statuses = i % 10 < 5 ? (['done'] as const) : i % 10 < 7 ? (['in_progress', 'in_progress'] as const) : [];
        for (const [k, status] of statuses.entries())
          await insertReport(tx, {
            id: uuidv7(),
            assignment_id: s.id,
            status,
            body: 'Báo cáo',
            attachments: '[]',
            reported_on: addDays(today, -20 + k),
            reported_by_name: 'Đo hiệu năng',
            created_at: new Date(),
          });
      }
    });
    if (handle.engine === 'pglite') await sql`ANALYZE`.execute(db);
    else await sql`VACUUM ANALYZE`.execute(db);
    const url = `/api/directives/${plan.id}/progress`;
    const answer = (await call('GET', url)).totals;
    const ref = await progressReference(db, plan.id, today);
    for (const k of ['shares', 'reported', 'done', 'late'] as const)
      if (answer[k] !== ref[k]) throw new Error(`${k}: the application says ${answer[k]}, the statement ${ref[k]}`);
    for (let i = 0; i < WARMUP; i++) {
      await call('GET', url);
      await progressReference(db, plan.id, today);
    }
    const appMs: number[] = [];
    const refMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      let t = performance.now();
      await call('GET', url);
      appMs.push(performance.now() - t);
      t = performance.now();
      await progressReference(db, plan.id, today);
      refMs.push(performance.now() - t);
    }
    const version = await serverVersion(db);
    await app.close();
    return { engine: handle.engine, version, totals: answer, appMs, refMs };
  } finally {
    await drop();
  }
}

async function main() {
  const { values } = parseArgs({ options: { engine: { type: 'string', default: 'both' }, runs: { type: 'string', default: '30' } } });
  const engines = values.engine === 'both' ? ['pglite', 'postgres'] : [values.engine!];
  const runs = Number(values.runs);
  const workDir = mkdtempSync(path.join(tmpdir(), 'hn-bench-directives-'));
  const load = loadavg().map((x) => x.toFixed(2));
  const lines = [
    `load average at start: ${load.join(' ')}`,
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
          `| directive-progress (${SHARES} units; ${r.totals.reported} reported, ${r.totals.late} late) | ${r.engine} | ${runs} | ${f(am)} | ${f(percentile(r.appMs, 95))} | ${f(rm)} | ${f(percentile(r.refMs, 95))} | ${(am / rm).toFixed(1)} | ≤ ${DIRECTIVE_PROGRESS_TARGET_MS} ms ${percentile(r.appMs, 95) <= DIRECTIVE_PROGRESS_TARGET_MS ? 'met' : 'MISSED'} |`,
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
