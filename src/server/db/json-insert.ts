/**
 * Multi-row INSERT through one jsonb parameter: `INSERT INTO t (cols) SELECT cols FROM jsonb_populate_recordset(
 * NULL::t, $1)`. On PGlite it is about three times faster than a VALUES list of the same rows (one bind parameter
 * per cell, each parsed on its own), and a batch never nears PostgreSQL's 65,535-parameter limit.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.ts';

/**
 * Inserts the rows, `batch` per statement. Values are what JSON.stringify makes of them: Dates become ISO times,
 * objects and arrays go to jsonb columns as they are (pass the object, not its JSON text). The columns are the union
 * of the rows' keys; a key missing from one row is NULL there, not the column's default: leave a column that should
 * take its default out of every row.
 */
export async function insertJsonRows(db: Kysely<DB>, table: keyof DB & string, rows: readonly Record<string, unknown>[], batch = 1000): Promise<void> {
  for (let i = 0; i < rows.length; i += batch) {
    const chunk = rows.slice(i, i + batch);
    const keys = new Set<string>();
    for (const r of chunk) for (const [k, v] of Object.entries(r)) if (v !== undefined) keys.add(k);
    const cols = sql.join([...keys].map((k) => sql.id(k)));
    await sql`INSERT INTO ${sql.table(table)} (${cols}) SELECT ${cols} FROM jsonb_populate_recordset(NULL::${sql.table(table)}, ${JSON.stringify(chunk)}::jsonb)`.execute(
      db,
    );
  }
}
