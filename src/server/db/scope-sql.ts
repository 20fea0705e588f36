/** SQL helpers for scope filters: a subtree is one index range on a "C"-collated path column. */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
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
