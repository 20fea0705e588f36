/**
 * Reading and checking an uploaded file: the header row within the first rows of a sheet, every data row parsed and
 * checked against the member file's own rules, then reconciled with the members recorded now. A preview stores the
 * plan a chunk at a time as the file streams in; the commit runs the same reconciliation again (lookupFor).
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  FILE_FIELDS,
  catalogueIndex,
  cellIndex,
  cellText,
  importPlanner,
  parseRow,
  summarize,
  type ExistingMember,
  type FileField,
  type ImportColumn,
  type Lookup,
  type ParseContext,
  type ParsedRow,
} from '../../../domain/member-import.ts';
import { formatCount } from '../../../domain/numbers.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor, Scope } from '../../http/actor.ts';
import { invalid } from '../../http/errors.ts';
import { readSheets, type FileKind } from '../../office/sheet-read.ts';
import { catalogueItems } from '../catalogue/catalogue.repo.ts';
import { membersByCccd, membersByName, type ImportMemberRow } from '../members/members.import.repo.ts';
import { FIELD_COLUMNS } from '../members/members.repo.ts';
import { MemberFields } from '../../../contract/members.ts';
import { editableCells } from '../orgs/orgs.import.repo.ts';
import { HEADER_SEARCH_ROWS, isHeaderRow, isNumberingRow, mapHeaders } from './header-map.ts';
import { canImportInto } from './member-import.policy.ts';
import { deleteImport, finishImport, insertImport, insertImportRows, purgeImports } from './member-import.repo.ts';
import { LABELS, type Progress, type StoredSummary } from './member-import.view.ts';

/** Rows a file may hold: a large province's roll (domain.md §14) in one file. */
const MAX_ROWS = 200_000;
/** Days a preview is kept. */
const KEEP_DAYS = 7;
/**
 * Rows read, matched and stored (or, at commit, re-planned and written) at a time. A file of any length is handled
 * a chunk at a time: memory holds one chunk and the few keys needed to find duplicates across the whole file.
 */
export const CHUNK = 2000;

/** Every file field is a field of the member file with its validation (src/contract/members.ts). */
const FIELD_SCHEMAS: Record<FileField, (typeof MemberFields)[keyof typeof MemberFields]> = MemberFields;

/** What rows are checked against: the cells the importer may fill (and their ids), the catalogues, today. */
export type ImportContext = ParseContext & { editable: Set<string> };

export async function parseContext(tx: Kysely<DB>, scope: Scope, today: string): Promise<ImportContext> {
  const [cells, items] = [await editableCells(tx, scope, today), await catalogueItems(tx)];
  return { cells: cellIndex(cells), catalogues: catalogueIndex(items), today, editable: new Set(cells.map((c) => c.id)) };
}

/** The member file's own checks (lengths, phone, e-mail: src/contract/members.ts) on the values a row gives. */
function validateFields(p: ParsedRow, columns: readonly ImportColumn[]) {
  for (const f of FILE_FIELDS) {
    const v = p.values[f];
    if (v === undefined) continue;
    const r = FIELD_SCHEMAS[f].safeParse(v);
    if (r.success) {
      if (r.data === null || r.data === undefined) delete p.values[f];
      else p.values[f] = r.data as string | number;
      continue;
    }
    delete p.values[f];
    const col = columns.find((c) => c.field === (f === 'birthYear' ? 'birthDate' : f)) ?? null;
    const msg = r.error.issues[0]?.message ?? 'Không hợp lệ.';
    p.problems.push({ row: p.row, column: col?.header ?? LABELS[f] ?? f, field: f, message: `Dòng ${p.row}, «${col?.header ?? LABELS[f]}»: ${msg}` });
  }
}

function toExisting(r: ImportMemberRow, actor: Actor): ExistingMember {
  const row = r as unknown as Record<string, unknown>;
  const fields: ExistingMember['fields'] = {};
  for (const f of FILE_FIELDS) fields[f] = row[FIELD_COLUMNS[f]] ?? null;
  return {
    id: r.id,
    orgId: r.org_id,
    editable: canImportInto(actor, r.current_path),
    fullName: r.full_name,
    admittedOn: r.admitted_on,
    officialOn: r.official_on,
    fields,
  };
}

/** Name and year of birth of the rows not found by their CCCD: the keys of the lookup by name. */
function nameKeys(rows: readonly ParsedRow[], byCccd: ReadonlyMap<string, ExistingMember>) {
  const keys = new Map<string, { name: string; year: number }>();
  for (const r of rows) {
    const name = r.values.fullName;
    const year = typeof r.values.birthDate === 'string' ? Number(r.values.birthDate.slice(0, 4)) : r.values.birthYear;
    if (typeof name !== 'string' || typeof year !== 'number' || (typeof r.values.cccd === 'string' && byCccd.has(r.values.cccd))) continue;
    keys.set(`${year}|${name}`, { name, year });
  }
  return [...keys.values()];
}

/**
 * The members recorded now that these rows may be (by CCCD anywhere, else by name and year of birth in the scope):
 * the same code for the preview and, again, the commit. One query per 1,000 keys.
 */
export async function lookupFor(tx: Kysely<DB>, actor: Actor, scope: Scope, rows: readonly ParsedRow[]): Promise<Lookup> {
  const cccds = [...new Set(rows.map((r) => r.values.cccd).filter((c): c is string => typeof c === 'string'))];
  const byCccd = new Map<string, ExistingMember>();
  const byName = new Map<string, ExistingMember[]>();
  for (let i = 0; i < cccds.length; i += 1000) {
    for (const r of await membersByCccd(tx, cccds.slice(i, i + 1000))) byCccd.set(r.cccd!, toExisting(r, actor));
  }
  // A row whose CCCD is on record is that member (or an error): only the others are looked up, by name and the
  // year of birth (the planner compares the full date).
  const list = nameKeys(rows, byCccd);
  for (let i = 0; i < list.length; i += 1000) {
    for (const r of await membersByName(tx, scope, list.slice(i, i + 1000)))
      (byName.get(r.input_name) ?? byName.set(r.input_name, []).get(r.input_name)!).push(toExisting(r, actor));
  }
  return { byCccd: (c) => byCccd.get(c), byName: (n) => byName.get(n) ?? [] };
}

const NO_HEADER = `Không tìm thấy dòng tiêu đề trong ${HEADER_SEARCH_ROWS} dòng đầu của bảng tính: cần cột «Họ và tên» và ít nhất hai cột khác của mẫu (như «Ngày sinh», «Số CCCD», «Chi bộ»). Hãy dùng tệp mẫu.`;

/**
 * Reads the file: the header row within the first rows of a sheet, then every data row parsed, CHUNK rows at a
 * time as the file streams in.
 */
async function* readChunks(kind: FileKind, bytes: Buffer, ctx: ParseContext, live: Progress): AsyncGenerator<{ columns: ImportColumn[]; rows: ParsedRow[] }> {
  let columns: ImportColumn[] | null = null;
  let rows: ParsedRow[] = [];
  let total = 0;
  for await (const sheet of readSheets(kind, bytes)) {
    let seen = 0;
    let first = true;
    for await (const { row, cells } of sheet.rows) {
      if (!columns || seen < 0) {
        // Still looking for the header; a sheet without one is read to its end (a stream cannot skip it).
        if (seen < 0 || ++seen > HEADER_SEARCH_ROWS) {
          seen = -1;
          continue;
        }
        const cols = mapHeaders(cells);
        if (isHeaderRow(cols)) columns = cols;
        continue;
      }
      if (first && isNumberingRow(cells)) continue;
      first = false;
      if (columns.every((c) => !c.field || cellText(cells[c.index] ?? null) === '')) continue;
      if (total >= MAX_ROWS) throw invalid('file', `Tệp có hơn ${formatCount(MAX_ROWS)} dòng: hãy chia thành nhiều tệp.`);
      const p = parseRow(row, cells, columns, ctx);
      validateFields(p, columns);
      rows.push(p);
      total += 1;
      live.processedRows = total;
      if (rows.length >= CHUNK) {
        yield { columns, rows };
        rows = [];
      }
    }
    if (columns) break;
  }
  if (!columns) throw invalid('file', NO_HEADER);
  if (total === 0) throw invalid('file', 'Bảng tính không có dòng dữ liệu nào dưới dòng tiêu đề.');
  if (rows.length > 0) yield { columns, rows };
}

/** An upload to preview, as the service has checked it. */
export interface PreviewInput {
  id: string;
  actor: Actor;
  scope: Scope;
  kind: FileKind;
  fileName: string;
  bytes: Buffer;
  now: Date;
  today: string;
  live: Progress;
}

/** Adds a planned chunk to the running summary. */
function addToSummary(summary: StoredSummary, planned: ReturnType<ReturnType<typeof importPlanner>['plan']>) {
  const s = summarize(planned);
  summary.new += s.new;
  summary.update += s.update;
  summary.unchanged += s.unchanged;
  summary.error += s.error;
  for (const p of planned) {
    summary.problems += p.problems.length;
    summary.warnings += p.warnings.length;
  }
}

/**
 * Reads, checks and reconciles the file and stores the plan, a chunk at a time: the header says 'processing' until
 * the end. Nothing of the member file is written; a file refused half way through leaves nothing behind.
 */
export async function storePreview(db: Kysely<DB>, input: PreviewInput): Promise<void> {
  const { id, actor, scope, now } = input;
  let stored = false;
  try {
    const ctx = await parseContext(db, scope, input.today);
    await purgeImports(db, new Date(now.getTime() - KEEP_DAYS * 86400000));
    const summary: StoredSummary = { new: 0, update: 0, unchanged: 0, error: 0, problems: 0, warnings: 0 };
    let planner: ReturnType<typeof importPlanner> | null = null;
    let total = 0;
    for await (const chunk of readChunks(input.kind, input.bytes, ctx, input.live)) {
      if (!planner) {
        planner = importPlanner(chunk.columns, ctx.editable);
        await insertImport(db, {
          id,
          actorId: actor.userId,
          createdAt: now,
          fileName: input.fileName,
          fileKind: input.kind,
          sha256: createHash('sha256').update(input.bytes).digest('hex'),
          totalRows: 0,
          columns: chunk.columns.map((c) => ({ index: c.index, header: c.header, field: c.field })),
          summary,
        });
        stored = true;
      }
      const planned = planner.plan(chunk.rows, await lookupFor(db, actor, scope, chunk.rows));
      addToSummary(summary, planned);
      total += planned.length;
      await insertImportRows(
        db,
        id,
        planned.map((p) => ({
          row: p.row,
          action: p.action,
          memberId: p.memberId,
          data: p.values,
          changes: p.changes,
          problems: p.problems,
          warnings: p.warnings,
        })),
      );
    }
    await finishImport(db, id, total, summary);
  } catch (e) {
    if (stored) await deleteImport(db, id);
    throw e;
  }
}
