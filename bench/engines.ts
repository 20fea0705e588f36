/**
 * The two database engines of the benchmark, each able to hand out fresh, migrated databases: PGlite in a data
 * directory on disk (as `serve` runs it, DATA_DIR/pglite), and PostgreSQL on BENCH_DATABASE_URL or on a throwaway
 * cluster (test/helpers/pg-cluster.ts, the same code the tests use) started with the server's default durability.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { openPGlite, openPostgres, type Database, type Engine } from '../src/server/db/connect.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import type { DB } from '../src/server/db/schema.ts';
import { adminQuery, startThrowawayPostgres, withDatabase } from '../test/helpers/pg-cluster.ts';

export interface EngineHandle {
  engine: Engine;
  /** Where the databases live, for the record ("throwaway cluster", "BENCH_DATABASE_URL", "PGlite 0.5.16 on disk"). */
  description: string;
  /**
   * A new, empty, migrated database; drop() closes and deletes it. `serverEnv`: the environment a server process
   * (`hatnhan serve`) needs to open the same database (DATA_DIR or DATABASE_URL).
   */
  create(name: string): Promise<{ database: Database; drop(): Promise<void>; serverEnv: Record<string, string> }>;
  /** Stops what the handle started. Idempotent. */
  close(): Promise<void>;
  /** Synchronous last-resort cleanup (signals, process exit). */
  closeSync(): void;
}

/** `select version()` on the database. */
export async function serverVersion(db: Kysely<DB>): Promise<string> {
  const { rows } = await sql<{ version: string }>`select version() as version`.execute(db);
  return rows[0]?.version ?? 'unknown';
}

async function migrated(database: Database): Promise<Database> {
  try {
    await migrateToLatest(database.db as unknown as Kysely<unknown>);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** The installed PGlite package's version, read from its package.json. */
function pgliteVersion(): string {
  try {
    let dir = path.dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite')));
    for (let i = 0; i < 5; i++, dir = path.dirname(dir)) {
      try {
        const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
        if (pkg.name === '@electric-sql/pglite') return pkg.version ?? 'unknown';
      } catch {
        // not here; one level up
      }
    }
  } catch {
    // fall through
  }
  return 'unknown';
}

export function pgliteEngine(workDir: string): EngineHandle {
  const dirs = new Set<string>();
  return {
    engine: 'pglite',
    description: `PGlite ${pgliteVersion()}, data directory on disk`,
    async create(name) {
      // DATA_DIR/pglite, the layout `serve` opens.
      const dataRoot = path.join(workDir, `pglite-${name}`);
      dirs.add(dataRoot);
      mkdirSync(dataRoot, { recursive: true });
      const database = await migrated(await openPGlite({ dataDir: path.join(dataRoot, 'pglite') }));
      return {
        database,
        serverEnv: { DATA_DIR: dataRoot },
        async drop() {
          await database.close();
          rmSync(dataRoot, { recursive: true, force: true });
          dirs.delete(dataRoot);
        },
      };
    },
    async close() {
      this.closeSync();
    },
    closeSync() {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
      dirs.clear();
    },
  };
}

/**
 * PostgreSQL: on BENCH_DATABASE_URL when set (a role that may CREATE DATABASE; each dataset gets its own database
 * `hn_bench_<name>_<random>`, dropped afterwards), else on a throwaway cluster in workDir.
 */
export async function postgresEngine(workDir: string, log: (message: string) => void): Promise<EngineHandle> {
  const external = process.env.BENCH_DATABASE_URL;
  const cluster = external ? null : await startThrowawayPostgres(workDir, { durable: true, log });
  const adminUrl = external ?? cluster!.adminUrl;
  const created = new Set<string>();
  const dropDatabase = async (name: string) => {
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    created.delete(name);
  };
  return {
    engine: 'postgres',
    description: external ? 'server at BENCH_DATABASE_URL' : `throwaway cluster (${cluster!.version}), default durability settings`,
    async create(name) {
      const dbName = `hn_bench_${name}_${randomBytes(4).toString('hex')}`;
      await adminQuery(adminUrl, `CREATE DATABASE "${dbName}"`);
      created.add(dbName);
      let database: Database;
      const url = withDatabase(adminUrl, dbName);
      try {
        database = await migrated(await openPostgres(url, 10));
      } catch (error) {
        await dropDatabase(dbName);
        throw error;
      }
      return {
        database,
        serverEnv: { DATABASE_URL: url },
        async drop() {
          await database.close();
          await dropDatabase(dbName);
        },
      };
    },
    async close() {
      try {
        for (const name of [...created]) await dropDatabase(name);
      } finally {
        await cluster?.stop();
      }
    },
    closeSync() {
      cluster?.stopSync();
    },
  };
}
