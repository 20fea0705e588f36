/**
 * Spreadsheet import of party members (domain.md §4, §15): what each column may hold, how a cell becomes a value of
 * the member file, and how a file's rows are reconciled with the members already recorded. Pure: the server reads
 * the files and the database and hands the results here.
 *
 * Rules encoded here (domain.md §15): identifiers are text (Excel drops leading zeros: a CCCD that lost them is an
 * error, never silently padded); CCCD is the key for reconciliation, else the name folded without accents plus the
 * birth date; a blank cell never clears a filled value; a row that changes nothing is 'unchanged', so running the
 * same file twice changes nothing.
 */
import { isIsoDate, type IsoDate } from './dates.ts';
import { admissionAgeProblem } from './plausibility.ts';
import { foldAccents, normalizeText } from './text.ts';

/** A cell as read from a file: text, a number, a boolean, a calendar day (Excel date cells), or blank. */
export type CellValue = string | number | boolean | { date: IsoDate } | null;

export type FieldKind = 'name' | 'text' | 'identifier' | 'gender' | 'birthDate' | 'date' | 'cccd' | 'catalogue' | 'cell';

export interface ImportFieldSpec {
  /** The column header of the official layout. */
  label: string;
  kind: FieldKind;
  /** For 'catalogue': the catalogue_item catalogue. */
  catalogue?: string;
}

/**
 * Every column an import understands, keyed by the member file's field (src/contract/members.ts MemberFields) or by the
 * admission facts (orgId: the cell, admittedOn, officialOn), which only a new member takes.
 */
export const IMPORT_FIELDS = {
  fullName: { label: 'Họ và tên', kind: 'name' },
  gender: { label: 'Giới tính', kind: 'gender' },
  birthDate: { label: 'Ngày sinh', kind: 'birthDate' },
  cccd: { label: 'Số CCCD', kind: 'cccd' },
  ethnicity: { label: 'Dân tộc', kind: 'catalogue', catalogue: 'ethnicity' },
  religion: { label: 'Tôn giáo', kind: 'catalogue', catalogue: 'religion' },
  hometown: { label: 'Quê quán', kind: 'text' },
  currentAddress: { label: 'Nơi ở hiện nay', kind: 'text' },
  generalEducation: { label: 'Trình độ GDPT', kind: 'catalogue', catalogue: 'general_education' },
  professionalLevel: { label: 'Chuyên môn', kind: 'catalogue', catalogue: 'professional_level' },
  theoryLevel: { label: 'Lý luận chính trị', kind: 'catalogue', catalogue: 'theory_level' },
  occupation: { label: 'Nghề nghiệp', kind: 'catalogue', catalogue: 'occupation' },
  admittedOn: { label: 'Ngày vào Đảng', kind: 'date' },
  officialOn: { label: 'Ngày chính thức', kind: 'date' },
  cardNo: { label: 'Số thẻ đảng viên', kind: 'identifier' },
  orgId: { label: 'Chi bộ', kind: 'cell' },
  birthplace: { label: 'Nơi sinh', kind: 'text' },
  permanentAddress: { label: 'Nơi thường trú', kind: 'text' },
  workplace: { label: 'Đơn vị công tác', kind: 'text' },
  position: { label: 'Chức vụ', kind: 'text' },
  phone: { label: 'Số điện thoại', kind: 'identifier' },
  email: { label: 'Thư điện tử', kind: 'text' },
  sheetNo: { label: 'Số lý lịch', kind: 'identifier' },
  cardIssuedOn: { label: 'Ngày cấp thẻ', kind: 'date' },
  nationalDbId: { label: 'Mã CSDL đảng viên', kind: 'identifier' },
  professionalField: { label: 'Chuyên ngành', kind: 'text' },
  academicDegree: { label: 'Học vị', kind: 'text' },
  academicTitle: { label: 'Học hàm', kind: 'text' },
  stateManagement: { label: 'Quản lý nhà nước', kind: 'catalogue', catalogue: 'state_management' },
  languages: { label: 'Ngoại ngữ', kind: 'text' },
  itLevel: { label: 'Tin học', kind: 'text' },
  ceremonyOn: { label: 'Ngày lễ kết nạp', kind: 'date' },
  admissionPlace: { label: 'Nơi kết nạp', kind: 'text' },
  introducer1: { label: 'Người giới thiệu thứ nhất', kind: 'text' },
  introducer2: { label: 'Người giới thiệu thứ hai', kind: 'text' },
  youthUnionOn: { label: 'Ngày vào Đoàn', kind: 'date' },
  familyBackground: { label: 'Thành phần gia đình', kind: 'text' },
  birthName: { label: 'Họ và tên khai sinh', kind: 'text' },
  alias: { label: 'Tên gọi khác', kind: 'text' },
} as const satisfies Record<string, ImportFieldSpec>;

export type ImportField = keyof typeof IMPORT_FIELDS;
/** Facts of the admission: recorded when a member is created, never changed by an import (they come from events). */
export const ADMISSION_FIELDS = ['orgId', 'admittedOn', 'officialOn'] as const;
/** The member file's fields an import fills or changes. */
export type FileField = Exclude<ImportField, (typeof ADMISSION_FIELDS)[number]> | 'birthYear';

export const isImportField = (f: string): f is ImportField => Object.hasOwn(IMPORT_FIELDS, f);
const spec = (f: ImportField): ImportFieldSpec => IMPORT_FIELDS[f];

/** A problem of one row (an error blocks the commit; a warning does not), its message ready to show. */
export interface RowIssue {
  row: number;
  /** The column's header in the file, or the official label when the column is missing. */
  column: string | null;
  field: string;
  message: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Cells

/** What a cell shows, as text: numbers without exponent, dates as DD/MM/YYYY. */
export function cellText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'string') return normalizeText(v);
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v).toString() : String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return `${v.date.slice(8, 10)}/${v.date.slice(5, 7)}/${v.date.slice(0, 4)}`;
}

export const isBlank = (v: CellValue): boolean => v === null || (typeof v === 'string' && v.trim() === '');

/** Excel's serial day number (1900 date system) as a calendar day; serials before 1 March 1900 are refused. */
export function excelSerialToIso(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 61 || serial >= 2958466) return null;
  const t = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86400000;
  return new Date(t).toISOString().slice(0, 10);
}

type Result<T> = { value: T; warning?: string } | { error: string };

/**
 * A date cell: an Excel date, an Excel serial number, DD/MM/YYYY, D/M/YYYY (also with '.' or '-') or YYYY-MM-DD.
 * `allowYear`: a year alone (legacy records may only know the year of birth) gives `{ year }`.
 */
export function parseDateCell(v: CellValue, allowYear = false): Result<{ date: IsoDate } | { year: number } | null> {
  if (isBlank(v)) return { value: null };
  if (typeof v === 'object' && v !== null) return isIsoDate(v.date) ? { value: { date: v.date } } : { error: `«${cellText(v)}» không phải ngày hợp lệ.` };
  if (typeof v === 'number') {
    if (allowYear && Number.isInteger(v) && v >= 1900 && v <= 2100) return { value: { year: v } };
    const iso = excelSerialToIso(v);
    return iso && isIsoDate(iso) ? { value: { date: iso } } : { error: `«${cellText(v)}» không phải ngày (ghi theo dạng DD/MM/YYYY, ví dụ 19/05/1990).` };
  }
  const text = cellText(v);
  if (allowYear && /^\d{4}$/.test(text)) {
    const y = Number(text);
    return y >= 1900 && y <= 2100 ? { value: { year: y } } : { error: `Năm «${text}» không hợp lệ.` };
  }
  let iso: string | null = null;
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})$/.exec(text);
  if (m) {
    if (m[3]!.length !== 4) return { error: `«${text}»: năm phải ghi đủ 4 chữ số (ví dụ 19/05/1990).` };
    iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  } else if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/.exec(text))) {
    iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  }
  if (!iso) return { error: `«${text}» không phải ngày (ghi theo dạng DD/MM/YYYY, ví dụ 19/05/1990).` };
  if (!isIsoDate(iso)) return { error: `«${text}» không phải ngày có thật.` };
  return { value: { date: iso } };
}

const CCCD_HINT = 'Excel bỏ các số 0 ở đầu khi ô có kiểu Số: hãy định dạng cột là Văn bản (Text) rồi nhập đủ 12 chữ số.';

/**
 * A citizen ID: exactly 12 digits (spaces and dots between groups are dropped). A masked value from an export
 * (001******345) means "not given". Never padded: a number that lost its leading zeros is an error with a hint.
 */
export function parseCccd(v: CellValue): Result<string | null> | { masked: true } {
  if (isBlank(v)) return { value: null };
  const text = cellText(v).replace(/[\s.-]/g, '');
  if (/^\d{3}\*+\d{3}$/.test(text)) return { masked: true };
  if (!/^\d+$/.test(text)) return { error: `Số CCCD «${cellText(v)}» chỉ được gồm chữ số.` };
  if (text.length === 12) return { value: text };
  if (text.length > 12) return { error: `Số CCCD «${text}» có ${text.length} chữ số; số CCCD gồm đúng 12 chữ số.` };
  const cmnd = text.length === 9 ? ' Nếu đây là số CMND cũ (9 chữ số), hãy ghi số CCCD 12 chữ số.' : '';
  return { error: `Số CCCD «${text}» chỉ có ${text.length} chữ số; số CCCD gồm đúng 12 chữ số.${cmnd} ${CCCD_HINT}` };
}

export function parseGender(v: CellValue): Result<'nam' | 'nu' | null> {
  if (isBlank(v)) return { value: null };
  const f = foldAccents(cellText(v));
  if (['nam', 'm', 'male'].includes(f)) return { value: 'nam' };
  if (['nu', 'f', 'female'].includes(f)) return { value: 'nu' };
  return { error: `Giới tính «${cellText(v)}» không hợp lệ (ghi Nam hoặc Nữ).` };
}

/** Vietnamese names typed in capitals ("NGUYỄN VĂN AN", usual on lists) are stored as names are written. */
export function properName(text: string): string {
  const t = normalizeText(text);
  if (t !== t.toUpperCase() || t === t.toLowerCase()) return t;
  return t
    .toLowerCase()
    .split(' ')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

// ---------------------------------------------------------------------------------------------------------------
// Lookups: catalogues and cells

/** Catalogue items by folded name and by folded code → code. */
export type CatalogueIndex = Map<string, Map<string, string>>;

export function catalogueIndex(items: readonly { catalogue: string; code: string; name: string }[]): CatalogueIndex {
  const idx: CatalogueIndex = new Map();
  for (const it of items) {
    const m = idx.get(it.catalogue) ?? idx.set(it.catalogue, new Map()).get(it.catalogue)!;
    m.set(foldAccents(it.code), it.code);
    m.set(foldAccents(it.name), it.code);
  }
  return idx;
}

/** "12/12", "9/12", "10/10", "7/10": the usual way of writing general education, read as the catalogue's levels. */
function generalEducationCode(text: string): string | null {
  const m = /^(\d{1,2})\s*\/\s*(10|12)$/.exec(text);
  if (!m) return null;
  const grade = Number(m[1]);
  const system = Number(m[2]);
  if (grade > system || grade < 1) return null;
  const [upper, lower, primary] = system === 12 ? [12, 9, 5] : [10, 7, 4];
  return grade >= upper ? 'thpt' : grade >= lower ? 'thcs' : grade >= primary ? 'tieu_hoc' : null;
}

export function parseCatalogue(v: CellValue, catalogue: string, label: string, idx: CatalogueIndex): Result<string | null> {
  if (isBlank(v)) return { value: null };
  const text = cellText(v);
  const code = idx.get(catalogue)?.get(foldAccents(text)) ?? (catalogue === 'general_education' ? generalEducationCode(text) : null);
  return code ? { value: code } : { error: `«${text}» không có trong danh mục ${label}.` };
}

export interface CellRef {
  id: string;
  name: string;
  code: string | null;
}

/** The cells an import may place members in, by folded code and by folded name. */
export interface CellIndex {
  byCode: Map<string, CellRef[]>;
  byName: Map<string, CellRef[]>;
}

export function cellIndex(cells: readonly CellRef[]): CellIndex {
  const byCode = new Map<string, CellRef[]>();
  const byName = new Map<string, CellRef[]>();
  const add = (m: Map<string, CellRef[]>, k: string, c: CellRef) => (m.get(k) ?? m.set(k, []).get(k)!).push(c);
  for (const c of cells) {
    if (c.code) add(byCode, foldAccents(c.code), c);
    add(byName, foldAccents(c.name), c);
  }
  return { byCode, byName };
}

/** A cell named by its code or its name (accent- and case-insensitive, otherwise exact). */
export function parseCell(v: CellValue, idx: CellIndex): Result<string | null> {
  if (isBlank(v)) return { value: null };
  const text = cellText(v);
  const key = foldAccents(text);
  const found = idx.byCode.get(key) ?? idx.byName.get(key) ?? [];
  if (found.length === 1) return { value: found[0]!.id };
  if (found.length > 1) return { error: `Có ${found.length} chi bộ cùng tên «${text}» trong phạm vi của bạn: hãy ghi mã chi bộ.` };
  return { error: `Không tìm thấy chi bộ «${text}» trong phạm vi bạn được cập nhật (ghi tên hoặc mã chi bộ như trong trang «Hướng dẫn» của tệp mẫu).` };
}

// ---------------------------------------------------------------------------------------------------------------
// Rows

export interface ImportColumn {
  /** 0-based position in the row. */
  index: number;
  header: string;
  field: ImportField | null;
}

/** Values of one row as the member file will hold them; only what the file gives (blank cells are absent). */
export type RowValues = Partial<Record<ImportField | 'birthYear', string | number>>;

export interface ParsedRow {
  row: number;
  values: RowValues;
  problems: RowIssue[];
  warnings: RowIssue[];
}

/** "A", "B", …, "Z", "AA": the column's letter as Excel shows it. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const where = (row: number, col: ImportColumn | null, label: string) =>
  col ? `Dòng ${row}, cột ${columnLetter(col.index)} «${col.header}»` : `Dòng ${row}, «${label}»`;

export function issue(row: number, col: ImportColumn | null, field: string, text: string): RowIssue {
  const label = isImportField(field) ? spec(field).label : field;
  return { row, column: col?.header ?? label, field, message: `${where(row, col, label)}: ${text}` };
}

export interface ParseContext {
  cells: CellIndex;
  catalogues: CatalogueIndex;
  today: IsoDate;
}

/**
 * One data row of the file: each mapped cell parsed by its field's kind. Problems that need no other row and no
 * database are found here: impossible dates, CCCD that is not 12 digits, unknown cells and catalogue values, dates
 * out of order. Whether a field is required depends on the row being a new member: see planImport.
 */
export function parseRow(row: number, cells: readonly CellValue[], columns: readonly ImportColumn[], ctx: ParseContext): ParsedRow {
  const out: ParsedRow = { row, values: {}, problems: [], warnings: [] };
  const colOf = new Map<string, ImportColumn>();
  for (const col of columns) {
    if (!col.field) continue;
    colOf.set(col.field, col);
    const v = cells[col.index] ?? null;
    const s = spec(col.field);
    const fail = (msg: string) => out.problems.push(issue(row, col, col.field!, msg));
    const warn = (msg: string) => out.warnings.push(issue(row, col, col.field!, msg));
    switch (s.kind) {
      case 'name':
      case 'text': {
        const t = cellText(v);
        if (t) out.values[col.field] = s.kind === 'name' ? properName(t) : t;
        break;
      }
      case 'identifier': {
        const t = cellText(v);
        if (!t) break;
        if (typeof v === 'number') warn(`«${t}» được lưu dạng số trong Excel: nếu có số 0 ở đầu thì đã bị mất. Hãy định dạng cột là Văn bản (Text).`);
        out.values[col.field] = t;
        break;
      }
      case 'gender': {
        const r = parseGender(v);
        if ('error' in r) fail(r.error);
        else if (r.value) out.values.gender = r.value;
        break;
      }
      case 'cccd': {
        const r = parseCccd(v);
        if ('masked' in r) warn('Số CCCD đã bị che (tệp xuất cho người không được xem CCCD): bỏ qua, không ghi đè.');
        else if ('error' in r) fail(r.error);
        else if (r.value) out.values.cccd = r.value;
        break;
      }
      case 'birthDate':
      case 'date': {
        const r = parseDateCell(v, s.kind === 'birthDate');
        if ('error' in r) fail(r.error);
        else if (r.value && 'year' in r.value) out.values.birthYear = r.value.year;
        else if (r.value) out.values[col.field] = r.value.date;
        break;
      }
      case 'catalogue': {
        const r = parseCatalogue(v, s.catalogue!, s.label, ctx.catalogues);
        if ('error' in r) fail(r.error);
        else if (r.value) out.values[col.field] = r.value;
        break;
      }
      case 'cell': {
        const r = parseCell(v, ctx.cells);
        if ('error' in r) fail(r.error);
        else if (r.value) out.values.orgId = r.value;
        break;
      }
    }
  }
  const v = out.values;
  const after = (a: ImportField, b: ImportField, msg: string) => {
    const x = v[a];
    const y = v[b];
    if (typeof x === 'string' && typeof y === 'string' && y <= x) out.problems.push(issue(row, colOf.get(b) ?? null, b, msg));
  };
  for (const f of ['birthDate', 'admittedOn', 'officialOn', 'cardIssuedOn', 'ceremonyOn', 'youthUnionOn'] as const) {
    const d = v[f];
    if (typeof d === 'string' && d > ctx.today) out.problems.push(issue(row, colOf.get(f) ?? null, f, `${spec(f).label} ${fmt(d)} sau ngày hôm nay.`));
  }
  after('birthDate', 'admittedOn', 'Ngày vào Đảng phải sau ngày sinh.');
  after('admittedOn', 'officialOn', 'Ngày chính thức phải sau ngày kết nạp.');
  return out;
}

const fmt = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

// ---------------------------------------------------------------------------------------------------------------
// Reconciliation

/** A member already recorded, as the planner needs him. */
export interface ExistingMember {
  id: string;
  orgId: string;
  /** In the importer's editing scope. */
  editable: boolean;
  fullName: string;
  admittedOn: string;
  officialOn: string | null;
  /** The file fields' current values (FileField → value or null). */
  fields: Partial<Record<FileField, unknown>>;
}

export interface Lookup {
  /** The member holding this CCCD anywhere (CCCD is unique), or none. */
  byCccd(cccd: string): ExistingMember | undefined;
  /**
   * Members in the importer's editing scope whose name folds to the row's name: at least those born in the year of
   * the row's birth date or birth year (the planner compares the dates).
   */
  byName(fullName: string): readonly ExistingMember[];
}

export type RowAction = 'new' | 'update' | 'unchanged' | 'error';

export interface Change {
  field: FileField;
  from: unknown;
  to: unknown;
}

export interface PlannedRow extends ParsedRow {
  action: RowAction;
  memberId: string | null;
  changes: Change[];
}

export const FILE_FIELDS: FileField[] = [
  ...(Object.keys(IMPORT_FIELDS) as ImportField[]).filter((f) => !(ADMISSION_FIELDS as readonly string[]).includes(f)),
  'birthYear',
] as FileField[];

/** True when the text carries Vietnamese diacritics (or đ). */
const hasMarks = (s: string) => foldAccents(s) !== normalizeText(s).toLowerCase();

/**
 * True when the incoming text is the stored one written differently but no better: the same letters without the
 * diacritics (files from systems that drop them), or the same text in other capitals. Such a cell changes nothing.
 */
export function sameText(stored: string, incoming: string): boolean {
  if (stored === incoming) return true;
  if (foldAccents(stored) !== foldAccents(incoming)) return false;
  return stored.toLowerCase() === incoming.toLowerCase() || (!hasMarks(incoming) && hasMarks(stored));
}

/** What an update changes: blank cells never clear; a filled value changes only to a different non-blank one. */
export function changesFor(existing: ExistingMember, values: RowValues): { changes: Change[]; warnings: string[] } {
  const changes: Change[] = [];
  const warnings: string[] = [];
  for (const f of FILE_FIELDS) {
    const to = values[f];
    if (to === undefined || to === null || to === '') continue;
    const from = existing.fields[f] ?? null;
    if (f === 'birthYear') {
      const birthDate = existing.fields.birthDate;
      if (typeof birthDate === 'string') {
        if (Number(birthDate.slice(0, 4)) !== to) warnings.push(`Năm sinh ${to} khác ngày sinh đã có trong hồ sơ (${fmt(birthDate)}): không sửa.`);
        continue;
      }
    }
    if (from === null || from === '') changes.push({ field: f, from: null, to });
    else if (typeof from === 'string' && typeof to === 'string' ? !sameText(from, to) : from !== to) changes.push({ field: f, from, to });
  }
  return { changes, warnings };
}

const nameKey = (name: string) => foldAccents(name);

/**
 * The plan of an import: each row is a new member, an update of an existing one, unchanged, or an error.
 * Duplicates within the file (same CCCD; same name and birth date where one of the rows has no CCCD) are errors of
 * the later row. An existing member is found by CCCD, else by name and birth date within the editing scope.
 * `editableCells`: the cells a new member may be placed in now (checked again at commit).
 */
export function planImport(rows: readonly ParsedRow[], lookup: Lookup, columns: readonly ImportColumn[], editableCells: ReadonlySet<string>): PlannedRow[] {
  return importPlanner(columns, editableCells).plan(rows, lookup);
}

/**
 * planImport for a file read in chunks: `plan` takes the rows in file order, a chunk at a time, each chunk with a
 * lookup that knows at least that chunk's members. The planner remembers what it needs of earlier chunks (the CCCDs,
 * names and birth dates, and the members already matched) to find duplicates across chunks, and nothing else: the
 * result is the same as planImport over the whole file.
 */
export function importPlanner(
  columns: readonly ImportColumn[],
  editableCells: ReadonlySet<string>,
): { plan(rows: readonly ParsedRow[], lookup: Lookup): PlannedRow[] } {
  const colOf = new Map(columns.filter((c) => c.field).map((c) => [c.field as string, c]));
  const byCccd = new Map<string, number>();
  const byNameBirth = new Map<string, { row: number; hasCccd: boolean }[]>();
  const matched = new Map<string, number>();
  return {
    plan(rows, lookup) {
      const out: PlannedRow[] = [];
      for (const r of rows) out.push(planRow(r, lookup));
      return out;
    },
  };

  function planRow(r: ParsedRow, lookup: Lookup): PlannedRow {
    const p: PlannedRow = { ...r, problems: [...r.problems], warnings: [...r.warnings], action: 'error', memberId: null, changes: [] };
    const fail = (field: string, msg: string) => p.problems.push(issue(r.row, colOf.get(field) ?? null, field, msg));
    const v = r.values;
    const name = typeof v.fullName === 'string' ? v.fullName : null;
    const cccd = typeof v.cccd === 'string' ? v.cccd : null;
    const birth = typeof v.birthDate === 'string' ? v.birthDate : typeof v.birthYear === 'number' ? `y${v.birthYear}` : null;
    if (!name) fail('fullName', 'Thiếu họ và tên.');
    const readProblems = p.problems.length;

    // Duplicates within the file.
    if (cccd) {
      const first = byCccd.get(cccd);
      if (first !== undefined) fail('cccd', `Trùng số CCCD với dòng ${first}.`);
      else byCccd.set(cccd, r.row);
    }
    if (name && birth) {
      const key = `${nameKey(name)}|${birth}`;
      const seen = byNameBirth.get(key) ?? byNameBirth.set(key, []).get(key)!;
      const dup = seen.find((s) => !s.hasCccd || !cccd);
      if (dup && !(cccd && p.problems.some((x) => x.field === 'cccd')))
        fail('fullName', `Trùng họ tên và ngày sinh với dòng ${dup.row} (không có số CCCD để phân biệt).`);
      seen.push({ row: r.row, hasCccd: !!cccd });
    }

    // The member already recorded.
    let member: ExistingMember | undefined;
    if (cccd) {
      const m = lookup.byCccd(cccd);
      if (m && !m.editable) fail('cccd', 'Số CCCD đã có trong hồ sơ một đảng viên ngoài phạm vi bạn được cập nhật.');
      else if (m && name && nameKey(m.fullName) !== nameKey(name))
        fail('fullName', `Số CCCD này thuộc đảng viên «${m.fullName}» đã có trong hồ sơ, khác họ tên trong tệp: hãy kiểm tra lại.`);
      else member = m;
    }
    if (!member && name && birth && !p.problems.some((x) => x.field === 'cccd')) {
      const candidates = lookup.byName(name).filter((m) => {
        if (cccd && typeof m.fields.cccd === 'string' && m.fields.cccd !== cccd) return false;
        const d = m.fields.birthDate;
        const y = m.fields.birthYear;
        if (birth.startsWith('y')) return (typeof d === 'string' ? Number(d.slice(0, 4)) : y) === Number(birth.slice(1));
        return typeof d === 'string' ? d === birth : y === Number(birth.slice(0, 4));
      });
      if (candidates.length > 1) fail('fullName', `Có ${candidates.length} đảng viên cùng họ tên và ngày sinh trong hồ sơ: hãy ghi số CCCD để phân biệt.`);
      else member = candidates[0];
    }
    if (member) {
      const first = matched.get(member.id);
      if (first !== undefined) fail('fullName', `Dòng ${first} cũng là đảng viên này.`);
      else matched.set(member.id, r.row);
    }

    if (member) {
      const { changes, warnings } = changesFor(member, v);
      for (const w of warnings) p.warnings.push(issue(r.row, colOf.get('birthDate') ?? null, 'birthDate', w));
      // A corrected birth must keep the recorded admission within the age rules of its date (§6).
      const newBirth = changes.find((c) => c.field === 'birthDate' || c.field === 'birthYear');
      const age = newBirth ? admissionAgeProblem({ [newBirth.field]: newBirth.to }, member.admittedOn, newBirth.field) : null;
      if (age) fail(newBirth!.field, age.message);
      const note = (f: 'orgId' | 'admittedOn' | 'officialOn', stored: string | null, msg: string) => {
        if (v[f] !== undefined && v[f] !== stored) p.warnings.push(issue(r.row, colOf.get(f) ?? null, f, msg));
      };
      note('orgId', member.orgId, 'Đảng viên đang sinh hoạt ở chi bộ khác: nhập tệp không chuyển sinh hoạt đảng (hãy ghi nhận việc chuyển trong hồ sơ).');
      note('admittedOn', member.admittedOn, 'Ngày vào Đảng khác hồ sơ: nhập tệp không sửa (ngày này theo quyết định kết nạp đã ghi).');
      note('officialOn', member.officialOn, 'Ngày chính thức khác hồ sơ: nhập tệp không sửa (ngày này theo quyết định công nhận đã ghi).');
      p.memberId = member.id;
      p.changes = changes;
      if (p.problems.length === 0) p.action = changes.length > 0 ? 'update' : 'unchanged';
      return p;
    }
    // A new member: the sheet's required facts, unless who he is is already in question (duplicate, CCCD taken).
    if (p.problems.length > readProblems) return p;
    // A cell that could not be read has its own problem already: "missing" would only repeat it.
    const missing = (f: ImportField, msg: string) => {
      if (v[f] === undefined && !(f === 'birthDate' && v.birthYear !== undefined) && !p.problems.some((x) => x.field === f)) fail(f, msg);
    };
    missing('gender', 'Thiếu giới tính (Nam hoặc Nữ) của đảng viên mới.');
    missing('birthDate', 'Thiếu ngày sinh của đảng viên mới.');
    missing('orgId', 'Thiếu chi bộ của đảng viên mới.');
    missing('admittedOn', 'Thiếu ngày vào Đảng của đảng viên mới.');
    if (typeof v.orgId === 'string' && !editableCells.has(v.orgId)) fail('orgId', 'Chi bộ không còn trong phạm vi bạn được cập nhật.');
    // The admission needs the age rules of its date (§6); a date of admission before the birth is already a problem.
    if (typeof v.admittedOn === 'string' && !p.problems.some((x) => x.field === 'admittedOn')) {
      const age = admissionAgeProblem({ birthDate: v.birthDate, birthYear: v.birthYear }, v.admittedOn);
      if (age) fail('admittedOn', age.message);
    }
    if (p.problems.length === 0) p.action = 'new';
    return p;
  }
}

export interface ImportSummary {
  new: number;
  update: number;
  unchanged: number;
  error: number;
}

export function summarize(rows: readonly { action: RowAction }[]): ImportSummary {
  const s: ImportSummary = { new: 0, update: 0, unchanged: 0, error: 0 };
  for (const r of rows) s[r.action] += 1;
  return s;
}

// ---------------------------------------------------------------------------------------------------------------
// Text files

/**
 * A CSV file's bytes as text: UTF-8 only (a BOM is dropped), else null. Text with NUL characters is not a CSV.
 */
export function decodeUtf8Text(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
  return text.includes('\u0000') ? null : text;
}

/**
 * RFC 4180 CSV: quoted fields may hold separators, quotes ("") and line breaks. The separator is the one of ',', ';'
 * or tab that occurs most in the first line (Excel writes ';' where the decimal mark is a comma).
 */
export function parseCsv(text: string): string[][] {
  return [...csvRows(text)];
}

/** parseCsv one row at a time, so that a large file's rows never all exist at once. */
export function* csvRows(text: string): Generator<string[]> {
  const firstLine = text.slice(0, Math.max(0, text.search(/\r?\n/)) || text.length);
  const count = (c: string) => firstLine.split(c).length - 1;
  const sep = [',', ';', '\t'].reduce((best, c) => (count(c) > count(best) ? c : best), ',');
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i += 1;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === sep) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      row.push(field);
      yield row;
      row = [];
      field = '';
      if (c === '\r' && text[i + 1] === '\n') i += 1;
    } else field += c;
    i += 1;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    yield row;
  }
}
