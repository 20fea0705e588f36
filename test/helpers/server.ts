/**
 * A real server for browser tests: the demo province on an isolated PGlite, the built web client, listening on a
 * random loopback port. It stops when the test file's afterAll calls close().
 */
import { mkdtemp, rm } from 'node:fs/promises';
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
