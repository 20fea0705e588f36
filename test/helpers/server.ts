/**
 * A real server for browser tests: the demo province on an isolated PGlite, the built web client, listening on a
 * random loopback port. It stops when the test file's afterAll calls close().
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../src/server/app.ts';
import { systemClock } from '../../src/server/clock.ts';
import { testConfig } from '../../src/server/config.ts';
import { seedDemo } from '../../src/server/demo/seed.ts';
import { openTestDatabase } from './db.ts';

export async function startDemoServer() {
  const database = await openTestDatabase('pglite');
  const seeded = await seedDemo(database.db, systemClock, { seed: 2025 });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hn-browser-data-'));
  const { app } = await createApp({
    db: database.db,
    config: testConfig({ webDir: path.resolve('dist/web'), dataDir }),
    clock: systemClock,
  });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    baseUrl: address,
    seeded,
    database,
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
export function browserWithDemo(launch: () => Promise<Browser | null>): { readonly browser: Browser | null; readonly server: DemoServer; errors: string[] } {
  let browser: Browser | null = null;
  let server: DemoServer | null = null;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launch(), startDemoServer()]);
  });
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
