/**
 * The key that signs the audit checkpoints. It must live outside the database, or whoever rewrites the log could
 * sign a checkpoint over the forgery: AUDIT_KEY (environment) or the file AUDIT_KEY_FILE, by default
 * DATA_DIR/audit-checkpoint.key, created (random, 256 bits, readable by its owner only) when first needed. With
 * PostgreSQL the file stays on the application's machine, out of reach of the database's administrators; docs/modules/safety.md.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config.ts';

export function loadAuditKey(config: Pick<Config, 'auditKey' | 'auditKeyFile'>): string {
  if (config.auditKey) return config.auditKey;
  const file = config.auditKeyFile;
  try {
    const key = fs.readFileSync(file, 'utf8').trim();
    if (key.length < 32) throw new Error(`${file}: the audit checkpoint key must be at least 32 characters`);
    return key;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(32).toString('hex');
  // 'wx': never overwrite a key another process has just written.
  try {
    fs.writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return loadAuditKey(config);
    throw e;
  }
  return key;
}
