/**
 * Vitest global setup: runs once per test run, in the main Vitest process, before any test file.
 *
 * It prepares one migrated template per engine so that each test file gets its own database cheaply
 * (see test/helpers/db.ts):
 * - PGlite: an in-memory database is migrated and dumped with dumpDataDir('gzip') to a temp file; test files load
 *   it with loadDataDir (~0.6 s instead of ~3 s for a fresh PGlite).
 * - PostgreSQL: TEST_DATABASE_URL when given (a template database `hn_template_<random>` is created and migrated
 *   there and dropped afterwards); otherwise a throwaway cluster started from the server binaries installed on the
 *   machine (test/helpers/pg-cluster.ts: initdb + pg_ctl into a temp dir, as the `postgres` OS user when running as
 *   root) with a migrated `hn_template` database. Test files copy it with CREATE DATABASE … TEMPLATE.
 *
 * Without PostgreSQL the PostgreSQL suites are skipped, unless REQUIRE_POSTGRES=1, which fails the run.
 * TEST_SETUP_VERBOSE=1 prints how long each step took.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { TestProject } from 'vitest/node';
import { openPGlite, openPostgres } from '../src/server/db/connect.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { adminQuery, findPostgresBinDir, POSTGRES_INSTALL_HINT, startThrowawayPostgres, startWatchdog, withDatabase } from './helpers/pg-cluster.ts';

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
  cleanups.push(() => watchdog.stop());
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
    const message = `PostgreSQL server binaries not found; install with: ${POSTGRES_INSTALL_HINT}`;
    if (required) throw new Error(`${message} (REQUIRE_POSTGRES=1), or set TEST_DATABASE_URL.`);
    console.log(`PostgreSQL suites skipped: server binaries not found (install with: ${POSTGRES_INSTALL_HINT}, or set TEST_DATABASE_URL).`);
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
  // The watchdog started by setup() already covers workDir.
  const cluster = await startThrowawayPostgres(workDir, { binDir, watchdog: false, log });
  cleanups.push(() => cluster.stopSync());
  const template = 'hn_template';
  await adminQuery(cluster.adminUrl, `CREATE DATABASE "${template}"`);
  await migrateTemplate(cluster.adminUrl, template);
  log(`PostgreSQL template ready ${seconds(started)} (${cluster.version}, ${binDir})`);
  return { url: cluster.adminUrl, template };
}
