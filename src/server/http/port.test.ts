/** A port in use is said in Vietnamese before the server touches the database. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertPortFree, PortUnavailableError } from './port.ts';

describe('listening port', () => {
  let holder: net.Server;
  let port: number;
  let dataDir: string;

  beforeAll(async () => {
    holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen({ host: '127.0.0.1', port: 0 }, resolve));
    port = (holder.address() as net.AddressInfo).port;
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-port-'));
  });
  afterAll(async () => {
    await new Promise((resolve) => holder.close(resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers for a free port and names a port in use in Vietnamese', async () => {
    const free = net.createServer();
    await new Promise<void>((resolve) => free.listen({ host: '127.0.0.1', port: 0 }, resolve));
    const freePort = (free.address() as net.AddressInfo).port;
    await new Promise((resolve) => free.close(resolve));
    await expect(assertPortFree('127.0.0.1', freePort)).resolves.toBeUndefined();
    const refused = await assertPortFree('127.0.0.1', port).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PortUnavailableError);
    expect((refused as Error).message).toContain(`Cổng ${port} trên 127.0.0.1 đang được một chương trình khác sử dụng`);
  });

  it('stops `serve --seed-demo-if-empty` at once with the message, before creating or seeding any database', { timeout: 60_000 }, async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', 'serve', '--seed-demo-if-empty'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      `Cổng ${port} trên 127.0.0.1 đang được một chương trình khác sử dụng (có thể Hạt Nhân đã chạy ở một cửa sổ khác). ` +
        'Hãy dừng chương trình đó, hoặc chọn cổng khác, ví dụ: PORT=3000 npm start',
    );
    expect(stdout).not.toContain('dữ liệu mẫu');
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });
});
