/** `serve --seed-demo-if-empty` on a database that has data: it seeds nothing and prints no demo login. */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('serve on a database that has data', () => {
  let dataDir: string;
  const env = (extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv => {
    const e: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...extra };
    delete e.DATABASE_URL;
    return e;
  };

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-serve-'));
    const created = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/server/main.ts', 'create-admin', '--username', 'quantri', '--password', 'mat-khau-dai'],
      {
        env: env({}),
        encoding: 'utf8',
      },
    );
    expect(created.status, created.stderr).toBe(0);
  }, 120_000);
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('starts without seeding and without printing the demo logins', { timeout: 120_000 }, async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen({ host: '127.0.0.1', port: 0 }, resolve));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', 'serve', '--seed-demo-if-empty'], {
      env: env({ PORT: String(port) }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stderr.resume();
    const exited = new Promise((resolve) => child.on('exit', resolve));
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          stdout += d.toString();
          if (stdout.includes('Dừng: Ctrl+C')) resolve();
        });
        child.on('exit', () => reject(new Error(`serve stopped: ${stdout}`)));
      });
    } finally {
      child.kill('SIGINT');
      await exited;
    }
    expect(stdout).toContain(`Hạt Nhân đang chạy: http://localhost:${port}`);
    expect(stdout).not.toContain('dữ liệu mẫu');
    expect(stdout).not.toContain('Đăng nhập thử');
    expect(stdout).not.toContain('hatnhan2025');
  });
});
