import { describe, expect, it } from 'vitest';
import { IMPORT_FIELDS } from '../../../domain/member-import.ts';
import { fieldOfHeader, isHeaderRow, isNumberingRow, mapHeaders, OFFICIAL_LAYOUT } from './header-map.ts';
import { sniffFile } from '../../office/sheet-read.ts';
import { zipEntryNames } from '../../office/zip.ts';
import { csvOf, docxBytes, xlsxOf, zipOf } from './member-import.fixtures.ts';

describe('column headers', () => {
  it('recognises the usual Vietnamese headers, accents, capitals and punctuation aside', () => {
    expect(fieldOfHeader('Họ và tên')).toBe('fullName');
    expect(fieldOfHeader('HỌ TÊN')).toBe('fullName');
    expect(fieldOfHeader('Ngày, tháng, năm sinh')).toBe('birthDate');
    expect(fieldOfHeader('Năm sinh')).toBe('birthDate');
    expect(fieldOfHeader('Số CMND/CCCD')).toBe('cccd');
    expect(fieldOfHeader('Số định danh cá nhân')).toBe('cccd');
    expect(fieldOfHeader('Trình độ LLCT')).toBe('theoryLevel');
    expect(fieldOfHeader('Trình độ văn hóa')).toBe('generalEducation');
    expect(fieldOfHeader('Ngày kết nạp')).toBe('admittedOn');
    expect(fieldOfHeader('Ngày công nhận chính thức')).toBe('officialOn');
    expect(fieldOfHeader('Số thẻ ĐV')).toBe('cardNo');
    expect(fieldOfHeader('Chi bộ sinh hoạt')).toBe('orgId');
    expect(fieldOfHeader('Ngày sinh (DD/MM/YYYY)')).toBe('birthDate');
    expect(fieldOfHeader('Nơi sinh')).toBe('birthplace');
    expect(fieldOfHeader('STT')).toBeNull();
    expect(fieldOfHeader('Sở thích')).toBeUndefined();
  });

  it('every column of the official layout maps to its own field', () => {
    for (const f of OFFICIAL_LAYOUT) expect(fieldOfHeader(IMPORT_FIELDS[f].label)).toBe(f);
    expect(new Set(OFFICIAL_LAYOUT).size).toBe(Object.keys(IMPORT_FIELDS).length);
  });

  it('finds a header row (name and two more facts), takes a field once, skips the numbering row', () => {
    const cols = mapHeaders(['STT', 'Họ và tên', 'Ngày sinh', null, 'Họ tên', 'Chi bộ']);
    expect(cols.map((c) => [c.index, c.field])).toEqual([
      [0, null],
      [1, 'fullName'],
      [2, 'birthDate'],
      [4, null],
      [5, 'orgId'],
    ]);
    expect(isHeaderRow(cols)).toBe(true);
    expect(isHeaderRow(mapHeaders(['DANH SÁCH ĐẢNG VIÊN']))).toBe(false);
    expect(isHeaderRow(mapHeaders(['Họ và tên', 'Ghi chú']))).toBe(false);
    expect(mapHeaders(['Họ và tên khai sinh', 'Giới tính', 'Ngày sinh'])[0]!.field).toBe('fullName');
    expect(isNumberingRow(['(1)', '(2)', '(3)', '(4)'])).toBe(true);
    expect(isNumberingRow(['1', 'Nguyễn Văn An', '3'])).toBe(false);
  });
});

describe('file kinds, by content', () => {
  it('tells xlsx, CSV, a renamed docx, a zip, an empty file, an old .xls and binary apart', async () => {
    expect(sniffFile(await xlsxOf([['Họ và tên']]))).toBe('xlsx');
    expect(sniffFile(csvOf([['Họ và tên']]))).toBe('csv');
    expect(zipEntryNames(docxBytes())).toEqual(['[Content_Types].xml', 'word/document.xml']);
    const message = (b: Buffer) => {
      try {
        sniffFile(b);
        return 'accepted';
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(message(docxBytes())).toContain('văn bản Word (.docx)');
    expect(message(zipOf({ 'a.txt': 'x' }))).toBe('Tệp nén (zip) không phải bảng tính Excel (.xlsx).');
    expect(message(Buffer.alloc(0))).toBe('Tệp rỗng (0 byte): không có gì để nhập.');
    expect(message(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toContain('(.xls)');
    expect(message(Buffer.from('%PDF-1.7\n'))).toContain('PDF');
    expect(message(Buffer.from([0x48, 0xe0, 0xff, 0x00]))).toContain('UTF-8');
  });
});
