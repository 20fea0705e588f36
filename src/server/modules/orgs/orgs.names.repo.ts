/**
 * Organisation names as SQL fragments for other modules' queries: a label beside a member, a dossier, an evaluation
 * or an event is a scalar subquery on org_version, composed by the caller's repository so that it need not name
 * orgs' tables (docs/architecture.md, one owner per table).
 */
import { sql, type RawBuilder } from 'kysely';

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
