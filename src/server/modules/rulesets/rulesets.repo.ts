/** The versions of the rule set (`rule_set`, domain.md §12): this module owns the table. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { userNameSql } from '../users/users.repo.ts';

export interface RuleSetRow {
  id: string;
  effective_from: string;
  basis: string;
  rules: unknown;
  copied_from: string | null;
  note: string | null;
  created_by_name: string | null;
  created_at: Date;
}

/** Every version, oldest first, with the name of the administrator who added it (none for the seeded ones). */
export function listRuleSets(db: Kysely<DB>): Promise<RuleSetRow[]> {
  return db
    .selectFrom('rule_set as r')
    .select(['r.id', 'r.effective_from', 'r.basis', 'r.rules', 'r.copied_from', 'r.note', userNameSql('r.created_by').as('created_by_name'), 'r.created_at'])
    .orderBy('r.effective_from')
    .execute();
}

/** Serialises the writers: a version's date is checked against the latest one under this lock. */
export async function lockRuleSets(tx: Kysely<DB>): Promise<void> {
  await sql`LOCK TABLE rule_set IN EXCLUSIVE MODE`.execute(tx);
}

export async function insertRuleSet(
  tx: Kysely<DB>,
  row: { id: string; effective_from: string; basis: string; rules: unknown; copied_from: string; note: string | null; created_by: string },
): Promise<void> {
  await tx
    .insertInto('rule_set')
    .values({ ...row, rules: JSON.stringify(row.rules) })
    .execute();
}
