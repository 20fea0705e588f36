/**
 * Reading uploaded spreadsheets (the member import, evaluation results entered on paper). The kind of a file is
 * decided by its content, never by its name: an xlsx is a zip holding xl/workbook.xml (a .docx renamed .xlsx is a zip
 * without it); a CSV is UTF-8 text (sniff.ts). xlsx sheets are read as a stream (ExcelJS WorkbookReader), so a large
 * file never becomes a whole workbook in memory.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { csvRows, decodeUtf8Text, type CellValue } from '../../domain/member-import.ts';
import { AppError, invalid } from '../http/errors.ts';
import { sniffContent } from './sniff.ts';
import { openZipEntry, zipEntries } from './zip.ts';

export type FileKind = 'xlsx' | 'csv';

/** Columns read per row: the official layout has 40; anything far beyond is not a member list. */
const MAX_COLUMNS = 200;

const refuse = (message: string) => invalid('file', message);

/** The kind of an uploaded file, decided by its content; a clear refusal (400) for anything else. */
export function sniffFile(bytes: Buffer): FileKind {
  const kind = sniffContent(bytes);
  if (kind === 'empty') throw refuse('Tệp rỗng (0 byte): không có gì để nhập.');
  if (kind === 'xlsx') return 'xlsx';
  if (kind === 'broken-zip') throw refuse('Tệp Excel bị hỏng hoặc chưa tải lên hết: không đọc được.');
  if (kind === 'docx') throw refuse('Tệp là văn bản Word (.docx), không phải bảng tính Excel: hãy dùng tệp mẫu .xlsx hoặc tệp CSV.');
  if (kind === 'zip') throw refuse('Tệp nén (zip) không phải bảng tính Excel (.xlsx).');
  if (kind === 'ole') {
    throw refuse('Tệp Excel 97–2003 (.xls) hoặc Word cũ (.doc) không được hỗ trợ: hãy mở bằng Excel và lưu lại dạng .xlsx.');
  }
  if (kind === 'pdf') throw refuse('Tệp PDF không nhập được: hãy dùng tệp mẫu .xlsx hoặc tệp CSV.');
  if (decodeUtf8Text(bytes.subarray(0, Math.min(bytes.length, 1 << 16))) === null && decodeUtf8Text(bytes) === null) {
    throw refuse('Tệp không phải bảng tính Excel (.xlsx) hay CSV mã hóa UTF-8. Nếu là CSV, hãy lưu lại với mã hóa UTF-8 (trong Excel: «CSV UTF-8»).');
  }
  return 'csv';
}

/** A sheet of the file: its name and its rows (1-based row numbers as the spreadsheet shows them). */
export interface SheetRows {
  name: string;
  rows: AsyncIterable<{ row: number; cells: CellValue[] }>;
}

function toCell(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : { date: v.toISOString().slice(0, 10) };
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((t) => t.text ?? '').join('');
    if ('result' in o) return toCell(o.result);
    if ('formula' in o || 'sharedFormula' in o) return null;
    if (typeof o.text === 'string') return o.text;
    if (typeof o.error === 'string') return o.error;
  }
  return String(v);
}

type ReaderInternals = {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(chunks: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
};

const WORKSHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/**
 * ExcelJS's streaming reader over a file held in memory, its parts read from the zip in the order they are needed:
 * the workbook's relations, the workbook, the shared strings and the styles, then each sheet as a stream.
 *
 * ExcelJS's own `parse` reads the zip front to back through unzipper, which announces the end of the archive as soon as
 * it has read its last byte, while entries it has already parsed may still wait in the paused stream: they are lost.
 * Files ExcelJS writes (and many others) put the sheets before the shared strings and the workbook, so now and then a
 * sheet was parsed without them and a good file was refused as unreadable (issue 11: the import's flaky 400). Reading
 * the parts by name also spares the detour of sheets through temporary files.
 *
 * Every part is decoded as one UTF-8 stream before ExcelJS's XML parser sees it: ExcelJS 4.4 decodes every inflated
 * chunk of a sheet on its own, so a Vietnamese letter (2–3 bytes in UTF-8) that straddles two chunks became «��»
 * (exceljs issues #2063, #2316).
 */
class BufferWorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  readonly #bytes: Buffer;

  constructor(bytes: Buffer) {
    super(Readable.from([]), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
    this.#bytes = bytes;
  }

  override async *parse(): AsyncGenerator<unknown> {
    const internals = this as unknown as ReaderInternals;
    const entries = zipEntries(this.#bytes);
    if (!entries) throw new Error('xlsx: no readable zip directory');
    const text = (name: string) => {
      const entry = entries.find((e) => e.name === name);
      return entry ? openZipEntry(this.#bytes, entry).setEncoding('utf8') : null;
    };
    const rels = text('xl/_rels/workbook.xml.rels');
    if (rels) await internals._parseRels(rels);
    const workbook = text('xl/workbook.xml');
    if (workbook) await internals._parseWorkbook(workbook);
    const strings = text('xl/sharedStrings.xml');
    if (strings) yield* internals._parseSharedStrings(strings);
    const styles = text('xl/styles.xml');
    if (styles) await internals._parseStyles(styles);
    for (const entry of entries) {
      const sheetNo = WORKSHEET.exec(entry.name)?.[1];
      if (sheetNo) yield* internals._parseWorksheet(text(entry.name)!, sheetNo);
    }
  }
}
{
  const base = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as ReaderInternals;
  for (const name of ['_parseRels', '_parseWorkbook', '_parseStyles', '_parseSharedStrings', '_parseWorksheet'] as const) {
    if (typeof base[name] !== 'function') throw new Error(`ExcelJS WorkbookReader has no ${name}: check the reader against this version`);
  }
}

async function* xlsxSheets(bytes: Buffer): AsyncGenerator<SheetRows> {
  const reader = new BufferWorkbookReader(bytes);
  for await (const sheet of reader) {
    const name = (sheet as unknown as { name?: string }).name ?? '';
    yield {
      name,
      rows: (async function* () {
        for await (const row of sheet) {
          const values = row.values as unknown[];
          const cells: CellValue[] = [];
          const n = Math.min(values.length - 1, MAX_COLUMNS);
          for (let i = 0; i < n; i++) cells.push(toCell(values[i + 1]));
          yield { row: row.number, cells };
        }
      })(),
    };
  }
}

async function* csvSheets(bytes: Buffer): AsyncGenerator<SheetRows> {
  const text = decodeUtf8Text(bytes);
  if (text === null) throw refuse('Tệp CSV phải được lưu với mã hóa UTF-8 (trong Excel: «CSV UTF-8»).');
  yield {
    name: 'CSV',
    rows: (async function* () {
      let n = 0;
      for (const cells of csvRows(text.replace(/^\uFEFF/, ''))) yield { row: ++n, cells: cells.slice(0, MAX_COLUMNS) };
    })(),
  };
}

const unreadable = (e: unknown) => (e instanceof AppError ? e : refuse('Không đọc được tệp Excel: tệp bị hỏng hoặc không đúng định dạng .xlsx.'));

async function* guarded<T>(it: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* it;
  } catch (e) {
    throw unreadable(e);
  }
}

/**
 * The sheets of a file, in order. An xlsx that ExcelJS cannot read is a refusal (400), not a server error.
 */
export async function* readSheets(kind: FileKind, bytes: Buffer): AsyncGenerator<SheetRows> {
  for await (const sheet of guarded(kind === 'xlsx' ? xlsxSheets(bytes) : csvSheets(bytes))) yield { name: sheet.name, rows: guarded(sheet.rows) };
}
