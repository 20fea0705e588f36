/**
 * SQL of the member import and export. Every query that reads members takes the caller's scope, except the CCCD
 * lookup: CCCD is unique across the whole roll, so a CCCD held outside the scope must be found to be refused.
 * Large batches travel as one jsonb parameter (jsonb_to_recordset) instead of thousands of bound parameters.
 */
import { sql, type ColumnType, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inForceSql, pathInScopeSql } from '../../db/scope-sql.ts';
import type { Scope } from '../../http/actor.ts';
import { FIELD_COLUMNS, filteredMembers, type MemberFilters } from '../members/members.repo.ts';

type Json<T = unknown> = ColumnType<T, string, string>;

export interface MemberImportTable {
  id: string;
  actor_id: string;
  created_at: Date;
  file_name: string;
  file_kind: 'xlsx' | 'csv';
  file_sha256: string;
  /** processing: the file is still being read, its rows stored as they come (migration 0004). */
  status: 'processing' | 'previewed' | 'committed';
  total_rows: number;
  columns: Json;
  summary: Json;
  committed_at: Date | null;
  result: ColumnType<unknown, string | null, string | null>;
}

export interface MemberImportRowTable {
  import_id: string;
  row_no: number;
  action: 'new' | 'update' | 'unchanged' | 'error';
  member_id: string | null;
  data: Json;
  changes: Json;
  problems: Json;
  warnings: Json;
}

/** The database with the import's tables (migration 0003); db/schema.ts is left to the modules it describes. */
const withImport = (db: Kysely<DB>) => db.withTables<{ member_import: MemberImportTable; member_import_row: MemberImportRowTable }>();

/** Cells in force today whose current place lies in the scope: where an import may put members. */
export function editableCells(db: Kysely<DB>, scope: Scope, today: string) {
  return db
    .selectFrom('org as o')
    .innerJoin('org_version as v', 'v.org_id', 'o.id')
    .innerJoin('org_kind as k', 'k.code', 'v.kind_code')
    .select(['o.id', 'v.name', 'v.code'])
    .where('k.is_cell', '=', true)
    .where('o.ended_on', 'is', null)
    .where(inForceSql('v', today))
    .where((eb) => pathInScopeSql(eb, 'o.current_path', scope))
    .orderBy('o.current_path')
    .execute();
}

export function catalogueItems(db: Kysely<DB>) {
  return db.selectFrom('catalogue_item').select(['catalogue', 'code', 'name']).orderBy('catalogue').orderBy('sort').execute();
}

const MEMBER_COLUMNS = [...Object.values(FIELD_COLUMNS), 'id', 'org_id', 'admitted_on', 'official_on'] as const;
const memberCols = MEMBER_COLUMNS.map((c) => `m.${c}` as const);

/** Members holding these CCCDs, wherever they are, with their organisation's current path. */
export function membersByCccd(db: Kysely<DB>, cccds: readonly string[]) {
  return db
    .selectFrom('member as m')
    .innerJoin('org as o', 'o.id', 'm.org_id')
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
    .innerJoin('org as o', 'o.id', 'm.org_id')
    .innerJoin(k.as('k'), (j) => j.on(sql<boolean>`hn_fold(m.full_name) = k.f AND COALESCE(extract(year FROM m.birth_date)::int, m.birth_year) = k.y`))
    .select([...memberCols, 'o.current_path', sql<string>`k.input_name`.as('input_name')])
    .where((eb) => pathInScopeSql(eb, 'o.current_path', scope))
    .execute();
}

export type MemberRow = Awaited<ReturnType<typeof membersByCccd>>[number];

/** The roll (org_id) of each of these members; at most a few thousand ids a call. */
export function memberOrgs(db: Kysely<DB>, ids: readonly string[]) {
  return db.selectFrom('member').select(['id', 'org_id']).where('id', 'in', ids).execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Stored previews

export interface ImportHeader {
  id: string;
  actorId: string;
  createdAt: Date;
  fileName: string;
  fileKind: 'xlsx' | 'csv';
  sha256: string;
  totalRows: number;
  columns: unknown;
  summary: unknown;
}

export interface StoredRow {
  row: number;
  action: 'new' | 'update' | 'unchanged' | 'error';
  memberId: string | null;
  data: unknown;
  changes: unknown;
  problems: unknown;
  warnings: unknown;
}

/**
 * The header of a preview being read: 'processing' until finishImport. Its rows are added with insertImportRows as
 * the file is read; a preview that fails on the way is removed with deleteImport.
 */
export async function insertImport(db: Kysely<DB>, h: ImportHeader): Promise<void> {
  await withImport(db)
    .insertInto('member_import')
    .values({
      id: h.id,
      actor_id: h.actorId,
      created_at: h.createdAt,
      file_name: h.fileName,
      file_kind: h.fileKind,
      file_sha256: h.sha256,
      status: 'processing',
      total_rows: h.totalRows,
      columns: JSON.stringify(h.columns),
      summary: JSON.stringify(h.summary),
      committed_at: null,
      result: null,
    })
    .execute();
}

/** Rows per statement of stored preview rows: one jsonb parameter of a few MB at most. */
const ROW_BATCH = 1000;

export async function insertImportRows(db: Kysely<DB>, importId: string, rows: readonly StoredRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROW_BATCH) {
    const batch = rows.slice(i, i + ROW_BATCH);
    await sql`
      INSERT INTO member_import_row (import_id, row_no, action, member_id, data, changes, problems, warnings)
      SELECT ${importId}::uuid, row, action, "memberId", data, changes, problems, warnings
      FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
        AS x(row int, action text, "memberId" uuid, data jsonb, changes jsonb, problems jsonb, warnings jsonb)`.execute(db);
  }
}

/** The preview is complete: its row count and summary, and it may be committed. */
export async function finishImport(db: Kysely<DB>, id: string, totalRows: number, summary: unknown): Promise<void> {
  await withImport(db)
    .updateTable('member_import')
    .set({ status: 'previewed', total_rows: totalRows, summary: JSON.stringify(summary) })
    .where('id', '=', id)
    .execute();
}

/** Removes a preview and its rows (a file refused half way through). */
export async function deleteImport(db: Kysely<DB>, id: string): Promise<void> {
  await withImport(db).deleteFrom('member_import').where('id', '=', id).execute();
}

export function importExists(db: Kysely<DB>, id: string) {
  return withImport(db).selectFrom('member_import').select('id').where('id', '=', id).executeTakeFirst();
}

/** An import of this user; another user's import answers nothing, as one that does not exist. */
export function findImport(db: Kysely<DB>, actorId: string, id: string) {
  return withImport(db).selectFrom('member_import').selectAll().where('id', '=', id).where('actor_id', '=', actorId).executeTakeFirst();
}

export type ImportRecord = NonNullable<Awaited<ReturnType<typeof findImport>>>;

/** The latest other import of the same file by the same user. */
export function sameFileImport(db: Kysely<DB>, actorId: string, sha256: string, exceptId: string) {
  return withImport(db)
    .selectFrom('member_import')
    .select(['id', 'created_at', 'committed_at'])
    .where('file_sha256', '=', sha256)
    .where('actor_id', '=', actorId)
    .where('id', '<>', exceptId)
    .where('status', '<>', 'processing')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function importRows(db: Kysely<DB>, id: string, opts: { offset: number; limit: number; action?: string | undefined }) {
  let q = withImport(db).selectFrom('member_import_row').selectAll().where('import_id', '=', id);
  if (opts.action) q = q.where('action', '=', opts.action as 'new');
  return q.orderBy('row_no').offset(opts.offset).limit(opts.limit).execute();
}

/** The first `limit` rows carrying problems (or warnings), in file order. */
export function rowsWithIssues(db: Kysely<DB>, id: string, kind: 'problems' | 'warnings', limit: number) {
  return withImport(db)
    .selectFrom('member_import_row')
    .select(['row_no', kind])
    .where('import_id', '=', id)
    .where(sql<boolean>`jsonb_array_length(${sql.ref(kind)}) > 0`)
    .orderBy('row_no')
    .limit(limit)
    .execute();
}

/**
 * The stored rows of a preview in file order, `size` at a time: a commit walks a preview of any size without holding
 * it whole. Each page is one range of the primary key (import_id, row_no), whatever the table's statistics say.
 */
export async function* storedRowChunks(db: Kysely<DB>, id: string, size: number) {
  let after = 0;
  for (;;) {
    const rows = await withImport(db)
      .selectFrom('member_import_row')
      .select(['row_no', 'action', 'member_id', 'data', 'changes'])
      .where('import_id', '=', id)
      .where('row_no', '>', after)
      .orderBy('row_no')
      .limit(size)
      .execute();
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < size) return;
    after = rows[rows.length - 1]!.row_no;
  }
}

/** Stored rows of a preview by their row numbers, in file order. */
export function storedRows(db: Kysely<DB>, id: string, rowNos: readonly number[]) {
  return withImport(db)
    .selectFrom('member_import_row')
    .select(['row_no', 'action', 'member_id', 'data', 'changes'])
    .where('import_id', '=', id)
    .where('row_no', '=', sql<number>`ANY(${[...rowNos]}::int[])`)
    .orderBy('row_no')
    .execute();
}

export async function markCommitted(tx: Kysely<DB>, id: string, at: Date, result: unknown): Promise<void> {
  await withImport(tx)
    .updateTable('member_import')
    .set({ status: 'committed', committed_at: at, result: JSON.stringify(result) })
    .where('id', '=', id)
    .execute();
}

/** Previews are kept a week: long enough to commit, short enough not to pile up rows of large files. */
export async function purgeImports(db: Kysely<DB>, before: Date): Promise<void> {
  await withImport(db).deleteFrom('member_import').where('created_at', '<', before).execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Applying updates

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

// ---------------------------------------------------------------------------------------------------------------
// Export

/** The member list's filters, without paging: an export holds every matching member. */
export type ExportFilters = Omit<MemberFilters, 'page' | 'pageSize'>;

/** The members of `GET /api/members` with the same filters: the list's own definition (members.repo.ts). */
function exportQuery(db: Kysely<DB>, scope: Scope, f: ExportFilters) {
  return filteredMembers(db, scope, f);
}

/** The ids of the export in list order (given name, family, middle, id): one sort, then rows fetched by id. */
export async function exportIds(db: Kysely<DB>, scope: Scope, f: ExportFilters): Promise<string[]> {
  const rows = await exportQuery(db, scope, f).select('m.id').orderBy('m.name_sort_key').orderBy('m.id').execute();
  return rows.map((r) => r.id);
}

/** Every column of these members, with their organisation's current path and name today. */
export function exportRows(db: Kysely<DB>, ids: readonly string[], today: string) {
  return db
    .selectFrom('member as m')
    .innerJoin('org as o', 'o.id', 'm.org_id')
    .leftJoin('org_version as v', (j) => j.onRef('v.org_id', '=', 'm.org_id').on(inForceSql('v', today)))
    .select([...memberCols, 'o.current_path', 'v.name as org_name'])
    .where('m.id', 'in', ids as string[])
    .execute();
}
