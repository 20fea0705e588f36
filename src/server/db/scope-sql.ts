/** SQL helpers for scope filters: a subtree is one index range on a "C"-collated path column. */
import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import { subtreeRange } from '../../domain/org-path.ts';
import type { Scope } from '../../domain/scope.ts';

/** `column` lies in one of the scope's subtrees. For 'all', true; for no subtree, false. */
export function pathInScopeSql<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, column: string, scope: Scope): Expression<SqlBool> {
  if (scope === 'all') return sql<SqlBool>`true`;
  if (scope.length === 0) return sql<SqlBool>`false`;
  const ref = sql.ref(column);
  return eb.or(
    scope.map((p) => {
      const r = subtreeRange(p);
      return sql<SqlBool>`(${ref} >= ${r.from} AND ${ref} < ${r.to})`;
    }),
  );
}

/** The version of a row in force on `asOf`: valid_from ≤ asOf < valid_to (open-ended when valid_to is null). */
export function inForceSql(table: string, asOf: string): Expression<SqlBool> {
  const from = sql.ref(`${table}.valid_from`);
  const to = sql.ref(`${table}.valid_to`);
  return sql<SqlBool>`(${from} <= ${asOf} AND (${to} IS NULL OR ${to} > ${asOf}))`;
}

/**
 * The latest name of the organisation whose id is in `orgIdColumn` (its newest version, ended or not), as a scalar
 * subquery: for labels of scope organisations, home organisations and transfer destinations.
 */
export function latestOrgNameSql(orgIdColumn: string): RawBuilder<string | null> {
  return sql<string | null>`(SELECT v.name FROM org_version v WHERE v.org_id = ${sql.ref(orgIdColumn)} ORDER BY v.valid_from DESC LIMIT 1)`;
}

/**
 * The name of the organisation whose id is in `orgIdColumn` (or given as `{ id }`) on a date (a 'YYYY-MM-DD' value, or a date column given
 * as `{ column }`): the version in force that day, else the last one before it (an ended organisation), else its
 * first (one not yet established). Names shown on a page are those of the date the page is about (issue 12 part 6):
 * a rename effective next year does not show today.
 */
export function orgNameOnSql(orgIdColumn: string | { id: string }, date: string | { column: string }): RawBuilder<string | null> {
  const d = typeof date === 'string' ? sql`${date}::date` : sql.ref(date.column);
  const org = typeof orgIdColumn === 'string' ? sql.ref(orgIdColumn) : sql`${orgIdColumn.id}::uuid`;
  return sql<string | null>`(SELECT v.name FROM org_version v WHERE v.org_id = ${org}
    ORDER BY (v.valid_from <= ${d}) DESC, CASE WHEN v.valid_from <= ${d} THEN v.valid_from END DESC, v.valid_from LIMIT 1)`;
}
