import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { systemClock } from './clock.ts';
import { testConfig } from './config.ts';
import { openTestDatabase, type Database } from '../../test/helpers/db.ts';

describe('serving the web client', () => {
  let dir: string;
  let database: Database;
  let app: Awaited<ReturnType<typeof createApp>>['app'];
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-web-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Hạt Nhân</title>');
    fs.writeFileSync(path.join(dir, 'assets', 'app-1.js'), 'console.log(1)');
    database = await openTestDatabase('pglite');
    ({ app } = await createApp({ db: database.db, config: testConfig({ webDir: dir }), clock: systemClock }));
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers the page at / and at every client route, the files as files, and 404 for a missing file or API route', async () => {
    for (const url of ['/', '/login', '/orgs/0190c4d8-0000-7000-8000-000000000000?asOf=2025-06-30']) {
      const r = await app.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBe(200);
      expect(r.headers['content-type']).toContain('text/html');
    }
    expect((await app.inject({ method: 'GET', url: '/assets/app-1.js' })).statusCode).toBe(200);
    // a client rebuilt while the server runs: the new file is served, an old one is a plain 404, not the page
    fs.writeFileSync(path.join(dir, 'assets', 'app-2.js'), 'console.log(2)');
    expect((await app.inject({ method: 'GET', url: '/assets/app-2.js' })).body).toBe('console.log(2)');
    const missing = await app.inject({ method: 'GET', url: '/assets/app-0.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/json');
    expect((await app.inject({ method: 'GET', url: '/api/nothing' })).statusCode).toBe(401);
  });
});
