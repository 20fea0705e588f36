import type { Kysely } from 'kysely';
import { Migrator } from 'kysely';
import { MIGRATIONS } from './migrations/index.ts';

/** Applies every pending migration in order; throws with the failing migration's name on error. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message ?? String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Applies the pending migrations up to and including `name` (a key of MIGRATIONS), and stops there: tests that
 * build a database as it was before a migration, fill it with old rows and then run the rest.
 */
export async function migrateTo(db: Kysely<unknown>, name: string): Promise<string[]> {
  if (!(name in MIGRATIONS)) throw new Error(`Unknown migration ${name}`);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
  });
  const { error, results } = await migrator.migrateTo(name);
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message ?? String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
