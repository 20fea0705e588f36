/**
 * Vitest global setup: runs once per test run, in the main Vitest process, before any test file.
 *
 * It prepares one migrated template per engine so that each test file gets its own database cheaply
 * (see test/helpers/db.ts):
 * - PGlite: an in-memory database is migrated and dumped with dumpDataDir('gzip') to a temp file; test files load
 *   it with loadDataDir (~0.6 s instead of ~3 s for a fresh PGlite).
 * - PostgreSQL: TEST_DATABASE_URL when given (a template database `hn_template_<random>` is created and migrated
 *   there and dropped afterwards); otherwise a throwaway cluster started from the server binaries installed on the
 *   machine (initdb + pg_ctl into a temp dir, as the `postgres` OS user when running as root) with a migrated
 *   `hn_template` database. Test files copy it with CREATE DATABASE … TEMPLATE.
 *
 * Without PostgreSQL the PostgreSQL suites are skipped, unless REQUIRE_POSTGRES=1, which fails the run.
 * TEST_SETUP_VERBOSE=1 prints how long each step took.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  chownSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPGlite, openPostgres } from '../src/server/db/connect.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the gzip tarball of a migrated PGlite data directory. */
    pgliteTemplate: string;
    /** Admin connection URL of the PostgreSQL server used by the tests; null when PostgreSQL is unavailable. */
    postgresUrl: string | null;
    /** Name of the migrated template database on that server; null when PostgreSQL is unavailable. */
    postgresTemplate: string | null;
  }
}

const INSTALL_HINT = 'apt-get install postgresql';
const verbose = process.env.TEST_SETUP_VERBOSE === '1';

function log(message: string): void {
  if (verbose) console.log(`[test setup] ${message}`);
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(2)} s`;
}

/** Work to undo when the run ends; each step is synchronous so it can also run from process.on('exit'). */
const cleanups: Array<() => void> = [];

/** Asynchronous teardown work that has no synchronous counterpart (dropping databases on an external server). */
const teardownSteps: Array<() => Promise<void>> = [];

function runCleanups(): void {
  while (cleanups.length > 0) {
    const step = cleanups.pop()!;
    try {
      step();
    } catch (error) {
      console.error('[test setup] cleanup failed:', error);
    }
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Everything this run creates on disk lives in one temp directory, removed by the teardown; if Vitest ends
  // without the teardown, by process.on('exit') (uncaught error, process.exit) or else by a watchdog (signals).
  const workDir = mkdtempSync(path.join(tmpdir(), 'hn-test-'));
  chmodSync(workDir, 0o711); // the postgres OS user must reach its cluster directory inside
  cleanups.push(() => rmSync(workDir, { recursive: true, force: true }));
  const watchdog = startWatchdog(workDir);
  cleanups.push(() => {
    try {
      process.kill(watchdog);
    } catch {
      // already gone
    }
  });
  process.on('exit', runCleanups);
  // Both templates are built at once: initdb and the server run in other processes while PGlite works here.
  const [pglite, postgres] = await Promise.allSettled([buildPgliteTemplate(workDir), preparePostgres(workDir)]);
  if (pglite.status === 'rejected' || postgres.status === 'rejected') {
    await teardown().catch((error: unknown) => console.error('[test setup] teardown after a failed setup:', error));
    throw pglite.status === 'rejected' ? pglite.reason : (postgres as PromiseRejectedResult).reason;
  }
  project.provide('pgliteTemplate', pglite.value);
  project.provide('postgresUrl', postgres.value?.url ?? null);
  project.provide('postgresTemplate', postgres.value?.template ?? null);
  return teardown;
}

async function teardown(): Promise<void> {
  const started = performance.now();
  try {
    for (const step of teardownSteps.splice(0).reverse()) await step();
  } finally {
    runCleanups();
    process.off('exit', runCleanups);
  }
  log(`teardown ${seconds(started)}`);
}

// ---------------------------------------------------------------------------------------------------------------
// PGlite

async function buildPgliteTemplate(workDir: string): Promise<string> {
  const started = performance.now();
  const database = await openPGlite({});
  try {
    await migrateToLatest(database.db as unknown as Kysely<unknown>);
    const dump = await database.pglite!.dumpDataDir('gzip');
    const file = path.join(workDir, 'pglite-template.tar.gz');
    await writeFile(file, new Uint8Array(await dump.arrayBuffer()));
    log(`PGlite template ${seconds(started)} (${Math.round(dump.size / 1024)} KiB)`);
    return file;
  } finally {
    await database.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// PostgreSQL

interface PostgresTarget {
  url: string;
  template: string;
}

async function preparePostgres(workDir: string): Promise<PostgresTarget | null> {
  const required = process.env.REQUIRE_POSTGRES === '1';
  const external = process.env.TEST_DATABASE_URL;
  if (external) return prepareExternal(external);

  const binDir = findPostgresBinDir();
  if (!binDir) {
    const message = `PostgreSQL server binaries not found; install with: ${INSTALL_HINT}`;
    if (required) throw new Error(`${message} (REQUIRE_POSTGRES=1), or set TEST_DATABASE_URL.`);
    console.log(`PostgreSQL suites skipped: server binaries not found (install with: ${INSTALL_HINT}, or set TEST_DATABASE_URL).`);
    return null;
  }
  return startCluster(binDir, workDir);
}

/** Uses the server in TEST_DATABASE_URL: creates and migrates hn_template_<random>, drops it (and leftovers) after. */
async function prepareExternal(adminUrl: string): Promise<PostgresTarget> {
  const started = performance.now();
  const runId = randomBytes(4).toString('hex');
  const template = `hn_template_${runId}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${template}"`);
  teardownSteps.push(async () => {
    // Test databases are named t_<runId>_<random> (see test/helpers/db.ts); drop any a test file left behind.
    const leftovers = await adminQuery(adminUrl, `SELECT datname FROM pg_database WHERE datname LIKE 't\\_${runId}\\_%'`);
    for (const row of leftovers.rows as Array<{ datname: string }>) {
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
    }
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  });
  await migrateTemplate(adminUrl, template);
  log(`PostgreSQL template on TEST_DATABASE_URL ${seconds(started)}`);
  return { url: adminUrl, template };
}

async function migrateTemplate(adminUrl: string, template: string): Promise<void> {
  const database = await openPostgres(withDatabase(adminUrl, template), 1);
  try {
    await migrateToLatest(database.db as unknown as Kysely<unknown>);
  } finally {
    await database.close();
  }
  // Nobody may connect to the template: a connected session would make every CREATE DATABASE … TEMPLATE fail.
  await adminQuery(adminUrl, `ALTER DATABASE "${template}" WITH ALLOW_CONNECTIONS false`);
}

async function startCluster(binDir: string, workDir: string): Promise<PostgresTarget> {
  const started = performance.now();
  const asRoot = process.getuid?.() === 0;
  let owner: { uid: number; gid: number } | null = null;
  if (asRoot) {
    owner = osUser('postgres');
    if (!owner) {
      throw new Error(
        'Running as root and there is no "postgres" OS user to run the PostgreSQL test cluster as ' +
          `(initdb refuses root). Install the server with: ${INSTALL_HINT}, or set TEST_DATABASE_URL.`,
      );
    }
  }
  const wrap = (argv: string[]): string[] => (asRoot ? asPostgresUser(argv) : argv);

  const dir = path.join(workDir, 'postgres');
  mkdirSync(dir, { mode: 0o700 });
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const dataDir = path.join(dir, 'data');
  const socketDir = dir;
  const logFile = path.join(dir, 'server.log');
  const initdb = path.join(binDir, 'initdb');
  const pgCtl = path.join(binDir, 'pg_ctl');

  // Collation C and character type C.UTF-8, as in PGlite, so that both engines sort and fold text alike.
  const initArgs = ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync', '--no-instructions'];
  let init = await run(wrap([initdb, ...initArgs, '--locale=C.UTF-8', '--lc-collate=C']), dir);
  if (init.code !== 0 && /locale/i.test(init.output)) {
    init = await run(wrap([initdb, ...initArgs, '--no-locale']), dir);
  }
  if (init.code !== 0) throw new Error(`initdb failed (${initdb}):\n${init.output}`);
  log(`initdb ${seconds(started)}`);

  // The server runs as the postgres user, detached from us: the teardown, process.on('exit') or the watchdog
  // (through stop-server.sh) stops it.
  const stopArgv = wrap([pgCtl, '-D', dataDir, '-m', 'immediate', '-s', 'stop']);
  writeFileSync(path.join(workDir, 'stop-server.sh'), `${stopArgv.map(shellQuote).join(' ')}\n`);
  cleanups.push(() => {
    spawnSync(stopArgv[0]!, stopArgv.slice(1), { cwd: dir, stdio: 'ignore' });
  });
  let port = 0;
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    const options = [
      `-p ${port}`,
      `-k '${socketDir}'`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c TimeZone=UTC',
    ].join(' ');
    const start = await run(wrap([pgCtl, '-D', dataDir, '-l', logFile, '-w', '-t', '60', '-s', '-o', options, 'start']), dir);
    if (start.code === 0) break;
    // Stop whatever might be half started before retrying or giving up.
    await run(stopArgv, dir);
    const serverLog = spawnSync('tail', ['-n', '20', logFile], { encoding: 'utf8' }).stdout ?? '';
    if (attempt >= 3 || !/address already in use|could not bind|could not create/i.test(serverLog)) {
      throw new Error(`pg_ctl start failed (${pgCtl}):\n${start.output}\n--- server log ---\n${serverLog}`);
    }
  }
  log(`PostgreSQL started on 127.0.0.1:${port} ${seconds(started)}`);

  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const template = 'hn_template';
  await adminQuery(adminUrl, `CREATE DATABASE "${template}"`);
  await migrateTemplate(adminUrl, template);
  const version = spawnSync(pgCtl, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '';
  log(`PostgreSQL template ready ${seconds(started)} (${version}, ${binDir})`);
  return { url: adminUrl, template };
}

/**
 * A detached shell that waits for this process to disappear, however it ends (even SIGKILL), then stops the
 * cluster (workDir/stop-server.sh, once one runs) and removes workDir. The normal teardown kills it first.
 */
function startWatchdog(workDir: string): number {
  const script = [
    'parent=$1; dir=$2',
    'while kill -0 "$parent" 2>/dev/null; do sleep 1; done',
    'if [ -f "$dir/stop-server.sh" ]; then sh "$dir/stop-server.sh" >/dev/null 2>&1; fi',
    'rm -rf "$dir"',
  ].join('\n');
  const child = spawn('/bin/sh', ['-c', script, 'hn-test-watchdog', String(process.pid), workDir], {
    cwd: workDir,
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
  return child.pid!;
}

/** initdb and pg_ctl: from PATH first, else the newest /usr/lib/postgresql/<version>/bin (Debian, Ubuntu). */
function findPostgresBinDir(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir || !isExecutable(path.join(dir, 'initdb'))) continue;
    // Prefer the directory the initdb symlink points into, where pg_ctl and postgres live as well.
    const real = path.dirname(realpathSync(path.join(dir, 'initdb')));
    for (const candidate of [real, dir]) {
      if (isExecutable(path.join(candidate, 'pg_ctl'))) return candidate;
    }
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((name) => /^\d+(\.\d+)?$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const dir = path.join(root, version, 'bin');
    if (isExecutable(path.join(dir, 'initdb')) && isExecutable(path.join(dir, 'pg_ctl'))) return dir;
  }
  return null;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function osUser(name: string): { uid: number; gid: number } | null {
  const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) return null;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Prefixes a command so it runs as the postgres OS user: runuser (util-linux) when present, else su. */
function asPostgresUser(argv: string[]): string[] {
  for (const runuser of ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser']) {
    if (isExecutable(runuser)) return [runuser, '-u', 'postgres', '--', ...argv];
  }
  return ['su', 'postgres', '-s', '/bin/sh', '-c', argv.map(shellQuote).join(' ')];
}

function shellQuote(arg: string): string {
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}

function run(argv: string[], cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    // cwd matters: the postgres user may not be allowed into the caller's working directory.
    const child = spawn(argv[0]!, argv.slice(1), { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function adminQuery(url: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}
