/**
 * Transaction-scoped advisory locks: one statement, held until the transaction ends. Used to serialise a workflow
 * (the audit chain's head, an import's commit) on both engines; PGlite has one connection, so there it only orders.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.ts';

/** Takes the advisory lock `key` for the rest of the transaction `tx`. */
export async function advisoryXactLock(tx: Kysely<DB>, key: number): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${key})`.execute(tx);
}
