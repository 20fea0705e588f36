/** The server's log: a quiet console (one line per API request, errors in full) and JSON lines in LOG_FILE. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { formatConsoleLine } from './logging.ts';
import { systemClock } from '../clock.ts';
import { testConfig } from '../config.ts';
import { openTestDatabase, type Database } from '../../../test/helpers/db.ts';

describe('server log', () => {
  let dir: string;
  let database: Database;
  let app: Awaited<ReturnType<typeof createApp>>['app'];
  const lines: { text: string; isError: boolean }[] = [];
  const logFile = () => path.join(dir, 'logs', 'hatnhan.log');
  const fileRecords = () =>
    fs
      .readFileSync(logFile(), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-log-'));
    const web = path.join(dir, 'web');
    fs.mkdirSync(web);
    fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>Hạt Nhân</title>');
    database = await openTestDatabase('pglite');
    ({ app } = await createApp({
      db: database.db,
      config: testConfig({ logLevel: 'info', logFile: logFile(), webDir: web }),
      clock: systemClock,
      logSink: (text, isError) => lines.push({ text, isError }),
    }));
    app.get('/test-failure', async () => {
      throw new Error('kaboom in a handler');
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes one console line per API request, without its query string', async () => {
    lines.length = 0;
    expect((await app.inject({ method: 'GET', url: '/api/members?q=Nguyễn%20Văn&cccd=001099012345' })).statusCode).toBe(401);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.text).toMatch(/^\d\d:\d\d:\d\d GET \/api\/members 401 \d+ ms$/);
    expect(lines[0]!.isError).toBe(false);
  });

  it('keeps the web client files off the console at the default level', async () => {
    lines.length = 0;
    expect((await app.inject({ method: 'GET', url: '/' })).statusCode).toBe(200);
    expect(lines).toEqual([]);
  });

  it("leaves Fastify's own listening line off the console (the start message gives the address), but not off the file", () => {
    const line = JSON.stringify({ level: 30, time: Date.now(), msg: 'Server listening at http://127.0.0.1:3000' });
    expect(formatConsoleLine(line)).toBeNull();
    expect(formatConsoleLine(line, true)).toContain('Server listening at');
  });

  it('prints an error in full: message and stack', async () => {
    lines.length = 0;
    expect((await app.inject({ method: 'GET', url: '/test-failure' })).statusCode).toBe(500);
    const errors = lines.filter((l) => l.isError);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.text).toMatch(/^\d\d:\d\d:\d\d ERROR unhandled error/);
    expect(errors[0]!.text).toContain('Error: kaboom in a handler');
    expect(errors[0]!.text).toContain('logging.test.ts');
  });

  it('appends the same events to LOG_FILE as JSON lines, one per request, no query string', () => {
    const records = fileRecords();
    const requests = records.filter((r) => r.msg === 'request completed');
    expect(requests.map((r) => [r.method, r.path, r.statusCode])).toEqual([
      ['GET', '/api/members', 401],
      ['GET', '/', 200],
      ['GET', '/test-failure', 500],
    ]);
    expect(records.some((r) => r.msg === 'incoming request')).toBe(false);
    const failure = records.find((r) => r.msg === 'unhandled error') as { err: { message: string; stack: string } };
    expect(failure.err.message).toBe('kaboom in a handler');
    expect(JSON.stringify(records)).not.toContain('001099012345');
  });
});
