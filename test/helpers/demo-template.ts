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
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { systemClock } from '../../src/server/clock.ts';
import { seedDemo } from '../../src/server/demo/seed.ts';
import { openTestDatabase } from './db.ts';

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
