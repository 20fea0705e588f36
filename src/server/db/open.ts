/** Opens the configured database, takes the data-directory lock for PGlite, and migrates to the latest version. */
import type { Config } from '../config.ts';
import { openPGlite, openPostgres, type Database } from './connect.ts';
import { lockDataDir } from './lock.ts';
import { migrateToLatest } from './migrate.ts';

export async function openConfiguredDatabase(config: Config, opts: { migrate: boolean }): Promise<Database> {
  let database: Database;
  if (config.databaseUrl) {
    database = await openPostgres(config.databaseUrl, config.pgPoolSize);
  } else {
    const release = lockDataDir(config.dataDir);
    try {
      const inner = await openPGlite({ dataDir: `${config.dataDir}/pglite` });
      database = {
        ...inner,
        async close() {
          try {
            await inner.close();
          } finally {
            release();
          }
        },
      };
    } catch (e) {
      release();
      throw e;
    }
  }
  if (opts.migrate) {
    try {
      await migrateToLatest(database.db as never);
    } catch (e) {
      await database.close();
      throw e;
    }
  }
  return database;
}
