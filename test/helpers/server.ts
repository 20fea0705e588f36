/**
 * A real server for browser tests: the demo province on an isolated database (a copy of the template seeded once, see
 * demo-template.ts), the built web client, listening on a random loopback port. It stops when the test file's
 * afterAll calls close().
 *
 * The engine: PGlite by default; a journey that must pass on both engines (issue 16) runs its describe block once per
 * engine with describeBrowserEngines, like describeEngines for the database suites: PostgreSQL when the run has its
 * server (a throwaway cluster, or TEST_DATABASE_URL), listed as skipped otherwise; REQUIRE_POSTGRES=1 makes its
 * absence fail the run (test/global-setup.ts). One demo server per engine per file: the tests of a block share it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../src/server/app.ts';
import { systemClock } from '../../src/server/clock.ts';
import { testConfig } from '../../src/server/config.ts';
import { openPGlite, type Database, type Engine } from '../../src/server/db/connect.ts';
import { browserAvailable, browserRequired } from './browser.ts';
import { testEngines } from './db.ts';
import { demoPostgres, demoTemplate, type DemoSeedResult } from './demo-template.ts';

/**
 * How long a browser file's setup may take: the file that seeds the demo template for the run waits for the seed,
 * which takes minutes on a loaded 2-core machine (every other file only copies it).
 */
export const DEMO_SETUP_TIMEOUT = 600_000;

async function demoDatabase(engine: Engine): Promise<{ database: Database; seeded: DemoSeedResult }> {
  if (engine === 'postgres') return demoPostgres();
  const { tarball, seeded } = await demoTemplate();
  return { database: await openPGlite({ loadDataDir: tarball }), seeded };
}

export async function startDemoServer(engine: Engine = 'pglite') {
  const { database, seeded } = await demoDatabase(engine);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hn-browser-data-'));
  const { app, services } = await createApp({
    db: database.db,
    config: testConfig({ webDir: path.resolve('dist/web'), dataDir }),
    clock: systemClock,
  });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    baseUrl: address,
    engine,
    seeded,
    database,
    /** The server's services, for a journey's setup that the page does not need to show. */
    services,
    async close() {
      await app.close();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export type DemoServer = Awaited<ReturnType<typeof startDemoServer>>;

/**
 * For one describe block of browser tests: a browser (null when none is installed and none is required) and a server
 * with the demo province, started before its tests and closed after them, and the page errors the tests collect.
 */
export function browserWithDemo(
  launch: () => Promise<Browser | null>,
  engine: Engine = 'pglite',
): { readonly browser: Browser | null; readonly server: DemoServer; errors: string[] } {
  let browser: Browser | null = null;
  let server: DemoServer | null = null;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launch(), startDemoServer(engine)]);
  }, DEMO_SETUP_TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      return browser;
    },
    get server() {
      if (!server) throw new Error('the demo server is not started yet');
      return server;
    },
    errors: [],
  };
}

/**
 * A browser suite once per engine ("name [pglite]", "name [postgres]"), skipped without a browser unless
 * REQUIRE_BROWSER=1; without PostgreSQL its suite is listed as skipped, as describeEngines does.
 */
export function describeBrowserEngines(name: string, fn: (engine: Engine) => void): void {
  const skip = !browserAvailable && !browserRequired;
  for (const engine of testEngines()) describe.skipIf(skip)(`${name} [${engine}]`, () => fn(engine));
  if (!inject('postgresUrl')) describe.skip(`${name} [postgres]`, () => fn('postgres'));
}
