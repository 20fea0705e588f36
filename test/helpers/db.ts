/**
 * Databases for tests: every database test runs on PGlite and, when available, on a real PostgreSQL server.
 * Each call of openTestDatabase returns a fresh, already-migrated, isolated database copied from the template that
 * test/global-setup.ts built once for the run.
 *
 * Typical use, one database per test file and engine:
 *
 *   describeEngines('org tree', (engine) => {
 *     let database: Database;
 *     beforeAll(async () => { database = await openTestDatabase(engine); });
 *     afterAll(() => database.close());
 *     it('…', async () => { await database.db.selectFrom('org').selectAll().execute(); });
 *   });
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { describe, inject } from 'vitest';
import { openPGlite, openPostgres, type Database, type Engine } from '../../src/server/db/connect.ts';

export type { Database, Engine };

/** The engines this run can test: always 'pglite', plus 'postgres' when a server is available. */
export function testEngines(): Engine[] {
  return inject('postgresUrl') ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * An isolated, migrated database on the given engine. Its close() releases it (and, on PostgreSQL, drops it);
 * call it in afterAll.
 */
export async function openTestDatabase(engine: Engine): Promise<Database> {
  return engine === 'pglite' ? openPgliteCopy() : openPostgresCopy();
}

/**
 * describe() once per available engine, the engine named in the suite title ("name [pglite]"). When PostgreSQL is
 * unavailable its suite is still listed, as skipped, so the report shows what did not run.
 */
export function describeEngines(name: string, fn: (engine: Engine) => void): void {
  // describe.each formats titles printf-style: escape any % in the caller's name.
  describe.each(testEngines())(`${name.replaceAll('%', '%%')} [%s]`, (engine) => fn(engine));
  if (!inject('postgresUrl')) describe.skip(`${name} [postgres]`, () => fn('postgres'));
}

/**
 * An empty database (no migration applied) on the given engine, for tests that migrate step by step (a migration's
 * handling of old rows). Its close() releases it (and, on PostgreSQL, drops it).
 */
export async function openEmptyTestDatabase(engine: Engine): Promise<Database> {
  if (engine === 'pglite') return openPGlite({});
  const adminUrl = inject('postgresUrl');
  if (!adminUrl) throw new Error('PostgreSQL is not available in this test run; use describeEngines().');
  const name = `t_empty_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  const database = await openPostgres(withDatabase(adminUrl, name), 2);
  let closed = false;
  return {
    ...database,
    async close() {
      if (closed) return;
      closed = true;
      await database.close();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

let pgliteTemplate: Promise<Blob> | undefined;

async function openPgliteCopy(): Promise<Database> {
  // Read once per test file; PGlite only reads the blob, so one copy serves every database the file opens.
  pgliteTemplate ??= readFile(inject('pgliteTemplate')).then(
    // The type tells PGlite to gunzip the tarball.
    (bytes) => new Blob([new Uint8Array(bytes)], { type: 'application/x-gzip' }),
  );
  return openPGlite({ loadDataDir: await pgliteTemplate });
}

/**
 * A copy of a database of the run's PostgreSQL server (CREATE DATABASE … TEMPLATE), dropped by its close(); by default
 * of the migrated template, or of another template database made in this run (the browser tests' seeded demo).
 */
export async function openPostgresCopy(from?: string): Promise<Database> {
  const adminUrl = inject('postgresUrl');
  const template = inject('postgresTemplate');
  if (!adminUrl || !template) {
    throw new Error(
      'PostgreSQL is not available in this test run (install with: apt-get install postgresql, or set ' +
        'TEST_DATABASE_URL); use describeEngines() or testEngines() to run only on the available engines.',
    );
  }
  // hn_template → t_<random>; hn_template_<run> (TEST_DATABASE_URL) → t_<run>_<random>, which the global
  // teardown drops if a test file forgot to close its database.
  const name = `${template.replace(/^hn_template/, 't')}_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}" TEMPLATE "${from ?? template}"`);
  let database: Database;
  try {
    database = await openPostgres(withDatabase(adminUrl, name));
  } catch (error) {
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    throw error;
  }
  const closeConnections = database.close;
  let closed = false;
  return {
    ...database,
    async close() {
      if (closed) return;
      closed = true;
      await closeConnections();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}
