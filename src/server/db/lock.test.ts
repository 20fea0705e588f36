import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './lock.ts';

describe('data directory lock', () => {
  const dirs: string[] = [];
  const tmp = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-lock-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('refuses a directory held by another live process, with a clear message', () => {
    const dir = tmp();
    // the parent of this test process is alive for the whole test
    fs.writeFileSync(path.join(dir, 'hatnhan.lock'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(`đang được tiến trình ${process.ppid} sử dụng`);
  });

  it('takes over the lock of a process that died', () => {
    const dir = tmp();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    fs.writeFileSync(path.join(dir, 'hatnhan.lock'), dead);
    const release = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, 'hatnhan.lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, 'hatnhan.lock'))).toBe(false);
  });

  it('creates the directory and releases on request, so the next start succeeds', () => {
    const dir = path.join(tmp(), 'new');
    const release = lockDataDir(dir);
    expect(fs.existsSync(path.join(dir, 'hatnhan.lock'))).toBe(true);
    release();
    lockDataDir(dir)();
  });
});
