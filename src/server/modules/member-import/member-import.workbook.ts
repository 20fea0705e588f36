/**
 * Workbooks written for users: the import template (official column layout, every cell formatted as text so Excel
 * keeps leading zeros, and a "Hướng dẫn" sheet) and the export of a member list in the same layout, written as a
 * stream so a list of any size never sits whole in memory.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { IMPORT_FIELDS, type ImportField } from '../../../domain/member-import.ts';
import { setDayCell, styleHeader } from '../../office/sheet-style.ts';
import { OFFICIAL_LAYOUT } from './header-map.ts';

export const DATA_SHEET = 'Danh sách';
export const GUIDE_SHEET = 'Hướng dẫn';

const WIDTHS: Partial<Record<ImportField, number>> = {
  fullName: 26,
  gender: 9,
  birthDate: 12,
  cccd: 15,
  ethnicity: 10,
  religion: 12,
  hometown: 30,
  currentAddress: 34,
  generalEducation: 14,
  professionalLevel: 14,
  theoryLevel: 14,
  occupation: 22,
  admittedOn: 13,
  officialOn: 13,
  cardNo: 14,
  orgId: 28,
};
const TEXT = '@';

const columns = () => [
  { key: 'stt', width: 6, style: { numFmt: TEXT } },
  ...OFFICIAL_LAYOUT.map((f) => ({ key: f, width: WIDTHS[f] ?? 18, style: { numFmt: TEXT } })),
];
const HEADERS = ['STT', ...OFFICIAL_LAYOUT.map((f) => IMPORT_FIELDS[f].label)];

const REQUIRED_NEW: ReadonlySet<ImportField> = new Set(['fullName', 'gender', 'birthDate', 'orgId', 'admittedOn']);
const HOW: Partial<Record<ImportField, string>> = {
  fullName: 'Họ, tên đệm và tên, có dấu. Ghi chữ in hoa cũng được.',
  gender: 'Nam hoặc Nữ.',
  birthDate: 'DD/MM/YYYY, ví dụ 19/05/1990. Hồ sơ cũ chỉ biết năm sinh: ghi năm (ví dụ 1950).',
  cccd: 'Đúng 12 chữ số, giữ các số 0 ở đầu. Là khóa để đối chiếu với hồ sơ đã có.',
  orgId: 'Tên chi bộ (như danh sách bên dưới) hoặc mã chi bộ.',
  admittedOn: 'DD/MM/YYYY. Chỉ dùng khi thêm đảng viên mới.',
  officialOn: 'DD/MM/YYYY, sau ngày vào Đảng. Để trống nếu còn dự bị. Chỉ dùng khi thêm đảng viên mới.',
  cardNo: 'Văn bản: giữ các số 0 ở đầu.',
  generalEducation: 'Tên hoặc mã trong danh mục, hoặc dạng 12/12, 9/12, 10/10.',
};

const GUIDE = [
  'Mỗi dòng của trang «Danh sách» là một đảng viên, bắt đầu từ dòng 2. Giữ nguyên tên cột; có thể bỏ cột không dùng hoặc đổi thứ tự cột. Dòng tiêu đề phải nằm trong 10 dòng đầu.',
  'Mọi ô đã được định dạng Văn bản (Text) để Excel giữ số 0 ở đầu số CCCD, số thẻ. Khi dán từ tệp khác, hãy dán giá trị (Paste Values) để không mất định dạng.',
  'Ngày ghi theo dạng DD/MM/YYYY (ví dụ 19/05/1990); cũng nhận D/M/YYYY, YYYY-MM-DD và ô kiểu ngày của Excel. Ngày không có thật (như 31/02/1990) là lỗi.',
  'Đảng viên mới cần: Họ và tên, Giới tính, Ngày sinh, Chi bộ, Ngày vào Đảng.',
  'Đảng viên đã có trong hồ sơ được tìm theo số CCCD; nếu dòng không có số CCCD thì theo họ tên (không phân biệt dấu) và ngày sinh. Nhập tệp chỉ điền vào thông tin còn trống hoặc sửa thông tin khác giá trị; ô để trống không bao giờ xóa thông tin đã có.',
  'Chi bộ, ngày vào Đảng và ngày chính thức của đảng viên đã có không sửa qua nhập tệp (đó là các quyết định đã ghi trong hồ sơ).',
  'Trước khi ghi, hệ thống cho xem trước từng dòng: thêm mới, cập nhật, không đổi hay có lỗi. Còn một dòng lỗi thì chưa ghi gì; sửa tệp rồi tải lên lại. Nhập lại cùng một tệp không thay đổi gì.',
  'Có thể tải lên tệp Excel (.xlsx) hoặc CSV mã hóa UTF-8, tối đa theo giới hạn của hệ thống.',
];

/** The import template: the official layout on "Danh sách", the rules, catalogues and the user's cells on "Hướng dẫn". */
export async function templateXlsx(opts: {
  cells: readonly { name: string; code: string | null }[];
  catalogues: readonly { catalogue: string; code: string; name: string }[];
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hạt Nhân';
  const ws = wb.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns();
  styleHeader(ws.addRow(HEADERS));
  const genderCol = ws.getColumn(OFFICIAL_LAYOUT.indexOf('gender') + 2).letter;
  for (let r = 2; r <= 1001; r++) ws.getCell(`${genderCol}${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['"Nam,Nữ"'] };

  const g = wb.addWorksheet(GUIDE_SHEET);
  g.columns = [{ width: 30 }, { width: 16 }, { width: 90 }];
  g.addRow(['HƯỚNG DẪN NHẬP DANH SÁCH ĐẢNG VIÊN']).font = { bold: true, size: 14 };
  g.addRow([]);
  GUIDE.forEach((text, i) => {
    const row = g.addRow([`${i + 1}.`, '', text]);
    g.mergeCells(row.number, 2, row.number, 3);
    row.getCell(2).value = text;
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.height = 32;
  });
  g.addRow([]);
  styleHeader(g.addRow(['Cột', 'Bắt buộc (đảng viên mới)', 'Cách ghi']));
  const byCatalogue = new Map<string, string[]>();
  for (const c of opts.catalogues) (byCatalogue.get(c.catalogue) ?? byCatalogue.set(c.catalogue, []).get(c.catalogue)!).push(c.name);
  for (const f of OFFICIAL_LAYOUT) {
    const s = IMPORT_FIELDS[f];
    const how =
      HOW[f] ?? ('catalogue' in s ? `Một trong: ${(byCatalogue.get(s.catalogue) ?? []).join('; ')}.` : s.kind === 'date' ? 'DD/MM/YYYY.' : 'Văn bản.');
    const row = g.addRow([s.label, REQUIRED_NEW.has(f) ? 'Có' : '', how]);
    row.getCell(3).alignment = { wrapText: true, vertical: 'top' };
  }
  g.addRow([]);
  g.addRow(['Các chi bộ bạn được nhập đảng viên']).font = { bold: true };
  styleHeader(g.addRow(['Tên chi bộ', 'Mã']));
  for (const c of opts.cells) g.addRow([c.name, c.code ?? '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * A streaming workbook in the official layout: rows are written to `out` as they are added. `finish` closes the
 * workbook (and the stream).
 */
export function exportWorkbook(out: Writable) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Hạt Nhân';
  const ws = wb.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns();
  const header = ws.addRow(HEADERS);
  styleHeader(header);
  header.commit();
  let n = 0;
  return {
    /** Values by field, already as the user reads them (dates DD/MM/YYYY, catalogue names, cell name). */
    addRow(values: Partial<Record<ImportField, string>>) {
      n += 1;
      const row = ws.addRow([n, ...OFFICIAL_LAYOUT.map((f) => values[f] ?? '')]);
      // The row number and full dates are values Excel sorts and computes with; identifiers (CCCD, card) stay text.
      row.getCell(1).numFmt = '0';
      OFFICIAL_LAYOUT.forEach((f, i) => {
        if ((IMPORT_FIELDS[f].kind === 'date' || IMPORT_FIELDS[f].kind === 'birthDate') && values[f]) setDayCell(row.getCell(i + 2), values[f]);
      });
      row.commit();
    },
    async finish() {
      ws.commit();
      await wb.commit();
    },
  };
}
