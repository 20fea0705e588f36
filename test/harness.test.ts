/** The test harness itself: every engine gets its own migrated database, and both engines return the same types. */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines, openTestDatabase, type Database } from './helpers/db.ts';

describeEngines('test harness', (engine) => {
  let first: Database;
  let second: Database;

  beforeAll(async () => {
    [first, second] = await Promise.all([openTestDatabase(engine), openTestDatabase(engine)]);
  });
  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
  });

  it('opens a migrated database on the requested engine', async () => {
    expect(first.engine).toBe(engine);
    const rows = await first.db.selectFrom('org_kind').select('code').execute();
    expect(rows).toHaveLength(7);
  });

  it('isolates two databases opened in one file', async () => {
    await first.db.insertInto('org_kind').values({ code: 'harness_probe', name: 'Thử', level: 9, is_grassroots: false, is_cell: false, sort: 99 }).execute();
    const inFirst = await first.db.selectFrom('org_kind').select('code').where('code', '=', 'harness_probe').execute();
    const inSecond = await second.db.selectFrom('org_kind').select('code').where('code', '=', 'harness_probe').execute();
    expect(inFirst).toHaveLength(1);
    expect(inSecond).toHaveLength(0);
  });

  it('folds Vietnamese text with hn_fold', async () => {
    const { rows } = await sql<{ folded: string }>`SELECT hn_fold(${'Xã Tân Lập'}) AS folded`.execute(second.db);
    expect(rows[0]?.folded).toBe('xa tan lap');
  });

  it('returns a date column as a YYYY-MM-DD string', async () => {
    await sql`CREATE TABLE harness_dates (d date NOT NULL)`.execute(second.db);
    await sql`INSERT INTO harness_dates VALUES (${'2025-07-01'})`.execute(second.db);
    const { rows } = await sql<{ d: unknown }>`SELECT d FROM harness_dates`.execute(second.db);
    expect(rows[0]?.d).toBe('2025-07-01');
  });

  it('returns count(*) as a number', async () => {
    const row = await second.db
      .selectFrom('org_kind')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(row.n).toBe(7);
  });
});
