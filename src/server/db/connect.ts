/**
 * Opens the database: PGlite in a data directory when no DATABASE_URL is set, a PostgreSQL server through `pg`
 * otherwise. Both speak the same SQL; both parse dates to 'YYYY-MM-DD' strings and int8 to numbers.
 */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { PGlite as PGliteType } from '@electric-sql/pglite';
import { PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  /** Closes every connection; safe to call twice. */
  close(): Promise<void>;
  /** The PGlite instance, for dump/restore (backups, test templates); undefined on PostgreSQL. */
  pglite?: PGliteType;
}

export interface PGliteOpenOptions {
  /** Directory of the data; undefined keeps it in memory. */
  dataDir?: string;
  /** A tarball made by dumpDataDir to start from (test templates, restores). */
  loadDataDir?: Blob | File;
}

export async function openPGlite(opts: PGliteOpenOptions): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const pglite = new PGlite({
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    extensions: { unaccent, pg_trgm },
    parsers: {
      [DATE_OID]: (v: string) => v,
      [INT8_OID]: (v: string) => Number(v),
      [NUMERIC_OID]: (v: string) => Number(v),
    },
  });
  await pglite.waitReady;
  // PGlite's pages live in memory or on a local disk: random reads cost about what sequential ones do. Without this
  // its planner scans the whole org_version table for one province's subtree instead of using the path index.
  await pglite.exec('SET random_page_cost = 1.1');
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
  let closed = false;
  return {
    db,
    engine: 'pglite',
    pglite,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === DATE_OID) return (v: string) => v;
      if (oid === INT8_OID || oid === NUMERIC_OID) return (v: string) => Number(v);
      return pg.types.getTypeParser(oid, format);
    },
  };
  // JIT compilation off (issue 13): the application's statements read at most some thousands of rows, where compiling
  // costs more than it saves, and a misestimated plan (the badge list's candidates, estimated at 44,000 rows for 460)
  // crossed jit_above_cost and spent 100–400 ms compiling. docs/performance.md, session 7.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: types as pg.CustomTypesConfig, options: '-c jit=off' });
  let closed = false;
  // An idle connection can be ended by the server (restart, administrator, DROP DATABASE … FORCE in tests). Without a
  // listener that error would crash the process; the pool replaces the connection on the next query.
  pool.on('error', (err) => {
    if (!closed) console.error(`PostgreSQL: an idle connection failed and will be replaced: ${err.message}`);
  });
  // A query that cannot reach the server fails here, at start, with the server's own message.
  const client = await pool.connect();
  client.release();
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'postgres',
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}
