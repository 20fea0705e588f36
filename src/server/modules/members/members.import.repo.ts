/**
 * The members queries of the spreadsheet import and export (members owns member; the member-import module keeps its
 * previews). Every query that reads members takes the caller's scope, except the CCCD lookup: CCCD is unique across
 * the whole roll, so a CCCD held outside the scope must be found to be refused. Large batches travel as one jsonb
 * parameter (jsonb_to_recordset) instead of thousands of bound parameters. The commit calls the writers inside its
 * transaction.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { pathInScopeSql } from '../../db/scope-sql.ts';
import type { Scope } from '../../http/actor.ts';
import { currentOrgPaths, orgNameInForceSql } from '../orgs/orgs.members.repo.ts';
import { FIELD_COLUMNS, filteredMembers, type MemberFilters } from './members.repo.ts';

const MEMBER_COLUMNS = [...Object.values(FIELD_COLUMNS), 'id', 'org_id', 'admitted_on', 'official_on'] as const;
const memberCols = MEMBER_COLUMNS.map((c) => `m.${c}` as const);

/** Members holding these CCCDs, wherever they are, with their organisation's current path. */
export function membersByCccd(db: Kysely<DB>, cccds: readonly string[]) {
  return db
    .selectFrom('member as m')
    .innerJoin(currentOrgPaths(db).as('o'), 'o.id', 'm.org_id')
    .select([...memberCols, 'o.current_path'])
    .where('m.cccd', 'in', cccds as string[])
    .execute();
}

/**
 * Members in the scope whose name, folded by the database (hn_fold), equals one of the given names folded the same
 * way and who were born in the year given with it (by birth date, else by the birth year recorded alone); each
 * answer carries the given name it matched (input_name). Only these can be the same person as a row with that name
 * and birth date, and a common name matches hundreds of members born in other years. Uses the index on
 * hn_fold(full_name).
 */
export function membersByName(db: Kysely<DB>, scope: Scope, keys: readonly { name: string; year: number }[]) {
  const k = sql<{ input_name: string; f: string; y: number }>`(SELECT DISTINCT x.name AS input_name, hn_fold(x.name) AS f, x.year AS y
    FROM jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) AS x(name text, year int))`;
  return db
    .selectFrom('member as m')
    .innerJoin(currentOrgPaths(db).as('o'), 'o.id', 'm.org_id')
    .innerJoin(k.as('k'), (j) => j.on(sql<boolean>`hn_fold(m.full_name) = k.f AND COALESCE(extract(year FROM m.birth_date)::int, m.birth_year) = k.y`))
    .select([...memberCols, 'o.current_path', sql<string>`k.input_name`.as('input_name')])
    .where((eb) => pathInScopeSql(eb, 'o.current_path', scope))
    .execute();
}

/** A member as the import reconciles him: the file's columns, his roll and admission, his organisation's current path. */
export type ImportMemberRow = Awaited<ReturnType<typeof membersByCccd>>[number];

/** The roll (org_id) of each of these members; at most a few thousand ids a call. */
export function memberOrgs(db: Kysely<DB>, ids: readonly string[]) {
  return db.selectFrom('member').select(['id', 'org_id']).where('id', 'in', ids).execute();
}

const DATE_COLUMNS = new Set(['birth_date', 'card_issued_on', 'ceremony_on', 'youth_union_on']);
/** Columns an import may change, with their SQL types for jsonb_to_recordset. */
const UPDATABLE = [...Object.values(FIELD_COLUMNS).filter((c) => c !== 'residence_org_id'), 'family_name', 'middle_name', 'given_name', 'name_sort_key'].map(
  (c) => ({ name: c, type: DATE_COLUMNS.has(c) ? 'date' : c === 'birth_year' ? 'int' : 'text' }),
);

/**
 * Sets the given columns of each member; a column absent (null) in a row keeps its value (imports never clear).
 */
export async function updateMembers(tx: Kysely<DB>, rows: readonly ({ id: string } & Record<string, unknown>)[], at: Date): Promise<void> {
  const set = sql.raw(UPDATABLE.map((c) => `${c.name} = COALESCE(x.${c.name}, m.${c.name})`).join(', '));
  const def = sql.raw(['id uuid', ...UPDATABLE.map((c) => `${c.name} ${c.type}`)].join(', '));
  for (let i = 0; i < rows.length; i += 1000) {
    await sql`UPDATE member AS m SET ${set}, updated_at = ${at} FROM jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + 1000))}::jsonb) AS x(${def}) WHERE m.id = x.id`.execute(
      tx,
    );
  }
}

/** The member list's filters, without paging: an export holds every matching member. */
export type ExportFilters = Omit<MemberFilters, 'page' | 'pageSize'>;

/** The ids of the export in list order (given name, family, middle, id): the members of `GET /api/members` with the same filters. */
export async function exportIds(db: Kysely<DB>, scope: Scope, f: ExportFilters): Promise<string[]> {
  const rows = await filteredMembers(db, scope, f).select('m.id').orderBy('m.name_sort_key').orderBy('m.id').execute();
  return rows.map((r) => r.id);
}

/** Every column of these members, with their organisation's current path and its name today. */
export function exportRows(db: Kysely<DB>, ids: readonly string[], today: string) {
  return db
    .selectFrom('member as m')
    .innerJoin(currentOrgPaths(db).as('o'), 'o.id', 'm.org_id')
    .select([...memberCols, 'o.current_path', orgNameInForceSql('m.org_id', today).as('org_name')])
    .where('m.id', 'in', ids as string[])
    .execute();
}
