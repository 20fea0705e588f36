/**
 * Column headers of member spreadsheets: the official layout the template and the export write, and the usual
 * Vietnamese headers of lists kept by party committees and exported by other systems (domain.md §15), each mapped
 * to a field of the member file. Headers are compared folded (no accents, lower case, punctuation as spaces).
 */
import { IMPORT_FIELDS, type CellValue, type ImportColumn, type ImportField, cellText } from '../../../domain/member-import.ts';
import { foldAccents } from '../../../domain/text.ts';

/** The official column layout of the template and the export, after the STT column. */
export const OFFICIAL_LAYOUT: ImportField[] = [
  'fullName',
  'gender',
  'birthDate',
  'cccd',
  'ethnicity',
  'religion',
  'hometown',
  'currentAddress',
  'generalEducation',
  'professionalLevel',
  'theoryLevel',
  'occupation',
  'admittedOn',
  'officialOn',
  'cardNo',
  'orgId',
  'birthplace',
  'permanentAddress',
  'workplace',
  'position',
  'phone',
  'email',
  'sheetNo',
  'cardIssuedOn',
  'nationalDbId',
  'professionalField',
  'academicDegree',
  'academicTitle',
  'stateManagement',
  'languages',
  'itLevel',
  'ceremonyOn',
  'admissionPlace',
  'introducer1',
  'introducer2',
  'youthUnionOn',
  'familyBackground',
  'birthName',
  'alias',
];

/** Recognised, carries nothing to import: the row number, notes. */
const IGNORED = ['stt', 'tt', 'so tt', 'so thu tu', 'ghi chu', 'trang thai', 'tinh trang'];

const SYNONYMS: Record<ImportField, string[]> = {
  fullName: ['ho va ten', 'ho ten', 'ho va ten dang vien', 'ho ten dang vien', 'ten dang vien', 'ho va ten dang dung', 'ho ten dang dung'],
  birthName: ['ho va ten khai sinh', 'ho ten khai sinh', 'ten khai sinh'],
  alias: ['ten goi khac', 'bi danh', 'ten khac'],
  gender: ['gioi tinh', 'gioi', 'nam nu', 'phai'],
  birthDate: ['ngay sinh', 'ngay thang nam sinh', 'sinh ngay', 'nam sinh', 'ngay sinh nam sinh', 'ns'],
  cccd: [
    'so cccd',
    'cccd',
    'so can cuoc cong dan',
    'can cuoc cong dan',
    'so can cuoc',
    'can cuoc',
    'so dinh danh',
    'so dinh danh ca nhan',
    'ma dinh danh ca nhan',
    'so cmnd cccd',
    'cmnd cccd',
    'so cccd cmnd',
    'cccd cmnd',
    'so cccd can cuoc',
  ],
  ethnicity: ['dan toc'],
  religion: ['ton giao'],
  hometown: ['que quan', 'nguyen quan'],
  birthplace: ['noi sinh'],
  currentAddress: [
    'noi o hien nay',
    'cho o hien nay',
    'noi o hien tai',
    'dia chi hien nay',
    'dia chi',
    'noi o',
    'cho o',
    'dia chi noi o hien nay',
    'noi cu tru hien nay',
  ],
  permanentAddress: ['noi thuong tru', 'thuong tru', 'ho khau thuong tru', 'dia chi thuong tru', 'noi dang ky thuong tru', 'noi dang ky ho khau thuong tru'],
  generalEducation: ['trinh do gdpt', 'gdpt', 'giao duc pho thong', 'trinh do giao duc pho thong', 'trinh do van hoa', 'van hoa', 'trinh do hoc van'],
  professionalLevel: ['chuyen mon', 'trinh do chuyen mon', 'chuyen mon nghiep vu', 'trinh do chuyen mon nghiep vu', 'tdcm'],
  professionalField: ['chuyen nganh', 'chuyen nganh dao tao', 'nganh dao tao'],
  theoryLevel: ['ly luan chinh tri', 'llct', 'trinh do llct', 'trinh do ly luan chinh tri', 'ly luan'],
  stateManagement: ['quan ly nha nuoc', 'qlnn', 'trinh do quan ly nha nuoc'],
  occupation: ['nghe nghiep', 'nghe nghiep hien nay'],
  workplace: ['don vi cong tac', 'noi lam viec', 'co quan cong tac', 'noi cong tac', 'co quan don vi cong tac'],
  position: ['chuc vu', 'chuc vu hien nay', 'chuc vu chinh quyen'],
  admittedOn: ['ngay vao dang', 'ngay ket nap', 'ngay ket nap dang', 'ngay vao dang lan dau', 'ngay ket nap vao dang', 'ngay vao dang cong san viet nam'],
  officialOn: ['ngay chinh thuc', 'ngay cong nhan chinh thuc', 'ngay vao dang chinh thuc', 'ngay dang vien chinh thuc', 'chinh thuc'],
  cardNo: ['so the dang vien', 'so the', 'so the dv', 'the dang vien'],
  cardIssuedOn: ['ngay cap the', 'ngay cap the dang', 'ngay cap the dang vien'],
  sheetNo: ['so ly lich', 'so ll', 'so ly lich dang vien'],
  nationalDbId: ['ma csdl dang vien', 'ma csdl', 'ma dang vien', 'ma so dang vien'],
  orgId: ['chi bo', 'chi bo sinh hoat', 'ten chi bo', 'ma chi bo', 'sinh hoat tai chi bo', 'noi sinh hoat', 'chi bo dang sinh hoat', 'to chuc dang'],
  phone: ['so dien thoai', 'dien thoai', 'sdt', 'dt', 'so dt', 'dien thoai di dong'],
  email: ['thu dien tu', 'email', 'e mail', 'dia chi email', 'dia chi thu dien tu'],
  academicDegree: ['hoc vi'],
  academicTitle: ['hoc ham'],
  languages: ['ngoai ngu', 'trinh do ngoai ngu'],
  itLevel: ['tin hoc', 'trinh do tin hoc'],
  ceremonyOn: ['ngay le ket nap', 'ngay to chuc le ket nap'],
  admissionPlace: ['noi ket nap', 'noi vao dang', 'chi bo ket nap'],
  introducer1: ['nguoi gioi thieu thu nhat', 'nguoi gioi thieu 1'],
  introducer2: ['nguoi gioi thieu thu hai', 'nguoi gioi thieu 2'],
  youthUnionOn: ['ngay vao doan', 'ngay vao doan tncs ho chi minh'],
  familyBackground: ['thanh phan gia dinh', 'thanh phan xuat than', 'thanh phan gia dinh xuat than'],
};

const KNOWN = new Map<string, ImportField | null>();
for (const [field, names] of Object.entries(SYNONYMS) as [ImportField, string[]][]) {
  for (const n of [...names, headerKey(IMPORT_FIELDS[field].label)]) KNOWN.set(n, field);
}
for (const n of IGNORED) KNOWN.set(n, null);

/** "Ngày, tháng, năm sinh (*)" → "ngay thang nam sinh". */
export function headerKey(text: string): string {
  return foldAccents(text.replace(/[*:.,;/\\()[\]_-]+/g, ' '));
}

/** The field of a header, null for a recognised column that carries nothing (STT, notes), undefined when unknown. */
export function fieldOfHeader(text: string): ImportField | null | undefined {
  const key = headerKey(text);
  if (KNOWN.has(key)) return KNOWN.get(key);
  // "Ngày sinh (DD/MM/YYYY)": a hint in brackets after a known header.
  const bare = headerKey(text.replace(/\([^)]*\)/g, ' '));
  return KNOWN.has(bare) ? KNOWN.get(bare) : undefined;
}

/** The columns of a candidate header row; a field is taken by its first column only. */
export function mapHeaders(cells: readonly CellValue[]): ImportColumn[] {
  const taken = new Set<ImportField>();
  const cols: ImportColumn[] = [];
  cells.forEach((c, index) => {
    const header = cellText(c);
    if (!header) return;
    let field = fieldOfHeader(header) ?? null;
    if (field && taken.has(field)) field = null;
    if (field) taken.add(field);
    cols.push({ index, header, field });
  });
  // Lists that only name the birth name ("Họ và tên khai sinh") use it as the name.
  if (!taken.has('fullName')) {
    const birthName = cols.find((c) => c.field === 'birthName');
    if (birthName) birthName.field = 'fullName';
  }
  return cols;
}

/** A header row names the member and at least two other facts. */
export function isHeaderRow(cols: readonly ImportColumn[]): boolean {
  const fields = new Set(cols.map((c) => c.field).filter((f) => f !== null));
  return fields.has('fullName') && fields.size >= 3;
}

/** The row of column numbers official forms put under the header: (1) (2) (3) … or 1 2 3 … */
export function isNumberingRow(cells: readonly CellValue[]): boolean {
  const filled = cells.map(cellText).filter((t) => t !== '');
  return filled.length >= 3 && filled.every((t) => /^\(?\d{1,3}\)?$/.test(t));
}

/** How many rows from the top a header row may be found in: title rows of official lists come first. */
export const HEADER_SEARCH_ROWS = 10;
