/**
 * The demo province for browser tests, seeded once and copied per test file: seeding takes a minute of CPU, and
 * seeding it in every browser file made the suite's time grow with each file (and time out on a loaded machine).
 *
 * The first file that needs the demo seeds it on PGlite and dumps the data directory to
 * .tmp/demo-template/<key>.tar.gz, beside the seed's answer in <key>.json; every other file (in this run and the
 * next) loads that tarball, as test/helpers/db.ts loads the migrated template. The key hashes what the demo is made
 * of: the server and domain sources (migrations, demo generator, the services it calls), the lock file (PGlite's
 * version) and today's date (the demo's history runs up to today). Two files asking at once: one takes a lock file
 * and seeds, the other waits for the tarball.
 *
 * On PostgreSQL (the browser journeys run on both engines) the demo is seeded once per run into a template database
 * of the run's server, `t[_<run>]_demo_<key>`, by the first file that asks (the others wait on an advisory lock), and
 * each file copies it with CREATE DATABASE … TEMPLATE (demoPostgres below). The seed's answer is kept as the
 * template's comment. The run's teardown drops it with the server (or with the run's databases on TEST_DATABASE_URL).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { systemClock } from '../../src/server/clock.ts';
import { openPostgres, type Database } from '../../src/server/db/connect.ts';
import { seedDemo } from '../../src/server/demo/seed.ts';
import { openPostgresCopy, openTestDatabase } from './db.ts';

export type DemoSeedResult = Awaited<ReturnType<typeof seedDemo>>;

export interface DemoTemplate {
  /** The gzip tarball of the seeded PGlite data directory, for openPGlite({ loadDataDir }). */
  tarball: Blob;
  /** What seedDemo answered when the template was made (root id, counts, the reorganisation's batch). */
  seeded: DemoSeedResult;
  /** Whether this call seeded the template (false when it was already there). */
  built: boolean;
}

const DIR = path.resolve('.tmp/demo-template');
const SEED = 2025;

/** The hash of everything the seeded demo depends on. */
export async function demoTemplateKey(): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`seed ${SEED} today ${systemClock.today()}\n`);
  const files = [...(await sourceFiles('src/server')), ...(await sourceFiles('src/domain')), 'package-lock.json'].sort();
  for (const file of files) {
    hash.update(`${file}\n`);
    hash.update(await readFile(file));
  }
  return hash.digest('hex').slice(0, 16);
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')).map((e) => path.join(e.parentPath, e.name));
}

let cached: Promise<DemoTemplate> | undefined;

/** The seeded demo template, built by this call when no file has built it yet. Read once per test file. */
export function demoTemplate(): Promise<DemoTemplate> {
  cached ??= loadOrBuild().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function loadOrBuild(): Promise<DemoTemplate> {
  const key = await demoTemplateKey();
  const tarFile = path.join(DIR, `${key}.tar.gz`);
  const jsonFile = path.join(DIR, `${key}.json`);
  const lockFile = path.join(DIR, `${key}.lock`);
  await mkdir(DIR, { recursive: true });
  let built = false;
  // The JSON is written last: when it is there, the tarball is complete.
  while (!existsSync(jsonFile)) {
    if (await takeLock(lockFile)) {
      try {
        if (!existsSync(jsonFile)) {
          await build(tarFile, jsonFile);
          built = true;
          await removeOtherKeys(key);
        }
      } finally {
        await rm(lockFile, { force: true });
      }
    } else {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  const [bytes, json] = await Promise.all([readFile(tarFile), readFile(jsonFile, 'utf8')]);
  // The type tells PGlite to gunzip the tarball.
  return { tarball: new Blob([new Uint8Array(bytes)], { type: 'application/x-gzip' }), seeded: JSON.parse(json) as DemoSeedResult, built };
}

async function build(tarFile: string, jsonFile: string): Promise<void> {
  const database = await openTestDatabase('pglite');
  try {
    const seeded = await seedDemo(database.db, systemClock, { seed: SEED });
    const dump = await database.pglite!.dumpDataDir('gzip');
    // Written under temporary names and renamed: a reader never sees half a file.
    await writeFile(`${tarFile}.${process.pid}`, new Uint8Array(await dump.arrayBuffer()));
    await rename(`${tarFile}.${process.pid}`, tarFile);
    await writeFile(`${jsonFile}.${process.pid}`, JSON.stringify(seeded));
    await rename(`${jsonFile}.${process.pid}`, jsonFile);
  } finally {
    await database.close();
  }
}

/** Creates the lock file holding this process's id; a lock left by a process that died is taken over. */
async function takeLock(lockFile: string): Promise<boolean> {
  try {
    const handle = await open(lockFile, 'wx');
    await handle.writeFile(String(process.pid));
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const owner = Number(await readFile(lockFile, 'utf8').catch(() => ''));
  // An empty file: its owner is between creating and writing it (or died there, long ago).
  if (!owner) {
    const written = (await stat(lockFile).catch(() => null))?.mtimeMs ?? 0;
    if (written < Date.now() - 60_000) await rm(lockFile, { force: true });
    return false;
  }
  if (isAlive(owner)) return false;
  await rm(lockFile, { force: true });
  return takeLock(lockFile);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Templates of older sources or dates are never read again. */
async function removeOtherKeys(key: string): Promise<void> {
  for (const name of await readdir(DIR)) {
    if (!name.startsWith(key) && /\.(tar\.gz|json)$/.test(name)) await rm(path.join(DIR, name), { force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// PostgreSQL

/** A connection to a database of the run's server (the admin URL with another database name). */
function urlOf(adminUrl: string, database: string): string {
  const parsed = new URL(adminUrl);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/**
 * The name of the run's seeded demo template on PostgreSQL, seeded by this call when no file has done it yet. Two
 * files asking at once: the second waits on the advisory lock the first holds while it seeds.
 */
async function demoPostgresTemplate(): Promise<{ name: string; seeded: DemoSeedResult }> {
  const adminUrl = inject('postgresUrl');
  const template = inject('postgresTemplate');
  if (!adminUrl || !template)
    throw new Error('PostgreSQL is not available in this test run (install with: apt-get install postgresql, or set TEST_DATABASE_URL).');
  const name = `${template.replace(/^hn_template/, 't')}_demo_${await demoTemplateKey()}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    const found = await client.query<{ seeded: string | null }>("SELECT shobj_description(oid, 'pg_database') AS seeded FROM pg_database WHERE datname = $1", [
      name,
    ]);
    if (found.rows[0]?.seeded) return { name, seeded: JSON.parse(found.rows[0].seeded) as DemoSeedResult };
    // Seeded under another name and renamed when complete: a file never copies half a demo.
    const building = `${name}_b`;
    await client.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${building}" TEMPLATE "${template}"`);
    const database = await openPostgres(urlOf(adminUrl, building));
    let seeded: DemoSeedResult;
    try {
      seeded = await seedDemo(database.db, systemClock, { seed: SEED });
    } finally {
      await database.close();
    }
    await client.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
    await client.query(`COMMENT ON DATABASE "${name}" IS ${client.escapeLiteral(JSON.stringify(seeded))}`);
    // Nobody may connect to a template: a connected session would make every copy fail.
    await client.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false`);
    return { name, seeded };
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name]).catch(() => undefined);
    await client.end();
  }
}

let pgCached: Promise<{ name: string; seeded: DemoSeedResult }> | undefined;

/** A copy of the seeded demo on the run's PostgreSQL server, dropped by its close(), and the seed's answer. */
export async function demoPostgres(): Promise<{ database: Database; seeded: DemoSeedResult }> {
  pgCached ??= demoPostgresTemplate().catch((error: unknown) => {
    pgCached = undefined;
    throw error;
  });
  const { name, seeded } = await pgCached;
  return { database: await openPostgresCopy(name), seeded };
}
