import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
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
    // A large script with the compressed copies the build writes beside it.
    const big = `${'console.log("Hạt Nhân");\n'.repeat(400)}`;
    fs.writeFileSync(path.join(dir, 'assets', 'big-1.js'), big);
    fs.writeFileSync(path.join(dir, 'assets', 'big-1.js.br'), zlib.brotliCompressSync(big));
    fs.writeFileSync(path.join(dir, 'assets', 'big-1.js.gz'), zlib.gzipSync(big));
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

  it('sends the compressed copy the browser accepts, with the plain file as fallback', async () => {
    const br = await app.inject({ method: 'GET', url: '/assets/big-1.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toContain('javascript');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toContain('Hạt Nhân');
    const gz = await app.inject({ method: 'GET', url: '/assets/big-1.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toContain('Hạt Nhân');
    const plain = await app.inject({ method: 'GET', url: '/assets/big-1.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toContain('Hạt Nhân');
  });

  it('lets browsers keep the hashed assets for good and revalidate the page on every load', async () => {
    for (const url of ['/assets/app-1.js', '/assets/big-1.js']) {
      expect((await app.inject({ method: 'GET', url })).headers['cache-control'], url).toBe('public, max-age=31536000, immutable');
    }
    for (const url of ['/', '/index.html', '/login', '/orgs/0190c4d8-0000-7000-8000-000000000000']) {
      expect((await app.inject({ method: 'GET', url })).headers['cache-control'], url).toBe('no-cache');
    }
  });
});
