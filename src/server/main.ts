/**
 * The command line: `hatnhan <command>`. Every command reads the same configuration (environment variables, see
 * the README) and opens the same database.
 */
import { formatCount } from '../domain/numbers.ts';
import { parseArgs } from 'node:util';
import { createApp } from './app.ts';
import { systemClock } from './clock.ts';
import { loadConfig, type Config } from './config.ts';
import { openConfiguredDatabase } from './db/open.ts';
import type { Database } from './db/connect.ts';
import { DataDirLockedError } from './db/lock.ts';
import { assertPortFree, isPortError, PortUnavailableError } from './http/port.ts';
import { loadAuditKey } from './modules/audit/audit.key.ts';
import { signCheckpoint, verifyAuditChain } from './modules/audit/audit.service.ts';
import { insertUser } from './modules/users/users.service.ts';
import { usernameTaken } from './modules/users/users.repo.ts';
import { DEMO_PASSWORD, isEmpty, seedDemo } from './demo/seed.ts';

const HELP = `Hạt Nhân — công tác tổ chức xây dựng Đảng

Usage: hatnhan <command> [options]

Commands:
  serve [--seed-demo-if-empty]   start the web server (migrates first); with the flag, seeds the demo
                                 province when the database is empty
  migrate                        apply pending database migrations
  seed-demo [--seed N]           build the demo province (refuses a database that already has data)
  create-admin --username U --password P [--full-name NAME]
                                 create a system administrator
  audit-verify [--read-only] [--expect-checkpoint N]
                                 check the audit log's hash chain and its signed checkpoints (checkpoint
                                 N, recorded earlier, must exist); exit 1 at the first broken link; when
                                 intact, sign a checkpoint of the head (unless --read-only)
  help                           this text

Configuration comes from environment variables (HOST, PORT, DATABASE_URL, DATA_DIR, ...): see README.md.
`;

async function withDatabase<T>(config: Config, fn: (d: Database) => Promise<T>): Promise<T> {
  const database = await openConfiguredDatabase(config, { migrate: true });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function serve(config: Config, seedIfEmpty: boolean): Promise<void> {
  // Before the database: a port in use is said now, not after migrating and seeding.
  await assertPortFree(config.host, config.port);
  const database = await openConfiguredDatabase(config, { migrate: true });
  let seeded = false;
  if (seedIfEmpty && (await isEmpty(database.db))) {
    console.log('Cơ sở dữ liệu trống: đang tạo dữ liệu mẫu (tỉnh demo)…');
    const r = await seedDemo(database.db, systemClock, { seed: 2025 });
    console.log(`Đã tạo ${formatCount(r.orgs)} tổ chức đảng, ${formatCount(r.members)} đảng viên.`);
    seeded = true;
  }
  const { app } = await createApp({ db: database.db, config, clock: systemClock });
  // Signed checkpoints of the audit chain's head: at start, every AUDIT_CHECKPOINT_MINUTES while it moves, at stop.
  const auditKey = loadAuditKey(config);
  const checkpoint = async () => {
    try {
      await signCheckpoint(database.db, auditKey, systemClock.now());
    } catch (e) {
      console.error(`Không ký được điểm kiểm tra nhật ký (${(e as Error).message}). Hãy chạy "hatnhan audit-verify".`);
    }
  };
  await checkpoint();
  const timer = config.auditCheckpointMinutes > 0 ? setInterval(() => void checkpoint(), config.auditCheckpointMinutes * 60000) : null;
  timer?.unref();
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`\n${signal}: đang dừng máy chủ…`);
    try {
      if (timer) clearInterval(timer);
      await app.close();
      await checkpoint();
    } finally {
      await database.close();
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  let address: string;
  try {
    address = await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    // Taken by another program between the check and now.
    await app.close();
    await database.close();
    throw isPortError(error) ? new PortUnavailableError(config.host, config.port, error.code!) : error;
  }
  const engine = database.engine === 'pglite' ? `PGlite (${config.dataDir})` : 'PostgreSQL';
  console.log(`\nHạt Nhân đang chạy: ${address.replace('127.0.0.1', 'localhost')}   (cơ sở dữ liệu: ${engine})`);
  // The demo logins only right after the demo was created: on a real installation they do not exist.
  if (seeded) {
    console.log(`Đăng nhập thử: tên đăng nhập "admin", mật khẩu "${DEMO_PASSWORD}" (quản trị hệ thống).`);
    console.log(`Các tài khoản mẫu khác (cùng mật khẩu): "tinhuy" (Ban Tổ chức Tỉnh ủy), "xa" (Đảng ủy xã), "chibo" (bí thư chi bộ).`);
  }
  console.log('Tài liệu API: /api/docs. Dừng: Ctrl+C.');
}

export async function main(argv: string[]): Promise<number> {
  const [command = 'help', ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    console.log(HELP);
    return 0;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  try {
    switch (command) {
      case 'serve': {
        const { values } = parseArgs({ args: rest, options: { 'seed-demo-if-empty': { type: 'boolean' }, help: { type: 'boolean' } } });
        if (values.help) return (console.log(HELP), 0);
        await serve(config, values['seed-demo-if-empty'] ?? false);
        return -1; // keeps running
      }
      case 'migrate':
        await withDatabase(config, async () => console.log('Cơ sở dữ liệu đã ở phiên bản mới nhất.'));
        return 0;
      case 'seed-demo': {
        const { values } = parseArgs({ args: rest, options: { seed: { type: 'string' } } });
        return await withDatabase(config, async (d) => {
          if (!(await isEmpty(d.db))) {
            console.error('Cơ sở dữ liệu đã có dữ liệu; seed-demo chỉ chạy trên cơ sở dữ liệu trống.');
            return 1;
          }
          const r = await seedDemo(d.db, systemClock, { seed: Number(values.seed ?? 2025) });
          console.log(`Đã tạo ${formatCount(r.orgs)} tổ chức đảng, ${formatCount(r.members)} đảng viên. Đăng nhập: admin / ${DEMO_PASSWORD}`);
          return 0;
        });
      }
      case 'create-admin': {
        const { values } = parseArgs({ args: rest, options: { username: { type: 'string' }, password: { type: 'string' }, 'full-name': { type: 'string' } } });
        if (!values.username || !values.password) {
          console.error('Cần --username và --password.');
          return 2;
        }
        if (values.password.length < 8) {
          console.error('Mật khẩu cần ít nhất 8 ký tự.');
          return 2;
        }
        return await withDatabase(config, async (d) => {
          const exists = await usernameTaken(d.db, values.username!);
          if (exists) {
            console.error(`Tên đăng nhập "${values.username}" đã tồn tại.`);
            return 1;
          }
          await insertUser(d.db, {
            username: values.username!,
            password: values.password!,
            fullName: values['full-name'] ?? 'Quản trị hệ thống',
            homeOrgId: null,
            roles: [{ role: 'system_admin', orgId: null }],
          });
          console.log(`Đã tạo quản trị hệ thống "${values.username}".`);
          return 0;
        });
      }
      case 'audit-verify': {
        const { values } = parseArgs({ args: rest, options: { 'read-only': { type: 'boolean' }, 'expect-checkpoint': { type: 'string' } } });
        const expectCheckpoint = values['expect-checkpoint'] === undefined ? undefined : Number(values['expect-checkpoint']);
        if (expectCheckpoint !== undefined && !(Number.isInteger(expectCheckpoint) && expectCheckpoint > 0)) {
          console.error('--expect-checkpoint cần một số nguyên dương.');
          return 2;
        }
        const key = loadAuditKey(config);
        return await withDatabase(config, async (d) => {
          const r = await verifyAuditChain(d.db, { key, ...(expectCheckpoint !== undefined ? { expectCheckpoint } : {}) });
          if (!r.ok) {
            console.error(`Nhật ký bị sửa đổi: mục số ${r.brokenAtSeq} (${r.reason}); ${r.count} mục trước đó khớp.`);
            return 1;
          }
          console.log(`Nhật ký toàn vẹn: ${r.count} mục, chuỗi băm khớp, ${r.checkpoints} điểm kiểm tra có chữ ký khớp.`);
          console.log(`Mục cuối: ${r.headSeq}, mã băm ${r.headHash}`);
          const signed = values['read-only'] ? null : await signCheckpoint(d.db, key, systemClock.now());
          const last = signed ?? (r.lastCheckpoint && { id: r.lastCheckpoint.id, seq: r.lastCheckpoint.seq });
          // Entries after the latest checkpoint are covered by the chain alone; keeping its number elsewhere also
          // covers the checkpoints' own tail.
          if (last) console.log(`Điểm kiểm tra mới nhất: số ${last.id}, ${last.seq} mục.`);
          return 0;
        });
      }
      default:
        console.error(`Lệnh không hợp lệ: ${command}\n`);
        console.log(HELP);
        return 2;
    }
  } catch (e) {
    if (e instanceof DataDirLockedError || e instanceof PortUnavailableError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
}

const code = await main(process.argv.slice(2));
if (code >= 0) process.exit(code);
