/**
 * The project's PGlite dialect (Kysely 0.28 has none): transactions commit and roll back, and a query sent beside a
 * transaction waits for it instead of running inside it. PGlite only: PostgreSQL uses Kysely's own dialect.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type Database } from '../../../test/helpers/db.ts';

describe('PGlite dialect', () => {
  let database: Database;
  const names = async () => (await sql<{ name: string }>`SELECT name FROM dialect_probe ORDER BY name`.execute(database.db)).rows.map((r) => r.name);

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    await sql`CREATE TABLE dialect_probe (name text PRIMARY KEY)`.execute(database.db);
  });
  afterAll(() => database.close());

  it('commits a transaction and rolls back one that throws', async () => {
    await database.db.transaction().execute(async (tx) => {
      await sql`INSERT INTO dialect_probe VALUES ('committed')`.execute(tx);
    });
    await expect(
      database.db.transaction().execute(async (tx) => {
        await sql`INSERT INTO dialect_probe VALUES ('rolled back')`.execute(tx);
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(await names()).toEqual(['committed']);
  });

  it('rolls back a transaction whose statement failed, and the connection serves the next query', async () => {
    await expect(
      database.db.transaction().execute(async (tx) => {
        await sql`INSERT INTO dialect_probe VALUES ('before the failure')`.execute(tx);
        await sql`INSERT INTO dialect_probe VALUES ('committed')`.execute(tx);
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await names()).toEqual(['committed']);
  });

  it('runs a query sent beside a transaction after it, outside it', async () => {
    let release!: () => void;
    let inserted!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const open = new Promise<void>((resolve) => (inserted = resolve));
    const transaction = database.db
      .transaction()
      .execute(async (tx) => {
        await sql`INSERT INTO dialect_probe VALUES ('in the transaction')`.execute(tx);
        inserted();
        await held;
        throw new Error('roll back');
      })
      .catch((e: Error) => e.message);
    await open;
    // Sent while the transaction is open: it must neither join it (and be rolled back with it) nor see its row.
    const beside = sql<{ n: number }>`INSERT INTO dialect_probe VALUES ('beside') RETURNING (SELECT count(*)::int FROM dialect_probe) AS n`.execute(
      database.db,
    );
    // Give the query every chance to run early: it must still wait for the transaction.
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    expect(await transaction).toBe('roll back');
    expect((await beside).rows[0]?.n).toBe(1);
    expect(await names()).toEqual(['beside', 'committed']);
  });
});
