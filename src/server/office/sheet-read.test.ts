import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { cellText } from '../../domain/member-import.ts';
import { readSheets } from './sheet-read.ts';
import { xlsxOf, zipOf } from '../modules/member-import/member-import.fixtures.ts';
import { exportWorkbook } from '../modules/member-import/member-import.workbook.ts';

/** Distinct Vietnamese texts, nearly every letter 2 or 3 bytes in UTF-8: chunk boundaries fall inside letters. */
const text = (i: number, j: number) => `Nguyễn Thị Ánh Tuyết ${i}·${j} ở xã Đồng Hỷ, tỉnh Thái Nguyên — Trưởng ấp Ấp Bắc`;

async function readAll(bytes: Buffer): Promise<string[][]> {
  const out: string[][] = [];
  for await (const sheet of readSheets('xlsx', bytes)) {
    for await (const { cells } of sheet.rows) out.push(cells.map(cellText));
    break;
  }
  return out;
}

describe('reading xlsx as a stream', () => {
  it('keeps every Vietnamese letter whole across chunk boundaries (shared strings)', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [text(i, 0), text(i, 1), text(i, 2)]);
    const read = await readAll(await xlsxOf(rows));
    expect(read.length).toBe(rows.length);
    const broken = read.flat().filter((t) => t.includes('\uFFFD'));
    expect(broken).toEqual([]);
    expect(read).toEqual(rows.map((r) => r.map((t) => t.normalize('NFC'))));
  });

  it('keeps every Vietnamese letter whole across chunk boundaries (inline strings, as the export writes them)', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((resolve) => out.on('end', resolve));
    const book = exportWorkbook(out);
    for (let i = 0; i < 3000; i++) book.addRow({ fullName: text(i, 0), hometown: text(i, 1), currentAddress: text(i, 2) });
    await book.finish();
    await done;
    const read = await readAll(Buffer.concat(chunks));
    expect(read.length).toBe(3001);
    expect(read.flat().filter((t) => t.includes('\uFFFD'))).toEqual([]);
    expect(read[1]!.slice(0, 2)).toEqual(['1', text(0, 0)]);
    expect(read[3000]![1]).toBe(text(2999, 0));
  });

  it('reads the parts by name, whatever their order in the zip: sheets before the shared strings and the workbook', async () => {
    // ExcelJS writes the sheets first and the workbook last; reading the zip front to back lost the parts after a
    // sheet now and then (issue 11: a good file refused as unreadable).
    const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const bytes = zipOf({
      'xl/worksheets/sheet1.xml': `<worksheet xmlns="${main}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>42</v></c></row></sheetData></worksheet>`,
      'xl/sharedStrings.xml': `<sst xmlns="${main}" count="2" uniqueCount="2"><si><t>Họ và tên</t></si><si><t>Nguyễn Văn Ân</t></si></sst>`,
      'xl/_rels/workbook.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      'xl/workbook.xml': `<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    });
    const sheets: { name: string; rows: string[][] }[] = [];
    for await (const sheet of readSheets('xlsx', bytes)) {
      const rows: string[][] = [];
      for await (const { cells } of sheet.rows) rows.push(cells.map(cellText));
      sheets.push({ name: sheet.name, rows });
    }
    expect(sheets).toEqual([{ name: 'Danh sách', rows: [['Họ và tên'], ['Nguyễn Văn Ân', '42']] }]);
  });
});
