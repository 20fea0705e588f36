/**
 * SQL of the stored previews of the member import (member_import, member_import_row). The members, organisations
 * and catalogues an import reads and writes are their owners' (members.import.repo.ts, orgs.import.repo.ts,
 * catalogue.import.repo.ts). Large batches of rows travel as one jsonb parameter (jsonb_to_recordset) instead of
 * thousands of bound parameters.
 */
import { sql, type ColumnType, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

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
