/**
 * The reads of the organisation tables that the meetings' compliance needs (issue 16 part 4): the cells of a subtree
 * over a period. Responsibility follows an organisation's present place (docs/architecture.md, Access): the subtree
 * is the one of today's tree, and each cell's stretch as a cell is read from its versions.
 */
import { sql, type Kysely } from 'kysely';
import { subtreeRange } from '../../../domain/org-path.ts';
import type { DB } from '../../db/schema.ts';
import { pathInScopeSql } from '../../db/scope-sql.ts';
import type { Scope } from '../../http/actor.ts';
import { latestOrgNameSql } from './orgs.names.repo.ts';

/**
 * The organisations whose current path lies in `path`'s subtree and in the scope that were of a cell kind (chi bộ)
 * some day of [from, to]: the first day and the day after the last of their cell versions (null: still a cell), their
 * current path and latest name, by path.
 */
export function cellsUnderBetween(db: Kysely<DB>, path: string, from: string, to: string, scope: Scope) {
  return cellsUnderBetweenQuery(db, path, from, to, scope).execute();
}

/**
 * The query of cellsUnderBetween, not executed: a subquery the meetings' compliance composes with its aggregates so
 * that a province's cells and their figures are one statement (no list of 4,000 ids sent back).
 */
export function cellsUnderBetweenQuery(db: Kysely<DB>, path: string, from: string, to: string, scope: Scope) {
  const r = subtreeRange(path);
  return db
    .selectFrom('org as o')
    .innerJoin('org_version as v', 'v.org_id', 'o.id')
    .innerJoin('org_kind as k', 'k.code', 'v.kind_code')
    .select([
      'o.id',
      'o.current_path',
      latestOrgNameSql('o.id').as('name'),
      sql<string>`min(v.valid_from)`.as('cell_from'),
      sql<string | null>`CASE WHEN bool_or(v.valid_to IS NULL) THEN NULL ELSE max(v.valid_to) END`.as('cell_to'),
    ])
    .where('k.is_cell', '=', true)
    .where('o.current_path', '>=', r.from)
    .where('o.current_path', '<', r.to)
    .where((eb) => pathInScopeSql(eb, 'o.current_path', scope))
    .where('v.valid_from', '<=', to)
    .where((eb) => eb.or([eb('v.valid_to', 'is', null), eb('v.valid_to', '>', from)]))
    .groupBy(['o.id', 'o.current_path'])
    .orderBy('o.current_path');
}
