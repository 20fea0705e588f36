/**
 * A throwaway PostgreSQL cluster started from the server binaries installed on the machine: initdb + pg_ctl into a
 * directory of the caller's, listening on loopback only, as the `postgres` OS user when running as root (initdb
 * refuses root). Used by the test run (test/global-setup.ts) and the benchmark (bench/run.ts).
 *
 * The cluster never outlives the process that started it: stop() stops it; if the process ends without calling it
 * (uncaught error, SIGKILL), a detached watchdog shell notices, runs `<workDir>/stop-server.sh` and removes workDir.
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, chmodSync, chownSync, constants, existsSync, mkdirSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import pg from 'pg';

export const POSTGRES_INSTALL_HINT = 'apt-get install postgresql';

export interface ThrowawayPostgres {
  /** Connection URL of the `postgres` superuser on the `postgres` database (127.0.0.1, trust authentication). */
  adminUrl: string;
  /** Directory of initdb, pg_ctl and postgres. */
  binDir: string;
  /** `pg_ctl --version`, e.g. "pg_ctl (PostgreSQL) 15.13". */
  version: string;
  /** Stops the server (immediate mode), removes its directory and ends the watchdog this call started. Idempotent. */
  stop(): Promise<void>;
  /** The same, synchronously: for process.on('exit'). */
  stopSync(): void;
}

export interface ThrowawayPostgresOptions {
  /** Server binaries; default findPostgresBinDir(). */
  binDir?: string;
  /**
   * Start a watchdog that stops the server and removes workDir when this process disappears (default true). A
   * caller that already runs one over workDir (startWatchdog) passes false.
   */
  watchdog?: boolean;
  /**
   * Durable settings (default false): false turns off fsync, synchronous_commit and full_page_writes, which is right
   * for tests; a benchmark that times writes keeps the server's defaults.
   */
  durable?: boolean;
  /** Progress messages (initdb, start). */
  log?: (message: string) => void;
}

/**
 * Starts a cluster in `<workDir>/postgres`. workDir must exist and be reachable by the postgres OS user (mode 0711
 * is enough); the script that stops the server is written to `<workDir>/stop-server.sh`.
 */
export async function startThrowawayPostgres(workDir: string, opts: ThrowawayPostgresOptions = {}): Promise<ThrowawayPostgres> {
  const started = performance.now();
  const log = opts.log ?? (() => {});
  const binDir = opts.binDir ?? findPostgresBinDir();
  if (!binDir) throw new Error(`PostgreSQL server binaries not found; install with: ${POSTGRES_INSTALL_HINT}`);
  const asRoot = process.getuid?.() === 0;
  let owner: { uid: number; gid: number } | null = null;
  if (asRoot) {
    owner = osUser('postgres');
    if (!owner) {
      throw new Error(
        'Running as root and there is no "postgres" OS user to run a throwaway PostgreSQL cluster as ' +
          `(initdb refuses root). Install the server with: ${POSTGRES_INSTALL_HINT}, or use a server of your own ` +
          '(TEST_DATABASE_URL for the tests, BENCH_DATABASE_URL for the benchmark).',
      );
    }
  }
  const wrap = (argv: string[]): string[] => (asRoot ? asPostgresUser(argv) : argv);

  chmodSync(workDir, 0o711); // the postgres OS user must reach its cluster directory inside
  const watchdog = opts.watchdog === false ? null : startWatchdog(workDir);
  const dir = path.join(workDir, 'postgres');
  const dataDir = path.join(dir, 'data');
  const socketDir = dir;
  const logFile = path.join(dir, 'server.log');
  const stopScript = path.join(workDir, 'stop-server.sh');
  const initdb = path.join(binDir, 'initdb');
  const pgCtl = path.join(binDir, 'pg_ctl');
  const stopArgv = wrap([pgCtl, '-D', dataDir, '-m', 'immediate', '-s', 'stop']);

  let stopped = false;
  const stopSync = (): void => {
    if (stopped) return;
    stopped = true;
    if (existsSync(stopScript)) spawnSync(stopArgv[0]!, stopArgv.slice(1), { cwd: workDir, stdio: 'ignore' });
    rmSync(stopScript, { force: true });
    rmSync(dir, { recursive: true, force: true });
    watchdog?.stop();
  };
  const stop = async (): Promise<void> => {
    if (stopped) return;
    if (existsSync(stopScript)) await run(stopArgv, workDir);
    stopSync();
  };

  try {
    mkdirSync(dir, { mode: 0o700 });
    if (owner) chownSync(dir, owner.uid, owner.gid);

    // Collation C and character type C.UTF-8, as in PGlite, so that both engines sort and fold text alike.
    const initArgs = ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync', '--no-instructions'];
    let init = await run(wrap([initdb, ...initArgs, '--locale=C.UTF-8', '--lc-collate=C']), dir);
    if (init.code !== 0 && /locale/i.test(init.output)) {
      init = await run(wrap([initdb, ...initArgs, '--no-locale']), dir);
    }
    if (init.code !== 0) throw new Error(`initdb failed (${initdb}):\n${init.output}`);
    log(`initdb ${seconds(started)}`);

    // The server runs as the postgres user, detached from us: stop(), or the watchdog through stop-server.sh,
    // stops it.
    writeFileSync(stopScript, `${stopArgv.map(shellQuote).join(' ')}\n`);
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const options = [
        `-p ${port}`,
        `-k '${socketDir}'`,
        '-c listen_addresses=127.0.0.1',
        ...(opts.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
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
    const version = spawnSync(pgCtl, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '';
    return { adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`, binDir, version, stop, stopSync };
  } catch (error) {
    stopSync();
    throw error;
  }
}

/**
 * A detached shell that waits for this process to disappear, however it ends (even SIGKILL), then stops the
 * cluster (workDir/stop-server.sh, once one runs) and removes workDir. stop() ends it when no longer needed.
 */
export function startWatchdog(workDir: string): { pid: number; stop(): void } {
  const script = [
    'parent=$1; dir=$2',
    'while kill -0 "$parent" 2>/dev/null; do sleep 1; done',
    'if [ -f "$dir/stop-server.sh" ]; then sh "$dir/stop-server.sh" >/dev/null 2>&1; fi',
    'rm -rf "$dir"',
  ].join('\n');
  const child = spawn('/bin/sh', ['-c', script, 'hn-watchdog', String(process.pid), workDir], {
    cwd: workDir,
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
  const pid = child.pid!;
  return {
    pid,
    stop() {
      try {
        process.kill(pid);
      } catch {
        // already gone
      }
    },
  };
}

/** initdb and pg_ctl: from PATH first, else the newest /usr/lib/postgresql/<version>/bin (Debian, Ubuntu). */
export function findPostgresBinDir(): string | null {
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

/** Runs one statement on its own connection (CREATE/DROP DATABASE cannot run inside a pool's transaction). */
export async function adminQuery(url: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

/** The same server URL, on another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(2)} s`;
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
