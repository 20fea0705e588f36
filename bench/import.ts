/**
 * The `import` case of `npm run bench`: a member list of 100,000 rows (5,000 with --quick) in the official layout,
 * imported end to end through the HTTP API of a real server process (`hatnhan serve`, a child process, so that its
 * peak memory is its own), against the province-scale database.
 *
 * The file is written with the export's own streaming writer (member-import.workbook.ts: the template's headers and
 * text cells), from the demo generators with a fixed seed, into the bench's temp directory. Its rows:
 *   - 10% existing members found by CCCD (half of them with a phone number to add, half unchanged);
 *   - 1% existing members without CCCD, found by name and birth date (a home town to add);
 *   - the rest new members (90% with a CCCD), in cells of the province named as users name them;
 *   - 0.5% rows with an error (an impossible date, a CCCD that lost its leading zero, an unknown cell) in a first
 *     version of the file; the corrected version has those rows right.
 * Flow, as a user runs it: upload the file with errors → preview (errors listed) → commit refused (409); upload the
 * corrected file → preview → commit. The end-to-end figure (target < 90 s) is the corrected file's upload, preview
 * and commit. The server's peak RSS (VmHWM, target < 1 GiB) covers its whole life: start, both previews, the commit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, openAsBlob, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { formatVnDate } from '../src/domain/dates.ts';
import { foldAccents } from '../src/domain/text.ts';
import type { Database } from '../src/server/db/connect.ts';
import { insertMembers, insertOrgRows } from '../src/server/demo/bulk-insert.ts';
import { ETHNICITIES, PLACE_NAMES, personName, type Gender } from '../src/server/demo/names.ts';
import { generateProvince, type MemberRow, type ProvinceOptions } from '../src/server/demo/province.ts';
import { addYears, createRng, type Rng } from '../src/server/demo/random.ts';
import type { ImportField } from '../src/domain/member-import.ts';
import { exportWorkbook } from '../src/server/modules/member-import/member-import.workbook.ts';
import { insertUser } from '../src/server/modules/users/users.service.ts';
import { serverVersion, type EngineHandle } from './engines.ts';
import type { CaseResult } from './report.ts';

/** The targets on this machine: 100,000 rows end to end in < 90 s, the server process under 1 GiB. */
export const IMPORT_TARGET_MS = 90_000;
export const IMPORT_RSS_TARGET_MIB = 1024;
export const IMPORT_ROWS = 100_000;
export const IMPORT_ROWS_QUICK = 5_000;
const USER = 'bench-import';
const PASSWORD = 'bench-matkhau-2025';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

type Values = Partial<Record<ImportField, string>>;
interface FileRow {
  values: Values;
  /** The wrong values of this row in the first version of the file. */
  broken?: Values;
}

interface Cell {
  id: string;
  label: string;
}

/** CCCD of generated people: province code 033, the century-and-gender digit, the year, a serial. */
export function cccdOf(gender: Gender, birth: string, serial: number): string {
  const year = Number(birth.slice(0, 4));
  const digit = (year >= 2000 ? 2 : 0) + (gender === 'nu' ? 1 : 0);
  return `033${digit}${birth.slice(2, 4)}${String(serial).padStart(6, '0')}`;
}

const keyOf = (name: string, birth: string) => `${foldAccents(name)}|${birth}`;

/** The rows of the file and what the preview should find, from the province's members and the database's cells. */
export function fileRows(
  rng: Rng,
  n: number,
  members: readonly MemberRow[],
  cells: readonly Cell[],
  catalogues: Map<string, string[]>,
): { rows: FileRow[]; expect: { cccd: number; name: number; errors: number } } {
  const cellLabel = new Map(cells.map((c) => [c.id, c.label]));
  const existingKeys = new Map<string, number>();
  for (const m of members)
    if (m.birth_date) existingKeys.set(keyOf(m.full_name!, m.birth_date), (existingKeys.get(keyOf(m.full_name!, m.birth_date)) ?? 0) + 1);
  const living = members.filter((m) => !m.left_on && m.birth_date);
  const withCccd = rng.sample(
    living.filter((m) => m.cccd),
    Math.round(n * 0.1),
  );
  const byName = rng.sample(
    living.filter((m) => !m.cccd && existingKeys.get(keyOf(m.full_name!, m.birth_date!)) === 1),
    Math.round(n * 0.01),
  );
  const used = new Set<string>();
  const existing = (m: MemberRow): Values => ({
    fullName: m.full_name!,
    gender: m.gender === 'nu' ? 'Nữ' : 'Nam',
    birthDate: formatVnDate(m.birth_date!),
    orgId: cellLabel.get(m.org_id!)!,
    admittedOn: formatVnDate(m.admitted_on!),
    ...(m.official_on ? { officialOn: formatVnDate(m.official_on) } : {}),
  });
  const rows: FileRow[] = [];
  withCccd.forEach((m, i) => {
    used.add(keyOf(m.full_name!, m.birth_date!));
    rows.push({ values: { ...existing(m), cccd: m.cccd!, ...(i % 2 === 0 ? { phone: `09${String(rng.int(0, 99_999_999)).padStart(8, '0')}` } : {}) } });
  });
  for (const m of byName) {
    used.add(keyOf(m.full_name!, m.birth_date!));
    rows.push({ values: { ...existing(m), hometown: `Xã ${rng.pick(PLACE_NAMES)}, tỉnh Hưng Yên` } });
  }
  const pickName = (catalogue: string) => rng.pick(catalogues.get(catalogue)!);
  const ethnicities = new Set(catalogues.get('ethnicity'));
  let serial = 500_000;
  const rosterCccds = new Set(members.map((m) => m.cccd).filter((c): c is string => typeof c === 'string'));
  const errors = Math.round(n * 0.005);
  for (let i = rows.length; i < n; i++) {
    const gender: Gender = rng.chance(0.4) ? 'nu' : 'nam';
    let birth: string;
    let name: string;
    const ethnicity = rng.weighted(ETHNICITIES);
    do {
      birth = rng.dateBetween('1950-01-01', '2000-12-31');
      name = personName(rng, gender, { ethnicity, birthYear: Number(birth.slice(0, 4)) }).fullName;
    } while (used.has(keyOf(name, birth)) || existingKeys.has(keyOf(name, birth)));
    used.add(keyOf(name, birth));
    let admitted = addYears(birth, rng.int(18, 40));
    if (admitted > '2025-06-30') admitted = rng.dateBetween(addYears(birth, 18), '2025-06-30');
    const official = rng.chance(0.92) ? addYears(admitted, 1) : null;
    let cccd: string | null = null;
    if (rng.chance(0.9)) {
      // A new person's CCCD is nobody's on the roll (the generated roll has CCCDs of its own).
      do cccd = cccdOf(gender, birth, serial++);
      while (rosterCccds.has(cccd));
    }
    const values: Values = {
      fullName: rng.chance(0.15) ? name.toUpperCase() : name,
      gender: gender === 'nu' ? 'Nữ' : 'Nam',
      birthDate: formatVnDate(birth),
      ...(cccd ? { cccd } : {}),
      ethnicity: ethnicities.has(ethnicity) ? ethnicity : 'Kinh',
      religion: rng.chance(0.9) ? 'Không' : pickName('religion'),
      hometown: `Xã ${rng.pick(PLACE_NAMES)}, tỉnh ${rng.pick(['Hưng Yên', 'Thái Bình', 'Hải Dương', 'Nam Định'])}`,
      currentAddress: `Thôn ${rng.int(1, 12)}, xã ${rng.pick(PLACE_NAMES)}`,
      generalEducation: rng.chance(0.8) ? '12/12' : rng.pick(['10/10', '9/12', '7/10']),
      professionalLevel: pickName('professional_level'),
      theoryLevel: pickName('theory_level'),
      occupation: pickName('occupation'),
      admittedOn: formatVnDate(admitted),
      ...(official ? { officialOn: formatVnDate(official) } : {}),
      cardNo: String(rng.int(0, 99_999_999)).padStart(8, '0'),
      orgId: rng.pick(cells).label,
      phone: `09${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
      workplace: rng.chance(0.5) ? `Ủy ban nhân dân xã ${rng.pick(PLACE_NAMES)}` : '',
      position: rng.chance(0.3) ? rng.pick(['Chủ tịch', 'Phó Chủ tịch', 'Công chức', 'Giáo viên', 'Bác sĩ']) : '',
    };
    rows.push({ values });
  }
  // The broken rows: spread over the file, among the new members.
  const start = withCccd.length + byName.length;
  for (let e = 0; e < errors; e++) {
    const row = rows[start + Math.floor(((e + 0.5) * (n - start)) / errors)]!;
    const kind = e % 3;
    row.broken =
      kind === 0
        ? { birthDate: `31/02/${row.values.birthDate!.slice(6)}` }
        : kind === 1 && row.values.cccd
          ? { cccd: row.values.cccd.slice(1) }
          : { orgId: 'Chi bộ Không Có Trong Danh Sách' };
  }
  // Shuffle so that existing and new members are mixed as in a real list.
  return { rows: rng.shuffle(rows), expect: { cccd: withCccd.length, name: byName.length, errors } };
}

export async function writeXlsx(file: string, rows: readonly FileRow[], broken: boolean): Promise<void> {
  const out = createWriteStream(file);
  const book = exportWorkbook(out);
  for (const r of rows) book.addRow(broken && r.broken ? { ...r.values, ...r.broken } : r.values);
  await book.finish();
  await finished(out);
}

// ---------------------------------------------------------------------------------------------------------------
// The server process

interface Server {
  child: ChildProcess;
  baseUrl: string;
  /** Resident set size now and the peak so far (VmRSS, VmHWM of /proc/<pid>/status), in MiB. */
  memory(): { rss: number; peak: number };
  /** CPU time used so far, ms. */
  cpu(): number;
  stop(): Promise<void>;
}

/** CPU time (user + system) the process has used so far, in ms: a figure the other jobs of a shared machine do not inflate. */
function procCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of /proc/<pid>/stat (11 and 12 after the command name), in clock ticks.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}
const CLOCK_TICKS = 100;

function procStatus(pid: number): { rss: number; peak: number } {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? Number.NaN);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

/** `hatnhan serve` in a child process on a random loopback port; resolves once it listens. */
async function startServer(env: Record<string, string>, log: (m: string) => void): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', 'serve'], {
    cwd: ROOT,
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', IMPORT_MAX_MB: '100' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start in 120 s:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /đang chạy: (http:\/\/\S+)/u.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!.replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => {
      output += c.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}:\n${output}`));
    });
  });
  child.stdout!.on('data', () => undefined);
  child.stderr!.on('data', (c: Buffer) => log(`server: ${c.toString().trimEnd()}`));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', (code, signal) => log(`server exited (code ${code}, signal ${signal})`));
  return {
    child,
    baseUrl,
    memory: () => procStatus(child.pid!),
    cpu: () => procCpuMs(child.pid!),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON of the import routes, checked by hand
}

async function client(baseUrl: string) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: USER, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
  const headers = { cookie, 'x-csrf-token': ((await res.json()) as { csrfToken: string }).csrfToken };
  const answer = async (r: Response): Promise<Answer> => ({ status: r.status, body: await r.json().catch(() => null) });
  return {
    get: async (url: string) => answer(await fetch(`${baseUrl}${url}`, { headers })),
    post: async (url: string) => answer(await fetch(`${baseUrl}${url}`, { method: 'POST', headers })),
    async upload(url: string, file: string): Promise<Answer> {
      const form = new FormData();
      form.append('file', await openAsBlob(file), path.basename(file));
      return answer(await fetch(`${baseUrl}${url}`, { method: 'POST', headers, body: form }));
    },
  };
}

type Client = Awaited<ReturnType<typeof client>>;

/**
 * Uploads a file for preview with an import id of its own, and polls the progress meanwhile: the upload ends when
 * the server knows the import, the reading when every row is read; the rest is checking and storing the preview.
 */
async function previewWithPhases(c: Client, file: string, rows: number, id: string) {
  const t0 = performance.now();
  const phases = { uploadMs: Number.NaN, readMs: Number.NaN };
  let done = false;
  const poll = (async () => {
    while (!done) {
      await new Promise((r) => setTimeout(r, 200));
      if (done) break;
      const g = await c.get(`/api/members/import/${id}?limit=1`).catch(() => null);
      if (!g) continue; // the upload's own answer reports a server that went away
      const t = performance.now() - t0;
      if (g.status === 200 && g.body.status === 'processing') {
        if (Number.isNaN(phases.uploadMs)) phases.uploadMs = t;
        if (g.body.processedRows >= rows && Number.isNaN(phases.readMs)) phases.readMs = t;
      }
    }
  })();
  const res = await c.upload(`/api/members/import/preview?importId=${id}`, file);
  const totalMs = performance.now() - t0;
  done = true;
  await poll;
  return { res, totalMs, ...phases };
}

const uuid7ish = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const mib = (x: number) => Math.round(x);

export interface ImportBench {
  results: CaseResult[];
  lines: string[];
  version: string;
}

/** Loads the province with CCCDs, writes the two files, runs the import through a server process, reports. */
export async function benchImport(
  handle: EngineHandle,
  opts: { quick: boolean; analyze: boolean; workDir: string; province: ProvinceOptions },
  progress: (m: string) => void,
): Promise<ImportBench> {
  const engine = handle.engine;
  const n = opts.quick ? IMPORT_ROWS_QUICK : IMPORT_ROWS;
  const rng = createRng(opts.province.seed).fork('import');
  const p = generateProvince(opts.province);
  progress(`${engine} import: loading the province (${p.stats.members} members) for ${n} rows`);
  const { database, drop, serverEnv } = await handle.create('import');
  let server: Server | null = null;
  try {
    let t = performance.now();
    await database.db.transaction().execute(async (tx) => {
      await insertOrgRows(tx, p.orgs);
      await insertMembers(tx, p);
    });
    await insertUser(database.db, {
      username: USER,
      fullName: 'Đo hiệu năng nhập tệp',
      password: PASSWORD,
      homeOrgId: null,
      roles: [{ role: 'system_admin', orgId: null }],
    });
    if (opts.analyze) await sql`ANALYZE`.execute(database.db);
    const loadMs = performance.now() - t;
    const version = await serverVersion(database.db);
    const { cells, catalogues } = await fileContext(database);
    await database.close();

    t = performance.now();
    const { rows, expect } = fileRows(rng.fork('rows'), n, p.members, cells, catalogues);
    const withErrors = path.join(opts.workDir, `danh-sach-${n}-co-loi.xlsx`);
    const corrected = path.join(opts.workDir, `danh-sach-${n}.xlsx`);
    await writeXlsx(withErrors, rows, true);
    await writeXlsx(corrected, rows, false);
    const fileMs = performance.now() - t;
    const size = statSync(corrected).size;
    progress(`${engine} import: files written in ${(fileMs / 1000).toFixed(1)} s (${(size / 2 ** 20).toFixed(1)} MiB); starting the server`);

    server = await startServer(serverEnv, progress);
    const s = server;
    let sampled = 0;
    const sampler = setInterval(() => {
      try {
        sampled = Math.max(sampled, s.memory().rss);
      } catch {
        // the process is gone
      }
    }, 100);
    try {
      const idle = s.memory();
      const c = await client(s.baseUrl);

      let cpu = s.cpu();
      const cpuSince = () => {
        const now = s.cpu();
        const d = now - cpu;
        cpu = now;
        return d;
      };
      const first = await previewWithPhases(c, withErrors, n, uuid7ish(1));
      if (first.res.status !== 200)
        throw new Error(`preview of the file with errors answered ${first.res.status}: ${JSON.stringify(first.res.body).slice(0, 500)}`);
      if (first.res.body.summary.error !== expect.errors)
        throw new Error(
          `expected ${expect.errors} rows with errors, the preview found ${JSON.stringify(first.res.body.summary)}: ${first.res.body.problems.map((x: { message: string }) => x.message).join('\n')}`,
        );
      const refused = await c.post(`/api/members/import/${first.res.body.importId}/commit`);
      if (refused.status !== 409) throw new Error(`commit of a file with errors answered ${refused.status}, not 409`);
      const firstCpu = cpuSince();
      const afterFirst = s.memory();
      progress(
        `${engine} import: preview with errors ${(first.totalMs / 1000).toFixed(1)} s, rss ${mib(afterFirst.rss)} MiB, peak ${mib(afterFirst.peak)} MiB`,
      );

      const second = await previewWithPhases(c, corrected, n, uuid7ish(2));
      if (second.res.status !== 200) throw new Error(`preview answered ${second.res.status}: ${JSON.stringify(second.res.body).slice(0, 500)}`);
      const summary = second.res.body.summary as { new: number; update: number; unchanged: number; error: number };
      if (summary.error !== 0) throw new Error(`the corrected file has errors: ${JSON.stringify(second.res.body.problems.slice(0, 3))}`);
      const previewCpu = cpuSince();
      const afterPreview = s.memory();
      progress(`${engine} import: preview ${(second.totalMs / 1000).toFixed(1)} s ${JSON.stringify(summary)}, rss ${mib(afterPreview.rss)} MiB`);
      t = performance.now();
      const commit = await c.post(`/api/members/import/${second.res.body.importId}/commit`);
      const commitMs = performance.now() - t;
      if (commit.status !== 200) throw new Error(`commit answered ${commit.status}: ${JSON.stringify(commit.body).slice(0, 500)}`);
      const result = commit.body.result as { created: number; updated: number; unchanged: number };
      if (result.created !== summary.new || result.updated !== summary.update)
        throw new Error(`commit result ${JSON.stringify(result)} differs from the preview ${JSON.stringify(summary)}`);
      const commitCpu = cpuSince();
      const end = s.memory();
      const peak = Math.max(end.peak, sampled);
      const totalMs = second.totalMs + commitMs;
      progress(`${engine} import: commit ${(commitMs / 1000).toFixed(1)} s, total ${(totalMs / 1000).toFixed(1)} s, peak rss ${mib(peak)} MiB`);

      const scale = 'province' as const;
      const one = (name: string, ms: number, targetMs: number | null): CaseResult => ({ case: name, engine, scale, samples: [ms], targetMs });
      const results: CaseResult[] = [
        one('import-preview-errors', first.totalMs, null),
        one('import-preview', second.totalMs, null),
        one('import-commit', commitMs, null),
        one('import-total', totalMs, opts.quick ? null : IMPORT_TARGET_MS),
        one('import-total-cpu', previewCpu + commitCpu, null),
        { case: 'import-peak-rss', engine, scale, samples: [peak], targetMs: opts.quick ? null : IMPORT_RSS_TARGET_MIB, unit: 'MiB' },
      ];
      const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
      const lines = [
        `import: ${n} rows, ${(size / 2 ** 20).toFixed(1)} MiB xlsx (official layout), written in ${secs(fileMs)}; database: ${p.stats.orgs} orgs, ` +
          `${p.stats.members} members (80% with CCCD), loaded in ${secs(loadMs)}${opts.analyze ? ' with ANALYZE' : ''}`,
        `import: rows ${expect.cccd} existing by CCCD, ${expect.name} existing by name + birth date, ${expect.errors} with errors in the first file; ` +
          `preview of the corrected file ${JSON.stringify(summary)}, commit ${JSON.stringify(result)}`,
        `import: file with errors: upload ${secs(first.uploadMs)}, read by ${secs(first.readMs)}, preview answered at ${secs(first.totalMs)}; commit refused (409)`,
        `import: corrected file: upload ${secs(second.uploadMs)}, read by ${secs(second.readMs)}, preview answered at ${secs(second.totalMs)}; commit ${secs(commitMs)}; ` +
          `end to end ${secs(totalMs)}`,
        `import: server CPU time (user + system): preview with errors ${secs(firstCpu)}, preview ${secs(previewCpu)}, commit ${secs(commitCpu)}; ` +
          `end to end ${secs(previewCpu + commitCpu)} of CPU for ${secs(totalMs)} of wall time`,
        `import: server process rss ${mib(idle.rss)} MiB after start, ${mib(afterFirst.rss)} after the first preview, ${mib(afterPreview.rss)} after the second, ` +
          `${mib(end.rss)} after the commit; peak ${mib(peak)} MiB (VmHWM)`,
      ];
      return { results, lines, version };
    } finally {
      clearInterval(sampler);
    }
  } finally {
    await server?.stop();
    await drop();
  }
}

export async function fileContext(database: Database): Promise<{ cells: Cell[]; catalogues: Map<string, string[]> }> {
  const rows = await database.db
    .selectFrom('org_version as v')
    .innerJoin('org_kind as k', 'k.code', 'v.kind_code')
    .select(['v.org_id', 'v.name', 'v.code'])
    .where('v.valid_to', 'is', null)
    .where('k.is_cell', '=', true)
    .orderBy('v.org_id')
    .execute();
  // Users name a cell by its name; a name that several cells share needs the code.
  const names = new Map<string, number>();
  for (const r of rows) names.set(foldAccents(r.name), (names.get(foldAccents(r.name)) ?? 0) + 1);
  const cells = rows.map((r) => ({ id: r.org_id, label: names.get(foldAccents(r.name)) === 1 || !r.code ? r.name : r.code }));
  const catalogues = new Map<string, string[]>();
  for (const it of await database.db.selectFrom('catalogue_item').select(['catalogue', 'name']).orderBy('catalogue').orderBy('sort').execute()) {
    (catalogues.get(it.catalogue) ?? catalogues.set(it.catalogue, []).get(it.catalogue)!).push(it.name);
  }
  return { cells, catalogues };
}
