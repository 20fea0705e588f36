/**
 * The one configuration of the server, read once from the environment and validated; a bad value stops the start
 * with a message naming the variable. Every variable is listed in the README.
 */
import path from 'node:path';
import { z } from 'zod';

const bool = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

const EnvSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional(),
  DATA_DIR: z.string().default('data'),
  SESSION_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  COOKIE_SECURE: bool.default(false),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  LOGIN_ADDRESS_MAX_FAILURES: z.coerce.number().int().min(1).max(10000).default(30),
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10000).default(20),
  AUDIT_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  AUDIT_KEY_FILE: z.string().min(1).optional(),
  AUDIT_CHECKPOINT_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(60),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FILE: z.string().min(1).optional(),
  PG_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  IMPORT_MAX_MB: z.coerce.number().int().min(1).max(500).default(50),
  DOCUMENT_MAX_MB: z.coerce.number().int().min(1).max(500).default(20),
  CHECK_RESPONSES: bool.default(false),
});

export interface Config {
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  sessionHours: number;
  cookieSecure: boolean;
  loginMaxFailures: number;
  loginLockMinutes: number;
  /** Failed logins from one address, whatever the names, that lock the address for loginLockMinutes. */
  loginAddressMaxFailures: number;
  loginRatePerMinute: number;
  /** The key that signs audit checkpoints, from AUDIT_KEY; when absent it is read from (or created in) auditKeyFile. */
  auditKey: string | undefined;
  /** File holding the checkpoint key: AUDIT_KEY_FILE, by default DATA_DIR/audit-checkpoint.key. */
  auditKeyFile: string;
  /** How often `serve` signs a checkpoint of the audit chain's head when it has moved; 0: only at start and stop. */
  auditCheckpointMinutes: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** A file the log is appended to as JSON lines, besides the short console lines; undefined: console only. */
  logFile: string | undefined;
  pgPoolSize: number;
  /** Largest member spreadsheet accepted for import, in MB. */
  importMaxMb: number;
  /** Largest file accepted into a member's dossier, in MB. */
  documentMaxMb: number;
  /**
   * Validate every JSON answer with its zod schema as well as serialising it through the compiled serialiser, and fail
   * when the two differ (src/server/http/serializer.ts): on in tests, off when serving.
   */
  checkResponses: boolean;
  /** Directory of the built web client; absent in tests that need no pages. */
  webDir: string | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(cwd, e.DATA_DIR),
    sessionHours: e.SESSION_HOURS,
    cookieSecure: e.COOKIE_SECURE,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    loginAddressMaxFailures: e.LOGIN_ADDRESS_MAX_FAILURES,
    loginRatePerMinute: e.LOGIN_RATE_PER_MINUTE,
    auditKey: e.AUDIT_KEY,
    auditKeyFile: path.resolve(cwd, e.AUDIT_KEY_FILE ?? path.join(e.DATA_DIR, 'audit-checkpoint.key')),
    auditCheckpointMinutes: e.AUDIT_CHECKPOINT_MINUTES,
    logLevel: e.LOG_LEVEL,
    logFile: e.LOG_FILE === undefined ? undefined : path.resolve(cwd, e.LOG_FILE),
    pgPoolSize: e.PG_POOL_SIZE,
    importMaxMb: e.IMPORT_MAX_MB,
    documentMaxMb: e.DOCUMENT_MAX_MB,
    checkResponses: e.CHECK_RESPONSES,
    webDir: path.resolve(cwd, 'dist/web'),
  };
}

/** Defaults for tests: no web, quiet logs, generous login rate, every answer checked against its schema. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    host: '127.0.0.1',
    port: 0,
    databaseUrl: undefined,
    dataDir: '',
    sessionHours: 12,
    cookieSecure: false,
    loginMaxFailures: 5,
    loginLockMinutes: 15,
    loginAddressMaxFailures: 30,
    loginRatePerMinute: 10000,
    auditKey: 'test-audit-checkpoint-key-0123456789abcdef',
    auditKeyFile: '',
    auditCheckpointMinutes: 0,
    logLevel: 'silent',
    logFile: undefined,
    pgPoolSize: 5,
    importMaxMb: 50,
    documentMaxMb: 20,
    checkResponses: true,
    webDir: undefined,
    ...overrides,
  };
}
