/**
 * A real server for browser tests: the demo province on an isolated PGlite (a copy of the template seeded once, see
 * demo-template.ts), the built web client, listening on a random loopback port. It stops when the test file's
 * afterAll calls close().
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../src/server/app.ts';
import { systemClock } from '../../src/server/clock.ts';
import { testConfig } from '../../src/server/config.ts';
import { openPGlite } from '../../src/server/db/connect.ts';
import { demoTemplate } from './demo-template.ts';

/**
 * How long a browser file's setup may take: the file that seeds the demo template for the run waits for the seed,
 * which takes minutes on a loaded 2-core machine (every other file only copies it).
 */
export const DEMO_SETUP_TIMEOUT = 600_000;

export async function startDemoServer() {
  const { tarball, seeded } = await demoTemplate();
  const database = await openPGlite({ loadDataDir: tarball });
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
